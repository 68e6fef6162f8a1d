import { sql, type AliasedRawBuilder, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf, jsonArrayFrom, jsonObjectFrom, type DialectName } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import { escapeLike } from '../../shared/text.ts';
import type { CustomerRow } from './customers.repository.ts';
import { completenessChecks } from './customer-derived.ts';
import { acquisitionDay } from '../../db/zone-sql.ts';
import type { ResolvedFilter, ResolvedSort } from './list-spec.ts';

export interface ListSpec {
  workspaceId: string;
  deleted: boolean;
  /** Normalised search words; each must appear in the customer's search text. */
  words: string[];
  kind?: 'person' | 'organisation' | undefined;
  filters: ResolvedFilter[];
  /** A compiled filter-language condition (src/modules/filters). */
  where?: Expression<SqlBool> | null | undefined;
  sort: ResolvedSort;
  order: 'asc' | 'desc';
  after?: { value: string | number; id: string } | undefined;
  limit: number;
}

type EB = ExpressionBuilder<DB & { c: DB['customers'] }, 'c'>;

// Date and timestamp sentinels must be valid values (PostgreSQL reads '' as one and fails); the
// instant is 1970, not year 1, whose local-mean-time offsets do not survive a round trip.
const NULL_SENTINEL = { text: '', number: -1e300, timestamp: '1970-01-01T00:00:00.000Z', date: '0001-01-01' } as const;

const HIGH_SENTINEL = { text: '\uffff', number: 1e300, timestamp: '9999-12-31T23:59:59.999Z', date: '9999-12-31' } as const;

/**
 * The sort key of a row: never null, so that keyset comparisons hold. Nulls sort first, except
 * for customer-value metrics, where a customer with no value (no rank, no purchase) sorts last
 * either way: "by rank" lists the ranked customers first.
 */
function sortExpression(sort: ResolvedSort, order: 'asc' | 'desc'): RawBuilder<string | number> {
  const sentinel = NULL_SENTINEL[sort.valueType];
  if (sort.type === 'column') {
    const column = columnValue(sort.column);
    return sort.nullable ? sql<string | number>`coalesce(${column}, ${sentinel})` : sql<string | number>`${column}`;
  }
  if (sort.type === 'metric') {
    // Numbers as doubles: PostgreSQL would read a ±1e300 sentinel as the column's integer type.
    const value = sort.valueType === 'number' ? sql`cast(${metricValue(sort.column)} as double precision)` : metricValue(sort.column);
    return sql<string | number>`coalesce(${value}, ${sort.zero ? 0 : order === 'asc' ? HIGH_SENTINEL[sort.valueType] : sentinel})`;
  }
  return sql<string | number>`coalesce((select av.${sql.ref(sort.column)} from attribute_values av
    where av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${sort.attributeId}), ${sentinel})`;
}

/** A customer column as lists show it: completeness with the customer-value bits added (see withValueBits). */
function columnValue(column: string): RawBuilder<unknown> {
  if (column !== 'completeness') return sql`${sql.ref(`c.${column}`)}`;
  const checks = sql`(case when c.kind = 'person' then ${sql.lit(completenessChecks('person'))} else ${sql.lit(completenessChecks('organisation'))} end)`;
  const bits = sql`coalesce((select case when m.lapse_state is null then 2 else 3 end from customer_metrics m where m.workspace_id = c.workspace_id and m.customer_id = c.id), 0)`;
  return sql`cast(round(100.0 * (round(c.completeness * ${checks} / 100.0) + ${bits}) / ${checks}) as integer)`;
}

/** A customer-value metric of the row's customer (null without a metrics row). */
function metricValue(column: string): RawBuilder<unknown> {
  return sql`(select m.${sql.ref(column)} from customer_metrics m where m.workspace_id = c.workspace_id and m.customer_id = c.id)`;
}

function like(text: string): string {
  return `%${escapeLike(text)}%`;
}

