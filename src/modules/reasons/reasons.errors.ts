import { AppError } from '../../shared/errors.ts';

export const reasonNameTaken = (name: string) =>
  new AppError('reasons.name_taken', 409, `There is already a reason named "${name}"`, {
    fields: [{ path: 'name', code: 'taken', message: 'A reason of this kind already has this name' }],
  });

export const unknownReason = (reasonId: string, field = 'reasonId') =>
  new AppError('reasons.unknown', 400, `Unknown reason: ${reasonId}`, { fields: [{ path: field, code: 'unknown', message: 'No such reason' }] });

export const wrongReasonKind = (name: string, kind: string, field = 'reasonId') =>
  new AppError('reasons.wrong_kind', 400, `"${name}" is not ${kind === 'exit' ? 'an exit reason' : 'a reason they choose us'}`, {
    fields: [{ path: field, code: 'wrong_kind', message: kind === 'exit' ? 'Choose an exit reason' : 'Choose a reason they choose us' }],
  });

export const reasonInUse = (name: string, uses: number) =>
  new AppError('reasons.in_use', 409, `"${name}" is recorded for ${uses} customers: say which reason takes them (moveTo)`, { customers: uses });

export const moveToSelf = () => new AppError('reasons.move_to_self', 400, 'A reason cannot take its own entries: choose another one', {
  fields: [{ path: 'moveTo', code: 'self', message: 'Choose another reason' }],
});
