import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { CustomerContactsTable, CustomerHistoryTable, DB, ImportChangesTable, StoredLine } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';
import { contactMatchKey, normalizeText } from '../../shared/text.ts';
import { completenessOf, searchTextOf } from '../customers/customer-derived.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { emptyRow } from '../customers/customer-writes.usecases.ts';
import type { CustomerRow } from '../customers/customers.repository.ts';
import { createTransactionsRepository, encodeLines, encodeLineTuples, lineContent, type EncodedLine, type TransactionRow } from '../transactions/transactions.repository.ts';
import { isCompanyName } from './customer-rows.ts';
import { createImportChangesRepository } from './import-changes.repository.ts';
import { refundedAmount, saleAmount as saleAmountOf } from './order-preview.ts';
import type { ImportContext, ImportCounts, ImportDatabases, Rejection } from './import-run.ts';
import type { TableRow } from './table-reader.ts';
import { createRowReader, customerMatchKey, importedCustomerName, type CustomerKey, type ParsedLine, type RowProblem, type TransactionReadSettings } from './transaction-rows.ts';

/**
 * Transactions into the ledger, a batch of file rows at a time: rows become lines, lines
 * with the same order number become one transaction (its line items), customers are
 * matched by external id, then email, then phone (or created), and everything is keyed so
 * that importing the same rows again changes nothing. Each batch is written in one database
 * transaction together with the import's progress, so a killed import leaves whole batches
 * behind and resumes after the last one.
 */
export interface TransactionImportOptions {
  /** Rows whose customer is not in Rapport yet: create the customer, or reject the row. */
  unmatchedCustomers: 'create' | 'reject';
  /** Rows that name no customer at all: keep them in the "unknown customer" bucket, or reject them. */
  noCustomerKey: 'unknown' | 'reject';
}

interface Group {
  externalId: string;
  grouped: boolean;
  /** The customer of its first line (null: the unknown-customer bucket). */
  customerId: string | null;
  lines: ParsedLine[];
}

/** Each line's customer id, by the line's index in the batch: null for the unknown-customer bucket, undefined when rejected. */
type CustomerIds = (string | null | undefined)[];

const hash = (parts: unknown[]) => createHash('sha1').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);