function compare(left: Expression<unknown>, op: ResolvedFilter['op'], value: unknown, valueType: string): Expression<SqlBool> {
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${left} = ${value}`;
    case 'neq':
      return sql<SqlBool>`(${left} is null or ${left} <> ${value})`;
    case 'gt':
      return sql<SqlBool>`${left} > ${value}`;
    case 'gte':
      return sql<SqlBool>`${left} >= ${value}`;
    case 'lt':
      return sql<SqlBool>`${left} < ${value}`;
    case 'lte':
      return sql<SqlBool>`${left} <= ${value}`;
    case 'contains':
      return valueType === 'text' ? sql<SqlBool>`lower(${left}) like lower(${like(String(value))}) escape '\\'` : sql<SqlBool>`${left} = ${value}`;
    case 'in':
      return sql<SqlBool>`${left} in (${sql.join(value as unknown[])})`;
    case 'empty':
      return valueType === 'text' ? sql<SqlBool>`(${left} is null or ${left} = '')` : sql<SqlBool>`${left} is null`;
    case 'not_empty':
      return valueType === 'text' ? sql<SqlBool>`(${left} is not null and ${left} <> '')` : sql<SqlBool>`${left} is not null`;
  }
}

/** The customer carries one of these tags (any tag when null). */
function hasTag(ids: string[] | null): Expression<SqlBool> {
  const which = ids ? sql` and ct.tag_id in (${sql.join(ids)})` : sql``;
  return sql<SqlBool>`exists (select 1 from customer_tags ct where ct.workspace_id = c.workspace_id and ct.customer_id = c.id${which})`;
}

/** A subsidiary of, or a person working at, the organisation (any organisation when null). */
function belongsTo(id: string | null): Expression<SqlBool> {
  const parent = id === null ? sql`c.parent_id is not null` : sql`c.parent_id = ${id}`;
  const employer = id === null ? sql`` : sql` and e.organisation_id = ${id}`;
  return sql<SqlBool>`(${parent} or exists (select 1 from employments e where e.workspace_id = c.workspace_id and e.person_id = c.id${employer}))`;
}

/** Came through a source of one of these channels (normalized names); through any source when empty. */
function inChannel(keys: string[]): Expression<SqlBool> {
  const which = keys.length ? sql` and s.channel_key in (${sql.join(keys)})` : sql``;
  return sql<SqlBool>`exists (select 1 from sources s where s.workspace_id = c.workspace_id and s.id = c.source_id${which})`;
}

function filterExpression(filter: ResolvedFilter, dialect: DialectName): Expression<SqlBool> {
  switch (filter.type) {
    case 'column':
      return compare(columnValue(filter.column), filter.op, filter.value, filter.valueType);
    case 'contact': {
      const match = filter.op === 'contains' ? sql`(lower(cc.value) like ${like(filter.value ?? '')} escape '\\' or cc.match_key like ${like(filter.value ?? '')} escape '\\')` : sql`cc.match_key = ${filter.kind === 'phone' ? (filter.value ?? '').slice(-10) : filter.value}`;
      const exists = (condition: unknown) => sql<SqlBool>`exists (select 1 from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = ${filter.kind} and ${condition})`;
      if (filter.op === 'empty') return sql<SqlBool>`not ${exists(sql`1 = 1`)}`;
      if (filter.op === 'not_empty') return exists(sql`1 = 1`);
      return filter.op === 'neq' ? sql<SqlBool>`not ${exists(match)}` : exists(match);
    }
    case 'tag':
      if (filter.op === 'empty') return sql<SqlBool>`not ${hasTag(null)}`;
      if (filter.op === 'not_empty') return hasTag(null);
      return filter.op === 'neq' ? sql<SqlBool>`not ${hasTag(filter.value)}` : hasTag(filter.value);
    case 'organisation':
      if (filter.op === 'empty') return sql<SqlBool>`not ${belongsTo(null)}`;
      if (filter.op === 'not_empty') return belongsTo(null);
      return filter.op === 'neq' ? sql<SqlBool>`not ${belongsTo(filter.value)}` : belongsTo(filter.value);
    case 'channel':
      if (filter.op === 'empty') return sql<SqlBool>`not ${inChannel([])}`;
      if (filter.op === 'not_empty') return inChannel([]);
      return filter.op === 'neq' ? sql<SqlBool>`not ${inChannel(filter.value)}` : inChannel(filter.value);
    case 'acquired': {
      const zone = sql<string>`(select w.time_zone from workspaces w where w.id = c.workspace_id)`;
      return compare(acquisitionDay(dialect, zone), filter.op, filter.value, 'date');
    }
    case 'metric': {
      const value = filter.zero ? sql`coalesce(${metricValue(filter.column)}, 0)` : metricValue(filter.column);
      return compare(value, filter.op, filter.value, filter.valueType);
    }
    case 'attribute': {
      const column = sql.ref(`av.${filter.column}`);
      const exists = (condition: unknown) =>
        sql<SqlBool>`exists (select 1 from attribute_values av where av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${filter.attributeId} and ${condition})`;
      if (filter.op === 'empty') return sql<SqlBool>`not ${exists(sql`${column} is not null`)}`;
      if (filter.op === 'not_empty') return exists(sql`${column} is not null`);
      if (filter.multi && (filter.op === 'eq' || filter.op === 'in' || filter.op === 'neq' || filter.op === 'contains')) {
        // Several choices are stored as a JSON list of option ids.
        const ids = Array.isArray(filter.value) ? filter.value : [filter.value];
        const any = sql.join(ids.map((id) => sql`${column} like ${like(`"${String(id)}"`)} escape '\\'`), sql` or `);
        return filter.op === 'neq' ? sql<SqlBool>`not ${exists(sql`(${any})`)}` : exists(sql`(${any})`);
      }
      if (filter.op === 'neq') return sql<SqlBool>`not ${exists(compare(column, 'eq', filter.value, filter.valueType))}`;
      return exists(compare(column, filter.op, filter.value, filter.valueType));
    }
  }
}

/**
 * The page's clauses as SQL fragments rather than Kysely's expression builder: each builder
 * callback makes a new expression builder, and building the query cost as much as a small query.
 */
function whereClauses(spec: ListSpec, dialect: DialectName): Expression<SqlBool>[] {
  const clauses: Expression<SqlBool>[] = [
    sql<SqlBool>`c.workspace_id = ${spec.workspaceId}`,
    spec.deleted ? sql<SqlBool>`c.deleted_at is not null` : sql<SqlBool>`c.deleted_at is null`,
  ];
  if (spec.deleted) clauses.push(sql<SqlBool>`c.merged_into_id is null`);
  if (spec.kind) clauses.push(sql<SqlBool>`c.kind = ${spec.kind}`);
  for (const word of spec.words) clauses.push(sql<SqlBool>`c.search_text like ${like(word)} escape '\\'`);
  for (const filter of spec.filters) clauses.push(filterExpression(filter, dialect));
  if (spec.where) clauses.push(spec.where);
  return clauses;
}

function all(clauses: Expression<SqlBool>[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(clauses, sql` and `)})`;
}

