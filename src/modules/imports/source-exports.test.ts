import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import type { DateFormat } from './date-values.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectTransactionsFile } from './import-inspection.ts';

/**
 * Orders and payments exports laid out as each system writes them, imported with no mapping and
 * no flags, and checked against the figures worked out by hand from each file (fixtures/exports/
 * FIXTURES.md says, line by line, what each row is). Where the file cannot say how its dates are
 * written (every day ≤ 12), the importer must ask, and the figures are checked with the answer.
 *
 * What is stored, by Rapport's rules (docs/imports.md): a sale is what the customer paid for the
 * goods — an order's total less its shipping when the export gives an order total, else the sum
 * of its lines; a sale refunded in full is followed by a refund of that same amount, a partial
 * refund by a refund of the amount refunded; rows that are no purchase are left out and listed.
 */
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'exports');
const clock = fixedClock(new Date('2026-11-01T00:00:00.000Z'));

/** Minor units of a decimal written in major units ("1,250.00" → 125000), by text, not by float. */
function minor(...amounts: string[]): number {
  let sum = 0;
  for (const a of amounts) {
    const [whole, fraction = ''] = a.replace(/[,\s]/g, '').replace('-', '').split('.');
    sum += (a.trim().startsWith('-') ? -1 : 1) * (Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
  }
  return sum;
}

interface Kind {
  n: number;
  amount: number;
  lines?: number;
  shipping?: number;
  fee?: number;
}
interface Expected {
  file: string;
  currency: string;
  source: string | null;
  /** The file cannot tell dd/mm from mm/dd: the inspection must say so; imported with this answer. */
  asksDateFormat?: DateFormat;
  /** Sales and refunds by currency. */
  sales: Record<string, Kind>;
  refunds: Record<string, Kind>;
  customers: number;
  withoutCustomer: number;
  /** Lines left out on purpose (not purchases, titles, totals), as lines of the file. */
  leftOut: number[];
}

const EXPORTS: Expected[] = [
  {
    file: 'shopify/orders_export_1.csv',
    currency: 'USD',
    source: 'shopify-orders',
    // 6 paid orders: Total 332.43 less shipping 27.80; 10 line items (13 rows less the 3 of #1005, #1006).
    sales: { USD: { n: 6, amount: minor('332.43') - minor('27.80'), shipping: minor('27.80'), lines: 10 } },
    // #1003 refunded in full (Total 32.45 less its shipping 6.95), #1004 partially (38.25).
    refunds: { USD: { n: 2, amount: -(minor('32.45') - minor('6.95') + minor('38.25')), lines: 0 } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [4, 5, 6],
  },
  {
    file: 'shopify/orders_export_eur.csv',
    currency: 'EUR',
    source: 'shopify-orders',
    sales: { EUR: { n: 5, amount: minor('418.10'), shipping: minor('14.70'), lines: 9 } },
    // #2043 in full (54.70 less 4.90 shipping), #2044 the dripper (22.00).
    refunds: { EUR: { n: 2, amount: -(minor('54.70') - minor('4.90') + minor('22.00')) } },
    customers: 3,
    withoutCustomer: 0,
    leftOut: [8, 12],
  },
  {
    file: 'woocommerce/orders-export-default.csv',
    currency: 'GBP',
    source: 'woocommerce-csv-export',
    // order_total 166.96 less shipping_total 15.80.
    sales: { GBP: { n: 5, amount: minor('166.96') - minor('15.80'), shipping: minor('15.80') } },
    // 1047 in full (22.74 less its 3.95 shipping), 1050 partially (5.10).
    refunds: { GBP: { n: 2, amount: -(minor('22.74') - minor('3.95') + minor('5.10')) } },
    customers: 3,
    withoutCustomer: 0,
    leftOut: [5, 6, 8, 9],
  },
  {
    file: 'woocommerce/orders-advanced-export.csv',
    currency: 'USD',
    source: 'woocommerce-advanced-lines',
    // Order Total Amount once per order (301.85), not once per row; less shipping 30.00; 9 product rows.
    sales: { USD: { n: 5, amount: minor('301.85') - minor('30.00'), shipping: minor('30.00'), lines: 9 } },
    // 3103 in full (35.00 less 7.50 shipping), 3107 partially (13.00).
    refunds: { USD: { n: 2, amount: -(minor('35.00') - minor('7.50') + minor('13.00')) } },
    customers: 3,
    withoutCustomer: 0,
    leftOut: [9, 10, 13, 14],
  },
  {
    file: 'stripe/unified_payments.csv',
    currency: 'USD',
    source: 'stripe-payments',
    // Fees are in the account's currency (usd): the eur charge's 2.65 usd is not stored as euros.
    sales: { USD: { n: 7, amount: minor('870.00'), fee: minor('30.00') - minor('2.65') }, EUR: { n: 1, amount: minor('40.00'), fee: undefined } },
    // Line 10 refunded in full (45.00); line 9 stays Paid with 50.00 refunded.
    refunds: { USD: { n: 2, amount: -minor('45.00', '50.00') } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [4, 7, 8],
  },
  {
    file: 'stripe/payments_2022_legacy.csv',
    currency: 'GBP',
    source: 'stripe-payments',
    sales: { GBP: { n: 7, amount: minor('1626.00'), fee: minor('25.80') } },
    refunds: { GBP: { n: 2, amount: -minor('95.00', '50.00') } },
    customers: 3,
    withoutCustomer: 0,
    leftOut: [4],
  },
  {
    file: 'square/transactions-2024-03-01-2024-03-09.csv',
    currency: 'USD',
    source: 'square-transactions',
    // Net Sales of the 9 payments of goods; their fees 8.30 less the gift card load's 1.40.
    sales: { USD: { n: 9, amount: minor('238.70'), fee: minor('8.30') - minor('1.40') } },
    // Each refund its own transaction though it shares the payment's Transaction ID.
    refunds: { USD: { n: 2, amount: -minor('36.00', '32.00') } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [3],
  },
  {
    file: 'square/transactions-excel-resaved.csv',
    currency: 'USD',
    source: 'square-transactions',
    asksDateFormat: 'mdy',
    sales: { USD: { n: 9, amount: minor('238.70'), fee: minor('8.30') - minor('1.40') } },
    refunds: { USD: { n: 2, amount: -minor('36.00', '32.00') } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [12],
  },
  {
    file: 'square/items-2024-03-01-2024-03-09.csv',
    currency: 'USD',
    source: 'square-items',
    sales: { USD: { n: 9, amount: minor('238.70'), lines: 15 } },
    refunds: { USD: { n: 2, amount: -minor('36.00', '32.00'), lines: 2 } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [],
  },
  {
    file: 'paypal/Download-US.CSV',
    currency: 'USD',
    source: 'paypal-activity',
    asksDateFormat: 'mdy',
    sales: { USD: { n: 5, amount: minor('1,490.00'), fee: minor('54.46') }, EUR: { n: 1, amount: minor('40.00'), fee: minor('1.79') } },
    // Both refunds go to the customer (To), not to the shop's own address (From).
    refunds: { USD: { n: 2, amount: -minor('72.00', '250.00') } },
    customers: 4,
    withoutCustomer: 0,
    leftOut: [6, 7, 10, 11, 12],
  },
  {
    file: 'paypal/Download-UK.CSV',
    currency: 'GBP',
    source: 'paypal-activity',
    // Days above 12 further down settle dd/mm.
    sales: { GBP: { n: 6, amount: minor('1,694.49'), fee: minor('50.95') } },
    refunds: { GBP: { n: 1, amount: -minor('480.00') } },
    customers: 4,
    withoutCustomer: 0,
    leftOut: [7, 9],
  },
  {
    file: 'onec/realizaciya-2024-03.csv',
    currency: 'RUB',
    source: '1c-sales-documents',
    // = the Итого row; lines without a Номер continue their document.
    sales: { RUB: { n: 6, amount: minor('148 293.50'), lines: 11 } },
    refunds: {},
    customers: 5,
    withoutCustomer: 0,
    leftOut: [1, 2, 16],
  },
  {
    file: 'onec/vozvrat-ot-pokupatelya-2024-03.csv',
    currency: 'RUB',
    source: '1c-sales-documents',
    // Positive amounts under a title that says these are returns.
    sales: {},
    refunds: { RUB: { n: 6, amount: -minor('31 492.00'), lines: 8 } },
    customers: 5,
    withoutCustomer: 0,
    leftOut: [1, 2, 13],
  },
  {
    file: 'onec/prodazhi-2024-03.csv',
    currency: 'RUB',
    source: '1c-sales-register',
    sales: { RUB: { n: 6, amount: minor('148 293.50'), lines: 11 } },
    refunds: { RUB: { n: 6, amount: -minor('31 492.00'), lines: 8 } },
    customers: 5,
    withoutCustomer: 0,
    leftOut: [1, 2, 3, 25],
  },
  {
    file: 'pos/till-export-2024-03-04_05.csv',
    currency: 'GBP',
    source: null,
    asksDateFormat: 'dmy',
    sales: { GBP: { n: 7, amount: minor('76.29'), lines: 13 } },
    refunds: { GBP: { n: 1, amount: -minor('6.75'), lines: 1 } },
    customers: 4,
    withoutCustomer: 1,
    leftOut: [13],
  },
  {
    file: 'pos/kassa-chek-2024-03-11_12.csv',
    currency: 'RUB',
    source: null,
    asksDateFormat: 'dmy',
    sales: { RUB: { n: 6, amount: minor('3 245.84'), lines: 11 } },
    refunds: { RUB: { n: 1, amount: -minor('119.90'), lines: 1 } },
    customers: 3,
    withoutCustomer: 1,
    leftOut: [],
  },
];

/** Each currency's figures, matched on the ones given. */
function like(want: Record<string, Kind>) {
  return Object.fromEntries(Object.entries(want).map(([c, k]) => [c, expect.objectContaining(k)]));
}

describeEachDatabase('exports of real systems, imported with no flags', (get, dialect) => {
  for (const expected of EXPORTS) {
    it(`${expected.file}: ${expected.source ?? 'no preset'}, figures as worked out by hand`, async () => {
      const db = get().db;
      const deps = { db, clock };
      const { workspaceId } = await createWorkspace({ db, dialect, clock }, { workspaceName: expected.file, baseCurrency: expected.currency, locale: 'en', timeZone: 'UTC', ownerName: 'Owner', email: `owner-${EXPORTS.indexOf(expected)}@example.com`, password: 'correct horse battery' });
      const file = path.join(FIXTURES, expected.file);
      let inspection = await inspectTransactionsFile(deps, workspaceId, file);
      expect(inspection.source?.id ?? null).toBe(expected.source);
      // Only the returns list says so, in its title; the sales documents of the same layout do not.
      expect(inspection.source?.returnsTitle ?? null).toBe(expected.file.includes('vozvrat') ? 'Возврат товаров от покупателя за период 01.03.2024 - 31.03.2024' : null);
      expect(inspection.date?.ambiguous ?? false).toBe(expected.asksDateFormat !== undefined);
      if (expected.asksDateFormat) inspection = await inspectTransactionsFile(deps, workspaceId, file, { read: { dateFormat: expected.asksDateFormat } });

      const record = await createImport(deps, workspaceId, null, file, inspection.settings);
      const outcome = await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: file, settings: inspection.settings, dryRun: false });
      expect(outcome.status).toBe('done');
      expect(outcome.counts.rejected).toBe(0);
      expect((outcome.counts.skippedRows ?? []).map((s) => s.row)).toEqual(expected.leftOut);

      const rows = await db
        .selectFrom('transactions')
        .select(['kind', 'currency', sql<number>`count(*)`.as('n'), sql<number>`sum(amount_minor)`.as('amount'), sql<number>`sum(line_count)`.as('lines'), sql<number | null>`sum(shipping_minor)`.as('shipping'), sql<number | null>`sum(fee_minor)`.as('fee')])
        .where('workspace_id', '=', workspaceId)
        .groupBy(['kind', 'currency'])
        .execute();
      const stored = (kind: 'sale' | 'refund') => Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.currency, { n: Number(r.n), amount: Number(r.amount), lines: Number(r.lines), shipping: r.shipping === null ? undefined : Number(r.shipping), fee: r.fee === null ? undefined : Number(r.fee) }]));
      expect(stored('sale')).toEqual(like(expected.sales));
      expect(stored('refund')).toEqual(like(expected.refunds));

      const customers = await db.selectFrom('transactions').select(sql<number>`count(distinct customer_id)`.as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      expect(Number(customers.n)).toBe(expected.customers);
      const inWorkspace = await db.selectFrom('customers').select(sql<number>`count(*)`.as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      expect(Number(inWorkspace.n)).toBe(expected.customers);
      const anonymous = await db.selectFrom('transactions').select(sql<number>`count(*)`.as('n')).where('workspace_id', '=', workspaceId).where('customer_id', 'is', null).where('kind', '=', 'sale').executeTakeFirstOrThrow();
      expect(Number(anonymous.n)).toBe(expected.withoutCustomer);
    });
  }
});