export function createTransactionImporter(ctx: ImportContext, settings: TransactionReadSettings, options: TransactionImportOptions, dryRun: boolean) {
  const read = createRowReader(settings);
  // The order's amount is its total as paid (less shipping), not the sum of its lines.
  const orderLevelAmount = settings.mapping.orderTotal !== undefined;
  const saleAmount = (lines: ParsedLine[]) => saleAmountOf(lines, orderLevelAmount);
  const customers = new Map<string, string>(); // match key → customer id (or a planned one in a dry run)
  const occurrences = new Map<string, number>(); // identical rows without an order number
  const lineOccurrences = new Map<string, Map<string, number>>(); // per order written before this import, recent ones only
  const createdThisRun = new Map<string, string>(); // external id → id of the transactions this import created (its later batches may add lines)
  const grownThisRun = new Set<string>(); // ids of transactions from before this import that it gave more lines
  const existingSeen = new Map<string, 'unchanged' | 'updated'>(); // orders from before this import, as counted
  const touchedCustomers = new Set<string>(); // whose purchase dates are to be refreshed
  const changeRecorded = new Set<string>(); // transactions from before this import whose first state is kept for its undo

  let resumeChecked = false;

  /**
   * A resumed import goes on counting identical rows without an order number where the killed
   * run had got to (its committed `row:<content>:<n>` keys), or the next such row would take the
   * key of one already written and be lost.
   */
  async function continueCounting(db: Kysely<DB>, counts: ImportCounts): Promise<void> {
    resumeChecked = true;
    if (counts.lastRow === 0 || !ctx.importId) return;
    for (const key of await createTransactionsRepository(db).rowKeysOfImport(ctx.workspaceId, ctx.importId)) {
      const at = key.lastIndexOf(':');
      const content = key.slice(4, at);
      occurrences.set(content, Math.max(occurrences.get(content) ?? 0, Number(key.slice(at + 1))));
    }
  }

  /** Processes one batch of rows against the database (writes only when not a dry run). */
  async function processBatch(dbs: ImportDatabases, rows: TableRow[], counts: ImportCounts, settled = true): Promise<Rejection[]> {
    if (!resumeChecked) await continueCounting(dbs.read, counts);
    const rejections: Rejection[] = [];
    const lines: ParsedLine[] = [];
    for (const row of rows) {
      const result = read(row);
      if (result.ok === true) lines.push(result.line);
      else if (result.ok === false) rejections.push({ row: result.row, cells: result.cells, problems: result.problems });
      else noteSkipped(counts, result.row, result.reason);
    }
    counts.rows += rows.length;
    let cellsOf: Map<number, string[]> | null = null; // made only when a line is rejected after reading
    const reject = (line: ParsedLine, problem: RowProblem) => {
      cellsOf ??= new Map(rows.map((r) => [r.number, r.cells]));
      rejections.push({ row: line.row, cells: cellsOf.get(line.row) ?? [], problems: [problem] });
    };

    const { customerOf, creating } = await resolveCustomers(dbs.read, lines, counts, reject);
    await writeGroups(dbs, groupLines(lines, customerOf), counts, creating);
    if (settled) await settle(dbs.write); // else the caller settles before it commits
    counts.rejected += rejections.length;
    counts.lastRow = rows.at(-1)?.number ?? counts.lastRow;
    return rejections;
  }

  /** Each line's customer id (null: the unknown-customer bucket; lines left out were rejected), and the customers to create. */
  async function resolveCustomers(db: Kysely<DB>, lines: ParsedLine[], counts: ImportCounts, reject: (l: ParsedLine, p: RowProblem) => void): Promise<{ customerOf: CustomerIds; creating: CustomerKey[] }> {
    const repo = createCustomerMatchingRepository(db);
    const wanted = new Map<string, CustomerKey>();
    let last: CustomerKey | null = null; // an order's lines share their customer: one key for the run of them
    for (const l of lines) {
      if (!l.customer || (last && sameCustomer(l.customer, last))) continue;
      last = l.customer;
      const key = customerMatchKey(l.customer);
      if (!customers.has(key)) wanted.set(key, l.customer);
    }
    if (wanted.size > 0) {
      const keys = [...wanted.values()];
      const found = (await repo.byExternalIds(ctx.workspaceId, unique(keys.map((k) => k.externalId)))).map((r) => [`id:${r.external_id}`, r.id] as const);
      const byEmail = new Map((await repo.byContactKeys(ctx.workspaceId, 'email', unique(keys.map((k) => k.email)))).toReversed().map((r) => [r.match_key, r.customer_id]));
      const byPhone = new Map((await repo.byContactKeys(ctx.workspaceId, 'phone', unique(keys.map((k) => (k.phone ? contactMatchKey('phone', k.phone) : null))))).toReversed().map((r) => [r.match_key, r.customer_id]));
      for (const [key, id] of found) customers.set(key, id);
      for (const [key, k] of wanted) {
        if (customers.has(key)) continue;
        const id = (k.email && byEmail.get(k.email)) || (k.phone && byPhone.get(contactMatchKey('phone', k.phone))) || null;
        if (id) customers.set(key, id);
      }
    }
    const creating: CustomerKey[] = [];
    const out: CustomerIds = []; // a line never set here was rejected
    let previous: CustomerKey | null = null;
    let previousId = '';
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.customer && previous && sameCustomer(l.customer, previous)) {
        out[i] = previousId;
        continue;
      }
      if (!l.customer) {
        if (options.noCustomerKey === 'reject') reject(l, { column: null, value: null, code: 'import.customer_missing', message: 'The row names no customer (no customer id, email or phone)' });
        else out[i] = null;
        continue;
      }
      const key = customerMatchKey(l.customer);
      let id = customers.get(key);
      if (id === undefined) {
        if (options.unmatchedCustomers === 'reject') {
          reject(l, { column: null, value: key.slice(key.indexOf(':') + 1), code: 'import.customer_unknown', message: 'No customer in Rapport has this id, email or phone' });
          continue;
        }
        id = newId();
        customers.set(key, id);
        creating.push(l.customer);
      }
      out[i] = id;
      previous = l.customer;
      previousId = id;
    }
    counts.customersCreated += creating.length;
    return { customerOf: out, creating };
  }

  async function insertNewCustomers(db: Kysely<DB>, keys: CustomerKey[]): Promise<void> {
    const now = toDbTime(ctx.clock.now());
    const rows: CustomerRow[] = [];
    const contacts: CustomerContactsTable[] = [];
    const history: CustomerHistoryTable[] = [];
    for (const k of keys) {
      const id = customers.get(customerMatchKey(k))!;
      const name = importedCustomerName(k);
      const mine: CustomerContactsTable[] = [];
      if (k.email) mine.push({ workspace_id: ctx.workspaceId, id: newId(), customer_id: id, kind: 'email', value: k.email, label: null, match_key: contactMatchKey('email', k.email), position: 0 });
      if (k.phone) mine.push({ workspace_id: ctx.workspaceId, id: newId(), customer_id: id, kind: 'phone', value: k.phone, label: null, match_key: contactMatchKey('phone', k.phone), position: mine.length });
      // A company in the customer column (ООО "Ромашка", Acme Ltd) is an organisation.
      const row: CustomerRow = { ...emptyRow(ctx.workspaceId, id, isCompanyName(name) ? 'organisation' : 'person', now), external_id: k.externalId, display_name: name, sort_name: normalizeText(name), country: k.country };
      row.search_text = searchTextOf({ displayName: name, contacts: mine, organisationNames: [], notes: null, noteBodies: [] });
      row.completeness = completenessOf({ row, hasEmail: Boolean(k.email), hasPhone: Boolean(k.phone), knownBits: new Set() }).score;
      rows.push(row);
      contacts.push(...mine);
      history.push({ workspace_id: ctx.workspaceId, id: newId(), customer_id: id, actor_id: ctx.actorId, at: now, action: 'created', field: 'import', old_value: null, new_value: name });
    }
    await createCustomerMatchingRepository(db).insertCustomers(rows, contacts, history);
  }

  /** Lines with the same order number are one transaction; other lines are one each (rejected lines are left out). */
  function groupLines(lines: ParsedLine[], customerOf: CustomerIds): Group[] {
    const orders = new Map<string, Group>();
    const singles: Group[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const customerId = customerOf[i];
      if (customerId === undefined) continue;
      if (l.orderId !== null) {
        let g = orders.get(l.orderId);
        if (!g) orders.set(l.orderId, (g = { externalId: l.orderId, grouped: true, customerId, lines: [] }));
        g.lines.push(l);
        continue;
      }
      const content = hash([customerId, l.occurredAt, l.amountMinor, l.currency, l.quantity, l.unitPrice, l.productCode, l.description, l.channel, l.campaign]);
      const n = (occurrences.get(content) ?? 0) + 1;
      occurrences.set(content, n);
      singles.push({ externalId: `row:${content}:${n}`, grouped: false, customerId, lines: [l] });
    }
    const groups = [...orders.values(), ...singles];
    for (const g of groups) {
      const refund = laterRefund(g);
      if (refund) singles.push(refund);
    }
    return [...orders.values(), ...singles];
  }

  /**
   * A sale refunded later (a "refunded" status, or a refunded amount): a refund on the same order,
   * after the sale rather than instead of it — in full, or the amount refunded (never more than
   * the sale). Made once, with the order's first rows.
   */
  function laterRefund(g: Group): Group | null {
    const first = g.lines[0]!;
    if (!first.refunded && !first.refundedMinor) return null;
    const externalId = `${g.externalId}~refund`;
    if (createdThisRun.has(externalId) || createdThisRun.has(g.externalId)) return null;
    const amount = refundedAmount(first, saleAmount(g.lines));
    if (amount === null) return null;
    const line: ParsedLine = { ...first, amountMinor: -amount, costMinor: null, quantity: null, unitPrice: null, productCode: null, description: null, refund: true, markedRefund: true, hasDetail: false, orderTotalMinor: null, shippingMinor: null, feeMinor: null, refundedMinor: null, refunded: false };
    return { externalId, grouped: false, customerId: g.customerId, lines: [line] };
  }

  /** A line's key within its order: its content and how many identical lines came before it. */
  function lineKey(orderId: string, l: ParsedLine): string {
    let seen = lineOccurrences.get(orderId);
    if (!seen) {
      if (lineOccurrences.size >= 2_000) lineOccurrences.delete(lineOccurrences.keys().next().value!);
      seen = new Map();
      lineOccurrences.set(orderId, seen);
    }
    const content = lineContent(l.productCode, l.description, l.quantity === null ? null : Number(l.quantity), l.unitPrice, l.amountMinor);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return `${content}:${n}`;
  }

  /**
   * Reads go to `dbs.read`, which need not see this import's uncommitted writes: what this
   * import wrote is known here (customers and transactions it created), and the one read that
   * does depend on them (the lines of a transaction it grew before) goes to `dbs.write`.
   */
  async function writeGroups(dbs: ImportDatabases, groups: Group[], counts: ImportCounts, newCustomers: CustomerKey[]): Promise<void> {
    const repo = createTransactionsRepository(dbs.read);
    const writes = createTransactionsRepository(dbs.write);
    const existing = new Map((await repo.byExternalIds(ctx.workspaceId, groups.filter((g) => !createdThisRun.has(g.externalId)).map((g) => g.externalId))).map((t) => [t.external_id!, t]));
    const now = toDbTime(ctx.clock.now());
    const inserts: TransactionRow[] = [];
    const updates: { id: string; patch: Partial<TransactionRow> }[] = [];
    // Orders already written (by an earlier import, or an earlier batch of this one): they may gain lines.
    const earlierOrders: { id: string; externalId: string; lines: StoredLine[] }[] = [];
    const appended: { id: string; lines: EncodedLine[] }[] = []; // to orders this import created in an earlier batch

    for (const g of groups) {
      const first = g.lines[0]!;
      const customerId = g.customerId;
      const amount = saleAmount(g.lines);
      let marked = false;
      let cost: number | null = null;
      for (const l of g.lines) {
        if (l.markedRefund) marked = true;
        if (l.costMinor !== null) cost = (cost ?? 0) + l.costMinor;
      }
      const refund = marked || amount < 0;
      const header = {
        customer_id: customerId,
        kind: refund ? ('refund' as const) : ('sale' as const),
        occurred_at: first.occurredAt,
        currency: first.currency,
        cost_minor: cost,
        channel: first.channel,
        campaign: first.campaign,
        shipping_minor: first.shippingMinor,
        fee_minor: first.feeMinor,
      };
      // Orders change by gaining lines (compared by line key); single rows by their content.
      const contentHash = g.grouped ? null : hash([header, amount, first.productCode, first.description, first.quantity, first.unitPrice]);
      let found = existing.get(g.externalId);
      // Written by this very import before it was killed: its rows after the last commit are all new.
      if (found && ctx.importId !== null && found.import_id === ctx.importId) {
        createdThisRun.set(g.externalId, found.id);
        found = undefined;
      }
      const createdId = createdThisRun.get(g.externalId);
      const wasCreatedThisRun = createdId !== undefined;
      const id = found?.id ?? createdId ?? newId();
      if (customerId) touchedCustomers.add(customerId);
      const detailed = g.grouped || first.hasDetail;
      if (!found && !wasCreatedThisRun) {
        // Straight from the file's lines to their stored form (most of an import goes this way).
        const lines = detailed ? g.lines.map(encodedLine) : [];
        inserts.push({
          workspace_id: ctx.workspaceId, id, ...header, campaign_id: null, amount_minor: amount, external_id: g.externalId, note: null, source: 'import', import_id: ctx.importId,
          content_hash: contentHash, lines: encodeLineTuples(lines), line_count: lines.length, created_by: ctx.actorId, created_at: now, updated_at: now,
        });
        createdThisRun.set(g.externalId, id);
        counts.transactionsCreated++;
        counts.linesAdded += lines.length;
        if (refund) counts.refundsCreated++;
        if (!customerId) counts.unknownCustomer++;
        continue;
      }
      if (g.grouped && wasCreatedThisRun) {
        // Later rows of an order this import created in an earlier batch: all new lines.
        const lines = g.lines.map(encodedLine);
        appended.push({ id, lines });
        counts.linesAdded += lines.length;
        continue;
      }
      // Keys matter only against lines already stored by an earlier import (keys are not stored).
      const keyed = g.grouped && found !== undefined;
      const lines: StoredLine[] = detailed ? g.lines.map((l) => storedLine(keyed ? lineKey(g.externalId, l) : g.grouped ? '' : 'row', l)) : [];
      if (!g.grouped) {
        if (found?.content_hash === contentHash || (!found && wasCreatedThisRun)) counts.transactionsUnchanged++;
        else {
          updates.push({ id, patch: { ...header, amount_minor: amount, content_hash: contentHash, lines: encodeLines(lines), line_count: lines.length, updated_at: now } });
          counts.transactionsUpdated++;
        }
      } else {
        earlierOrders.push({ id, externalId: g.externalId, lines });
      }
    }

    // Lines of orders from before this import are new only when their keys are (the stored
    // lines of one it grew already are in its own writes).
    const ids = earlierOrders.map((o) => o.id);
    const stored = new Map([...(await repo.linesOf(ctx.workspaceId, ids.filter((i) => !grownThisRun.has(i)))), ...(await writes.linesOf(ctx.workspaceId, ids.filter((i) => grownThisRun.has(i))))]);
    const grown: { id: string; lines: StoredLine[] }[] = [];
    for (const o of earlierOrders) {
      const before = stored.get(o.id) ?? [];
      const keys = new Set(before.map((l) => l.key));
      const added = o.lines.filter((l) => !keys.has(l.key));
      counts.linesAdded += added.length;
      if (added.length > 0) grown.push({ id: o.id, lines: [...before, ...added] });
      const seen = existingSeen.get(o.externalId);
      const state = added.length > 0 ? 'updated' : 'unchanged';
      if (seen === undefined) counts[state === 'updated' ? 'transactionsUpdated' : 'transactionsUnchanged']++;
      else if (seen === 'unchanged' && state === 'updated') {
        counts.transactionsUnchanged--;
        counts.transactionsUpdated++;
      }
      if (seen !== 'updated') existingSeen.set(o.externalId, state);
    }

    if (dryRun) return;
    await recordChanges(dbs, newCustomers, [...updates.map((u) => u.id), ...grown.map((g) => g.id)]);
    if (newCustomers.length > 0) await insertNewCustomers(dbs.write, newCustomers);
    await writes.insertTransactions(inserts);
    for (const u of updates) await writes.updateTransaction(ctx.workspaceId, u.id, u.patch);
    for (const a of appended) await writes.appendLines(ctx.workspaceId, a.id, a.lines, now, !orderLevelAmount);
    for (const g of grown) {
      await writes.setLines(ctx.workspaceId, g.id, g.lines, now, !orderLevelAmount);
      grownThisRun.add(g.id);
    }
  }

  /** For the import's undo: the customers it creates, and the transactions it changes as they were before. */
  async function recordChanges(dbs: ImportDatabases, newCustomers: CustomerKey[], changedIds: string[]): Promise<void> {
    if (!ctx.importId) return;
    const changes = createImportChangesRepository(dbs.write);
    const base = { workspace_id: ctx.workspaceId, import_id: ctx.importId };
    const rows: ImportChangesTable[] = newCustomers.map((k) => ({ ...base, entity: 'customer', entity_id: customers.get(customerMatchKey(k))!, action: 'created', before: null }));
    const first = changedIds.filter((id) => !changeRecorded.has(id));
    for (const before of first.length > 0 ? await createImportChangesRepository(dbs.read).transactionsByIds(ctx.workspaceId, first) : []) {
      rows.push({ ...base, entity: 'transaction', entity_id: before.id, action: 'updated', before });
      changeRecorded.add(before.id);
    }
    await changes.record(rows);
  }

  /** First and latest purchase of the customers whose purchases the batches since the last call changed. */
  async function settle(db: Kysely<DB>): Promise<void> {
    if (!dryRun && touchedCustomers.size > 0) await createTransactionsRepository(db).refreshPurchaseDates(ctx.workspaceId, [...touchedCustomers]);
    touchedCustomers.clear();
  }

  return { processBatch, settle };
}

/** A file's line in its stored form (an array, see encodeLineTuples), without an object between. */
function encodedLine(l: ParsedLine): EncodedLine {
  return [l.row, l.productCode, l.description, l.quantity === null ? null : Number(l.quantity), l.unitPrice, l.amountMinor];
}

function storedLine(key: string, l: ParsedLine): StoredLine {
  return { key, position: l.row, productCode: l.productCode, description: l.description, quantity: l.quantity === null ? null : Number(l.quantity), unitPrice: l.unitPrice, amountMinor: l.amountMinor };
}

/** A row left out on purpose (not a purchase, a totals row): counted, and the first ones listed. */
function noteSkipped(counts: ImportCounts, row: number, reason: string): void {
  counts.skipped = (counts.skipped ?? 0) + 1;
  counts.skippedRows ??= [];
  if (counts.skippedRows.length < 200) counts.skippedRows.push({ row, reason });
}

function sameCustomer(a: CustomerKey, b: CustomerKey): boolean {
  return a === b || (a.externalId === b.externalId && a.email === b.email && a.phone === b.phone);
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