/**
 * What a list row shows besides the customer's own columns — first email and phone, tags,
 * attribute values, organisation — as correlated subqueries of the same statement, so a
 * page is one round trip whatever its size.
 */
function summaryColumns(dialect: DialectName) {
  const email = sql.lit<'email'>('email');
  const phone = sql.lit<'phone'>('phone');
  return (eb: EB) => [
    eb.selectFrom('customer_contacts as cc').select('cc.value').whereRef('cc.workspace_id', '=', 'c.workspace_id').whereRef('cc.customer_id', '=', 'c.id').where('cc.kind', '=', email).orderBy('cc.position').limit(sql.lit(1)).as('first_email'),
    eb.selectFrom('customer_contacts as cc').select('cc.value').whereRef('cc.workspace_id', '=', 'c.workspace_id').whereRef('cc.customer_id', '=', 'c.id').where('cc.kind', '=', phone).orderBy('cc.position').limit(sql.lit(1)).as('first_phone'),
    jsonArrayFrom(
      dialect,
      eb
        .selectFrom('customer_tags as ct')
        .innerJoin('tags as t', (j) => j.onRef('t.workspace_id', '=', 'ct.workspace_id').onRef('t.id', '=', 'ct.tag_id'))
        .select(['t.id', 't.name', 't.color'])
        .whereRef('ct.workspace_id', '=', 'c.workspace_id')
        .whereRef('ct.customer_id', '=', 'c.id')
        .orderBy('t.name_key'),
    ).as('tag_list'),
    jsonArrayFrom(
      dialect,
      eb
        .selectFrom('attribute_values as av')
        .select(['av.attribute_id', 'av.value_text', 'av.value_number', 'av.value_date'])
        .whereRef('av.workspace_id', '=', 'c.workspace_id')
        .whereRef('av.customer_id', '=', 'c.id'),
    ).as('attribute_list'),
    eb
      .selectFrom('employments as e')
      .innerJoin('customers as o', (j) => j.onRef('o.workspace_id', '=', 'e.workspace_id').onRef('o.id', '=', 'e.organisation_id'))
      .select(sql<string>`o.id || '|' || o.display_name`.as('org'))
      .whereRef('e.workspace_id', '=', 'c.workspace_id')
      .whereRef('e.person_id', '=', 'c.id')
      .where('o.deleted_at', 'is', null)
      .orderBy('e.created_at')
      .limit(sql.lit(1))
      .as('employer'),
    jsonObjectFrom(
      dialect,
      eb
        .selectFrom('customer_metrics as m')
        .select(['m.revenue_365', 'm.revenue_lifetime', 'm.purchases', 'm.days_since_last', 'm.value_rank', 'm.tier', 'm.rfm_segment', 'm.lapse_state', 'm.p_alive', 'm.clv'])
        .whereRef('m.workspace_id', '=', 'c.workspace_id')
        .whereRef('m.customer_id', '=', 'c.id'),
    ).as('metrics'),
    eb.selectFrom('customers as p').select('p.display_name').whereRef('p.workspace_id', '=', 'c.workspace_id').whereRef('p.id', '=', 'c.parent_id').where('p.deleted_at', 'is', null).as('parent_name'),
  ];
}

