import type { Kysely } from 'kysely';
import type { Attribute } from '../../contracts/attributes.ts';
import { createCustomerSchema, updateCustomerSchema, type CustomerProfile } from '../../contracts/customers.ts';
import { CUSTOMER_FIELDS } from '../../contracts/imports.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { isAppError, type AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { contactMatchKey, normalizeText } from '../../shared/text.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { addEmployment, getCustomerProfile } from '../customers/customer-lifecycle.usecases.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { createCustomer, updateCustomer } from '../customers/customer-writes.usecases.ts';
import { createTag } from '../tags/tags.usecases.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { createAcquisitionImporter } from './acquisition-import.ts';
import { createCustomerRowReader, fieldOfPath, keysOf, type CustomerReadSettings, type RowCustomer } from './customer-rows.ts';
import { createImportChangesRepository } from './import-changes.repository.ts';
import type { ImportCounts, ImportContext, ImportDatabases, Rejection } from './import-run.ts';
import { createNameMatcher } from './name-matches.ts';
import { newCustomerParts, writeNewCustomers, type NewCustomer } from './new-customers.ts';
import { createReferralLinker, type PendingReferral } from './referral-links.ts';
import type { TableRow } from './table-reader.ts';
import { byRows } from './unplaced-values.ts';
import type { RowProblem } from './transaction-rows.ts';

/**
 * Customers from a spreadsheet: people and organisations with contacts, address, attributes
 * (by their label or key, values checked by type, choices by option label) and tags (by name,
 * created when new). Matched by external id, then email, then phone (in the database, or made
 * earlier by this file): a match is updated with the file's non-empty cells through the same
 * use case as the API (contacts are added, never removed); the rest are new customers, checked
 * as createCustomer checks them and written a batch at a time (new-customers.ts). How they found
 * us (acquisition-import.ts) is set with them; who referred them once all the rows are in
 * (referral-links.ts, `finish`).
 */
