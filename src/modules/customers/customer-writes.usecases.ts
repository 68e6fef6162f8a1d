import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CustomerProfile, createCustomerSchema, updateCustomerSchema } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import { createAttributesRepository } from '../attributes/attributes.repository.ts';
import { toAttribute } from '../attributes/attributes.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { assertTagsExist } from '../tags/tags.usecases.ts';
import { diffSnapshots, displayNameOf } from './customer-derived.ts';
import { assertValidParent, attributeWrites, contactRows, rowPatchFrom, type CustomerFieldsInput } from './customer-input.ts';
import { derivedColumns, loadCustomerState, refreshDerived, snapshotOf } from './customer-state.ts';
import { profileOf } from './customer-views.ts';
import { nameRequired, staleCustomer } from './customers.errors.ts';
import { createCustomersRepository, type CustomerRow } from './customers.repository.ts';
import { recordHistory } from './history.ts';

export interface CustomerDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export async function createCustomer(deps: CustomerDeps, actor: Actor, input: z.output<typeof createCustomerSchema>): Promise<CustomerProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const now = toDbTime(deps.clock.now());
    const id = newId();
    const { name, ...patch } = rowPatchFrom(input, input.kind);
    const displayName = displayNameOf({ kind: input.kind, first_name: patch.first_name ?? null, last_name: patch.last_name ?? null, name });
    if (!displayName) throw nameRequired();
    const row: CustomerRow = {
      ...emptyRow(actor.workspaceId, id, input.kind, now),
      ...patch,
      display_name: displayName,
      sort_name: normalizeText(displayName),
    };
    if (row.parent_id) await assertValidParent(trx, actor.workspaceId, { id, display_name: displayName }, row.parent_id);
    await createCustomersRepository(trx).insertCustomer(row);
    await applyRelated(trx, actor.workspaceId, row, input);
    const state = await finishDerived(trx, actor.workspaceId, id);
    await recordHistory(trx, actor, deps.clock, id, [{ action: 'created', field: null, oldValue: null, newValue: displayName }]);
    return profileOf(trx, actor.workspaceId, state, deps.clock.now());
  });
}

export async function updateCustomer(
  deps: CustomerDeps,
  actor: Actor,
  customerId: string,
  input: z.output<typeof updateCustomerSchema>,
): Promise<CustomerProfile> {
  return deps.db.transaction().execute(async (trx) => {
    const customers = createCustomersRepository(trx);
    const current = await customers.getCustomer(actor.workspaceId, customerId);
    if (!current) throw notFound('customer');
    if (current.version !== input.version) throw staleCustomer(current.version);
    const before = await loadCustomerState(trx, actor.workspaceId, current);

    const { version, ...fields } = input;
    const { name, ...patch } = rowPatchFrom(fields, current.kind);
    const merged = { ...current, ...patch };
    const nameGiven = name !== undefined ? name : current.kind === 'organisation' || (!merged.first_name && !merged.last_name) ? current.display_name : null;
    const displayName = displayNameOf({ kind: current.kind, first_name: merged.first_name, last_name: merged.last_name, name: nameGiven });
    if (!displayName) throw nameRequired();
    if (patch.parent_id) await assertValidParent(trx, actor.workspaceId, current, patch.parent_id);

    const updated = await customers.updateCustomer(actor.workspaceId, customerId, version, {
      ...patch,
      display_name: displayName,
      sort_name: normalizeText(displayName),
      updated_at: toDbTime(deps.clock.now()),
    });
    if (!updated) throw staleCustomer((await customers.getCustomer(actor.workspaceId, customerId))?.version ?? version);
    await applyRelated(trx, actor.workspaceId, { ...merged, display_name: displayName }, fields);

    const after = await finishDerived(trx, actor.workspaceId, customerId);
    const changes = diffSnapshots(snapshotOf(before), snapshotOf(after));
    await recordHistory(trx, actor, deps.clock, customerId, changes.map((c) => ({ action: 'updated' as const, ...c })));
    // People and subsidiaries are found by their organisation's name: keep that current.
    if (current.kind === 'organisation' && displayName !== current.display_name) {
      await refreshDerived(trx, actor.workspaceId, await customers.dependantsOf(actor.workspaceId, customerId));
    }
    return profileOf(trx, actor.workspaceId, after, deps.clock.now());
  });
}

/** Contacts, tags and attribute values: replaced or set when the input carries them. */
async function applyRelated(db: Kysely<DB>, workspaceId: string, row: CustomerRow, input: CustomerFieldsInput): Promise<void> {
  if (input.contacts) await createCustomersRepository(db).replaceContacts(workspaceId, row.id, contactRows(workspaceId, row.id, input.contacts));
  if (input.tagIds) {
    await assertTagsExist(db, workspaceId, input.tagIds);
    const tags = createTagsRepository(db);
    const current = await tags.tagIdsOf(workspaceId, row.id);
    await tags.removeTags(workspaceId, [row.id], current.filter((id) => !input.tagIds!.includes(id)));
    await tags.addTags(workspaceId, [row.id], input.tagIds);
  }
  if (input.attributes) {
    const attributes = createAttributesRepository(db);
    const definitions = (await attributes.listDefinitions(workspaceId)).map(toAttribute);
    for (const { definition, stored } of attributeWrites(definitions, row.kind, input.attributes)) {
      if (stored) await attributes.setValue({ workspace_id: workspaceId, customer_id: row.id, attribute_id: definition.id, ...stored });
      else await attributes.clearValue(workspaceId, row.id, definition.id);
    }
  }
}

/** Loads the state after a write and stores its derived columns (search text, completeness). */
async function finishDerived(db: Kysely<DB>, workspaceId: string, customerId: string) {
  const customers = createCustomersRepository(db);
  const row = (await customers.getCustomer(workspaceId, customerId))!;
  const state = await loadCustomerState(db, workspaceId, row);
  const { search_text, completeness } = derivedColumns(state, await customers.noteBodiesOf(workspaceId, customerId));
  await customers.setDerived(workspaceId, customerId, { search_text, completeness });
  return { ...state, row: { ...row, search_text, completeness } };
}

/** A new customer row with nothing known yet. */
export function emptyRow(workspaceId: string, id: string, kind: CustomerRow['kind'], now: string): CustomerRow {
  return {
    workspace_id: workspaceId,
    id,
    kind,
    external_id: null,
    display_name: '',
    sort_name: '',
    first_name: null,
    last_name: null,
    website: null,
    parent_id: null,
    address_line1: null,
    address_line2: null,
    city: null,
    region: null,
    postal_code: null,
    country: null,
    birthday: null,
    preferred_language: null,
    consent_given: null,
    consent_at: null,
    consent_source: null,
    notes: null,
    customer_since: null,
    first_purchase_at: null,
    last_purchase_at: null,
    next_follow_up: null,
    search_text: '',
    completeness: 0,
    version: 1,
    merged_into_id: null,
    source_id: null,
    acquired_on: null,
    campaign_id: null,
    referred_by_id: null,
    referral_code: null,
    lost_at: null,
    lost_reason_id: null,
    lost_note: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
}
