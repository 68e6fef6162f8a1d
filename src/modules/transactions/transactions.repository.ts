import { sql, type Kysely } from 'kysely';
import { bulkInsert, type ColumnKinds } from '../../db/bulk-insert.ts';
import { dialectOf, parseJsonColumn } from '../../db/dialect.ts';
import type { DB, StoredLine, TransactionsTable } from '../../db/schema.ts';

/** Rows per multi-row statement: under SQLite's 32,766 bound variables (PostgreSQL allows 65,535). */
export function chunked<T>(rows: T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type TransactionRow = TransactionsTable;

const TRANSACTION_KINDS: ColumnKinds<'transactions'> = {
  workspace_id: 'text', id: 'text', customer_id: 'text', kind: 'text', occurred_at: 'timestamp', amount_minor: 'bigint', currency: 'text', cost_minor: 'bigint',
  channel: 'text', campaign: 'text', external_id: 'text', note: 'text', source: 'text', import_id: 'text', content_hash: 'text', lines: 'json', line_count: 'integer', shipping_minor: 'bigint', fee_minor: 'bigint', campaign_id: 'text',
  created_by: 'text', created_at: 'timestamp', updated_at: 'timestamp',
};

export type EncodedLine = [position: number, productCode: string | null, description: string | null, quantity: number | null, unitPrice: string | null, amountMinor: number];

/**
 * Line items are stored compactly, an array per line (half a million object keys would
 * outweigh the data); a line's key is not stored but derived — its content and how many
 * identical lines came before it in the transaction.
 */
export function encodeLines(lines: StoredLine[]): string | null {
  return encodeLineTuples(lines.map((l): EncodedLine => [l.position, l.productCode, l.description, l.quantity, l.unitPrice, l.amountMinor]));
}

/** encodeLines for lines already in their stored shape (an import makes them so, without an object per line). */
export function encodeLineTuples(lines: EncodedLine[]): string | null {
  return lines.length ? JSON.stringify(lines) : null;
}

/** A column of line items as stored (SQLite: text; PostgreSQL: parsed), with their keys. */
export function storedLines(value: unknown): StoredLine[] {
  const encoded = parseJsonColumn<EncodedLine[] | null>(value) ?? [];
  const seen = new Map<string, number>();
  return encoded.map(([position, productCode, description, quantity, unitPrice, amountMinor]) => {
    const content = lineContent(productCode, description, quantity, unitPrice, amountMinor);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return { key: `${content}:${n}`, position, productCode, description, quantity, unitPrice, amountMinor };
  });
}

/** What identifies a line within its transaction, before its occurrence number. */
export function lineContent(productCode: string | null, description: string | null, quantity: number | string | null, unitPrice: string | null, amountMinor: number): string {
  return `${productCode ?? (description ?? '').slice(0, 40)}|${quantity ?? ''}|${unitPrice ?? ''}|${amountMinor}`;
}

/** A customer's first or latest sale, from the ledger (in an update of `customers`). */
function purchaseDate(fn: 'min' | 'max') {
  return sql<string | null>`(select ${sql.raw(fn)}(t.occurred_at) from transactions t where t.workspace_id = customers.workspace_id and t.customer_id = customers.id and t.kind = 'sale')`;
}

export function createTransactionsRepository(db: Kysely<DB>) {
  return {
    async insertTransactions(rows: TransactionRow[]): Promise<void> {
      await bulkInsert(db, 'transactions', TRANSACTION_KINDS, rows);
    },

    /** The stored line items of these transactions. */
    async linesOf(workspaceId: string, transactionIds: string[]): Promise<Map<string, StoredLine[]>> {
      const out = new Map<string, StoredLine[]>();
      for (const chunk of chunked(transactionIds, 1)) {
        const rows = await db.selectFrom('transactions').select(['id', 'lines']).where('workspace_id', '=', workspaceId).where('id', 'in', chunk).execute();
        for (const r of rows) out.set(r.id, storedLines(r.lines));
      }
      return out;
    },

    /** New line items for a transaction: its amount is theirs, and a negative amount is a refund. */
    async setLines(workspaceId: string, id: string, lines: StoredLine[], updatedAt: string, amountOfLines = true): Promise<void> {
      const amount = lines.reduce((sum, l) => sum + l.amountMinor, 0);
      await db
        .updateTable('transactions')
        .set({ lines: encodeLines(lines), line_count: lines.length, updated_at: updatedAt, ...(amountOfLines && { amount_minor: amount }), ...(amountOfLines && amount < 0 && { kind: 'refund' as const }) })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * More line items at the end of a transaction's, without reading them: its amount grows by
     * theirs, and a negative amount makes it a refund (as setLines does).
     */
    async appendLines(workspaceId: string, id: string, lines: EncodedLine[], updatedAt: string, amountOfLines = true): Promise<void> {
      if (lines.length === 0) return;
      const added = amountOfLines ? lines.reduce((sum, l) => sum + l[5], 0) : 0;
      const encoded = encodeLineTuples(lines)!;
      // Both hold a JSON array: SQLite as text (the new one's elements spliced in before the
      // closing bracket), PostgreSQL as jsonb (concatenated).
      const joined = dialectOf(db as unknown as Kysely<never>) === 'postgres' ? sql`coalesce(lines, '[]'::jsonb) || ${encoded}::jsonb` : sql`case when lines is null then ${encoded} else substr(lines, 1, length(lines) - 1) || ',' || substr(${encoded}, 2) end`;
      await db
        .updateTable('transactions')
        .set({
          lines: joined as never,
          line_count: sql`line_count + ${lines.length}`,
          amount_minor: sql`amount_minor + ${added}`,
          kind: sql`case when amount_minor + ${added} < 0 then 'refund' else kind end`,
          updated_at: updatedAt,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    },

    async byExternalIds(workspaceId: string, externalIds: string[]) {
      const out: Pick<TransactionRow, 'id' | 'external_id' | 'content_hash' | 'customer_id' | 'import_id'>[] = [];
      for (const chunk of chunked(externalIds, 1)) {
        out.push(
          ...(await db
            .selectFrom('transactions')
            .select(['id', 'external_id', 'content_hash', 'customer_id', 'import_id'])
            .where('workspace_id', '=', workspaceId)
            .where('external_id', 'in', chunk)
            .execute()),
        );
      }
      return out;
    },

    /** The keys of the rows without an order number that an import has written (`row:<content>:<n>`). */
    async rowKeysOfImport(workspaceId: string, importId: string): Promise<string[]> {
      const rows = await db.selectFrom('transactions').select('external_id').where('workspace_id', '=', workspaceId).where('import_id', '=', importId).where('external_id', 'like', 'row:%').execute();
      return rows.map((r) => r.external_id!);
    },

    async updateTransaction(workspaceId: string, id: string, patch: Partial<TransactionRow>): Promise<void> {
      await db.updateTable('transactions').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /** First and latest purchase (sales only) of these customers, from their ledger. */
    async refreshPurchaseDates(workspaceId: string, customerIds: string[]): Promise<void> {
      for (const chunk of chunked(customerIds, 1)) {
        await db
          .updateTable('customers')
          .set({ first_purchase_at: purchaseDate('min'), last_purchase_at: purchaseDate('max') })
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', chunk)
          .execute();
      }
    },

    async listForCustomer(workspaceId: string, customerId: string, limit: number, before?: { at: string; id: string }) {
      let query = db
        .selectFrom('transactions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (before) query = query.where((eb) => eb.or([eb('occurred_at', '<', before.at), eb.and([eb('occurred_at', '=', before.at), eb('id', '<', before.id)])]));
      return query.execute();
    },

    async getTransaction(workspaceId: string, id: string): Promise<TransactionRow | undefined> {
      return db.selectFrom('transactions').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    },

    async deleteTransaction(workspaceId: string, id: string): Promise<void> {
      await db.deleteFrom('coupon_redemptions').where('workspace_id', '=', workspaceId).where('transaction_id', '=', id).execute();
      await db.deleteFrom('transactions').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    },

    /** Every purchase of a customer, oldest first, for per-month figures (in the workspace's time zone). */
    async amountsOf(workspaceId: string, customerId: string) {
      return db
        .selectFrom('transactions')
        .select(['occurred_at', 'currency', 'amount_minor', 'kind'])
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .orderBy('occurred_at')
        .execute();
    },

    /** Move a merged-away customer's purchases to the survivor. */
    async moveToCustomer(workspaceId: string, fromId: string, toId: string): Promise<void> {
      await db.updateTable('transactions').set({ customer_id: toId }).where('workspace_id', '=', workspaceId).where('customer_id', '=', fromId).execute();
    },
  };
}
