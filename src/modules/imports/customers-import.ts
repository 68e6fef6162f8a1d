import type { Kysely } from 'kysely';
import type { Attribute, AttributeValue } from '../../contracts/attributes.ts';
import { createCustomerSchema, updateCustomerSchema, type CustomerProfile } from '../../contracts/customers.ts';
import type { DB } from '../../db/schema.ts';
import { normalizeText, contactMatchKey } from '../../shared/text.ts';
import { isAppError } from '../../shared/errors.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { addEmployment, getCustomerProfile } from '../customers/customer-lifecycle.usecases.ts';
import { createCustomerMatchingRepository } from '../customers/customer-matching.repository.ts';
import { createCustomer, updateCustomer } from '../customers/customer-writes.usecases.ts';
import { createTag } from '../tags/tags.usecases.ts';
import { createTagsRepository } from '../tags/tags.repository.ts';
import { parseDateParts, type DateFormat } from './date-values.ts';
import { currencyExponent, parseDecimal, toScaledInteger, type DecimalSeparator } from './number-values.ts';
import type { TableRow } from './table-reader.ts';
import type { ImportCounts, ImportContext, ImportDatabases, Rejection } from './import-run.ts';
import type { RowProblem } from './transaction-rows.ts';
import { unneutraliseCell } from '../exports/spreadsheet-cells.ts';
import { REPLACEMENT_CHARACTER } from './text-encoding.ts';

/**
 * Customers from a spreadsheet: people and organisations with contacts, address, attributes
 * (by their label or key, values checked by type, choices by option label) and tags (by name,
 * created when new). Matched by external id, then email, then phone: a match is updated with
 * the file's non-empty cells (contacts are added, never removed), anything else is created.
 * Every row goes through the same validation as the API, so errors name the column.
 */
import { CUSTOMER_FIELDS } from '../../contracts/imports.ts';

export { CUSTOMER_FIELDS };
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export interface CustomerReadSettings {
  headers: string[];
  /** Field (or `attr.<key>`) → header. */
  mapping: Partial<Record<string, string>>;
  dateFormat: DateFormat;
  decimal: DecimalSeparator;
  currency: string;
}

const ORGANISATION_WORDS = /^(org|organi[sz]ation|company|business|юр|организация|компания|юрлицо|юридическое)/i;

