import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import type { z } from 'zod';
import type { CustomerProfile, mergeRequestSchema } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import { notFound } from '../../shared/errors.ts';
import { createAttributesRepository } from '../attributes/attributes.repository.ts';
import type { Actor } from '../auth/permissions.ts';
import { assertValidParent } from './customer-input.ts';
import { loadCustomerState, refreshDerived } from './customer-state.ts';
import { profileOf } from './customer-views.ts';
import type { CustomerDeps } from './customer-writes.usecases.ts';
import { kindMismatch, mergeSelf, staleCustomer } from './customers.errors.ts';
import { createCustomersRepository, type CustomerRow, type CustomerRowPatch } from './customers.repository.ts';
import { createTransactionsRepository } from '../transactions/transactions.repository.ts';
import { recordHistory } from './history.ts';
import { createMergeRepository } from './merge.repository.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';

/** Which columns each mergeable field carries. */
const FIELD_COLUMNS: Record<string, (keyof CustomerRow)[]> = {
  name: ['display_name', 'sort_name', 'first_name', 'last_name'],
  website: ['website'],
  parentId: ['parent_id'],
  address: ['address_line1', 'address_line2', 'city', 'region', 'postal_code', 'country'],
  birthday: ['birthday'],
  preferredLanguage: ['preferred_language'],
  consent: ['consent_given', 'consent_at', 'consent_source'],
  notes: ['notes'],
  customerSince: ['customer_since'],
  nextFollowUp: ['next_follow_up'],
  acquisition: ['source_id', 'acquired_on'],
  campaign: ['campaign_id'],
  referredBy: ['referred_by_id'],
};

/**
 * Folds `otherId` into `customerId` (the survivor): the user picks per field whose value
 * stays (by default the survivor's, or the other's where the survivor has none); contacts,
 * tags, attribute values, employments, subsidiaries, activities and history move over; the
 * other is deleted and points at the survivor. Both versions must be the ones the user saw.
 */
