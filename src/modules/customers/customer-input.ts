import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Attribute } from '../../contracts/attributes.ts';
import type { createCustomerSchema, updateCustomerSchema } from '../../contracts/customers.ts';
import type { CustomerContactsTable, DB } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { contactMatchKey } from '../../shared/text.ts';
import { toStoredValue, type StoredValue } from '../attributes/attribute-values.ts';
import { attributeNotApplicable, kindMismatch, organisationCycle, unknownAttribute } from './customers.errors.ts';
import { createCustomersRepository, type CustomerRow, type CustomerRowPatch } from './customers.repository.ts';

export type CustomerFieldsInput = Omit<z.output<typeof updateCustomerSchema>, 'version'> | z.output<typeof createCustomerSchema>;

/** The row columns an input sets; fields left out stay as they are. */
export function rowPatchFrom(input: CustomerFieldsInput, kind: CustomerRow['kind']): CustomerRowPatch & { name?: string | null } {
  const patch: CustomerRowPatch & { name?: string | null } = {};
  if (input.firstName !== undefined) patch.first_name = input.firstName;
  if (input.lastName !== undefined) patch.last_name = input.lastName;
  if (input.name !== undefined) patch.name = input.name;
  if (input.website !== undefined) patch.website = input.website;
  if (input.parentId !== undefined) {
    if (kind !== 'organisation' && input.parentId !== null) throw kindMismatch('Only an organisation can have a parent organisation', 'parentId');
    patch.parent_id = input.parentId;
  }
  if (input.address) {
    const a = input.address;
    if (a.line1 !== undefined) patch.address_line1 = a.line1;
    if (a.line2 !== undefined) patch.address_line2 = a.line2;
    if (a.city !== undefined) patch.city = a.city;
    if (a.region !== undefined) patch.region = a.region;
    if (a.postalCode !== undefined) patch.postal_code = a.postalCode;
    if (a.country !== undefined) patch.country = a.country;
  }
  if (input.birthday !== undefined) patch.birthday = input.birthday;
  if (input.preferredLanguage !== undefined) patch.preferred_language = input.preferredLanguage;
  if (input.consent) {
    patch.consent_given = input.consent.given === null ? null : input.consent.given ? 1 : 0;
    if (input.consent.at !== undefined) patch.consent_at = input.consent.at;
    if (input.consent.source !== undefined) patch.consent_source = input.consent.source;
  }
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.customerSince !== undefined) patch.customer_since = input.customerSince;
  if (input.nextFollowUp !== undefined) patch.next_follow_up = input.nextFollowUp;
  return patch;
}

export function contactRows(workspaceId: string, customerId: string, contacts: NonNullable<CustomerFieldsInput['contacts']>): CustomerContactsTable[] {
  return contacts.map((c, position) => ({
    workspace_id: workspaceId,
    id: newId(),
    customer_id: customerId,
    kind: c.kind,
    value: c.value,
    label: c.label ?? null,
    match_key: contactMatchKey(c.kind, c.value),
    position,
  }));
}

/** Attribute writes, checked against their definitions: a stored value, or null to clear. */
export function attributeWrites(
  definitions: Attribute[],
  kind: CustomerRow['kind'],
  values: NonNullable<CustomerFieldsInput['attributes']>,
): { definition: Attribute; stored: StoredValue | null }[] {
  return Object.entries(values).map(([key, value]) => {
    const definition = definitions.find((d) => d.key === key);
    if (!definition) throw unknownAttribute(key);
    if (definition.appliesTo !== 'both' && definition.appliesTo !== kind) throw attributeNotApplicable(key, kind);
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    return { definition, stored: empty ? null : toStoredValue(definition, value) };
  });
}

/** A parent must be another live organisation of the workspace, and must not lead back to the child. */
export async function assertValidParent(db: Kysely<DB>, workspaceId: string, child: { id: string; display_name: string }, parentId: string): Promise<string> {
  const customers = createCustomersRepository(db);
  const parent = await customers.getCustomer(workspaceId, parentId);
  if (!parent) throw notFound('parent_organisation', { fields: [{ path: 'parentId', code: 'not_found', message: 'No such organisation' }] });
  if (parent.kind !== 'organisation') throw kindMismatch('A parent must be an organisation', 'parentId');
  const chain = await customers.ancestorsOf(workspaceId, parentId);
  const loopAt = chain.findIndex((a) => a.id === child.id);
  if (parent.id === child.id || loopAt >= 0) {
    const upward = parent.id === child.id ? [] : chain.slice(0, loopAt);
    const path = [{ id: child.id, displayName: child.display_name }, ...upward.map((a) => ({ id: a.id, displayName: a.display_name })), { id: child.id, displayName: child.display_name }];
    throw organisationCycle(path);
  }
  return parent.display_name;
}
