import { detectDateFormat } from './date-values.ts';
import { headerKey } from './import-fields.ts';
import { detectContactsLayout, type ContactsLayout, type ContactsSource } from './presets/contacts.presets.ts';

/**
 * What each column of a customers file can mean: fields by header (English or Russian),
 * attributes by their label or key, every numbered email and phone column of a contacts export
 * ("E-mail 2 - Value" → email.2, "Phone 2 - Type" → phoneLabel.2), and the layouts of the
 * contacts exports Rapport recognises (presets/contacts.presets.ts).
 */
const CUSTOMER_SYNONYMS: Record<string, string[]> = {
  externalId: ['customerid', 'id', 'clientid', 'customerno', 'customernumber', 'customercode', 'clientno', 'accountid', 'externalid', 'idклиента', 'номерклиента', 'кодклиента', 'код', 'номер'],
  kind: ['kind', 'type', 'customertype', 'тип', 'типклиента', 'вид'],
  name: ['name', 'fullname', 'customer', 'customername', 'client', 'имя', 'фио', 'клиент', 'наименование', 'название'],
  firstName: ['firstname', 'givenname', 'first', 'имя'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'фамилия'],
  email: ['email', 'emailaddress', 'mail', 'электроннаяпочта', 'элпочта', 'почта', 'емейл', 'имейл'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'телефон', 'тел', 'мобильный', 'номертелефона'],
  organisation: ['company', 'companyname', 'organisation', 'organization', 'organizationname', 'organisationname', 'organization1name', 'employer', 'worksat', 'организация', 'компания', 'местоработы', 'работодатель'],
  jobTitle: ['title', 'jobtitle', 'position', 'role', 'organizationtitle', 'organization1title', 'должность'],
  website: ['website', 'web', 'site', 'url', 'webpage', 'website1value', 'сайт'],
  addressLine1: ['address', 'street', 'addressline1', 'address1street', 'адрес', 'улица'],
  city: ['city', 'town', 'address1city', 'город'],
  region: ['region', 'state', 'province', 'county', 'address1region', 'регион', 'область', 'край'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode', 'address1postalcode', 'индекс', 'почтовыйиндекс'],
  country: ['country', 'address1country', 'страна'],
  birthday: ['birthday', 'dateofbirth', 'dob', 'birthdate', 'деньрождения', 'датарождения'],
  customerSince: ['customersince', 'since', 'firstcontact', 'клиентс', 'датарегистрации', 'сначала'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks', 'заметки', 'примечание', 'комментарий'],
  tags: ['tags', 'tag', 'labels', 'categories', 'groupmembership', 'groups', 'теги', 'метки', 'категории', 'группы'],
  source: [
    'source', 'howdidyouhear', 'howdidyouhearaboutus', 'howdidyoufindus', 'howdidyoufindoutaboutus', 'heardfrom', 'leadsource', 'acquisitionsource', 'customersource', 'referralsource', 'marketingsource',
    'источник', 'откудаузнали', 'откудаузналионас', 'откудаузнал', 'откудаузнала', 'каквыузналионас', 'какузналионас', 'источникпривлечения', 'источникклиента', 'источниклида',
  ],
  channel: ['channel', 'acquisitionchannel', 'marketingchannel', 'leadchannel', 'канал', 'каналпривлечения'],
  acquiredOn: [
    'acquired', 'acquiredon', 'dateacquired', 'acquisitiondate', 'acquiredat', 'firstvisit', 'firstvisitdate', 'dateoffirstvisit', 'firstvisiton', 'leaddate', 'leadcreated',
    'датапривлечения', 'привлечен', 'первыйвизит', 'датапервоговизита', 'датапервогообращения', 'первоеобращение',
  ],
  utmSource: ['utmsource', 'firstutmsource'],
  utmMedium: ['utmmedium', 'firstutmmedium'],
  utmCampaign: ['utmcampaign', 'firstutmcampaign'],
  referredBy: ['referredby', 'referrer', 'referredfrom', 'recommendedby', 'introducedby', 'invitedby', 'ктопорекомендовал', 'рекомендатель', 'рекомендовал', 'порекомендовал', 'порекомендовала', 'ктопривел', 'пригласил', 'ктопригласил', 'поприглашению', 'порекомендации'],
};

/** "E-mail 2 - Value", "Phone 1 - Label", "E-mail 3 - Type", Outlook's "E-mail 2 Address": the numbered contact columns. */
const NUMBERED = /^(e-?mail|phone)\s*(\d+)\s*(?:-\s*(value|label|type)|(address))$/i;

function numberedField(header: string): string | null {
  const m = NUMBERED.exec(header.trim());
  if (!m) return null;
  const kind = /^e/i.test(m[1]!) ? 'email' : 'phone';
  const n = Number(m[2]);
  if (n < 1 || n > 99) return null;
  const label = m[3] !== undefined && !/^value$/i.test(m[3]);
  return `${kind}${label ? 'Label' : ''}${n === 1 ? '' : `.${n}`}`;
}

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
    const field = numberedField(header) ?? byHeader.get(headerKey(header));
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

export interface ProposedCustomerFields {
  mapping: Partial<Record<string, string>>;
  /** The contacts export recognised (null: read generically). */
  source: ContactsSource | null;
  layout: ContactsLayout | null;
  /** Columns whose name suggests a field their values do not fit: asked, not applied. */
  questions: CustomerMappingQuestion[];
}

export interface CustomerMappingQuestion {
  field: string;
  column: string;
  applied: boolean;
  message: string;
}

/** A column named like a date field whose values are not dates ("First visit": "yes"): not used, asked. */
function unfitDates(mapping: Partial<Record<string, string>>, headers: string[], rows: string[][]): CustomerMappingQuestion[] {
  const questions: CustomerMappingQuestion[] = [];
  for (const field of ['acquiredOn'] as const) {
    const header = mapping[field];
    if (header === undefined) continue;
    const values = rows.map((r) => (r[headers.indexOf(header)] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0 || detectDateFormat(values).format !== null) continue;
    delete mapping[field];
    questions.push({ field, column: header, applied: false, message: `"${header}" sounds like ${field}, but its values are not dates ("${values[0]}"): not used; map it yourself if it is` });
  }
  return questions;
}

/**
 * The mapping of a customers file: by header, then, for a recognised contacts export, its
 * layout's own columns (Outlook's "Job Title" rather than its "Title", its phone columns, the
 * address it fills most). `rows` are the sample's cells.
 */
export function proposeCustomerFields(headers: string[], rows: string[][], formatType: string, attributes: { key: string; label: string }[]): ProposedCustomerFields {
  const mapping = proposeCustomerMapping(headers, attributes);
  const layout = detectContactsLayout(headers, formatType);
  if (!layout) return { mapping, source: null, layout: null, questions: unfitDates(mapping, headers, rows) };
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const has = (name: string) => byKey.get(headerKey(name));
  for (const [field, header] of Object.entries(layout.mapping)) {
    const found = has(header!);
    if (found === undefined) continue;
    for (const [f, h] of Object.entries(mapping)) if (h === found) delete mapping[f];
    mapping[field] = found;
  }
  if (layout.phoneColumns) {
    for (const field of Object.keys(mapping)) if (/^phone(Label)?(\.\d+)?$/.test(field)) delete mapping[field];
    layout.phoneColumns.flatMap((h) => has(h) ?? []).forEach((header, i) => {
      for (const [f, h] of Object.entries(mapping)) if (h === header) delete mapping[f];
      mapping[i === 0 ? 'phone' : `phone.${i + 1}`] = header;
    });
  }
  if (layout.addresses) {
    const filled = (group: string[]) => group.reduce((n, h) => n + (has(h) === undefined ? 0 : rows.filter((r) => (r[headers.indexOf(has(h)!)] ?? '').trim() !== '').length), 0);
    const best = layout.addresses.filter((g) => g.some((h) => has(h) !== undefined)).reduce<string[] | null>((a, g) => (a === null || filled(g) > filled(a) ? g : a), null);
    const [street, city, region, postalCode, ...countries] = best ?? [];
    const address = { addressLine1: street, city, region, postalCode, country: countries.find((c) => has(c) !== undefined) };
    for (const [field, header] of Object.entries(address)) if (header && has(header)) mapping[field] = has(header);
  }
  const { id, system, notes } = layout;
  return { mapping, source: { id, system, notes }, layout, questions: unfitDates(mapping, headers, rows) };
}
