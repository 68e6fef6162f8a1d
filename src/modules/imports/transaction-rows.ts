import { unneutraliseCell } from '../exports/spreadsheet-cells.ts';
import { parseDateParts, toInstant, type DateFormat } from './date-values.ts';
import { TRANSACTION_FIELDS, type ColumnMapping, type TransactionField } from './import-fields.ts';
import { currencyExponent, lineAmountMinorNumber, parseDecimal, toScaledNumber, type DecimalSeparator } from './number-values.ts';
import { createStatusClassifier, type StatusRules } from './status-rules.ts';
import { REPLACEMENT_CHARACTER } from './text-encoding.ts';
import type { TableRow } from './table-reader.ts';

/** How a transactions file is read: set by the wizard or the CLI, detected by default. */
export interface TransactionReadSettings {
  headers: string[];
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
  /** For amounts without a currency column. */
  currency: string;
  /** For times without a zone. */
  timeZone: string;
  /** Order numbers that mark a cancellation or return (Online Retail's "C536379"): matched exactly as written unless `refundPrefixIgnoreCase`. */
  refundPrefixes: string[];
  refundPrefixIgnoreCase?: boolean;
  /** Status and event-type values and what they mean (a preset's or the user's), before the common words. */
  statuses?: StatusRules;
  statusIgnoreCase?: boolean;
  /** Continuation rows of an order (Shopify's) take the order's values where their cells are empty (presets that need it turn it on). */
  carryForward?: boolean;
  /** Every row is a return (1C's list of «Возврат товаров от покупателя», whose title says so and whose amounts are positive). */
  allRefunds?: boolean;
  /** A sale row whose amount is 0 is no sale of goods (Square's gift card loads): left out, and listed. */
  skipZeroAmount?: boolean;
  /** Refund rows carry their sale's order number (Square's Transaction ID): each is kept apart as "<number>~return". */
  returnsShareOrderId?: boolean;
  /** The column that names the fee's currency (Stripe's "Converted Currency", the account's): a fee in another currency than the sale's is not kept. */
  feeCurrencyHeader?: string;
}

/** Columns that hold the order's values, not the line's: carried to the order's other rows. */
const ORDER_LEVEL: TransactionField[] = ['customerExternalId', 'customerEmail', 'customerPhone', 'customerName', 'customerCountry', 'date', 'currency', 'status', 'eventType', 'channel', 'campaign', 'orderTotal', 'shipping', 'fee', 'refundedAmount'];
const TOTALS_ROW = /^(итого|всего|итог|total|totals|grand total|subtotal|sum|summe|gesamt)(?![\p{L}\p{N}])/iu;

export interface CustomerKey {
  externalId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  country: string | null;
}

export interface ParsedLine {
  row: number;
  customer: CustomerKey | null;
  orderId: string | null;
  occurredAt: string;
  amountMinor: number;
  currency: string;
  costMinor: number | null;
  quantity: string | null;
  unitPrice: string | null;
  productCode: string | null;
  description: string | null;
  channel: string | null;
  campaign: string | null;
  /** Marked as a cancellation or return by its order number, status or a negative quantity or amount. */
  refund: boolean;
  /** Marked by its order number or status (not just by its sign). */
  markedRefund: boolean;
  /** Whether the row carries line-item detail (product, quantity, unit price). */
  hasDetail: boolean;
  /** The order's values (from its first row): its total as paid, shipping, the processor's fee, what was refunded of it. */
  orderTotalMinor: number | null;
  shippingMinor: number | null;
  feeMinor: number | null;
  refundedMinor: number | null;
  /** The sale was refunded later (in full, or by refundedMinor). */
  refunded: boolean;
}

