import { detectDateFormat } from './date-values.ts';
import { parseDecimal } from './number-values.ts';
import { looksLikeStatuses } from './status-rules.ts';

/**
 * What each column of an import can mean, the header names (English and Russian) that
 * suggest it, and the proposal of a mapping from a file's headers and values.
 */
export { TRANSACTION_FIELDS } from '../../contracts/imports.ts';
import { TRANSACTION_FIELDS } from '../../contracts/imports.ts';
export type TransactionField = (typeof TRANSACTION_FIELDS)[number];

/** Field → the header of the column it is read from. */
export type ColumnMapping<F extends string = TransactionField> = Partial<Record<F, string>>;

/** Headers compared without case, spaces, punctuation or ё. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, '');
}

const SYNONYMS: Record<TransactionField, string[]> = {
  customerExternalId: ['customerid', 'customer', 'customerno', 'customernumber', 'customercode', 'clientid', 'clientno', 'clientnumber', 'client', 'buyerid', 'accountid', 'account', 'idклиента', 'номерклиента', 'кодклиента', 'клиентid', 'идентификаторклиента', 'idпокупателя', 'кодпокупателя', 'номерпокупателя'],
  customerEmail: ['email', 'emailaddress', 'mail', 'customeremail', 'clientemail', 'электроннаяпочта', 'элпочта', 'почта', 'емейл', 'имейл', 'емайл', 'email'],
  customerPhone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'customerphone', 'телефон', 'тел', 'мобильный', 'номертелефона', 'сотовый', 'телефонклиента', 'телефонпокупателя', 'clientphone', 'contactphone'],
  customerName: ['name', 'customername', 'clientname', 'fullname', 'buyer', 'имя', 'фио', 'клиент', 'покупатель', 'имяклиента', 'заказчик', 'контрагент'],
  customerCountry: ['country', 'страна'],
  refundCustomerEmail: [],
  orderId: ['invoiceno', 'invoice', 'invoicenumber', 'invoiceid', 'orderid', 'order', 'orderno', 'ordernumber', 'receipt', 'receiptno', 'receiptnumber', 'transactionid', 'номерзаказа', 'заказ', 'счет', 'номерсчета', 'номерчека', 'чек', 'документ', 'номердокумента', 'номерпродажи'],
  date: ['date', 'invoicedate', 'orderdate', 'purchasedate', 'transactiondate', 'saledate', 'datetime', 'timestamp', 'created', 'createdat', 'time', 'дата', 'датазаказа', 'датапокупки', 'датачека', 'датапродажи', 'датаивремя', 'датадокумента'],
  amount: ['amount', 'total', 'sum', 'revenue', 'sales', 'value', 'dollarvalue', 'dollars', 'ordertotal', 'totalamount', 'grandtotal', 'сумма', 'итого', 'выручка', 'стоимость', 'суммапокупки', 'суммазаказа', 'суммапродажи'],
  quantity: ['quantity', 'qty', 'count', 'units', 'numberofcds', 'items', 'количество', 'колво', 'кол', 'шт'],
  unitPrice: ['unitprice', 'price', 'priceeach', 'itemprice', 'цена', 'ценазаед', 'ценазаединицу'],
  productCode: ['stockcode', 'sku', 'productcode', 'productid', 'itemcode', 'itemid', 'article', 'артикул', 'кодтовара', 'код'],
  description: ['description', 'product', 'productname', 'item', 'itemname', 'товар', 'наименование', 'описание', 'наименованиетовара', 'номенклатура', 'услуга'],
  currency: ['currency', 'curr', 'валюта'],
  cost: ['cost', 'costprice', 'cogs', 'себестоимость', 'закупочнаяцена', 'затраты'],
  channel: ['channel', 'saleschannel', 'source', 'канал', 'источник', 'каналпродаж'],
  campaign: ['campaign', 'coupon', 'couponcode', 'promocode', 'promo', 'discountcode', 'кампания', 'купон', 'промокод', 'акция'],
  status: ['status', 'state', 'orderstatus', 'paymentstatus', 'financialstatus', 'type', 'receipttype', 'documenttype', 'saletype', 'статус', 'состояние', 'тип', 'типчека', 'типдокумента', 'видчека', 'видоперации', 'статусоплаты'],
  eventType: ['eventtype', 'transactiontype', 'typeoftransaction', 'видтранзакции'],
  orderTotal: ['ordertotalpaid', 'totalpaid', 'amountpaid', 'оплачено'],
  shipping: ['shipping', 'shippingcost', 'shippingamount', 'ordershipping', 'delivery', 'deliverycost', 'доставка', 'стоимостьдоставки'],
  fee: ['fee', 'fees', 'processingfee', 'transactionfee', 'комиссия', 'комиссияплатежнойсистемы'],
  refundedAmount: ['refundedamount', 'amountrefunded', 'refundamount', 'refunded', 'суммавозврата', 'возвращено'],
};

const BY_HEADER = new Map<string, TransactionField>();
for (const field of TRANSACTION_FIELDS) for (const name of SYNONYMS[field]) if (!BY_HEADER.has(name)) BY_HEADER.set(name, field);

export type Confidence = 'high' | 'medium';

/** A column Rapport is unsure of: asked in the wizard, warned of in the CLI, applied only where said. */
export interface MappingQuestion {
  field: TransactionField;
  column: string;
  /** Whether the proposal uses it meanwhile (a file without a header has nothing else to go on). */
  applied: boolean;
  message: string;
}

