import { AppError } from '../../shared/errors.ts';

export const staleCustomer = (currentVersion: number) =>
  new AppError('customers.stale', 409, 'Someone else changed this customer since you opened it; reload and apply your change again', { currentVersion });

export const organisationCycle = (path: { id: string; displayName: string }[]) =>
  new AppError('organisations.cycle', 409, `That parent would make a loop: ${path.map((p) => p.displayName).join(' → ')}`, { path });

export const kindMismatch = (message: string, field: string) =>
  new AppError('customers.kind_mismatch', 400, message, { fields: [{ path: field, code: 'kind_mismatch', message }] });

export const nameRequired = () =>
  new AppError('request.invalid', 400, 'A customer needs a name', {
    fields: [{ path: 'name', code: 'required', message: 'Give a first or last name, or a name' }],
  });

export const unknownAttribute = (key: string) =>
  new AppError('attributes.unknown', 400, `There is no attribute "${key}"; define it in Settings first`, {
    key,
    fields: [{ path: `attributes.${key}`, code: 'unknown_attribute', message: `No attribute "${key}"` }],
  });

export const attributeNotApplicable = (key: string, kind: string) =>
  new AppError('attributes.not_applicable', 400, `The attribute "${key}" does not apply to a ${kind}`, {
    key,
    fields: [{ path: `attributes.${key}`, code: 'not_applicable', message: `Not for a ${kind}` }],
  });

export const mergeSelf = () => new AppError('customers.merge_self', 400, 'A customer cannot be merged with itself');
