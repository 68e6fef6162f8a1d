import { sql, type Kysely } from 'kysely';
import type { CustomerContactsTable, CustomersTable, DB } from '../src/db/schema.ts';
import { completenessOf, searchTextOf } from '../src/modules/customers/customer-derived.ts';
import { newId } from '../src/shared/ids.ts';
import { contactMatchKey, normalizeText } from '../src/shared/text.ts';

/** A small deterministic PRNG (mulberry32), so every run generates the same data. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Boris', 'Clara', 'David', 'Elena', 'Fyodor', 'Greta', 'Hugo', 'Irina', 'Jürgen', 'Мария', 'Пётр', 'Ольга', 'Иван', 'Наталья', 'Sofia', 'Tomás', 'Zoë', 'Liam', 'Noah'];
const LAST = ['Müller', 'Smith', 'Иванов', 'Петрова', 'Kowalski', 'García', 'Rossi', 'Nguyen', 'Сидоров', 'Dubois', 'Jensen', 'Novák', 'Kuznetsova', 'Brown', 'Öztürk'];
const CITIES = ['Berlin', 'Москва', 'Riga', 'London', 'Paris', 'Санкт-Петербург', 'Madrid', 'Tallinn', null];
const ORG_WORDS = ['Acme', 'Ромашка', 'Nordic', 'Blue', 'Global', 'Вектор', 'Sun', 'Alpha', 'Delta', 'Orion'];
const ORG_SUFFIX = ['Ltd', 'GmbH', 'ООО', 'Group', 'Trading', 'Studio'];

export interface GeneratedData {
  workspaceId: string;
  tagIds: string[];
  people: number;
  organisations: number;
}

/**
 * Inserts `count` customers (10% organisations, a tenth of them with a parent) with emails,
 * phones, employments, tags and attribute values, straight through SQL in batches.
 */
export async function generateCustomers(db: Kysely<DB>, workspaceId: string, count: number, onProgress?: (done: number) => void): Promise<GeneratedData> {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const now = Date.UTC(2026, 0, 1);
  const tagIds: string[] = [];
  for (const [i, name] of ['VIP', 'Wholesale', 'Newsletter', 'Event 2025', 'Partner'].entries()) {
    const id = newId();
    tagIds.push(id);
    await db.insertInto('tags').values({ workspace_id: workspaceId, id, name, name_key: normalizeText(name), color: ['yellow', 'teal', 'blue', 'grape', 'green'][i]!, created_at: new Date(now).toISOString() }).execute();
  }
  const attributes = await db.selectFrom('attribute_definitions').selectAll().where('workspace_id', '=', workspaceId).execute();
  const market = attributes.find((a) => a.key === 'market')!;
  const marketOptions = (JSON.parse(market.options) as { id: string }[]).map((o) => o.id);

  const orgCount = Math.round(count / 10);
  const orgIds: { id: string; name: string }[] = [];
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows: CustomersTable[] = [];
    const contacts: CustomerContactsTable[] = [];
    const employments: DB['employments'][] = [];
    const tags: DB['customer_tags'][] = [];
    const values: DB['attribute_values'][] = [];
    for (let i = start; i < Math.min(start + batch, count); i++) {
      const id = newId(now + i);
      const isOrg = i < orgCount;
      const first = isOrg ? null : pick(FIRST);
      const last = isOrg ? null : pick(LAST);
      const name = isOrg ? `${pick(ORG_WORDS)} ${pick(ORG_SUFFIX)} ${i}` : `${first} ${last}`;
      const city = pick(CITIES);
      const mine: CustomerContactsTable[] = [];
      if (next() < 0.85) mine.push(contact(workspaceId, id, 'email', `${normalizeText(name).replace(/[^a-z0-9]+/g, '.') || 'client'}.${i}@example.com`, 0));
      if (next() < 0.6) mine.push(contact(workspaceId, id, 'phone', `+7 (9${String(i % 100).padStart(2, '0')}) ${String(100 + (i % 900))}-${String(i % 100).padStart(2, '0')}-${String((i * 7) % 100).padStart(2, '0')}`, mine.length));
      const employer = !isOrg && orgIds.length && next() < 0.3 ? pick(orgIds) : undefined;
      const parent = isOrg && orgIds.length && next() < 0.1 ? pick(orgIds) : undefined;
      const row: CustomersTable = {
        workspace_id: workspaceId, id, kind: isOrg ? 'organisation' : 'person', display_name: name, sort_name: normalizeText(name),
        external_id: null, source_id: null, acquired_on: null, campaign_id: null, referred_by_id: null, referral_code: null, lost_at: null, lost_reason_id: null, lost_note: null,
        first_name: first, last_name: last, website: isOrg ? `https://org${i}.example` : null, parent_id: parent?.id ?? null,
        address_line1: null, address_line2: null, city, region: null, postal_code: null, country: null,
        birthday: !isOrg && next() < 0.3 ? `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}` : null,
        preferred_language: null, consent_given: next() < 0.5 ? 1 : null, consent_at: null, consent_source: null,
        notes: next() < 0.05 ? 'Prefers to be called in the morning' : null, customer_since: null, first_purchase_at: null, last_purchase_at: null, next_follow_up: null,
        search_text: '', completeness: 0, version: 1, merged_into_id: null,
        created_at: new Date(now + i * 60_000).toISOString(), updated_at: new Date(now + i * 60_000).toISOString(), deleted_at: null,
      };
      row.search_text = searchTextOf({ displayName: name, contacts: mine, organisationNames: [employer?.name ?? parent?.name].filter((n): n is string => Boolean(n)), notes: row.notes, noteBodies: [] });
      row.completeness = completenessOf({ row, hasEmail: mine.some((c) => c.kind === 'email'), hasPhone: mine.some((c) => c.kind === 'phone'), knownBits: new Set() }).score;
      rows.push(row);
      contacts.push(...mine);
      if (isOrg) orgIds.push({ id, name });
      if (employer) employments.push({ workspace_id: workspaceId, id: newId(), person_id: id, organisation_id: employer.id, title: null, created_at: row.created_at });
      for (const tagId of tagIds) if (next() < 0.15) tags.push({ workspace_id: workspaceId, customer_id: id, tag_id: tagId });
      if (next() < 0.7) values.push({ workspace_id: workspaceId, customer_id: id, attribute_id: market.id, value_text: pick(marketOptions), value_number: null, value_date: null });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values(rows).execute();
      if (contacts.length) await trx.insertInto('customer_contacts').values(contacts).execute();
      if (employments.length) await trx.insertInto('employments').values(employments).execute();
      if (tags.length) await trx.insertInto('customer_tags').values(tags).execute();
      if (values.length) await trx.insertInto('attribute_values').values(values).execute();
    });
    // PostgreSQL plans foreign-key checks once per connection: plan them with real statistics, not an empty table's.
    if (start === 0) await sql`analyze`.execute(db);
    onProgress?.(Math.min(start + batch, count));
  }
  return { workspaceId, tagIds, people: count - orgCount, organisations: orgCount };
}

function contact(workspaceId: string, customerId: string, kind: 'email' | 'phone', value: string, position: number): CustomerContactsTable {
  return { workspace_id: workspaceId, id: newId(), customer_id: customerId, kind, value, label: null, match_key: contactMatchKey(kind, value), position };
}
