import type { Kysely } from 'kysely';
import type { Attribute, AttributeValue } from '../../contracts/attributes.ts';
import type { DB, CustomerContactsTable } from '../../db/schema.ts';
import { describeValue, fromStoredValue } from '../attributes/attribute-values.ts';
import { createAttributesRepository } from '../attributes/attributes.repository.ts';
import { toAttribute } from '../attributes/attributes.usecases.ts';
import { createThanksRepository } from '../thanks/thanks.repository.ts';
import { createReasonsRepository } from '../reasons/reasons.repository.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { completenessOf, searchTextOf } from './customer-derived.ts';
import { createCustomersRepository, type CustomerRow } from './customers.repository.ts';

export type EmploymentRow = Awaited<ReturnType<ReturnType<typeof createCustomersRepository>['employmentsOf']>>[number];

/** Everything about one customer that its profile, history and derived columns are made from. */
export interface CustomerState {
  row: CustomerRow;
  contacts: CustomerContactsTable[];
  tags: { id: string; name: string; color: string }[];
  definitions: Attribute[];
  values: Record<string, AttributeValue>;
  employments: EmploymentRow[];
  parentName: string | null;
  /** Live customers this one referred. */
  referred: number;
  /** Reasons they choose us on record. */
  reasons?: number;
  /** Thank-yous logged for them. */
  thanks?: number;
}

/** The bits a customer's own facts fill in (the value bits come from the metrics, on read). */
export function ownKnownBits(state: Pick<CustomerState, 'row' | 'referred' | 'reasons' | 'thanks'>): Set<string> {
  const bits = new Set<string>();
  if (state.row.source_id !== null) bits.add('source');
  if (state.row.referred_by_id !== null || state.referred > 0) bits.add('referrals');
  if ((state.reasons ?? 0) > 0) bits.add('reasons');
  if ((state.thanks ?? 0) > 0) bits.add('thanks');
  return bits;
}

export async function loadCustomerState(db: Kysely<DB>, workspaceId: string, row: CustomerRow): Promise<CustomerState> {
  const customers = createCustomersRepository(db);
  const attributes = createAttributesRepository(db);
  const [contacts, tags, definitionRows, valueRows, employments, parent, referred, reasons, thanks] = await Promise.all([
    customers.contactsOf(workspaceId, [row.id]),
    createTagsRepository(db).tagsOfCustomers(workspaceId, [row.id]),
    attributes.listDefinitions(workspaceId),
    attributes.valuesOf(workspaceId, [row.id]),
    customers.employmentsOf(workspaceId, [row.id]),
    row.parent_id ? customers.getCustomer(workspaceId, row.parent_id, { includeDeleted: true }) : Promise.resolve(undefined),
    createReferralsRepository(db).referredCount(workspaceId, row.id),
    createReasonsRepository(db).countChoose(workspaceId, row.id),
    createThanksRepository(db).countFor(workspaceId, row.id),
  ]);
  const definitions = definitionRows.map(toAttribute);
  return { row, contacts, tags, definitions, values: valuesByKey(definitions, valueRows), employments, parentName: parent?.display_name ?? null, referred, reasons, thanks };
}

export function valuesByKey(definitions: Attribute[], rows: { attribute_id: string; value_text: string | null; value_number: number | null; value_date: string | null }[]) {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const values: Record<string, AttributeValue> = {};
  for (const row of rows) {
    const definition = byId.get(row.attribute_id);
    if (definition) values[definition.key] = fromStoredValue(definition, row);
  }
  return values;
}

/** The organisations a customer's search text names: a person's employers, an organisation's parent. */
export function organisationNamesOf(state: Pick<CustomerState, 'row' | 'employments' | 'parentName'>): string[] {
  if (state.row.kind === 'organisation') return state.parentName ? [state.parentName] : [];
  return state.employments.filter((e) => e.person_id === state.row.id).map((e) => e.organisation_name);
}

export function derivedColumns(state: CustomerState, noteBodies: string[]) {
  const search_text = searchTextOf({
    displayName: state.row.display_name,
    contacts: state.contacts,
    organisationNames: organisationNamesOf(state),
    notes: state.row.notes,
    noteBodies,
  });
  const completeness = completenessOf({
    row: state.row,
    hasEmail: state.contacts.some((c) => c.kind === 'email'),
    hasPhone: state.contacts.some((c) => c.kind === 'phone'),
    knownBits: ownKnownBits(state),
  });
  return { search_text, completeness: completeness.score, completenessDetail: completeness };
}

/** Recomputes search text and completeness after something around the customer changed. */
export async function refreshDerived(db: Kysely<DB>, workspaceId: string, customerIds: string[]): Promise<void> {
  const customers = createCustomersRepository(db);
  for (const row of await customers.getCustomers(workspaceId, customerIds)) {
    const state = await loadCustomerState(db, workspaceId, row);
    const { search_text, completeness } = derivedColumns(state, await customers.noteBodiesOf(workspaceId, row.id));
    await customers.setDerived(workspaceId, row.id, { search_text, completeness });
  }
}

/** A flat, human-readable view of the customer's fields, to diff for the history. */
export function snapshotOf(state: CustomerState): Record<string, string | null> {
  const r = state.row;
  const consent = r.consent_given === null ? null : `${r.consent_given ? 'given' : 'refused'}${r.consent_source ? ` (${r.consent_source})` : ''}`;
  const snapshot: Record<string, string | null> = {
    name: r.display_name,
    firstName: r.first_name,
    lastName: r.last_name,
    website: r.website,
    parent: state.parentName,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    city: r.city,
    region: r.region,
    postalCode: r.postal_code,
    country: r.country,
    birthday: r.birthday,
    preferredLanguage: r.preferred_language,
    consent,
    notes: r.notes,
    customerSince: r.customer_since,
    nextFollowUp: r.next_follow_up,
    emails: joined(state.contacts.filter((c) => c.kind === 'email').map((c) => c.value)),
    phones: joined(state.contacts.filter((c) => c.kind === 'phone').map((c) => c.value)),
    tags: joined(state.tags.map((t) => t.name).toSorted()),
  };
  for (const definition of state.definitions) {
    snapshot[`attr.${definition.key}`] = describeValue(definition, state.values[definition.key] ?? null);
  }
  return snapshot;
}

function joined(values: string[]): string | null {
  return values.length ? values.join(', ') : null;
}
