import { detectDateFormat } from './date-values.ts';
import { parseDecimal } from './number-values.ts';

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
  customerPhone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'customerphone', 'телефон', 'тел', 'мобильный', 'номертелефона', 'сотовый'],
  customerName: ['name', 'customername', 'clientname', 'fullname', 'buyer', 'имя', 'фио', 'клиент', 'покупатель', 'имяклиента', 'заказчик', 'контрагент'],
  customerCountry: ['country', 'страна'],
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
  status: ['status', 'state', 'orderstatus', 'type', 'статус', 'состояние', 'тип', 'видоперации'],
};

const BY_HEADER = new Map<string, TransactionField>();
for (const field of TRANSACTION_FIELDS) for (const name of SYNONYMS[field]) if (!BY_HEADER.has(name)) BY_HEADER.set(name, field);

export interface ProposedMapping {
  mapping: ColumnMapping;
  /** Why each field was proposed: its header, or what its values look like. */
  reasons: Partial<Record<TransactionField, 'header' | 'values'>>;
}

/**
 * Fields for columns: first by header name, then, for columns no header explains (or a
 * file without headers), by what the values look like — dates, emails, phone numbers,
 * amounts with decimals, small whole numbers, identifiers.
 */
export function proposeTransactionMapping(headers: string[], rows: string[][]): ProposedMapping {
  const mapping: ColumnMapping = {};
  const reasons: ProposedMapping['reasons'] = {};
  const taken = new Set<number>();
  headers.forEach((header, i) => {
    const field = BY_HEADER.get(headerKey(header));
    if (field && mapping[field] === undefined) {
      mapping[field] = header;
      reasons[field] = 'header';
      taken.add(i);
    }
  });
  const column = (i: number) => rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  const free = headers.map((_, i) => i).filter((i) => !taken.has(i) && column(i).length > 0);
  const propose = (field: TransactionField, test: (values: string[]) => boolean) => {
    if (mapping[field] !== undefined) return;
    const i = free.find((c) => !taken.has(c) && test(column(c)));
    if (i === undefined) return;
    mapping[field] = headers[i]!;
    reasons[field] = 'values';
    taken.add(i);
  };
  propose('customerEmail', (v) => share(v, (x) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(x)) > 0.8);
  propose('date', (v) => detectDateFormat(v.slice(0, 200)).format !== null && !v.every((x) => /^\d{1,5}$/.test(x)));
  propose('customerPhone', (v) => share(v, (x) => /^\+?[\d\s()-]{7,}$/.test(x) && x.replace(/\D/g, '').length >= 7 && /[\s()+-]/.test(x)) > 0.8);
  propose('amount', (v) => share(v, (x) => parseDecimal(x, '.') !== null && /[.,]\d{1,2}$/.test(x)) > 0.5 && share(v, (x) => parseDecimal(x, '.') !== null || parseDecimal(x, ',') !== null) > 0.95);
  propose('customerExternalId', (v) => share(v, (x) => /^[\w-]{1,40}$/.test(x)) > 0.95 && new Set(v).size < v.length);
  propose('quantity', (v) => share(v, (x) => /^-?(0|[1-9]\d{0,3})$/.test(x)) > 0.95);
  return { mapping, reasons };
}

function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  return values.filter(test).length / values.length;
}

const CUSTOMER_SYNONYMS: Record<string, string[]> = {
  externalId: ['customerid', 'id', 'clientid', 'customerno', 'customernumber', 'customercode', 'clientno', 'accountid', 'externalid', 'idклиента', 'номерклиента', 'кодклиента', 'код', 'номер'],
  kind: ['kind', 'type', 'customertype', 'тип', 'типклиента', 'вид'],
  name: ['name', 'fullname', 'customer', 'customername', 'client', 'имя', 'фио', 'клиент', 'наименование', 'название'],
  firstName: ['firstname', 'givenname', 'first', 'имя'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'фамилия'],
  email: ['email', 'emailaddress', 'mail', 'электроннаяпочта', 'элпочта', 'почта', 'емейл', 'имейл'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'телефон', 'тел', 'мобильный', 'номертелефона'],
  organisation: ['company', 'companyname', 'organisation', 'organization', 'employer', 'worksat', 'организация', 'компания', 'местоработы', 'работодатель'],
  jobTitle: ['title', 'jobtitle', 'position', 'role', 'должность'],
  website: ['website', 'web', 'site', 'url', 'сайт'],
  addressLine1: ['address', 'street', 'addressline1', 'адрес', 'улица'],
  city: ['city', 'town', 'город'],
  region: ['region', 'state', 'province', 'county', 'регион', 'область', 'край'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', 'индекс', 'почтовыйиндекс'],
  country: ['country', 'страна'],
  birthday: ['birthday', 'dateofbirth', 'dob', 'birthdate', 'деньрождения', 'датарождения'],
  customerSince: ['customersince', 'since', 'firstcontact', 'клиентс', 'датарегистрации', 'сначала'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks', 'заметки', 'примечание', 'комментарий'],
  tags: ['tags', 'tag', 'labels', 'теги', 'метки'],
};

/** Customers file: fields by header (English or Russian), attributes by their label or key. */
export function proposeCustomerMapping(headers: string[], attributes: { key: string; label: string }[]): Partial<Record<string, string>> {
  const byHeader = new Map<string, string>();
  for (const [field, names] of Object.entries(CUSTOMER_SYNONYMS)) for (const n of names) if (!byHeader.has(n)) byHeader.set(n, field);
  for (const a of attributes) {
    byHeader.set(headerKey(a.label), `attr.${a.key}`);
    byHeader.set(headerKey(a.key), `attr.${a.key}`);
  }
  const mapping: Partial<Record<string, string>> = {};
  for (const header of headers) {
    const field = byHeader.get(headerKey(header));
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  // A file of companies alone: its company column is each customer's own name.
  if (mapping.organisation && !mapping.name && !mapping.firstName && !mapping.lastName) {
    mapping.name = mapping.organisation;
    delete mapping.organisation;
  }
  // "Имя"/"Name" beside a surname column is the first name, not the whole name.
  if (mapping.name && mapping.lastName && !mapping.firstName && ['имя', 'name'].includes(headerKey(mapping.name))) {
    mapping.firstName = mapping.name;
    delete mapping.name;
  }
  return mapping;
}
