import type { Kysely } from 'kysely';
import { tagColorSchema } from '../../contracts/tags.ts';
import { BIT_KEYS, type CustomerProfile, type CustomerSummary } from '../../contracts/customers.ts';
import { localeSchema } from '../../contracts/common.ts';
import type { DB } from '../../db/schema.ts';
import { createAttributesRepository } from '../attributes/attributes.repository.ts';
import { toAttribute } from '../attributes/attributes.usecases.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { BIT_ACTIONS, completenessOf } from './customer-derived.ts';
import { valuesByKey, type CustomerState } from './customer-state.ts';
import { createCustomersRepository, type CustomerRow } from './customers.repository.ts';

/** List rows for many customers, with a fixed number of queries whatever the page size. */
export async function summarize(db: Kysely<DB>, workspaceId: string, rows: CustomerRow[]): Promise<CustomerSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const customers = createCustomersRepository(db);
  const attributes = createAttributesRepository(db);
  const parentIds = [...new Set(rows.map((r) => r.parent_id).filter((id): id is string => id !== null))];
  const [contacts, tags, definitionRows, valueRows, employments, parents] = await Promise.all([
    customers.contactsOf(workspaceId, ids),
    createTagsRepository(db).tagsOfCustomers(workspaceId, ids),
    attributes.listDefinitions(workspaceId),
    attributes.valuesOf(workspaceId, ids),
    customers.employmentsOf(workspaceId, rows.filter((r) => r.kind === 'person').map((r) => r.id)),
    customers.getCustomers(workspaceId, parentIds),
  ]);
  const definitions = definitionRows.map(toAttribute);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  return rows.map((row) => {
    const mine = contacts.filter((c) => c.customer_id === row.id);
    const employer = employments.find((e) => e.person_id === row.id && e.organisation_deleted_at === null);
    const parent = row.parent_id ? parentById.get(row.parent_id) : undefined;
    return {
      ...summaryFields(row),
      email: mine.find((c) => c.kind === 'email')?.value ?? null,
      phone: mine.find((c) => c.kind === 'phone')?.value ?? null,
      organisation: employer
        ? { id: employer.organisation_id, kind: 'organisation' as const, displayName: employer.organisation_name }
        : parent && parent.deleted_at === null
          ? { id: parent.id, kind: parent.kind, displayName: parent.display_name }
          : null,
      tags: tags.filter((t) => t.customer_id === row.id).map((t) => ({ id: t.id, name: t.name, color: tagColorSchema.catch('gray').parse(t.color) })),
      attributes: valuesByKey(definitions, valueRows.filter((v) => v.customer_id === row.id)),
    };
  });
}

function summaryFields(row: CustomerRow) {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    city: row.city,
    country: row.country,
    completeness: row.completeness,
    customerSince: row.customer_since,
    firstPurchaseAt: row.first_purchase_at,
    lastPurchaseAt: row.last_purchase_at,
    nextFollowUp: row.next_follow_up,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The whole profile of one customer. */
export async function profileOf(db: Kysely<DB>, workspaceId: string, state: CustomerState): Promise<CustomerProfile> {
  const { row } = state;
  const [summary] = await summarize(db, workspaceId, [row]);
  const children = row.kind === 'organisation' ? await createCustomersRepository(db).childrenOf(workspaceId, row.id) : [];
  const detail = completenessOf({
    row,
    hasEmail: state.contacts.some((c) => c.kind === 'email'),
    hasPhone: state.contacts.some((c) => c.kind === 'phone'),
    knownBits: new Set(),
  });
  return {
    ...summary!,
    firstName: row.first_name,
    lastName: row.last_name,
    website: row.website,
    parent: row.parent_id && state.parentName ? { id: row.parent_id, kind: 'organisation', displayName: state.parentName } : null,
    children: children.map((c) => ({ id: c.id, kind: c.kind, displayName: c.display_name })),
    address: { line1: row.address_line1, line2: row.address_line2, city: row.city, region: row.region, postalCode: row.postal_code, country: row.country },
    birthday: row.birthday,
    preferredLanguage: row.preferred_language === null ? null : localeSchema.catch('en').parse(row.preferred_language),
    consent: { given: row.consent_given === null ? null : row.consent_given === 1, at: row.consent_at, source: row.consent_source },
    notes: row.notes,
    contacts: state.contacts.map((c) => ({ id: c.id, kind: c.kind, value: c.value, label: c.label })),
    employments: state.employments
      .filter((e) => e.person_deleted_at === null && e.organisation_deleted_at === null)
      .map((e) => ({
        id: e.id,
        title: e.title,
        person: { id: e.person_id, kind: 'person' as const, displayName: e.person_name },
        organisation: { id: e.organisation_id, kind: 'organisation' as const, displayName: e.organisation_name },
      })),
    bits: BIT_KEYS.map((key) => ({ key, state: 'unknown' as const, summary: null, action: BIT_ACTIONS[key] })),
    completenessDetail: detail,
    version: row.version,
    mergedIntoId: row.merged_into_id,
  };
}
