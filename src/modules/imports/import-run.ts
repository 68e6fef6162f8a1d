import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { acquisitionOutcomeSchema, referralOutcomeSchema } from '../../contracts/imports.ts';
import type { DB, ImportRejectionsTable } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import type { CodeOutcome } from '../campaigns/purchase-codes.ts';
import type { RowProblem } from './transaction-rows.ts';

/**
 * What every import run shares, whatever it imports: its counts (kept with the import and
 * resumed from), its context, and its rejected rows.
 */
export interface ImportCounts {
  rows: number;
  rejected: number;
  transactionsCreated: number;
  transactionsUpdated: number;
  transactionsUnchanged: number;
  refundsCreated: number;
  linesAdded: number;
  customersCreated: number;
  unknownCustomer: number;
  /** Customers files: customers matched and changed, or matched and already as in the file. */
  customersUpdated: number;
  customersUnchanged: number;
  /** The last file row a committed batch covered: a resumed import starts after it. */
  lastRow: number;
  /** Rows left out on purpose (not purchases, totals rows, lines above the header), the first 200 listed. */
  skipped?: number;
  skippedRows?: { row: number; reason: string }[];
  /** What the codes on the purchases meant (coupon codes, campaign names, referral codes), once the rows are in. */
  codes?: CodeOutcome;
  /** Customers files: what the acquisition columns gave (shown beside the counts, not among them). */
  acquisition?: AcquisitionOutcome;
  /** Customers files: what the "referred by" column gave, once all the rows are in. */
  referrals?: ReferralOutcome;
}

export type AcquisitionOutcome = z.infer<typeof acquisitionOutcomeSchema>;
export type ReferralOutcome = z.infer<typeof referralOutcomeSchema>;


export function emptyCounts(): ImportCounts {
  return { rows: 0, rejected: 0, transactionsCreated: 0, transactionsUpdated: 0, transactionsUnchanged: 0, refundsCreated: 0, linesAdded: 0, customersCreated: 0, unknownCustomer: 0, customersUpdated: 0, customersUnchanged: 0, lastRow: 0 };
}

/** What a resumed run itself did: the import's counts now, less those it resumed from. */
export function countsSince(now: ImportCounts, before: ImportCounts | undefined): ImportCounts {
  if (!before) return now;
  const out = { ...now };
  for (const key of Object.keys(now) as (keyof ImportCounts)[]) {
    const value = now[key];
    if (key !== 'lastRow' && typeof value === 'number') (out as unknown as Record<string, number>)[key] = value - ((before[key] as number | undefined) ?? 0);
  }
  out.skippedRows = (now.skippedRows ?? []).slice((before.skippedRows ?? []).length);
  return out;
}

/**
 * Where an import reads and where it writes. The same transaction, or (SQLite with a writer
 * thread) the app's connection for reads, which sees only what is committed, and the writer's
 * transaction for writes.
 */
export interface ImportDatabases {
  read: Kysely<DB>;
  write: Kysely<DB>;
}

export interface ImportContext {
  clock: Clock;
  workspaceId: string;
  importId: string | null;
  actorId: string | null;
}

export interface Rejection {
  row: number;
  cells: string[];
  problems: RowProblem[];
}

export function rejectionRows(workspaceId: string, importId: string, rejections: Rejection[]): ImportRejectionsTable[] {
  return rejections.map((r) => ({ workspace_id: workspaceId, import_id: importId, row_number: r.row, cells: r.cells, problems: r.problems }));
}
