import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/**
 * The whole ledger of a database, by natural keys only (never generated ids): for tests that
 * compare two databases filled from the same file by different routes (one run, or a killed
 * run and its resumption). Reads SQLite with better-sqlite3 and PostgreSQL with pg, outside
 * the app's code, so that nothing of the importer's reading is trusted.
 */
export interface LedgerReader {
  all<T>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

export function sqliteReader(file: string): LedgerReader {
  const db = new SqliteDatabase(file, { readonly: true });
  return {
    all: async <T>(text: string) => db.prepare(text).all() as T[],
    close: async () => void db.close(),
  };
}

export async function postgresReader(url: string): Promise<LedgerReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    all: async <T>(text: string) => (await client.query(text)).rows as T[],
    close: () => client.end(),
  };
}

/** A stored line item, decoded: [position (file row), product code, description, quantity, unit price, amount]. */
export type DumpedLine = [number, string | null, string | null, number | null, string | null, number];

export interface DumpedCustomer {
  externalId: string | null;
  displayName: string;
  email: string | null;
}

export interface DumpedTransaction {
  /** The order number; rows without one keep only their occurrence (`row:*:2`): the rest of their key hashes a generated customer id. */
  externalId: string;
  kind: string;
  amountMinor: number;
  currency: string;
  occurredAt: string;
  customer: DumpedCustomer | null;
  lineCount: number;
  lines: DumpedLine[];
}

export interface LedgerDump {
  transactions: DumpedTransaction[];
  customers: { externalId: string | null; displayName: string; country: string | null; firstPurchaseAt: string | null; lastPurchaseAt: string | null; contacts: string[] }[];
  imports: { status: string; rowsDone: number; rowsTotal: number | null; rejected: number }[];
  totals: LedgerTotals;
}

export interface LedgerTotals {
  transactions: number;
  lineCount: number;
  /** Lines actually decoded from the stored JSON (must equal lineCount). */
  decodedLines: number;
  amountMinor: number;
}

interface TransactionRecord {
  external_id: string;
  kind: string;
  amount_minor: number | string;
  currency: string;
  occurred_at: string | Date;
  customer_id: string | null;
  line_count: number | string;
  lines: string | unknown[] | null;
}

interface CustomerRecord {
  id: string;
  external_id: string | null;
  display_name: string;
  country: string | null;
  first_purchase_at: string | Date | null;
  last_purchase_at: string | Date | null;
}

