import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { keysOf, type RowCustomer } from './customer-rows.ts';

/**
 * The customer a customers row is by its name, when nothing else says (customers-import.ts
 * matches on external id, email and phone first):
 *
 * - a person with no external id, email or phone is the first not yet taken of the people of
 *   that name, without an external id, that an earlier import made — so a contacts file of
 *   names alone can be imported again without doubling everyone, while two people of one name
 *   in a file stay two (this import's own are never taken), and a person entered by hand is
 *   never taken for a row that only shares the name;
 * - an organisation without an external id is the live organisation of that name (the one this
 *   import made, or the first made): the same name its people are linked to it by.
 */
const keyless = (c: RowCustomer) => c.input.kind === 'person' && c.nameKey !== null && keysOf(c).length === 0;
const namedOrganisation = (c: RowCustomer) => c.input.kind === 'organisation' && c.nameKey !== null && c.externalId === null;

export function createNameMatcher(db: Kysely<DB>, workspaceId: string, importId: string | null, organisations: Map<string, string>) {
  const repo = createCustomerMatchingRepository(db);
  const taken = new Set<string>();
  let people = new Map<string, string[]>();
  let storedOrganisations = new Map<string, string>();

  return {
    /** The batch's candidates, in two queries. */
    async load(customers: RowCustomer[]): Promise<void> {
      const names = [...new Set(customers.filter(keyless).map((c) => c.nameKey!))];
      people = new Map();
      for (const r of await repo.importedPeopleByName(workspaceId, names, importId)) people.set(r.sort_name, [...(people.get(r.sort_name) ?? []), r.id]);
      const organisationNames = [...new Set(customers.filter(namedOrganisation).map((c) => c.nameKey!))].filter((n) => !organisations.has(n));
      storedOrganisations = new Map();
      for (const r of await repo.organisationsByName(workspaceId, organisationNames)) if (!storedOrganisations.has(r.sort_name)) storedOrganisations.set(r.sort_name, r.id);
    },

    matchOf(c: RowCustomer): string | null {
      if (namedOrganisation(c)) return organisations.get(c.nameKey!) ?? storedOrganisations.get(c.nameKey!) ?? null;
      if (!keyless(c)) return null;
      const id = (people.get(c.nameKey!) ?? []).find((candidate) => !taken.has(candidate)) ?? null;
      if (id) taken.add(id);
      return id;
    },

    /** A new organisation of the file: the one its people (and its later rows) are linked to. */
    remember(c: RowCustomer, id: string): void {
      if (c.input.kind === 'organisation' && c.nameKey && !organisations.has(c.nameKey)) organisations.set(c.nameKey, id);
    },
  };
}
