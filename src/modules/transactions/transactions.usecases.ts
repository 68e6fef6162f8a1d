import type { Kysely } from 'kysely';
import { linkPurchaseCodes } from '../campaigns/purchase-codes.ts';
import type { z } from 'zod';
import type { createTransactionSchema, Transaction } from '../../contracts/transactions.ts';
import { isUniqueViolation, toDbTime } from '../../db/dialect.ts';
import type { DB, StoredLine } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest, conflict, notFound } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../auth/permissions.ts';
import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import { createCustomersRepository } from '../customers/customers.repository.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createTransactionsRepository, encodeLines, storedLines, type TransactionRow } from './transactions.repository.ts';

export interface TransactionDeps {
  db: Kysely<DB>;
  clock: Clock;
}

/** A customer's purchases and refunds, newest first, a page at a time. */
export async function listTransactions(deps: TransactionDeps, actor: Actor, customerId: string, query: { limit: number; cursor?: string | undefined }): Promise<{ items: Transaction[]; nextCursor: string | null }> {
  await requireCustomer(deps.db, actor.workspaceId, customerId);
  const repo = createTransactionsRepository(deps.db);
  const rows = await repo.listForCustomer(actor.workspaceId, customerId, query.limit, query.cursor ? decodeCursor(query.cursor) : undefined);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toTransaction(r)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.occurred_at, last.id])).toString('base64url') : null,
  };
}

/** Entered by hand on the profile, or posted through the API. */
export async function createTransaction(deps: TransactionDeps, actor: Actor, customerId: string, input: z.output<typeof createTransactionSchema>): Promise<Transaction> {
  const created = await deps.db.transaction().execute(async (trx) => {
    await requireCustomer(trx, actor.workspaceId, customerId);
    const workspace = await createWorkspacesRepository(trx).getWorkspace(actor.workspaceId);
    const now = toDbTime(deps.clock.now());
    const refund = input.kind === 'refund' || input.amountMinor < 0;
    const sign = refund ? -1 : 1;
    const row: TransactionRow = {
      workspace_id: actor.workspaceId, id: newId(), customer_id: customerId, kind: refund ? 'refund' : 'sale',
      occurred_at: new Date(input.occurredAt).toISOString(), amount_minor: sign * Math.abs(input.amountMinor), currency: input.currency ?? workspace!.base_currency,
      cost_minor: input.costMinor ?? null, channel: input.channel ?? null, campaign: input.campaign ?? null, external_id: input.externalId ?? null, note: input.note ?? null,
      source: actor.via === 'api_key' ? 'api' : 'manual', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null, campaign_id: null, created_by: actor.userId === 'cli' ? null : actor.userId, created_at: now, updated_at: now,
    };
    const lines: StoredLine[] = (input.lines ?? []).map((l, i) => ({
      key: String(i + 1), position: i + 1, productCode: l.productCode ?? null, description: l.description ?? null,
      quantity: l.quantity ?? null, unitPrice: l.unitPrice ?? null, amountMinor: sign * Math.abs(l.amountMinor) * (l.amountMinor < 0 && !refund ? -1 : 1),
    }));
    row.lines = encodeLines(lines);
    row.line_count = lines.length;
    const repo = createTransactionsRepository(trx);
    try {
      await repo.insertTransactions([row]);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('transactions.external_id_taken', `Another transaction already has the id "${input.externalId}"`, { field: 'externalId' });
      throw error;
    }
    await repo.refreshPurchaseDates(actor.workspaceId, [customerId]);
    return toTransaction(row);
  });
  if (created.campaign) await linkPurchaseCodes(deps.db, deps.clock, actor, { transactionIds: [created.id] });
  await purchasesChanged(deps, actor.workspaceId, [customerId]);
  return created;
}

export async function deleteTransaction(deps: TransactionDeps, actor: Actor, transactionId: string): Promise<void> {
  const customerId = await deps.db.transaction().execute(async (trx) => {
    const repo = createTransactionsRepository(trx);
    const row = await repo.getTransaction(actor.workspaceId, transactionId);
    if (!row) throw notFound('transaction');
    await repo.deleteTransaction(actor.workspaceId, transactionId);
    if (row.customer_id) await repo.refreshPurchaseDates(actor.workspaceId, [row.customer_id]);
    return row.customer_id;
  });
  await purchasesChanged(deps, actor.workspaceId, customerId ? [customerId] : null);
}

/** Net spend per calendar month in the workspace's time zone (refunds subtract), per currency. */
export async function monthlySpend(deps: TransactionDeps, actor: Actor, customerId: string) {
  await requireCustomer(deps.db, actor.workspaceId, customerId);
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(actor.workspaceId);
  const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: workspace!.time_zone, year: 'numeric', month: '2-digit' });
  const totals = new Map<string, { month: string; currency: string; amountMinor: number; purchases: number }>();
  for (const t of await createTransactionsRepository(deps.db).amountsOf(actor.workspaceId, customerId)) {
    const month = monthOf.format(new Date(t.occurred_at)).slice(0, 7);
    const key = `${month} ${t.currency}`;
    const entry = totals.get(key) ?? { month, currency: t.currency, amountMinor: 0, purchases: 0 };
    entry.amountMinor += Number(t.amount_minor);
    if (t.kind === 'sale') entry.purchases++;
    totals.set(key, entry);
  }
  return { items: [...totals.values()] };
}

async function requireCustomer(db: Kysely<DB>, workspaceId: string, customerId: string): Promise<void> {
  if (!(await createCustomersRepository(db).getCustomer(workspaceId, customerId))) throw notFound('customer');
}

function toTransaction(r: TransactionRow): Transaction {
  const lines = storedLines(r.lines);
  return {
    id: r.id, customerId: r.customer_id, kind: r.kind, occurredAt: r.occurred_at, amountMinor: Number(r.amount_minor), currency: r.currency,
    costMinor: r.cost_minor === null ? null : Number(r.cost_minor), channel: r.channel, campaign: r.campaign, externalId: r.external_id, note: r.note,
    source: r.source, importId: r.import_id, createdAt: r.created_at,
    lines: lines.map((l) => ({ productCode: l.productCode, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, amountMinor: l.amountMinor })),
  };
}

function decodeCursor(text: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // fall through
  }
  throw badRequest('pagination.bad_cursor', 'The cursor is not one this API returned');
}