const compiledSummaries = new WeakMap<Kysely<DB>, AliasedRawBuilder<unknown, 'parent_name'>>();

/**
 * The summary columns as SQL text, compiled once per database: they take no parameters,
 * and building them anew for each page cost as much as running them (Kysely's builder).
 */
function summarySelection(db: Kysely<DB>): AliasedRawBuilder<unknown, 'parent_name'> {
  let compiled = compiledSummaries.get(db);
  if (!compiled) {
    const query = db.selectFrom('customers as c').select(summaryColumns(dialectOf(db as unknown as Kysely<never>))).compile();
    if (query.parameters.length > 0) throw new Error('summary columns must not take parameters');
    // "select …, (…) as "parent_name" from …": Kysely selects aliased expressions, so the
    // text goes in as one expression aliased with the last column's name.
    const text = /^select (.*) as "parent_name" from "customers" as "c"$/s.exec(query.sql)?.[1];
    if (!text) throw new Error(`unexpected summary SQL: ${query.sql}`);
    compiled = sql.raw(text).as('parent_name');
    compiledSummaries.set(db, compiled);
  }
  return compiled;
}

export type SummaryRow = CustomerRow & {
  first_email: string | null;
  first_phone: string | null;
  tag_list: unknown;
  attribute_list: unknown;
  employer: string | null;
  parent_name: string | null;
  metrics: unknown;
};

export function createCustomerListRepository(db: Kysely<DB>) {
  const summary = summarySelection(db);
  return {
    /** Rows with their list content, by id, in no particular order. */
    async summaryRows(workspaceId: string, ids: string[]): Promise<SummaryRow[]> {
      if (ids.length === 0) return [];
      return (await db
        .selectFrom('customers as c')
        .selectAll('c')
        .select(summary)
        .where('c.workspace_id', '=', workspaceId)
        .where('c.id', 'in', ids)
        .execute()) as SummaryRow[];
    },

    /** One page in (sort key, id) order, after the cursor; one more row than asked tells if there is a next page. */
    async listPage(spec: ListSpec): Promise<(SummaryRow & { sort_key: string | number })[]> {
      const key = sortExpression(spec.sort, spec.order);
      const clauses = whereClauses(spec, dialectOf(db));
      if (spec.after) {
        const { value, id } = spec.after;
        clauses.push(
          spec.order === 'asc'
            ? sql<SqlBool>`(${key} > ${value} or (${key} = ${value} and c.id > ${id}))`
            : sql<SqlBool>`(${key} < ${value} or (${key} = ${value} and c.id < ${id}))`,
        );
      }
      return (await db
        .selectFrom('customers as c')
        .selectAll('c')
        .select(summary)
        .select(key.as('sort_key'))
        .where(all(clauses))
        .orderBy(key, spec.order)
        .orderBy('c.id', spec.order)
        .limit(spec.limit + 1)
        .execute()) as (SummaryRow & { sort_key: string | number })[];
    },

    async count(spec: ListSpec): Promise<number> {
      const row = await db
        .selectFrom('customers as c')
        .select(sql<number>`count(*)`.as('n'))
        .where(all(whereClauses(spec, dialectOf(db))))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /**
     * Quick search in two steps that each stop early: names starting with the first word
     * (an index range on sort_name), then any other match in table order. Never a sort of
     * every match, so a common word costs as little as a rare one.
     */
    async search(workspaceId: string, words: string[], limit: number): Promise<SummaryRow[]> {
      const first = words[0] ?? '';
      const matches = [sql<SqlBool>`c.workspace_id = ${workspaceId}`, sql<SqlBool>`c.deleted_at is null`, ...words.map((w) => sql<SqlBool>`c.search_text like ${like(w)} escape '\\'`)];
      const prefixed = (await db
        .selectFrom('customers as c')
        .selectAll('c')
        .select(summary)
        .where(all([...matches, sql<SqlBool>`c.sort_name >= ${first}`, sql<SqlBool>`c.sort_name < ${`${first}\uffff`}`]))
        .orderBy('c.sort_name')
        .orderBy('c.id')
        .limit(limit)
        .execute()) as SummaryRow[];
      if (prefixed.length >= limit) return prefixed;
      const seen = prefixed.map((r) => r.id);
      const others = (await db
        .selectFrom('customers as c')
        .selectAll('c')
        .select(summary)
        .where(all([...matches, ...(seen.length ? [sql<SqlBool>`c.id not in (${sql.join(seen)})`] : [])]))
        .limit(limit - prefixed.length)
        .execute()) as SummaryRow[];
      return [...prefixed, ...others.toSorted((a, b) => (a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : 0))];
    },
  };
}
