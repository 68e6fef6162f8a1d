import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import type { CustomerProfile, Employment, HistoryEntry } from '../../contracts/customers.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { loadCustomerState, refreshDerived } from './customer-state.ts';
import { profileOf } from './customer-views.ts';
import type { CustomerDeps } from './customer-writes.usecases.ts';
import { kindMismatch, staleCustomer } from './customers.errors.ts';
import { createCustomersRepository } from './customers.repository.ts';
import { historyOf, recordHistory } from './history.ts';

export async function getCustomerProfile(deps: CustomerDeps, actor: Actor, customerId: string): Promise<CustomerProfile> {
  const row = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId);
  if (!row) throw notFound('customer');
  return profileOf(deps.db, actor.workspaceId, await loadCustomerState(deps.db, actor.workspaceId, row), deps.clock.now());
}

/** Soft delete: the customer leaves every list but can be restored from "recently deleted". */
export async function deleteCustomer(deps: CustomerDeps, actor: Actor, customerId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const row = await customers.getCustomer(actor.workspaceId, customerId);
    if (!row) throw notFound('customer');
    const now = toDbTime(deps.clock.now());
    if (!(await customers.updateCustomer(actor.workspaceId, customerId, row.version, { deleted_at: now, updated_at: now }))) throw staleCustomer(row.version);
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'deleted', field: null, oldValue: null, newValue: null }]);
  });
  await purchasesChanged(deps, actor.workspaceId, [customerId]);
}

export async function restoreCustomer(deps: CustomerDeps, actor: Actor, customerId: string): Promise<CustomerProfile> {
  const profile = await deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const row = await customers.getCustomer(actor.workspaceId, customerId, { includeDeleted: true });
    if (!row || row.deleted_at === null) throw notFound('deleted_customer');
    if (row.merged_into_id) {
      throw new AppError('customers.merged', 409, 'This customer was merged into another; open that one instead', { mergedIntoId: row.merged_into_id });
    }
    const now = toDbTime(deps.clock.now());
    await customers.updateCustomer(actor.workspaceId, customerId, row.version, { deleted_at: null, updated_at: now });
    await recordHistory(trx, actor, deps.clock, customerId, [{ action: 'restored', field: null, oldValue: null, newValue: null }]);
    const restored = (await customers.getCustomer(actor.workspaceId, customerId))!;
    return profileOf(trx, actor.workspaceId, await loadCustomerState(trx, actor.workspaceId, restored), deps.clock.now());
  });
  await purchasesChanged(deps, actor.workspaceId, [customerId]);
  return profile;
}

export async function customerHistory(deps: CustomerDeps, actor: Actor, customerId: string): Promise<HistoryEntry[]> {
  const row = await createCustomersRepository(deps.db).getCustomer(actor.workspaceId, customerId, { includeDeleted: true });
  if (!row) throw notFound('customer');
  return historyOf(deps.db, actor.workspaceId, customerId);
}

/** A person works at an organisation (either side may be given as :customerId). */
export async function addEmployment(
  deps: CustomerDeps,
  actor: Actor,
  customerId: string,
  input: { organisationId: string; title?: string | null | undefined },
): Promise<Employment> {
  return deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const [person, organisation] = await Promise.all([
      customers.getCustomer(actor.workspaceId, customerId),
      customers.getCustomer(actor.workspaceId, input.organisationId),
    ]);
    if (!person) throw notFound('customer');
    if (!organisation) throw notFound('organisation', { fields: [{ path: 'organisationId', code: 'not_found', message: 'No such organisation' }] });
    if (person.kind !== 'person') throw kindMismatch('Only a person can work at an organisation', 'customerId');
    if (organisation.kind !== 'organisation') throw kindMismatch('People work at organisations, not at other people', 'organisationId');
    const row = { workspace_id: actor.workspaceId, id: newId(), person_id: person.id, organisation_id: organisation.id, title: input.title ?? null, created_at: toDbTime(deps.clock.now()) };
    try {
      await customers.insertEmployment(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('employments.exists', 409, `${person.display_name} already works at ${organisation.display_name}`);
      throw error;
    }
    await recordHistory(trx, actor, deps.clock, person.id, [{ action: 'updated', field: 'organisations', oldValue: null, newValue: organisation.display_name }]);
    await refreshDerived(trx, actor.workspaceId, [person.id]);
    return {
      id: row.id,
      title: row.title,
      person: { id: person.id, kind: 'person', displayName: person.display_name },
      organisation: { id: organisation.id, kind: 'organisation', displayName: organisation.display_name },
    };
  });
}

export async function removeEmployment(deps: CustomerDeps, actor: Actor, customerId: string, employmentId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const employment = (await customers.employmentsOf(actor.workspaceId, [customerId])).find((e) => e.id === employmentId);
    if (!employment) throw notFound('employment');
    await customers.deleteEmployment(actor.workspaceId, employmentId);
    await recordHistory(trx, actor, deps.clock, employment.person_id, [{ action: 'updated', field: 'organisations', oldValue: employment.organisation_name, newValue: null }]);
    await refreshDerived(trx, actor.workspaceId, [employment.person_id]);
  });
}
