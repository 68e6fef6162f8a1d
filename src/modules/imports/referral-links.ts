import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { crashPoint } from '../../shared/crash-points.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { displayNameOf } from '../customers/customer-derived.ts';
import { refreshDerived } from '../customers/customer-state.ts';
import { recordHistoryOfMany, type HistoryChange } from '../customers/history.ts';
import { assertReferralAllowed } from '../referrals/referrals.usecases.ts';
import { createReferralsRepository } from '../referrals/referrals.repository.ts';
import { createImportAcquisitionRepository } from './acquisition.repository.ts';
import { keysOf, type CustomerReadSettings, type RowCustomer } from './customer-rows.ts';
import { createImportsRepository } from './imports.repository.ts';
import type { ImportContext, ImportCounts, ReferralOutcome } from './import-run.ts';
import { findReferrers, type OwnCustomers } from './referrer-matches.ts';
import { byRows, createUnplacedList } from './unplaced-values.ts';

/**
 * Who referred the customers of a customers file, by its "referred by" column: linked once all
 * its rows are in, so a customer referred by someone a later row adds is linked too. The cells
 * are kept with the import meanwhile (a killed import resumes with them); the links, their
 * history and the outcome are written in one transaction, so a run killed after it does not
 * link (or count) again. A customer who has a referrer keeps them; a referral that would refer a
 * customer to themselves or close a loop is refused for its row, naming the path.
 */
export interface PendingReferral {
  row: number;
  customerId: string;
  value: string;
}

/** A customer in the database, not one a dry run only plans. */
const real = (id: string) => !id.startsWith('planned:');

export function emptyReferralOutcome(): ReferralOutcome {
  return { set: 0, kept: 0, unmatched: [], ambiguous: [], refused: [] };
}