export { CUSTOMER_FIELDS };
export type { CustomerReadSettings };
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export function createCustomerImporter(ctx: ImportContext & { db: Kysely<DB> }, settings: CustomerReadSettings, dryRun: boolean) {
  const actor: Actor = { workspaceId: ctx.workspaceId, userId: ctx.actorId ?? 'cli', role: 'owner', via: 'session', scope: 'read_write' };
  const deps = { db: ctx.db, clock: ctx.clock };
  let readRow: ReturnType<typeof createCustomerRowReader> | null = null;
  let definitions: Attribute[] | null = null;
  const tagIds = new Map<string, string>();
  const organisations = new Map<string, string>();
  const byName = createNameMatcher(ctx.db, ctx.workspaceId, ctx.importId, organisations); // rows with nothing but a name
  const history = { workspaceId: ctx.workspaceId, actorId: ctx.actorId, clock: ctx.clock };
  const acquisition = createAcquisitionImporter(ctx, actor, settings, dryRun);
  const referrals = createReferralLinker(ctx, actor, settings, dryRun);

  async function processBatch(_dbs: ImportDatabases, rows: TableRow[], counts: ImportCounts): Promise<Rejection[]> {
    definitions ??= await listAttributes(deps, ctx.workspaceId);
    const rejections: Rejection[] = [];
    readRow ??= createCustomerRowReader(settings, definitions);
    const read = rows.map((row) => ({ row, ...readRow!(row) }));
    const stored = await storedMatches(read.flatMap((r) => (r.customer ? [r.customer] : [])));
    await byName.load(read.flatMap((r) => (r.customer ? [r.customer] : [])));
    await acquisition.load(read.map((r) => r.customer?.acquisition ?? null));
    const referredBy: PendingReferral[] = [];
    /** The customer a good row is: what its referral is linked to, at the end. */
    const settled = (c: RowCustomer, row: number, id: string) => {
      referrals.remember(c, id);
      if (c.referredBy !== null) referredBy.push({ row, customerId: id, value: c.referredBy });
    };
    let pending: NewCustomer[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      await ctx.db.transaction().execute(async (trx) => {
        await writeNewCustomers(trx, history, definitions!, batch, organisations);
        // For the import's undo.
        if (ctx.importId) await createImportChangesRepository(trx).record(batch.map((c) => ({ workspace_id: ctx.workspaceId, import_id: ctx.importId!, entity: 'customer', entity_id: c.id, action: 'created', before: null })));
      });
    };
    for (const { row, problems, customer } of read) {
      counts.rows++;
      const reject = (p: RowProblem[]) => rejections.push({ row: row.number, cells: row.cells, problems: p });
      if (!customer) {
        reject(problems);
        continue;
      }
      const existing = matchOf(customer, stored) ?? byName.matchOf(customer);
      const acquired = acquisition.resolve(row.number, customer.acquisition, counts);
      if (dryRun) {
        counts[existing ? 'customersUpdated' : 'customersCreated']++;
        const id = existing ?? `planned:${row.number}`;
        if (existing) await acquisition.forExisting(id, acquired, counts);
        else acquisition.forNew(id, acquired, counts);
        remember(customer, id);
        if (!existing) byName.remember(customer, id);
        settled(customer, row.number, id);
        continue;
      }
      if (existing) {
        await flush(); // the row may update one of them
        const failed = await updateExisting(existing, customer, counts);
        if (failed.length > 0) reject(failed);
        else {
          await acquisition.forExisting(existing, acquired, counts);
          remember(customer, existing);
          settled(customer, row.number, existing);
        }
        continue;
      }
      try {
        const created = { id: newId(), input: customer.input, externalId: customer.externalId, tagIds: await resolveTags(customer.tagNames), organisation: customer.organisation };
        // Built (and checked as createCustomer checks) before anything is written; written by flush.
        const parts = newCustomerParts(history, definitions, created, toDbTime(ctx.clock.now()));
        const write = acquisition.forNew(created.id, acquired, counts);
        if (write) Object.assign(parts.row, { source_id: write.source_id, acquired_on: write.acquired_on, campaign_id: write.campaign_id });
        pending.push({ ...created, acquisition: write, parts });
        remember(customer, created.id);
        byName.remember(customer, created.id);
        settled(customer, row.number, created.id);
        counts.customersCreated++;
      } catch (error) {
        if (!isAppError(error)) throw error;
        reject([problemOf(error)]);
      }
    }
    await flush();
    await referrals.keep(referredBy);
    counts.rejected += rejections.length;
    counts.lastRow = rows.at(-1)?.number ?? counts.lastRow;
    return rejections;
  }

  /** A customer already in Rapport (or made earlier by this import) takes the file's non-empty cells. */
  async function updateExisting(existing: string, customer: RowCustomer, counts: ImportCounts): Promise<RowProblem[]> {
    try {
      const tags = await resolveTags(customer.tagNames);
      const profile = await getCustomerProfile(deps, actor, existing);
      const known = new Set(profile.contacts.map((c) => `${c.kind}:${contactMatchKey(c.kind, c.value)}`));
      const contacts = [...profile.contacts.map((c) => ({ kind: c.kind, value: c.value, label: c.label })), ...(customer.input.contacts ?? []).filter((c) => !known.has(`${c.kind}:${contactMatchKey(c.kind, c.value)}`))];
      const patch = updateCustomerSchema.parse({
        version: profile.version,
        ...Object.fromEntries(Object.entries(customer.input).filter(([k, v]) => k !== 'kind' && k !== 'contacts' && k !== 'address' && k !== 'attributes' && v !== null && v !== undefined)),
        address: Object.fromEntries(Object.entries(customer.address).filter(([, v]) => v !== null)),
        attributes: customer.attributes,
        contacts,
        ...(tags.length && { tagIds: [...new Set([...profile.tags.map((t) => t.id), ...tags])] }),
      });
      if (changesProfile(profile, patch)) {
        await updateCustomer(deps, actor, existing, patch);
        counts.customersUpdated++;
      } else counts.customersUnchanged++;
      await linkOrganisation(existing, customer.organisation?.name ?? null, customer.organisation?.title ?? null, customer.input.kind);
      return [];
    } catch (error) {
      if (!isAppError(error)) throw error;
      return [problemOf(error)];
    }
  }

  function problemOf(error: AppError): RowProblem {
    const field = fieldOfPath(String((error.details as { fields?: { path: string }[] } | undefined)?.fields?.[0]?.path ?? '').split('.'));
    return { column: field ? (settings.mapping[field] ?? null) : null, value: null, code: error.code, message: error.message };
  }

  /** Customers of this import by each of their keys: a later row with one of them updates that customer. */
  const seen = new Map<string, string>();
  function remember(c: RowCustomer, id: string): void {
    for (const key of keysOf(c)) if (!seen.has(key)) seen.set(key, id);
  }

  /** The customer a row is: by external id, then email, then phone (this import's own first, then the database's). */
  function matchOf(c: RowCustomer, stored: Map<string, string>): string | null {
    for (const key of keysOf(c)) {
      const id = seen.get(key) ?? stored.get(key);
      if (id) return id;
    }
    return null;
  }

  /** The batch's customers already in the database, by key (three queries, not three a row). */
  async function storedMatches(customers: RowCustomer[]): Promise<Map<string, string>> {
    const repo = createCustomerMatchingRepository(ctx.db);
    const out = new Map<string, string>();
    const ids = [...new Set(customers.flatMap((c) => (c.externalId ? [c.externalId] : [])))];
    for (const r of await repo.byExternalIds(ctx.workspaceId, ids)) out.set(`id:${r.external_id}`, r.id);
    for (const kind of ['email', 'phone'] as const) {
      const keys = [...new Set(customers.flatMap((c) => (c[kind] ? [contactMatchKey(kind, c[kind]!)] : [])))];
      // The first made, when several customers share a contact.
      for (const r of (await repo.byContactKeys(ctx.workspaceId, kind, keys)).toReversed()) out.set(`${kind}:${r.match_key}`, r.customer_id);
    }
    return out;
  }

  async function resolveTags(names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const key = normalizeText(name);
      let id = tagIds.get(key);
      if (!id) {
        const all = await createTagsRepository(ctx.db).listTags(ctx.workspaceId);
        for (const t of all) tagIds.set(normalizeText(t.name), t.id);
        id = tagIds.get(key) ?? (await createTag(deps, actor, { name, color: 'gray' })).id;
        tagIds.set(key, id);
      }
      ids.push(id);
    }
    return ids;
  }

  /** A person's organisation by name: found (or created), and the employment added once. */
  async function linkOrganisation(customerId: string, organisationName: string | null, title: string | null, kind: string): Promise<void> {
    if (!organisationName || kind !== 'person') return;
    const key = normalizeText(organisationName);
    let id = organisations.get(key);
    if (!id) {
      const found = await ctx.db.selectFrom('customers').select('id').where('workspace_id', '=', ctx.workspaceId).where('kind', '=', 'organisation').where('sort_name', '=', key).where('deleted_at', 'is', null).executeTakeFirst();
      id = found?.id ?? (await createCustomer(deps, actor, createCustomerSchema.parse({ kind: 'organisation', name: organisationName }))).id;
      organisations.set(key, id);
    }
    const employed = await ctx.db.selectFrom('employments').select('id').where('workspace_id', '=', ctx.workspaceId).where('person_id', '=', customerId).where('organisation_id', '=', id).executeTakeFirst();
    if (!employed) await addEmployment(deps, actor, customerId, { organisationId: id, title });
  }

  /** Once every row is in: the unplaced values listed most rows first, and the referrals linked. */
  async function finish(counts: ImportCounts, saveWithImport = true): Promise<void> {
    if (counts.acquisition) {
      counts.acquisition.unmatched = byRows(counts.acquisition.unmatched);
      counts.acquisition.ambiguous = byRows(counts.acquisition.ambiguous);
    }
    await referrals.finish(counts, saveWithImport);
  }

  return { processBatch, finish, ownTransactions: true as const };
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
}

/** Whether an update would change anything: a no-op import must not bump versions or write history. */
function changesProfile(profile: CustomerProfile, patch: Record<string, unknown>): boolean {
  const scalar: Record<string, unknown> = { firstName: profile.firstName, lastName: profile.lastName, website: profile.website, birthday: profile.birthday, customerSince: profile.customerSince, notes: profile.notes };
  for (const [key, value] of Object.entries(scalar)) if (key in patch && differs(patch[key], value)) return true;
  if ('name' in patch && profile.kind === 'organisation' && differs(patch.name, profile.displayName)) return true;
  for (const [key, value] of Object.entries((patch.address ?? {}) as Record<string, unknown>)) if (differs(value, (profile.address as Record<string, unknown>)[key])) return true;
  for (const [key, value] of Object.entries((patch.attributes ?? {}) as Record<string, unknown>)) if (differs(value, profile.attributes[key])) return true;
  if ((patch.contacts as unknown[] | undefined)?.length !== profile.contacts.length) return true;
  if (patch.tagIds && (patch.tagIds as string[]).length !== profile.tags.length) return true;
  return false;
}