export function createCustomerImporter(ctx: ImportContext & { db: Kysely<DB> }, settings: CustomerReadSettings, dryRun: boolean) {
  const actor: Actor = { workspaceId: ctx.workspaceId, userId: ctx.actorId ?? 'cli', role: 'owner', via: 'session', scope: 'read_write' };
  const deps = { db: ctx.db, clock: ctx.clock };
  const column = (field: string) => (settings.mapping[field] ? settings.headers.indexOf(settings.mapping[field]!) : -1);
  let definitions: Attribute[] | null = null;
  const tagIds = new Map<string, string>();
  const organisations = new Map<string, string>();

  async function processBatch(_dbs: ImportDatabases, rows: TableRow[], counts: ImportCounts): Promise<Rejection[]> {
    definitions ??= await listAttributes(deps, ctx.workspaceId);
    const rejections: Rejection[] = [];
    for (const row of rows) {
      counts.rows++;
      const problems = await importRow(row, counts);
      if (problems.length > 0) rejections.push({ row: row.number, cells: row.cells, problems });
    }
    counts.rejected += rejections.length;
    counts.lastRow = rows.at(-1)?.number ?? counts.lastRow;
    return rejections;
  }

  async function importRow(row: TableRow, counts: ImportCounts): Promise<RowProblem[]> {
    const problems: RowProblem[] = [];
    const text = (field: string): string | null => {
      const i = column(field);
      const v = i < 0 ? '' : (row.cells[i] ?? '').trim();
      if (v.includes(REPLACEMENT_CHARACTER)) problems.push({ column: settings.mapping[field]!, value: v, code: 'import.bad_encoding', message: "The cell has bytes that are not text in the file's encoding" });
      return v === '' ? null : unneutraliseCell(v);
    };
    const date = (field: string): string | null | undefined => {
      const v = text(field);
      if (v === null) return undefined;
      const parts = parseDateParts(v, settings.dateFormat) ?? parseDateParts(v, 'iso');
      if (!parts) {
        problems.push({ column: settings.mapping[field]!, value: v, code: 'import.date_invalid', message: `Not a date in the format ${settings.dateFormat} (or a day that does not exist)` });
        return undefined;
      }
      return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
    };
    const kindText = text('kind');
    const organisationName = text('organisation');
    const name = text('name');
    const kind = kindText ? (ORGANISATION_WORDS.test(kindText) ? 'organisation' : 'person') : !text('firstName') && !text('lastName') && name && !text('email') && organisationName === null && /\b(ltd|llc|inc|gmbh|ооо|оао|зао|ип|ао)\b/i.test(name) ? 'organisation' : 'person';
    const email = text('email')?.toLowerCase() ?? null;
    const phone = text('phone');
    const externalId = text('externalId');
    const attributes: Record<string, AttributeValue> = {};
    for (const d of definitions!) {
      const v = text(`attr.${d.key}`);
      if (v === null) continue;
      const value = attributeValue(d, v, settings);
      if (value.ok) attributes[d.key] = value.value;
      else problems.push({ column: settings.mapping[`attr.${d.key}`]!, value: v, code: 'import.attribute_invalid', message: value.message });
    }
    const tagNames = (text('tags') ?? '').split(/[,;|]/).map((t) => t.trim()).filter(Boolean);
    const input = {
      kind,
      firstName: text('firstName'),
      lastName: text('lastName'),
      name,
      website: text('website'),
      address: { line1: text('addressLine1'), city: text('city'), region: text('region'), postalCode: text('postalCode'), country: text('country') },
      birthday: date('birthday'),
      customerSince: date('customerSince'),
      notes: text('notes'),
      contacts: [...(email ? [{ kind: 'email' as const, value: email }] : []), ...(phone ? [{ kind: 'phone' as const, value: phone }] : [])],
      attributes,
    };
    const parsed = createCustomerSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String);
        // contacts.N.value: the Nth contact built from the row, an email or a phone.
        const contact = path[0] === 'contacts' ? input.contacts[Number(path[1])] : undefined;
        const field = contact ? contact.kind : fieldOfPath(path);
        const paramCode = (issue as { params?: { code?: string } }).params?.code;
        const code = paramCode === 'invalid_email' ? 'import.email_invalid' : paramCode === 'invalid_phone' ? 'import.phone_invalid' : `import.${paramCode ?? String(issue.code)}`;
        problems.push({ column: field ? (settings.mapping[field] ?? null) : null, value: field ? text(field) : null, code, message: issue.message });
      }
    }
    if (!input.firstName && !input.lastName && !name && !email && !phone) problems.push({ column: null, value: null, code: 'import.name_missing', message: 'The row has no name, email or phone' });
    if (problems.length > 0) return problems;

    const existing = await findExisting(externalId, email, phone);
    if (dryRun) {
      if (existing) counts.customersUpdated++;
      else counts.customersCreated++;
      return [];
    }
    try {
      const tags = await resolveTags(tagNames);
      if (existing) {
        const profile = await getCustomerProfile(deps, actor, existing);
        const known = new Set(profile.contacts.map((c) => `${c.kind}:${contactMatchKey(c.kind, c.value)}`));
        const contacts = [...profile.contacts.map((c) => ({ kind: c.kind, value: c.value, label: c.label })), ...input.contacts.filter((c) => !known.has(`${c.kind}:${contactMatchKey(c.kind, c.value)}`))];
        const patch = updateCustomerSchema.parse({
          version: profile.version,
          ...Object.fromEntries(Object.entries(parsed.data!).filter(([k, v]) => k !== 'kind' && k !== 'contacts' && k !== 'address' && k !== 'attributes' && v !== null && v !== undefined)),
          address: Object.fromEntries(Object.entries(input.address).filter(([, v]) => v !== null)),
          attributes,
          contacts,
          ...(tags.length && { tagIds: [...new Set([...profile.tags.map((t) => t.id), ...tags])] }),
        });
        if (changesProfile(profile, patch)) {
          await updateCustomer(deps, actor, existing, patch);
          counts.customersUpdated++;
        } else counts.customersUnchanged++;
        await linkOrganisation(existing, organisationName, text('jobTitle'), kind);
      } else {
        const created = await createCustomer(deps, actor, { ...parsed.data!, tagIds: tags });
        if (externalId) await ctx.db.updateTable('customers').set({ external_id: externalId }).where('workspace_id', '=', ctx.workspaceId).where('id', '=', created.id).execute();
        counts.customersCreated++;
        await linkOrganisation(created.id, organisationName, text('jobTitle'), kind);
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      const field = fieldOfPath(String((error.details as { fields?: { path: string }[] } | undefined)?.fields?.[0]?.path ?? '').split('.'));
      return [{ column: field ? (settings.mapping[field] ?? null) : null, value: null, code: error.code, message: error.message }];
    }
    return [];
  }

  async function findExisting(externalId: string | null, email: string | null, phone: string | null): Promise<string | null> {
    const repo = createCustomerMatchingRepository(ctx.db);
    if (externalId) {
      const found = await repo.byExternalIds(ctx.workspaceId, [externalId]);
      if (found[0]) return found[0].id;
    }
    if (email) {
      const found = await repo.byContactKeys(ctx.workspaceId, 'email', [contactMatchKey('email', email)]);
      if (found[0]) return found[0].customer_id;
    }
    if (phone) {
      const found = await repo.byContactKeys(ctx.workspaceId, 'phone', [contactMatchKey('phone', phone)]);
      if (found[0]) return found[0].customer_id;
    }
    return null;
  }

  async function resolveTags(names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const key = normalizeText(name);
      let id = tagIds.get(key);
      if (!id) {
        const all = await createTagsRepository(ctx.db).listTags(ctx.workspaceId);
        for (const t of all) tagIds.set(normalizeText(t.name), t.id);
        id = tagIds.get(key) ?? (await createTag(deps, actor, { name, color: 'gray' })).id;
        tagIds.set(key, id);
      }
      ids.push(id);
    }
    return ids;
  }

  /** A person's organisation by name: found (or created), and the employment added once. */
  async function linkOrganisation(customerId: string, organisationName: string | null, title: string | null, kind: string): Promise<void> {
    if (!organisationName || kind !== 'person') return;
    const key = normalizeText(organisationName);
    let id = organisations.get(key);
    if (!id) {
      const found = await ctx.db.selectFrom('customers').select('id').where('workspace_id', '=', ctx.workspaceId).where('kind', '=', 'organisation').where('sort_name', '=', key).where('deleted_at', 'is', null).executeTakeFirst();
      id = found?.id ?? (await createCustomer(deps, actor, createCustomerSchema.parse({ kind: 'organisation', name: organisationName }))).id;
      organisations.set(key, id);
    }
    const employed = await ctx.db.selectFrom('employments').select('id').where('workspace_id', '=', ctx.workspaceId).where('person_id', '=', customerId).where('organisation_id', '=', id).executeTakeFirst();
    if (!employed) await addEmployment(deps, actor, customerId, { organisationId: id, title });
  }

  return { processBatch, ownTransactions: true as const };
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
}

