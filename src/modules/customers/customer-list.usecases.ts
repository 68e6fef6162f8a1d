import type { z } from 'zod';
import type { Attribute } from '../../contracts/attributes.ts';
import type { CustomerPage, CustomerSummary, Filter, listCustomersQuerySchema } from '../../contracts/customers.ts';
import { badRequest } from '../../shared/errors.ts';
import { normalizeText, phoneDigits } from '../../shared/text.ts';
import { listAttributes } from '../attributes/attributes.usecases.ts';
import { compileFilterText } from '../filters/filters.usecases.ts';
import type { Actor } from '../auth/permissions.ts';
import { toSummary } from './customer-views.ts';
import type { CustomerDeps } from './customer-writes.usecases.ts';
import { createCustomerListRepository, type ListSpec } from './customer-list.repository.ts';
import { parseFilters, resolveFilter, resolveSort } from './list-spec.ts';

type ListQuery = z.output<typeof listCustomersQuerySchema>;

/** The customer list: filters, search, any sort (columns or attributes), keyset pages. */
export async function listCustomers(deps: CustomerDeps, actor: Actor, query: ListQuery, options: { deleted?: boolean } = {}): Promise<CustomerPage> {
  const deleted = options.deleted ?? false;
  const filters = parseFilters(query.filters);
  // The page needs the definitions only to name its rows' attribute values, unless the query
  // filters or sorts by an attribute: then the page query waits for them, else both run at once
  // (on PostgreSQL, two round trips in parallel instead of one after the other).
  const loading = listAttributes(deps, actor.workspaceId);
  loading.catch(() => {}); // awaited below; a failure must not go unhandled if the spec throws first
  const spec = listSpec(actor, query, filters, usesAttributes(query, filters, deleted) ? await loading : [], deleted);
  spec.where = await filterWhere(deps, actor, query);
  const [definitions, rows] = await Promise.all([loading, createCustomerListRepository(deps.db).listPage(spec)]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toSummary(row, definitions)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null,
  };
}

/** How many customers the same query matches. */
export async function countCustomers(deps: CustomerDeps, actor: Actor, query: ListQuery, options: { deleted?: boolean } = {}): Promise<number> {
  const deleted = options.deleted ?? false;
  const filters = parseFilters(query.filters);
  const definitions = usesAttributes(query, filters, deleted) ? await listAttributes(deps, actor.workspaceId) : [];
  const spec = listSpec(actor, query, filters, definitions, deleted);
  spec.where = await filterWhere(deps, actor, query);
  return createCustomerListRepository(deps.db).count(spec);
}

/** The query's filter-language text, compiled (null without one). */
async function filterWhere(deps: CustomerDeps, actor: Actor, query: ListQuery) {
  return query.filter?.trim() ? compileFilterText(deps.db, actor.workspaceId, query.filter, deps.clock.now(), query.lang) : null;
}

/** Whether the query filters or sorts by an attribute (`attr.<key>`), the only use of the definitions in a spec. */
function usesAttributes(query: ListQuery, filters: Filter[], deleted: boolean): boolean {
  return (!deleted && query.sort.startsWith('attr.')) || filters.some((f) => f.field.startsWith('attr.'));
}

function listSpec(actor: Actor, query: ListQuery, parsed: Filter[], definitions: Attribute[], deleted: boolean): ListSpec {
  const filters = parsed.map((f) => resolveFilter(f, definitions));
  if (query.tagId) filters.push({ type: 'tag', op: 'eq', value: [query.tagId] });
  if (query.organisationId) filters.push({ type: 'organisation', op: 'eq', value: query.organisationId });
  return {
    workspaceId: actor.workspaceId,
    deleted,
    words: searchWords(query.q),
    kind: query.kind,
    filters,
    sort: deleted ? { type: 'column', column: 'deleted_at', valueType: 'timestamp', nullable: false } : resolveSort(query.sort, definitions),
    order: deleted ? 'desc' : query.order,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  };
}

const PHONE_LIKE = /^[\d\s()+.\-/]+$/;

type Matched = 'name' | 'email' | 'phone' | 'organisation' | 'notes' | 'other';

/** The header's quick search: the best few matches, and what each matched on. */
export async function quickSearch(deps: CustomerDeps, actor: Actor, query: { q: string; limit: number }): Promise<(CustomerSummary & { matched: Matched })[]> {
  const words = searchWords(query.q);
  if (words.length === 0) return [];
  const [definitions, rows] = await Promise.all([listAttributes(deps, actor.workspaceId), createCustomerListRepository(deps.db).search(actor.workspaceId, words, query.limit)]);
  return rows.map((row) => {
    // Added to the row rather than spread into a copy: V8 copies a spread object the slow way.
    const summary: CustomerSummary & { matched?: Matched } = toSummary(row, definitions);
    summary.matched = matchedOn(summary, words);
    return summary as CustomerSummary & { matched: Matched };
  });
}

/** Which part of the customer the words were found in; the search text holds nothing but these. */
function matchedOn(s: CustomerSummary, words: string[]): Matched {
  const has = (text: string | null | undefined) => Boolean(text) && words.every((w) => normalizeText(text!).includes(w));
  if (has(s.displayName)) return 'name';
  if (has(s.email)) return 'email';
  if (s.phone && words.length === 1 && /^\d{5,}$/.test(words[0]!) && phoneDigits(s.phone).includes(words[0]!)) return 'phone';
  if (has(s.organisation?.displayName)) return 'organisation';
  return 'notes'; // the profile's notes or a timeline note
}

export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  // A phone number in any formatting is searched by its digits; with a country or trunk
  // prefix (+7…, 8…, +44…) by the last ten, as duplicate detection compares them.
  if (PHONE_LIKE.test(q) && phoneDigits(q).length >= 5) return [phoneDigits(q).slice(-10)];
  return [...new Set(normalizeText(q).split(' ').filter((w) => w.length > 0))].slice(0, 8);
}

function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(text: string): { value: string | number; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string') return { value, id };
  } catch {
    // fall through
  }
  throw badRequest('pagination.bad_cursor', 'The cursor is not one this API returned');
}