export interface RowProblem {
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

export type RowResult =
  | { ok: true; line: ParsedLine }
  | { ok: false; row: number; cells: string[]; problems: RowProblem[] }
  /** Not a purchase (failed, voided, pending…) or a totals row: left out, and listed. */
  | { ok: 'skipped'; row: number; reason: string };

const MAX_CELL = 10_000;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Turns one file row into a transaction line, or the reasons it cannot be one (every bad cell, not just the first). */
export function createRowReader(settings: TransactionReadSettings): (row: TableRow) => RowResult {
  const index = new Map<TransactionField, number>();
  for (const [field, header] of Object.entries(settings.mapping) as [TransactionField, string][]) {
    const i = settings.headers.indexOf(header);
    if (i >= 0) index.set(field, i);
  }
  const width = settings.headers.length;


  const col = Object.fromEntries(TRANSACTION_FIELDS.map((f) => [f, index.get(f) ?? -1])) as Record<TransactionField, number>;
  const mappedFields = [...index.keys()];
  const mappedColumns = [...index.values()];
  // Made once, not per row: a closure per row costs more than reading the row (tsx names every function it creates).
  const addProblem = (problems: RowProblem[], field: TransactionField | null, value: string | null, code: string, message: string) => {
    problems.push({ column: field ? (settings.mapping[field] ?? null) : null, value, code, message });
  };
  const ignoreCase = settings.refundPrefixIgnoreCase === true;
  const prefixes = settings.refundPrefixes.filter((p) => p !== '').map((p) => (ignoreCase ? p.toUpperCase() : p));
  const classify = createStatusClassifier(settings.statuses, settings.statusIgnoreCase === true);
  const orderLevelAmount = col.orderTotal >= 0;
  const allRefunds = settings.allRefunds === true;
  const skipZero = settings.skipZeroAmount === true;
  const separateReturns = settings.returnsShareOrderId === true;
  const feeCurrencyColumn = settings.feeCurrencyHeader === undefined ? -1 : settings.headers.indexOf(settings.feeCurrencyHeader);
  // Carried order values: the order's number and, by column, its last non-empty order-level cell.
  const carry = settings.carryForward === true && col.orderId >= 0;
  const orderColumns = ORDER_LEVEL.map((f) => col[f]).filter((i) => i >= 0);
  const carried: string[] = [];
  let carriedOrder: string | null = null;
  const defaultCurrency = settings.currency.toUpperCase();
  // Rows of one order share their date and currency: parsed once, not per row.
  let lastDateText = '';
  let lastDateIso = '';
  let lastCurrencyText: string | null = null;
  let lastCurrency = defaultCurrency;
  let lastCurrencyValid = CURRENCY_CODE.test(defaultCurrency);
  let lastExponent = currencyExponent(defaultCurrency);
  let lastCustomer: CustomerKey | null = null;
  // One list reused for every row (most rows have no problems); a rejected row takes a copy.
  const problems: RowProblem[] = [];
  const rejected = (row: TableRow): RowResult => ({ ok: false, row: row.number, cells: row.cells, problems: problems.slice() });

  return (row) => {
    let cells = row.cells;
    problems.length = 0;
    if (carry) {
      let order = valueAt(cells, col.orderId);
      // A row with no order number under an order's first row continues it (1C prints the document's columns once).
      if (order === null && carriedOrder !== null && !isTotalsRow(cells)) {
        (cells = cells.slice())[col.orderId] = carriedOrder;
        order = carriedOrder;
      }
      if (order !== null && order === carriedOrder) {
        let filled: string[] | null = null;
        for (const i of orderColumns) {
          if ((cells[i] ?? '').trim() !== '') carried[i] = cells[i]!;
          else if (carried[i] !== undefined) (filled ??= cells.slice())[i] = carried[i]!;
        }
        if (filled) cells = filled;
      } else {
        carriedOrder = order;
        for (const i of orderColumns) carried[i] = cells[i] ?? '';
      }
    }

    if (cells.length > Math.max(width * 4, width + 50)) {
      addProblem(problems, null, null, 'import.row_too_wide', `The row has ${cells.length} cells but the header has ${width} columns`);
    }
    for (let m = 0; m < mappedColumns.length; m++) {
      const field = mappedFields[m]!;
      const v = cells[mappedColumns[m]!] ?? '';
      if (v.length > MAX_CELL) addProblem(problems, field, `${v.slice(0, 40)}…`, 'import.cell_too_long', `The cell holds ${v.length.toLocaleString('en')} characters (at most ${MAX_CELL.toLocaleString('en')})`);
      else if (v.includes(REPLACEMENT_CHARACTER)) addProblem(problems, field, v, 'import.bad_encoding', "The cell has bytes that are not text in the file's encoding (a file saved in mixed encodings?)");
    }
    if (problems.length > 0) return rejected(row);

    const dateText = valueAt(cells, col.date);
    let occurredAt = '';
    if (dateText === null) addProblem(problems, 'date', null, 'import.date_missing', 'The date is empty');
    else if (dateText === lastDateText) occurredAt = lastDateIso;
    else {
      const parts = parseDateParts(dateText, settings.dateFormat);
      if (!parts) addProblem(problems, 'date', dateText, 'import.date_invalid', `Not a date in the format ${settings.dateFormat} (or a day that does not exist)`);
      else {
        occurredAt = toInstant(parts, settings.timeZone).toISOString();
        lastDateText = dateText;
        lastDateIso = occurredAt;
      }
    }

    const currencyText = valueAt(cells, col.currency);
    if (currencyText !== lastCurrencyText) {
      lastCurrencyText = currencyText;
      lastCurrency = currencyText === null ? defaultCurrency : currencyCode(currencyText);
      lastCurrencyValid = CURRENCY_CODE.test(lastCurrency);
      lastExponent = currencyExponent(lastCurrency);
    }
    const currency = lastCurrency;
    if (!lastCurrencyValid) addProblem(problems, 'currency', currencyText, 'import.currency_invalid', 'Not a three-letter currency code (EUR, RUB, USD…)');
    const exponent = lastExponent;
    const quantity = decimalAt(cells, col.quantity, 'quantity', settings.decimal, problems, addProblem);
    const unitPrice = decimalAt(cells, col.unitPrice, 'unitPrice', settings.decimal, problems, addProblem);
    const amount = decimalAt(cells, col.amount, 'amount', settings.decimal, problems, addProblem);
    const cost = decimalAt(cells, col.cost, 'cost', settings.decimal, problems, addProblem);
    const orderTotal = orderLevelAmount ? decimalAt(cells, col.orderTotal, 'orderTotal', settings.decimal, problems, addProblem) : null;
    const shipping = col.shipping >= 0 ? decimalAt(cells, col.shipping, 'shipping', settings.decimal, problems, addProblem) : null;
    const fee = col.fee >= 0 ? decimalAt(cells, col.fee, 'fee', settings.decimal, problems, addProblem) : null;
    const refundedAmount = col.refundedAmount >= 0 ? decimalAt(cells, col.refundedAmount, 'refundedAmount', settings.decimal, problems, addProblem) : null;
    let amountMinor = 0;
    if (amount !== null) amountMinor = toScaledNumber(amount, exponent);
    else if (unitPrice !== null) amountMinor = lineAmountMinorNumber(quantity ?? '1', unitPrice, exponent);
    else if (orderTotal === null && !hasCode(problems, 'import.number_invalid')) {
      addProblem(problems, orderLevelAmount ? 'orderTotal' : 'amount', null, 'import.amount_missing', 'No amount: map an amount column, or a unit price (and quantity)');
    }

    const status = valueAt(cells, col.status);
    const eventType = valueAt(cells, col.eventType);
    const statusClass = status === null ? 'sale' : classify(status);
    const eventClass = eventType === null ? 'sale' : classify(eventType);
    for (const [field, value, cls] of [['status', status, statusClass], ['eventType', eventType, eventClass]] as const) {
      if (cls === 'skip') return { ok: 'skipped', row: row.number, reason: `not a purchase: ${settings.mapping[field]} "${value}"` };
      if (cls === null) addProblem(problems, field, value, 'import.status_unknown', `Unknown ${field === 'status' ? 'status' : 'event type'} "${value}": say what it means (a sale, refunded, a refund or not a purchase) with --status "${value}=sale|refunded|refund|skip"`);
    }
    const refundByStatus = statusClass === 'refund' || eventClass === 'refund' || allRefunds;
    if (skipZero && amountMinor === 0 && orderTotal === null && !refundByStatus && problems.length === 0) return { ok: 'skipped', row: row.number, reason: `no sale of goods: ${settings.mapping.amount ?? 'amount'} is 0` };
    const externalId = valueAt(cells, col.customerExternalId);
    // On a refund the customer may be in another column (PayPal's To; From is the shop itself).
    const refundEmailText = refundByStatus ? valueAt(cells, col.refundCustomerEmail) : null;
    const emailText = refundEmailText ?? valueAt(cells, col.customerEmail);
    const emailField = refundEmailText === null ? 'customerEmail' : 'refundCustomerEmail';
    const email = emailText === null ? null : emailText.toLowerCase();
    if (email !== null && !EMAIL.test(email)) addProblem(problems, emailField, emailText, 'import.email_invalid', 'Not an email address');
    const phone = valueAt(cells, col.customerPhone);
    if (phone !== null && phone.replace(/\D/g, '').length < 5) addProblem(problems, 'customerPhone', phone, 'import.phone_invalid', 'Not a phone number (fewer than 5 digits)');
    if (problems.length > 0) {
      if (isTotalsRow(row.cells)) return { ok: 'skipped', row: row.number, reason: 'a totals row' };
      return rejected(row);
    }

    const orderNumber = valueAt(cells, col.orderId);
    // A return that shares its sale's number (Square's Transaction ID; 1C numbers returns apart from sales) is its own transaction, not a line of the sale.
    const orderId = orderNumber !== null && (allRefunds || (separateReturns && refundByStatus)) ? `${orderNumber}~return` : orderNumber;
    let markedRefund = refundByStatus;
    if (orderNumber !== null && prefixes.length > 0) markedRefund ||= startsWithAny(orderNumber, prefixes, ignoreCase);
    // A row marked as a return counts against value whichever sign its amount was written with.
    if (markedRefund && amountMinor > 0) amountMinor = -amountMinor;
    const refund = markedRefund || (quantity !== null && quantity.startsWith('-')) || amountMinor < 0;
    let customer: CustomerKey | null = null;
    if (externalId || email || phone) {
      const name = valueAt(cells, col.customerName);
      const country = valueAt(cells, col.customerCountry);
      const c = lastCustomer;
      // The same object for a run of rows of one customer: less to keep, and matched by identity.
      customer = c && c.externalId === externalId && c.email === email && c.phone === phone && c.name === name && c.country === country ? c : (lastCustomer = { externalId, email, phone, name, country });
    }
    const productCode = valueAt(cells, col.productCode);
    const description = valueAt(cells, col.description);
    return {
      ok: true,
      line: {
        row: row.number,
        customer,
        orderId,
        occurredAt,
        amountMinor,
        currency,
        costMinor: cost === null ? null : toScaledNumber(cost, exponent),
        quantity,
        unitPrice,
        productCode,
        description,
        channel: valueAt(cells, col.channel),
        campaign: valueAt(cells, col.campaign),
        refund,
        markedRefund,
        hasDetail: quantity !== null || unitPrice !== null || productCode !== null || description !== null,
        orderTotalMinor: orderTotal === null ? null : (markedRefund ? -1 : 1) * Math.abs(toScaledNumber(orderTotal, exponent)),
        shippingMinor: shipping === null ? null : toScaledNumber(shipping, exponent),
        feeMinor: fee === null || !sameCurrency(cells, feeCurrencyColumn, currency) ? null : Math.abs(toScaledNumber(fee, exponent)),
        refundedMinor: refundedAmount === null ? null : Math.abs(toScaledNumber(refundedAmount, exponent)),
        refunded: statusClass === 'refunded' || eventClass === 'refunded',
      },
    };
  };
}

/** Whether the fee's currency column (when there is one) names the sale's currency. */
function sameCurrency(cells: string[], column: number, currency: string): boolean {
  if (column < 0) return true;
  const text = (cells[column] ?? '').trim();
  return text === '' || currencyCode(text) === currency;
}

/** Currency words and signs that name one currency only (1C writes «руб.»), as their ISO code; other text upper-cased. */
const CURRENCY_WORDS = new Map([['РУБ', 'RUB'], ['РУБ.', 'RUB'], ['Р.', 'RUB'], ['₽', 'RUB'], ['RUR', 'RUB'], ['€', 'EUR'], ['ЕВРО', 'EUR'], ['£', 'GBP'], ['ГРН', 'UAH'], ['ГРН.', 'UAH'], ['₴', 'UAH'], ['ТГ', 'KZT'], ['₸', 'KZT']]);

function currencyCode(text: string): string {
  const upper = text.trim().toUpperCase();
  return CURRENCY_WORDS.get(upper) ?? upper;
}

function hasCode(problems: RowProblem[], code: string): boolean {
  for (const p of problems) if (p.code === code) return true;
  return false;
}

/** A row of sums under the data ("Итого", "Total"): its first filled cell says so. */
function isTotalsRow(cells: string[]): boolean {
  const first = cells.find((c) => c.trim() !== '');
  return first !== undefined && TOTALS_ROW.test(first.trim());
}

/** Whether the text starts with one of the prefixes: exactly, or (ignoreCase, upper-case prefixes) in any case. */
function startsWithAny(text: string, prefixes: string[], ignoreCase: boolean): boolean {
  for (const p of prefixes) {
    if (text.startsWith(p)) return true;
    if (!ignoreCase) continue;
    const c = text.charCodeAt(0);
    if (c < 128 && (c < 97 || c > 122) && c !== p.charCodeAt(0)) continue; // an ASCII character other than a-z is its own upper case
    if (text.slice(0, p.length).toUpperCase().startsWith(p)) return true; // upper case never shortens
  }
  return false;
}

function valueAt(cells: string[], i: number): string | null {
  if (i < 0) return null;
  const v = cells[i];
  if (v === undefined || v === '') return null;
  const t = v.trim();
  if (t === '') return null;
  return t.charCodeAt(0) === 39 ? unneutraliseCell(t) : t; // "'=…" from a neutralised export
}

function decimalAt(
  cells: string[],
  i: number,
  field: TransactionField,
  separator: DecimalSeparator,
  problems: RowProblem[],
  addProblem: (problems: RowProblem[], f: TransactionField, v: string, code: string, message: string) => void,
): string | null {
  const text = valueAt(cells, i);
  if (text === null) return null;
  const value = parseDecimal(text, separator);
  if (value === null) addProblem(problems, field, text, 'import.number_invalid', `Not a number (decimal separator "${separator}")`);
  return value;
}

/** The key a customer is matched on first: external id, then email, then phone. */
export function customerMatchKey(c: CustomerKey): string {
  if (c.externalId) return `id:${c.externalId}`;
  if (c.email) return `email:${c.email}`;
  return `phone:${c.phone!.replace(/\D/g, '').slice(-10)}`;
}

/** A display name for a customer an import creates. */
export function importedCustomerName(c: CustomerKey): string {
  return c.name?.trim() || c.email || c.phone || `Customer ${c.externalId}`;
}