/** Whether an update would change anything: a no-op import must not bump versions or write history. */
function changesProfile(profile: CustomerProfile, patch: Record<string, unknown>): boolean {
  const scalar: Record<string, unknown> = { firstName: profile.firstName, lastName: profile.lastName, website: profile.website, birthday: profile.birthday, customerSince: profile.customerSince, notes: profile.notes };
  for (const [key, value] of Object.entries(scalar)) if (key in patch && differs(patch[key], value)) return true;
  if ('name' in patch && profile.kind === 'organisation' && differs(patch.name, profile.displayName)) return true;
  for (const [key, value] of Object.entries((patch.address ?? {}) as Record<string, unknown>)) if (differs(value, (profile.address as Record<string, unknown>)[key])) return true;
  for (const [key, value] of Object.entries((patch.attributes ?? {}) as Record<string, unknown>)) if (differs(value, profile.attributes[key])) return true;
  if ((patch.contacts as unknown[] | undefined)?.length !== profile.contacts.length) return true;
  if (patch.tagIds && (patch.tagIds as string[]).length !== profile.tags.length) return true;
  return false;
}

/** The import field behind a validation path: contacts.0.value → email or phone, address.city → city… */
function fieldOfPath(path: string[]): string | null {
  const [head, second] = path;
  if (head === 'contacts') return null;
  if (head === 'address') return second === 'line1' ? 'addressLine1' : (second ?? null);
  if (head === 'attributes') return second ? `attr.${second}` : null;
  return head ?? null;
}

type Parsed = { ok: true; value: AttributeValue } | { ok: false; message: string };

/** A cell as an attribute's value, by the attribute's type; choices by option label (or id). */
function attributeValue(d: Attribute, text: string, settings: CustomerReadSettings): Parsed {
  const option = (label: string) => d.options.find((o) => normalizeText(o.label) === normalizeText(label) || o.id === label);
  switch (d.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const v = parseDecimal(text, settings.decimal);
      return v === null ? { ok: false, message: `${d.label}: not a number` } : { ok: true, value: Number(v) };
    }
    case 'money': {
      const v = parseDecimal(text, settings.decimal);
      return v === null ? { ok: false, message: `${d.label}: not an amount of money` } : { ok: true, value: Number(toScaledInteger(v, currencyExponent(settings.currency))) };
    }
    case 'date': {
      const p = parseDateParts(text, settings.dateFormat) ?? parseDateParts(text, 'iso');
      return p ? { ok: true, value: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}` } : { ok: false, message: `${d.label}: not a date` };
    }
    case 'boolean': {
      const v = normalizeText(text);
      if (['yes', 'y', 'true', '1', 'да', 'д', 'истина', '+'].includes(v)) return { ok: true, value: true };
      if (['no', 'n', 'false', '0', 'нет', 'н', 'ложь', '-'].includes(v)) return { ok: true, value: false };
      return { ok: false, message: `${d.label}: not yes or no` };
    }
    case 'choice': {
      const o = option(text);
      return o ? { ok: true, value: o.id } : { ok: false, message: `${d.label}: "${text}" is not one of its options (${d.options.map((x) => x.label).join(', ')})` };
    }
    case 'multichoice': {
      const labels = text.split(/[,;|]/).map((t) => t.trim()).filter(Boolean);
      const unknown = labels.filter((l) => !option(l));
      if (unknown.length) return { ok: false, message: `${d.label}: ${unknown.map((u) => `"${u}"`).join(', ')} not among its options (${d.options.map((x) => x.label).join(', ')})` };
      return { ok: true, value: labels.map((l) => option(l)!.id) };
    }
  }
}