export function createReferralLinker(ctx: ImportContext & { db: Kysely<DB> }, actor: Actor, settings: CustomerReadSettings, dryRun: boolean) {
  const column = settings.mapping.referredBy;
  const kept = ctx.importId !== null && !dryRun;
  const memory: PendingReferral[] = [];
  /** A dry run's own customers: none is in the database, yet a row may name one as its referrer. */
  const own: OwnCustomers = { keys: new Map(), names: new Map(), displayNames: new Map() };

  return {
    mapped: column !== undefined,

    remember(c: RowCustomer, id: string): void {
      if (!dryRun || column === undefined) return;
      for (const key of keysOf(c)) if (!own.keys.has(key)) own.keys.set(key, id);
      if (c.nameKey && !own.displayNames.has(id)) {
        own.names.set(c.nameKey, [...(own.names.get(c.nameKey) ?? []), id]);
        own.displayNames.set(id, displayNameOf({ kind: c.input.kind, first_name: c.input.firstName ?? null, last_name: c.input.lastName ?? null, name: c.input.name ?? null }) ?? c.nameKey);
      }
    },

    /** A batch's "referred by" cells, with the customer each row is. */
    async keep(rows: PendingReferral[]): Promise<void> {
      if (column === undefined || rows.length === 0) return;
      if (!kept) {
        memory.push(...rows);
        return;
      }
      await createImportAcquisitionRepository(ctx.db).keepReferrals(rows.map((r) => ({ workspace_id: ctx.workspaceId, import_id: ctx.importId!, row_number: r.row, customer_id: r.customerId, value: r.value })));
    },

    /** Links them all (a dry run: says what it would link), once; `saveWithImport`: the outcome is kept with the import in the same commit. */
    async finish(counts: ImportCounts, saveWithImport = true): Promise<void> {
      if (column === undefined || counts.referrals) return;
      const outcome = emptyReferralOutcome();
      const run = async (db: Kysely<DB>) => {
        const repo = createImportAcquisitionRepository(db);
        const rows = kept ? (await repo.keptReferrals(ctx.workspaceId, ctx.importId!)).map((r) => ({ row: r.row_number, customerId: r.customer_id, value: r.value })) : memory;
        await link(db, rows, outcome);
        outcome.unmatched = byRows(outcome.unmatched);
        outcome.ambiguous = byRows(outcome.ambiguous);
        if (kept) await repo.clearReferrals(ctx.workspaceId, ctx.importId!);
        if (saveWithImport && ctx.importId) await createImportsRepository(db).updateImport(ctx.workspaceId, ctx.importId, { counts: { ...counts, referrals: outcome } });
      };
      if (dryRun) await run(ctx.db);
      else await ctx.db.transaction().execute(run);
      crashPoint('import.referrals');
      counts.referrals = outcome;
    },
  };

  async function link(db: Kysely<DB>, rows: PendingReferral[], outcome: ReferralOutcome): Promise<void> {
    const referrers = await findReferrers(db, ctx.workspaceId, [...new Set(rows.map((r) => r.value))], dryRun ? own : null);
    const people = new Map<string, { display_name: string; referred_by_id: string | null }>();
    const ids = [...new Set([...rows.map((r) => r.customerId), ...[...referrers.values()].flatMap((r) => (r.kind === 'one' ? [r.id] : []))])].filter(real);
    for (const p of await createImportAcquisitionRepository(db).referrersOf(ctx.workspaceId, ids)) people.set(p.id, p);
    /** Who referred a customer as this pass leaves it (a dry run writes nothing, so it remembers). */
    const links = new Map<string, string>();
    const referrerOf = async (id: string): Promise<string | null> => {
      if (links.has(id)) return links.get(id)!;
      if (!real(id)) return null;
      if (!people.has(id)) {
        const row = await createReferralsRepository(db).referrerOf(ctx.workspaceId, id);
        people.set(id, { display_name: row?.display_name ?? id, referred_by_id: row?.referred_by_id ?? null });
      }
      return people.get(id)!.referred_by_id;
    };
    const nameOf = (id: string) => people.get(id)?.display_name ?? own.displayNames.get(id) ?? id;
    const unmatched = createUnplacedList(outcome.unmatched);
    const ambiguous = createUnplacedList(outcome.ambiguous);
    const history: { customerId: string; changes: HistoryChange[] }[] = [];
    const touched = new Set<string>();
    const now = toDbTime(ctx.clock.now());
    for (const r of rows) {
      const entry = { field: 'referredBy', column: column!, value: r.value };
      const found = referrers.get(r.value);
      if (!found) {
        unmatched.add(entry, r.row);
        continue;
      }
      if (found.kind === 'ambiguous') {
        ambiguous.add(entry, r.row, found.candidates);
        continue;
      }
      const current = await referrerOf(r.customerId);
      if (current === found.id) continue;
      if (current !== null) {
        outcome.kept++;
        continue;
      }
      const refusal = await refusalOf(db, { id: r.customerId, name: nameOf(r.customerId) }, { id: found.id, name: nameOf(found.id) }, referrerOf, nameOf);
      if (refusal) {
        outcome.refused.push({ row: r.row, column: column!, value: r.value, code: refusal.code, message: refusal.message });
        continue;
      }
      links.set(r.customerId, found.id);
      outcome.set++;
      if (dryRun) continue;
      // Written at once: the next row's loop check reads it.
      await createReferralsRepository(db).setReferrer(ctx.workspaceId, [r.customerId], found.id, now);
      history.push({ customerId: r.customerId, changes: [{ action: 'updated', field: 'referredBy', oldValue: null, newValue: nameOf(found.id) }] });
      touched.add(r.customerId).add(found.id);
    }
    if (dryRun) return;
    await recordHistoryOfMany(db, actor, ctx.clock, history);
    await refreshDerived(db, ctx.workspaceId, [...touched]); // completeness counts a known referral, on both sides
  }

  /** Why a referral may not be made (themselves, or a loop), or null. A dry run walks its own links too. */
  async function refusalOf(db: Kysely<DB>, customer: { id: string; name: string }, referrer: { id: string; name: string }, referrerOf: (id: string) => Promise<string | null>, nameOf: (id: string) => string): Promise<AppError | null> {
    try {
      if (!dryRun) {
        await assertReferralAllowed(db, ctx.workspaceId, customer, referrer);
        return null;
      }
      if (customer.id === referrer.id) await assertReferralAllowed(db, ctx.workspaceId, customer, referrer);
      const above: string[] = [];
      for (let id = await referrerOf(referrer.id); id !== null && above.length < 100; id = await referrerOf(id)) {
        if (id === customer.id) {
          const loop = [customer.name, ...above.map(nameOf).toReversed(), referrer.name, customer.name];
          return new AppError('referrals.cycle', 400, `That would make a loop: ${loop.join(' → ')} (each referred the next)`);
        }
        above.push(id);
      }
      return null;
    } catch (error) {
      if (isAppError(error)) return error;
      throw error;
    }
  }
}
