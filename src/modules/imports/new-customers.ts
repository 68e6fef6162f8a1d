import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Attribute } from '../../contracts/attributes.ts';
import { createCustomerSchema } from '../../contracts/customers.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { AttributeValuesTable, CustomerContactsTable, CustomerHistoryTable, CustomerTagsTable, DB, EmploymentsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { normalizeText } from '../../shared/text.ts';
import { displayNameOf } from '../customers/customer-derived.ts';
import { attributeWrites, contactRows, rowPatchFrom } from '../customers/customer-input.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { derivedColumns, type CustomerState } from '../customers/customer-state.ts';
import { emptyRow } from '../customers/customer-writes.usecases.ts';
import type { CustomerRow } from '../customers/customers.repository.ts';
import { nameRequired } from '../customers/customers.errors.ts';
import type { AcquisitionWrite } from './acquisition-import.ts';

/**
 * The customers a customers file adds, written a batch at a time: their rows, contacts, tags,
 * attribute values, the organisations the file names (found by name, or made) and employments,
 * and a history entry for each, with search text and completeness computed by the same
 * function the profile use cases use, from the same state. One statement a table for a batch,
 * where createCustomer and addEmployment took two transactions and some thirty queries a row.
 */
export interface NewCustomerInput {
  id: string;
  input: z.output<typeof createCustomerSchema>;
  externalId: string | null;
  tagIds: string[];
  /** The organisation a person works at, by name, and their title there. */
  organisation: { name: string; title: string | null } | null;
  /** How they found us, by the file's acquisition columns (acquisition-import.ts): its history lines (the row has its columns). */
  acquisition?: AcquisitionWrite | null;
}

export type NewCustomerParts = ReturnType<typeof newCustomerParts>;

/** A new customer checked and built (newCustomerParts), to be written. */
export interface NewCustomer extends NewCustomerInput {
  parts: NewCustomerParts;
}

interface Context {
  workspaceId: string;
  actorId: string | null;
  clock: Clock;
}

/**
 * A new customer's row, contacts and attribute values, checked as createCustomer checks them:
 * throws the same errors (no name; an attribute that does not exist or apply).
 */
export function newCustomerParts(ctx: Context, definitions: Attribute[], customer: NewCustomerInput, now: string) {
  const { input } = customer;
  const { name, ...patch } = rowPatchFrom(input, input.kind);
  const displayName = displayNameOf({ kind: input.kind, first_name: patch.first_name ?? null, last_name: patch.last_name ?? null, name });
  if (!displayName) throw nameRequired();
  const row: CustomerRow = { ...emptyRow(ctx.workspaceId, customer.id, input.kind, now), ...patch, display_name: displayName, sort_name: normalizeText(displayName), external_id: customer.externalId };
  const contacts = contactRows(ctx.workspaceId, customer.id, input.contacts ?? []);
  const values: AttributeValuesTable[] = attributeWrites(definitions, input.kind, input.attributes ?? {}).flatMap(({ definition, stored }) => (stored ? [{ workspace_id: ctx.workspaceId, customer_id: customer.id, attribute_id: definition.id, ...stored }] : []));
  return { row, contacts, values };
}

/** Writes checked new customers; `organisations` (sort name → id) is kept across batches. */
export async function writeNewCustomers(db: Kysely<DB>, ctx: Context, definitions: Attribute[], customers: NewCustomer[], organisations: Map<string, string>): Promise<void> {
  if (customers.length === 0) return;
  const repo = createCustomerMatchingRepository(db);
  const now = toDbTime(ctx.clock.now());
  const history = (customerId: string, action: CustomerHistoryTable['action'], field: string | null, newValue: string): CustomerHistoryTable => ({
    workspace_id: ctx.workspaceId, id: newId(), customer_id: customerId, actor_id: ctx.actorId, at: now, action, field, old_value: null, new_value: newValue,
  });
  const rows: CustomerRow[] = [];
  const contacts: CustomerContactsTable[] = [];
  const values: AttributeValuesTable[] = [];
  const tags: CustomerTagsTable[] = [];
  const employments: EmploymentsTable[] = [];
  const entries: CustomerHistoryTable[] = [];
  const add = (parts: NewCustomerParts, organisationNames: string[]) => {
    // The state the profile use cases would load for it (derivedColumns reads its row, contacts and employers' names).
    const employers = organisationNames.map((n) => ({ person_id: parts.row.id, organisation_name: n }) as CustomerState['employments'][number]);
    const state: CustomerState = { row: parts.row, contacts: parts.contacts, tags: [], definitions, values: {}, parentName: null, employments: employers, referred: 0 };
    const { search_text, completeness } = derivedColumns(state, []);
    rows.push({ ...parts.row, search_text, completeness });
    contacts.push(...parts.contacts);
    values.push(...parts.values);
    entries.push(history(parts.row.id, 'created', null, parts.row.display_name));
  };

  // The organisations named: found by name among the live ones, else made (as the API would: a name, nothing else).
  const people = customers.filter((c) => c.organisation && c.input.kind === 'person');
  const unknown = [...new Set(people.map((c) => normalizeText(c.organisation!.name)))].filter((key) => !organisations.has(key));
  for (const { sort_name, id } of await repo.organisationsByName(ctx.workspaceId, unknown)) if (!organisations.has(sort_name)) organisations.set(sort_name, id);
  const organisationNames = new Map<string, string>(); // id → display name, for the people's search text
  for (const c of people) {
    const key = normalizeText(c.organisation!.name);
    if (organisations.has(key)) continue;
    const input = createCustomerSchema.parse({ kind: 'organisation', name: c.organisation!.name });
    const parts = newCustomerParts(ctx, definitions, { id: newId(), input, externalId: null, tagIds: [], organisation: null }, now);
    organisations.set(key, parts.row.id);
    organisationNames.set(parts.row.id, parts.row.display_name);
    add(parts, []);
  }
  // Organisations of the file itself, written in this batch: their names are here, not yet in the database.
  for (const c of customers) if (c.input.kind === 'organisation') organisationNames.set(c.id, c.parts.row.display_name);
  const named = [...new Set(people.map((c) => organisations.get(normalizeText(c.organisation!.name))!))].filter((orgId) => !organisationNames.has(orgId));
  for (const { id, display_name } of await repo.namesOf(ctx.workspaceId, named)) organisationNames.set(id, display_name);

  for (const c of customers) {
    const { parts } = c;
    const organisationId = c.organisation && c.input.kind === 'person' ? organisations.get(normalizeText(c.organisation.name))! : null;
    const organisationName = organisationId ? organisationNames.get(organisationId)! : null;
    add(parts, organisationName ? [organisationName] : []);
    for (const change of c.acquisition?.changes ?? []) entries.push(history(c.id, 'updated', change.field, change.newValue ?? ''));
    for (const tagId of new Set(c.tagIds)) tags.push({ workspace_id: ctx.workspaceId, customer_id: c.id, tag_id: tagId });
    if (organisationId) {
      employments.push({ workspace_id: ctx.workspaceId, id: newId(), person_id: c.id, organisation_id: organisationId, title: c.organisation!.title, created_at: now });
      entries.push(history(c.id, 'updated', 'organisations', organisationName!));
    }
  }
  await repo.insertCustomers(rows, contacts, entries);
  await repo.insertRelations({ tags, values, employments });
}