const instant = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const canonical = <T>(items: T[]) => items.toSorted((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

export async function dumpLedger(reader: LedgerReader): Promise<LedgerDump> {
  const customerRows = await reader.all<CustomerRecord>('select id, external_id, display_name, country, first_purchase_at, last_purchase_at from customers');
  const contactRows = await reader.all<{ customer_id: string; kind: string; value: string; position: number }>('select customer_id, kind, value, position from customer_contacts order by position');
  const contacts = new Map<string, string[]>();
  for (const c of contactRows) contacts.set(c.customer_id, [...(contacts.get(c.customer_id) ?? []), `${c.kind}:${c.value}`]);
  const customerOf = new Map(customerRows.map((c) => [c.id, { externalId: c.external_id, displayName: c.display_name, email: (contacts.get(c.id) ?? []).find((x) => x.startsWith('email:'))?.slice(6) ?? null }]));

  const transactionRows = await reader.all<TransactionRecord>('select external_id, kind, amount_minor, currency, occurred_at, customer_id, line_count, lines from transactions');
  const transactions = canonical(transactionRows.map((t) => dumpTransaction(t, t.customer_id === null ? null : (customerOf.get(t.customer_id) ?? null))));
  const imports = await reader.all<{ status: string; rows_done: number; rows_total: number | null; id: string }>('select id, status, rows_done, rows_total from imports');
  const rejections = await reader.all<{ import_id: string }>('select import_id from import_rejections');
  return {
    transactions,
    customers: canonical(customerRows.map((c) => ({ externalId: c.external_id, displayName: c.display_name, country: c.country, firstPurchaseAt: instant(c.first_purchase_at), lastPurchaseAt: instant(c.last_purchase_at), contacts: (contacts.get(c.id) ?? []).toSorted() }))),
    imports: canonical(imports.map((i) => ({ status: i.status, rowsDone: Number(i.rows_done), rowsTotal: i.rows_total === null ? null : Number(i.rows_total), rejected: rejections.filter((r) => r.import_id === i.id).length }))),
    totals: totalsOf(transactions),
  };
}

function dumpTransaction(t: TransactionRecord, customer: DumpedCustomer | null): DumpedTransaction {
  const stored = (typeof t.lines === 'string' ? JSON.parse(t.lines) : (t.lines ?? [])) as DumpedLine[];
  return {
    externalId: t.external_id.startsWith('row:') ? `row:*:${t.external_id.slice(t.external_id.lastIndexOf(':') + 1)}` : t.external_id,
    kind: t.kind,
    amountMinor: Number(t.amount_minor),
    currency: t.currency,
    occurredAt: instant(t.occurred_at)!,
    customer,
    lineCount: Number(t.line_count),
    lines: canonical(stored),
  };
}

export function totalsOf(transactions: DumpedTransaction[]): LedgerTotals {
  let lineCount = 0;
  let decodedLines = 0;
  let amountMinor = 0;
  for (const t of transactions) {
    lineCount += t.lineCount;
    decodedLines += t.lines.length;
    amountMinor += t.amountMinor;
  }
  return { transactions: transactions.length, lineCount, decodedLines, amountMinor };
}

/** Stored line items, in total, as the database has them now (cheap: for before-and-after checks). */
export async function ledgerCounts(reader: LedgerReader): Promise<{ transactions: number; lines: number; customers: number }> {
  const [t] = await reader.all<{ n: number | string; lines: number | string | null }>('select count(*) as n, sum(line_count) as lines from transactions');
  const [c] = await reader.all<{ n: number | string }>('select count(*) as n from customers');
  return { transactions: Number(t?.n ?? 0), lines: Number(t?.lines ?? 0), customers: Number(c?.n ?? 0) };
}

/**
 * How one ledger differs from the expected one, a line per transaction (missing, extra, or
 * with other lines or amount): readable where a deep diff of thousands of rows is not.
 */
export function ledgerDifferences(expected: LedgerDump, actual: LedgerDump, limit = 20): string[] {
  const byKey = (dump: LedgerDump) => {
    const out = new Map<string, DumpedTransaction[]>();
    for (const t of dump.transactions) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
    return out;
  };
  const want = byKey(expected);
  const got = byKey(actual);
  const out: string[] = [];
  for (const [k, ts] of want) {
    const mine = got.get(k) ?? [];
    for (let i = 0; i < Math.max(ts.length, mine.length); i++) {
      const e = ts[i];
      const a = mine[i];
      if (!a) out.push(`${name(e!)}: missing (${e!.lineCount} lines, ${e!.amountMinor} minor)`);
      else if (!e) out.push(`${name(a)}: not expected (${a.lineCount} lines, ${a.amountMinor} minor)`);
      else if (JSON.stringify(e) !== JSON.stringify(a)) out.push(`${name(e)}: ${a.lineCount} lines (expected ${e.lineCount}), amount ${a.amountMinor} (expected ${e.amountMinor}${describeLines(e, a)})`);
    }
  }
  for (const [k, ts] of got) if (!want.has(k)) for (const a of ts) out.push(`${name(a)}: not expected (${a.lineCount} lines, ${a.amountMinor} minor)`);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out;
}

/** A transaction's natural key: its order number, or (rows without one) its occurrence, time, customer and line. */
function key(t: DumpedTransaction): string {
  return `${t.externalId} ${t.occurredAt} ${t.customer?.externalId ?? t.customer?.email ?? '-'} ${t.externalId.startsWith('row:') ? JSON.stringify(t.lines) : ''}`;
}

/** How a failure names a transaction: its order number, or what identifies a row without one. */
function name(t: DumpedTransaction): string {
  return t.externalId.startsWith('row:') ? `${t.externalId} (${t.occurredAt} ${t.customer?.email ?? t.customer?.externalId ?? 'no customer'})` : t.externalId;
}

function describeLines(expected: DumpedTransaction, actual: DumpedTransaction): string {
  const have = new Set(actual.lines.map((l) => JSON.stringify(l)));
  const missing = expected.lines.filter((l) => !have.has(JSON.stringify(l)));
  return missing.length > 0 ? `; missing rows ${missing.map((l) => l[0]).join(', ')}` : '';
}