export async function mergeCustomers(deps: CustomerDeps, actor: Actor, customerId: string, request: z.output<typeof mergeRequestSchema>): Promise<CustomerProfile> {
  if (customerId === request.otherId) throw mergeSelf();
  const profile = await deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const [survivor, other] = await Promise.all([customers.getCustomer(actor.workspaceId, customerId), customers.getCustomer(actor.workspaceId, request.otherId)]);
    if (!survivor) throw notFound('customer');
    if (!other) throw notFound('customer', { fields: [{ path: 'otherId', code: 'not_found', message: 'No such customer' }] });
    if (survivor.kind !== other.kind) throw kindMismatch('A person and an organisation cannot be merged', 'otherId');
    if (survivor.version !== request.version) throw staleCustomer(survivor.version);
    if (other.version !== request.otherVersion) throw staleCustomer(other.version);

    const patch: CustomerRowPatch = {};
    for (const [field, columns] of Object.entries(FIELD_COLUMNS)) {
      if (takesOther(request.take[field], columns.map((c) => survivor[c]), columns.map((c) => other[c]))) {
        for (const column of columns) Object.assign(patch, { [column]: other[column] });
      }
    }
    if (patch.parent_id === survivor.id) patch.parent_id = survivor.parent_id;
    // The one merged away referred the survivor: nobody known referred the two of them.
    if (patch.referred_by_id === survivor.id || (patch.referred_by_id === undefined && survivor.referred_by_id === other.id)) patch.referred_by_id = null;
    if (!survivor.referral_code && other.referral_code) patch.referral_code = other.referral_code;
    if (patch.parent_id) await assertValidParent(trx, actor.workspaceId, survivor, patch.parent_id);

    const before = await loadCustomerState(trx, actor.workspaceId, survivor);
    await mergeAttributes(trx, actor.workspaceId, survivor.id, other.id, request.take);
    const existingKeys = new Set(before.contacts.map((c) => `${c.kind}:${c.match_key}`));
    const otherContacts = await customers.contactsOf(actor.workspaceId, [other.id]);
    await customers.deleteContacts(actor.workspaceId, otherContacts.filter((c) => existingKeys.has(`${c.kind}:${c.match_key}`)).map((c) => c.id));
    await customers.moveContacts(actor.workspaceId, other.id, survivor.id, before.contacts.length);

    const merge = createMergeRepository(trx);
    await merge.moveTags(actor.workspaceId, other.id, survivor.id);
    await merge.moveEmployments(actor.workspaceId, other.id, survivor.id);
    await customers.reparentChildren(actor.workspaceId, other.id, survivor.id);
    await merge.moveActivities(actor.workspaceId, other.id, survivor.id);
    await createTransactionsRepository(trx).moveToCustomer(actor.workspaceId, other.id, survivor.id);
    await merge.moveHistory(actor.workspaceId, other.id, survivor.id);
    await merge.moveReasons(actor.workspaceId, other.id, survivor.id);
    await merge.moveThanksAndSurveys(actor.workspaceId, other.id, survivor.id);

    const now = toDbTime(deps.clock.now());
    await merge.moveReferralsAndRedemptions(actor.workspaceId, other.id, survivor.id);
    await customers.updateCustomer(actor.workspaceId, other.id, other.version, { deleted_at: now, merged_into_id: survivor.id, updated_at: now, referral_code: null });
    await customers.updateCustomer(actor.workspaceId, survivor.id, survivor.version, { ...patch, updated_at: now });
    // Whom the other referred may be above the survivor: a loop the merge must not leave.
    if ((await createReferralsRepository(trx).ancestorsOf(actor.workspaceId, survivor.id)).some((a) => a.id === survivor.id)) {
      await createReferralsRepository(trx).setReferrer(actor.workspaceId, [survivor.id], null, now);
    }
    await createTransactionsRepository(trx).refreshPurchaseDates(actor.workspaceId, [survivor.id]);
    await recordHistory(trx, actor, deps.clock, survivor.id, [{ action: 'merged', field: null, oldValue: other.display_name, newValue: survivor.display_name }]);
    await recordHistory(trx, actor, deps.clock, other.id, [{ action: 'merged_away', field: null, oldValue: other.display_name, newValue: survivor.display_name }]);

    await refreshDerived(trx, actor.workspaceId, [survivor.id, ...(await customers.dependantsOf(actor.workspaceId, survivor.id))]);
    const merged = (await customers.getCustomer(actor.workspaceId, survivor.id))!;
    return profileOf(trx, actor.workspaceId, await loadCustomerState(trx, actor.workspaceId, merged), deps.clock.now());
  });
  // The purchases moved: the survivor's value now, the one merged away's gone.
  await purchasesChanged(deps, actor.workspaceId, [customerId, request.otherId]);
  return profile;
}

function isEmpty(values: unknown[]): boolean {
  return values.every((v) => v === null || v === '');
}

function takesOther(choice: 'survivor' | 'other' | undefined, mine: unknown[], theirs: unknown[]): boolean {
  if (choice === 'other') return true;
  if (choice === 'survivor') return false;
  return isEmpty(mine) && !isEmpty(theirs);
}

async function mergeAttributes(db: Parameters<typeof createAttributesRepository>[0], workspaceId: string, survivorId: string, otherId: string, take: Record<string, 'survivor' | 'other'>): Promise<void> {
  const attributes = createAttributesRepository(db);
  const definitions = await attributes.listDefinitions(workspaceId);
  const values = await attributes.valuesOf(workspaceId, [survivorId, otherId]);
  for (const definition of definitions) {
    const mine = values.find((v) => v.customer_id === survivorId && v.attribute_id === definition.id);
    const theirs = values.find((v) => v.customer_id === otherId && v.attribute_id === definition.id);
    const cols = (v: typeof mine) => [v?.value_text ?? null, v?.value_number ?? null, v?.value_date ?? null];
    if (theirs && takesOther(take[`attr.${definition.key}`], cols(mine), cols(theirs))) {
      await attributes.setValue({ ...theirs, customer_id: survivorId });
    }
  }
}