export interface ProposedMapping {
  mapping: ColumnMapping;
  /** Why each field was proposed: its header, or what its values look like. */
  reasons: Partial<Record<TransactionField, 'header' | 'values' | 'preset'>>;
  confidence: Partial<Record<TransactionField, Confidence>>;
  questions: MappingQuestion[];
}

const NUMERIC: TransactionField[] = ['amount', 'unitPrice', 'cost', 'orderTotal', 'shipping', 'fee', 'refundedAmount'];

/**
 * Whether a column's values can be what the field holds: its name alone is not enough ("Status"
 * paid/refunded is never a customer id). Most values must fit, not all: bad cells are the rows'
 * problems, reported one by one.
 */
export function valuesFit(field: TransactionField, values: string[]): { fits: boolean; why?: string } {
  if (values.length === 0) return { fits: true };
  const numeric = () => share(values, (x) => parseDecimal(x, '.') !== null || parseDecimal(x, ',') !== null);
  const example = `"${values.find((v) => v !== '')}"`;
  if (NUMERIC.includes(field) || field === 'quantity') {
    if (numeric() < 0.5) return { fits: false, why: `its values are not numbers (${example})` };
    if (field === 'quantity' && values.every((v) => Number(parseDecimal(v, '.') ?? parseDecimal(v, ',')) === 0)) return { fits: false, why: 'every value is zero' };
    return { fits: true };
  }
  if (field === 'date') return share(values, (x) => detectDateFormat([x]).format !== null) >= 0.5 ? { fits: true } : { fits: false, why: `its values are not dates (${example})` };
  if (field === 'customerEmail') return share(values, (x) => EMAIL.test(x)) >= 0.5 ? { fits: true } : { fits: false, why: `its values are not email addresses (${example})` };
  if (field === 'currency') return share(values, (x) => /^[A-Za-z]{3}$/.test(x)) >= 0.5 ? { fits: true } : { fits: false, why: `its values are not currency codes (${example})` };
  if (field === 'customerExternalId' || field === 'orderId') {
    if (looksLikeStatuses(values)) return { fits: false, why: `its values are statuses (${example})` };
    if (share(values, (x) => x.length <= 60) < 0.95) return { fits: false, why: 'its values are long texts' };
  }
  return { fits: true };
}

/**
 * Fields for columns: by header name when the values fit it; then, for columns no header
 * explains, by what the values look like — dates, emails, phone numbers, amounts, small whole
 * numbers, identifiers. A proposal by values is a question, applied only when the file has no
 * header at all; a header whose values do not fit is a question, never applied.
 */
export function proposeTransactionMapping(headers: string[], rows: string[][], hasHeader = true): ProposedMapping {
  const mapping: ColumnMapping = {};
  const reasons: ProposedMapping['reasons'] = {};
  const confidence: ProposedMapping['confidence'] = {};
  const questions: MappingQuestion[] = [];
  const taken = new Set<number>();
  const column = (i: number) => rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  headers.forEach((header, i) => {
    const field = BY_HEADER.get(headerKey(header));
    if (!field || mapping[field] !== undefined) return;
    const fit = valuesFit(field, column(i));
    if (!fit.fits) {
      questions.push({ field, column: header, applied: false, message: `"${header}" sounds like ${field}, but ${fit.why}: not used; map it yourself if it is` });
      taken.add(i);
      return;
    }
    mapping[field] = header;
    reasons[field] = 'header';
    confidence[field] = 'high';
    taken.add(i);
  });
  const free = headers.map((_, i) => i).filter((i) => !taken.has(i) && column(i).length > 0);
  const propose = (field: TransactionField, test: (values: string[]) => boolean) => {
    if (mapping[field] !== undefined) return;
    const i = free.find((c) => !taken.has(c) && test(column(c)) && valuesFit(field, column(c)).fits);
    if (i === undefined) return;
    taken.add(i);
    questions.push({ field, column: headers[i]!, applied: !hasHeader, message: `"${headers[i]}" looks like ${field} by its values${hasHeader ? ' (not by its name): not used unless you map it' : ''}` });
    if (hasHeader) return;
    mapping[field] = headers[i]!;
    reasons[field] = 'values';
    confidence[field] = 'medium';
  };
  propose('customerEmail', (v) => share(v, (x) => EMAIL.test(x)) > 0.8);
  propose('date', (v) => detectDateFormat(v.slice(0, 200)).format !== null && !v.every((x) => /^\d{1,5}$/.test(x)));
  propose('customerPhone', (v) => share(v, (x) => /^\+?[\d\s()-]{7,}$/.test(x) && !/^\d{4}-\d\d-\d\d$/.test(x) && x.replace(/\D/g, '').length >= 7 && /[\s()+-]/.test(x)) > 0.8);
  propose('amount', (v) => share(v, (x) => (parseDecimal(x, '.') !== null || parseDecimal(x, ',') !== null) && /[.,]\d{1,2}$/.test(x)) > 0.5 && share(v, (x) => parseDecimal(x, '.') !== null || parseDecimal(x, ',') !== null) > 0.95);
  propose('customerExternalId', (v) => share(v, (x) => /^[\w-]{1,40}$/.test(x)) > 0.95 && new Set(v).size < v.length);
  propose('quantity', (v) => share(v, (x) => /^-?(0|[1-9]\d{0,3})$/.test(x)) > 0.95);
  return { mapping, reasons, confidence, questions };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  return values.filter(test).length / values.length;
}
