import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Attribute } from '../../contracts/attributes.ts';
import { FilterSyntaxError, nearestName, type CompareOp, type FilterNode, type FilterValue, type TimeUnit, type ValueKind } from '../../contracts/filter-syntax.ts';
import type { DialectName } from '../../db/dialect.ts';
import { zoneMidnight } from '../../db/zone-sql.ts';
import { addDays, sameDayInYear } from '../../shared/days.ts';
import { escapeLike, normalizeText, phoneDigits } from '../../shared/text.ts';
import { ALIASES, builtInNames, FUNCTIONS, RELATION_FIELDS, SCALAR_FIELDS, type RelationField, type ScalarField } from './filter-fields.ts';

/** A saved segment as a filter can name it. */
export interface SegmentRef {
  id: string;
  name: string;
  kind: 'dynamic' | 'snapshot';
  filter: string;
}

/** What compiling needs besides the tree: the workspace's names, zone, currency and day. */
export interface FilterContext {
  dialect: DialectName;
  zone: string;
  /** The workspace's today, YYYY-MM-DD: "N days ago" counts from it. */
  today: string;
  currencyExponent: number;
  attributes: Attribute[];
  segments: SegmentRef[];
  /** Parses a segment's stored filter (injected: the parser lives in contracts). */
  parse: (text: string) => FilterNode | null;
}

type Leaf = Extract<FilterNode, { type: 'compare' | 'in' | 'set' }>;
type Bool = Expression<SqlBool>;

const TRUE = sql<SqlBool>`(1 = 1)`;
const fail = (problem: ConstructorParameters<typeof FilterSyntaxError>[0]): never => {
  throw new FilterSyntaxError(problem);
};

/**
 * The tree as one SQL condition on a customer row `c`, every value a parameter. Each condition
 * is true or false, never unknown, so "not" reads as a person would: `not tier = gold` keeps
 * the customers who have no tier.
 */
export function compileFilter(node: FilterNode, ctx: FilterContext, segmentsSeen: string[] = []): Bool {
  switch (node.type) {
    case 'and':
    case 'or':
      return sql<SqlBool>`(${sql.join(node.items.map((item) => compileFilter(item, ctx, segmentsSeen)), node.type === 'and' ? sql` and ` : sql` or `)})`;
    case 'not':
      return sql<SqlBool>`(not ${compileFilter(node.item, ctx, segmentsSeen)})`;
    case 'call':
      return compileCall(node, ctx);
    default:
      return compileLeaf(node, ctx, segmentsSeen);
  }
}

function resolveName(raw: string): string {
  const name = raw.toLowerCase();
  return ALIASES[name] ?? name;
}

function compileLeaf(node: Leaf, ctx: FilterContext, segmentsSeen: string[]): Bool {
  const name = resolveName(node.field);
  const scalar = SCALAR_FIELDS[name];
  if (scalar) return compileScalar(name, scalar, node, ctx);
  if ((RELATION_FIELDS as readonly string[]).includes(name)) return compileRelation(name as RelationField, node, ctx, segmentsSeen);
  const key = name.startsWith('attr.') ? name.slice(5) : name;
  const attribute = ctx.attributes.find((a) => a.key.toLowerCase() === key);
  if (attribute) return compileAttribute(attribute, node, ctx);
  return fail({ code: 'unknown_field', at: node.at, field: node.field, suggestion: nearestName(name, [...builtInNames(), ...ctx.attributes.map((a) => a.key)]) });
}

// ——— Values ———

function found(value: FilterValue): string {
  switch (value.kind) {
    case 'text':
      return `"${value.text}"`;
    case 'number':
      return String(value.value);
    case 'date':
      return value.day;
    case 'bool':
      return value.value ? 'yes' : 'no';
    case 'ago':
      return `${value.amount} ${value.unit}s ago`;
    case 'duration':
      return `${value.amount} ${value.unit}s`;
  }
}

function mismatch(field: string, expects: ValueKind, value: FilterValue): never {
  return fail({ code: 'type_mismatch', at: value.at, field, expects, found: found(value) });
}

function asNumber(field: string, value: FilterValue, money: boolean, ctx: FilterContext): number {
  let n: number | null = null;
  if (value.kind === 'number') n = value.value;
  else if (value.kind === 'text' && /^-?\d+(\.\d+)?$/.test(value.text.trim())) n = Number(value.text);
  if (n === null) return mismatch(field, money ? 'money' : 'number', value);
  return money ? Math.round(n * 10 ** ctx.currencyExponent) : n;
}

/** The day "N units ago" from the workspace's today; months and years keep the day of the month (31 → 30 or 28/29). */
export function dayAgo(today: string, amount: number, unit: TimeUnit): string {
  if (unit === 'day') return addDays(today, -amount);
  if (unit === 'week') return addDays(today, -7 * amount);
  const months = unit === 'year' ? 12 * amount : amount;
  const total = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(today.slice(8, 10)), lastDay);
  if (unit === 'year' && today.slice(5) === '02-29') return sameDayInYear(today, year);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function asDay(field: string, value: FilterValue, ctx: FilterContext): string {
  if (value.kind === 'date') return value.day;
  if (value.kind === 'ago') return dayAgo(ctx.today, value.amount, value.unit);
  if (value.kind === 'text' && /^\d{4}-\d{2}-\d{2}$/.test(value.text) && new Date(`${value.text}T00:00:00Z`).toISOString().startsWith(value.text)) return value.text;
  return mismatch(field, 'date', value);
}

function asText(field: string, value: FilterValue): string {
  if (value.kind === 'text') return value.text;
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'date') return value.day;
  return mismatch(field, 'text', value);
}

function asBool(field: string, value: FilterValue): boolean {
  if (value.kind === 'bool') return value.value;
  if (value.kind === 'number' && (value.value === 0 || value.value === 1)) return value.value === 1;
  return mismatch(field, 'boolean', value);
}

/** "Can't lose" → cant_lose: a choice written as its label or its key. */
function choiceKey(text: string): string {
  return normalizeText(text).replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_|_$/g, '');
}

function asChoice(field: string, value: FilterValue, choices: readonly string[]): string {
  const key = choiceKey(asText(field, value));
  if (choices.includes(key)) return key;
  return fail({ code: 'unknown_choice', at: value.at, field, value: asText(field, value), choices: [...choices], suggestion: nearestName(key, choices) });
}

const like = (text: string, op: 'contains' | 'starts') => `${op === 'contains' ? '%' : ''}${escapeLike(text)}%`;

function checkOp(field: string, node: Leaf, allowed: string[]): void {
  const op = node.type === 'compare' ? node.op : node.type === 'in' ? (node.negated ? 'not in' : 'in') : 'is set';
  const shown = op === 'starts' ? 'starts with' : op;
  if (!allowed.includes(shown)) fail({ code: 'bad_operator', at: node.at, field, op: shown, allowed });
}

const ORDERED = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'is set'];
const EQUALITY = ['=', '!=', 'in', 'not in', 'is set'];
const TEXTUAL = ['=', '!=', 'contains', 'starts with', 'in', 'not in', 'is set'];

/** A comparison that is false (not unknown) when the value is missing; != and "not in" are true then. */
function nullSafe(value: RawBuilder<unknown> | Expression<unknown>, op: CompareOp | 'in' | 'not in', param: unknown): Bool {
  switch (op) {
    case '=':
      return sql<SqlBool>`(${value} is not null and ${value} = ${param})`;
    case '!=':
      return sql<SqlBool>`(${value} is null or ${value} <> ${param})`;
    case '<':
      return sql<SqlBool>`(${value} is not null and ${value} < ${param})`;
    case '<=':
      return sql<SqlBool>`(${value} is not null and ${value} <= ${param})`;
    case '>':
      return sql<SqlBool>`(${value} is not null and ${value} > ${param})`;
    case '>=':
      return sql<SqlBool>`(${value} is not null and ${value} >= ${param})`;
    case 'in':
      return sql<SqlBool>`(${value} is not null and ${value} in (${sql.join(param as unknown[])}))`;
    case 'not in':
      return sql<SqlBool>`(${value} is null or ${value} not in (${sql.join(param as unknown[])}))`;
    case 'contains':
    case 'starts':
      return sql<SqlBool>`(${value} is not null and ${value} like ${like(String(param), op)} escape '\\')`;
  }
}

function leafOp(node: Leaf): CompareOp | 'in' | 'not in' {
  return node.type === 'compare' ? node.op : node.type === 'in' ? (node.negated ? 'not in' : 'in') : '=';
}

function leafValues(node: Leaf): FilterValue[] {
  return node.type === 'compare' ? [node.value] : node.type === 'in' ? node.values : [];
}

/**
 * A condition on the customer's metrics row as membership in the metrics rows that satisfy it:
 * one uncorrelated subquery the planner can start from or hash, where a correlated scalar
 * subquery ran for every customer (twice, with its null check). False without a metrics row,
 * as the null-safe comparison of the value is; `!=` and `not in` are "not a member of `=` / `in`".
 */
function metricMembership(column: string, node: Leaf, op: CompareOp | 'in' | 'not in', param: unknown): Bool {
  const member = (condition: Bool) => sql<SqlBool>`((c.workspace_id, c.id) in (select m.workspace_id, m.customer_id from customer_metrics m where ${condition}))`;
  const value = sql.ref(`m.${column}`);
  if (node.type === 'set') return node.negated ? sql<SqlBool>`(not ${member(sql<SqlBool>`${value} is not null`)})` : member(sql<SqlBool>`${value} is not null`);
  if (op === '!=') return sql<SqlBool>`(not ${member(nullSafe(value, '=', param))})`;
  if (op === 'not in') return sql<SqlBool>`(not ${member(nullSafe(value, 'in', param))})`;
  return member(nullSafe(value, op, param));
}

function compileScalar(field: string, def: ScalarField, node: Leaf, ctx: FilterContext): Bool {
  const set = (value: RawBuilder<unknown>, textual = false) =>
    node.type === 'set' ? (node.negated ? sql<SqlBool>`(${value} is null${textual ? sql` or ${value} = ''` : sql``})` : sql<SqlBool>`(${value} is not null${textual ? sql` and ${value} <> ''` : sql``})`) : null;
  const op = leafOp(node);
  const one = <T>(convert: (v: FilterValue) => T): T | T[] => (node.type === 'in' ? node.values.map(convert) : convert(leafValues(node)[0]!));
  switch (def.kind) {
    case 'text': {
      checkOp(field, node, TEXTUAL);
      const value = def.folded ? def.sql : sql`rapport_fold(${def.sql})`;
      return set(def.sql, true) ?? nullSafe(value, op, one((v) => normalizeText(asText(field, v))));
    }
    case 'number':
    case 'money': {
      checkOp(field, node, ORDERED);
      const value = def.zero ? sql`coalesce(${def.sql}, 0)` : def.sql;
      // PostgreSQL would bind `purchases > 2.5` as an integer (and fail): compare as numeric there.
      const param = (n: number) => (ctx.dialect === 'postgres' ? sql`cast(${n} as numeric)` : n);
      // A missing value read as zero may match (`revenue < 10`): those stay a comparison of the value.
      if (def.metric && !def.zero) return metricMembership(def.metric, node, op, node.type === 'set' ? null : one((v) => param(asNumber(field, v, def.kind === 'money', ctx))));
      return set(def.sql) ?? nullSafe(value, op, one((v) => param(asNumber(field, v, def.kind === 'money', ctx))));
    }
    case 'choice':
      checkOp(field, node, EQUALITY);
      if (def.metric) return metricMembership(def.metric, node, op, node.type === 'set' ? null : one((v) => asChoice(field, v, def.choices)));
      return set(def.sql) ?? nullSafe(def.sql, op, one((v) => asChoice(field, v, def.choices)));
    case 'boolean': {
      checkOp(field, node, ['=', '!=', 'is set']);
      return set(def.sql) ?? nullSafe(def.sql, op, asBool(field, leafValues(node)[0]!) ? 1 : 0);
    }
    case 'date': {
      checkOp(field, node, ORDERED.filter((o) => !o.includes('in')));
      const value = def.sql(ctx.dialect, ctx.zone);
      return set(value) ?? nullSafe(value, op, asDay(field, leafValues(node)[0]!, ctx));
    }
    case 'instant': {
      checkOp(field, node, ORDERED.filter((o) => !o.includes('in')));
      const done = set(def.sql);
      if (done) return done;
      // A day of the workspace is a range of instants: compare with its start or the next day's.
      const day = asDay(field, leafValues(node)[0]!, ctx);
      const start = zoneMidnight(ctx.dialect, sql`${day}`, ctx.zone, 0);
      const end = zoneMidnight(ctx.dialect, sql`${day}`, ctx.zone, 1);
      const v = def.sql;
      switch (op) {
        case '=':
          return sql<SqlBool>`(${v} is not null and ${v} >= ${start} and ${v} < ${end})`;
        case '!=':
          return sql<SqlBool>`(${v} is null or ${v} < ${start} or ${v} >= ${end})`;
        case '<':
          return sql<SqlBool>`(${v} is not null and ${v} < ${start})`;
        case '<=':
          return sql<SqlBool>`(${v} is not null and ${v} < ${end})`;
        case '>':
          return sql<SqlBool>`(${v} is not null and ${v} >= ${end})`;
        default:
          return sql<SqlBool>`(${v} is not null and ${v} >= ${start})`;
      }
    }
  }
}

// ——— Relations matched by name ———

/**
 * A relation the customer has, matched by its folded name: `= x`, `in (…)`, `contains`, `starts
 * with`; `!=` and `not in` are "has none of these"; `is set` is "has any".
 */
function byName(field: string, node: Leaf, exists: (match: RawBuilder<unknown> | null) => Bool, nameSql: RawBuilder<unknown>): Bool {
  checkOp(field, node, TEXTUAL);
  if (node.type === 'set') return node.negated ? sql<SqlBool>`(not ${exists(null)})` : exists(null);
  const keys = leafValues(node).map((v) => normalizeText(asText(field, v)));
  const op = leafOp(node);
  if (op === 'contains' || op === 'starts') return exists(sql`${nameSql} like ${like(keys[0]!, op)} escape '\\'`);
  const match = exists(sql`${nameSql} in (${sql.join(keys)})`);
  return op === '!=' || op === 'not in' ? sql<SqlBool>`(not ${match})` : match;
}

const where = (condition: RawBuilder<unknown> | null) => (condition ? sql` and ${condition}` : sql``);

function compileRelation(field: RelationField, node: Leaf, ctx: FilterContext, segmentsSeen: string[]): Bool {
  switch (field) {
    case 'email':
    case 'phone': {
      checkOp(field, node, ['=', '!=', 'contains', 'is set']);
      const exists = (condition: RawBuilder<unknown> | null) =>
        sql<SqlBool>`exists (select 1 from customer_contacts cc where cc.workspace_id = c.workspace_id and cc.customer_id = c.id and cc.kind = ${field}${where(condition)})`;
      if (node.type === 'set') return node.negated ? sql<SqlBool>`(not ${exists(null)})` : exists(null);
      const raw = asText(field, leafValues(node)[0]!);
      const key = field === 'email' ? raw.trim().toLowerCase() : phoneDigits(raw);
      const op = leafOp(node);
      if (op === 'contains') return exists(sql`(lower(cc.value) like ${like(raw.toLowerCase(), 'contains')} escape '\\' or cc.match_key like ${like(key || raw, 'contains')} escape '\\')`);
      const match = exists(sql`cc.match_key = ${field === 'phone' ? key.slice(-10) : key}`);
      return op === '!=' ? sql<SqlBool>`(not ${match})` : match;
    }
    case 'tag':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from customer_tags ct join tags t on t.workspace_id = ct.workspace_id and t.id = ct.tag_id where ct.workspace_id = c.workspace_id and ct.customer_id = c.id${where(m)})`, sql`t.name_key`);
    case 'source':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from sources s where s.workspace_id = c.workspace_id and s.id = c.source_id${where(m)})`, sql`s.name_key`);
    case 'source.channel':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from sources s where s.workspace_id = c.workspace_id and s.id = c.source_id${where(m)})`, sql`s.channel_key`);
    case 'campaign':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from campaigns k where k.workspace_id = c.workspace_id and k.id = c.campaign_id${where(m)})`, sql`k.name_key`);
    case 'referred_by':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from customers r where r.workspace_id = c.workspace_id and r.id = c.referred_by_id${where(m)})`, sql`r.sort_name`);
    case 'reason':
    case 'exit_reason': {
      const kind = field === 'reason' ? 'choose' : 'exit';
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from customer_reasons cr join reasons rs on rs.workspace_id = cr.workspace_id and rs.id = cr.reason_id where cr.workspace_id = c.workspace_id and cr.customer_id = c.id and cr.kind = ${kind}${where(m)})`, sql`rs.name_key`);
    }
    case 'lost_reason':
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from reasons rs where rs.workspace_id = c.workspace_id and rs.id = c.lost_reason_id${where(m)})`, sql`rs.name_key`);
    case 'organisation':
      // The organisation they work at (people) or sit directly under (organisations).
      return byName(field, node, (m) => sql<SqlBool>`exists (select 1 from customers o where o.workspace_id = c.workspace_id and o.kind = 'organisation' and o.deleted_at is null
        and (o.id = c.parent_id or o.id in (select e.organisation_id from employments e where e.workspace_id = c.workspace_id and e.person_id = c.id))${where(m)})`, sql`o.sort_name`);
    case 'organisation.parent':
      return compileGroup(node);
    case 'segment':
      return compileSegment(node, ctx, segmentsSeen);
  }
}

/**
 * In the group of a named organisation: the organisation itself, every organisation under it at
 * any depth, and the people who work at any of them. UNION (not UNION ALL) stops at a cycle.
 */
const inTree = (roots: RawBuilder<unknown>) => sql<SqlBool>`c.id in (with recursive tree(id) as (
      select o.id from customers o where o.workspace_id = c.workspace_id and o.kind = 'organisation' and o.deleted_at is null and ${roots}
      union select ch.id from customers ch join tree on ch.parent_id = tree.id where ch.workspace_id = c.workspace_id and ch.deleted_at is null)
    select id from tree union select e.person_id from employments e where e.workspace_id = c.workspace_id and e.organisation_id in (select id from tree))`;

function compileGroup(node: Leaf): Bool {
  const field = 'organisation.parent';
  checkOp(field, node, ['=', '!=', 'in', 'not in', 'contains', 'starts with', 'is set']);
  if (node.type === 'set') {
    const any = sql<SqlBool>`(c.parent_id is not null or exists (select 1 from employments e where e.workspace_id = c.workspace_id and e.person_id = c.id))`;
    return node.negated ? sql<SqlBool>`(not ${any})` : any;
  }
  const keys = leafValues(node).map((v) => normalizeText(asText(field, v)));
  const op = leafOp(node);
  if (op === 'contains' || op === 'starts') return inTree(sql`o.sort_name like ${like(keys[0]!, op)} escape '\\'`);
  const match = inTree(sql`o.sort_name in (${sql.join(keys)})`);
  return op === '!=' || op === 'not in' ? sql<SqlBool>`(not ${match})` : match;
}

function compileSegment(node: Leaf, ctx: FilterContext, segmentsSeen: string[]): Bool {
  const field = 'segment';
  checkOp(field, node, ['=', '!=', 'in', 'not in']);
  const names = ctx.segments.map((s) => s.name);
  const parts = leafValues(node).map((value) => {
    const text = normalizeText(asText(field, value));
    const segment = ctx.segments.find((s) => normalizeText(s.name) === text);
    if (!segment) return fail({ code: 'unknown_choice', at: value.at, field, value: asText(field, value), choices: names.slice(0, 20), suggestion: nearestName(text, names) });
    if (segment.kind === 'snapshot') return sql<SqlBool>`exists (select 1 from segment_members sm where sm.workspace_id = c.workspace_id and sm.segment_id = ${segment.id} and sm.customer_id = c.id)`;
    if (segmentsSeen.includes(segment.id)) return fail({ code: 'segment_cycle', at: value.at, segment: segment.name });
    const tree = ctx.parse(segment.filter);
    return tree ? compileFilter(tree, ctx, [...segmentsSeen, segment.id]) : TRUE;
  });
  const any = parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  const op = leafOp(node);
  return op === '!=' || op === 'not in' ? sql<SqlBool>`(not ${any})` : any;
}

// ——— Custom attributes ———

function compileAttribute(attribute: Attribute, node: Leaf, ctx: FilterContext): Bool {
  const field = attribute.key;
  const exists = (condition: RawBuilder<unknown> | Bool) =>
    sql<SqlBool>`exists (select 1 from attribute_values av where av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${attribute.id} and ${condition})`;
  const column = attribute.type === 'number' || attribute.type === 'money' || attribute.type === 'boolean' ? sql`av.value_number` : attribute.type === 'date' ? sql`av.value_date` : sql`av.value_text`;
  if (node.type === 'set') {
    checkOp(field, node, ['is set']);
    const any = exists(sql`${column} is not null`);
    return node.negated ? sql<SqlBool>`(not ${any})` : any;
  }
  const op = leafOp(node);
  const negative = op === '!=' || op === 'not in';
  const positive = op === '!=' ? '=' : op === 'not in' ? 'in' : op;
  const wrap = (condition: Bool) => (negative ? sql<SqlBool>`(not ${exists(condition)})` : exists(condition));
  const values = leafValues(node);
  switch (attribute.type) {
    case 'number':
    case 'money': {
      checkOp(field, node, ORDERED);
      const params = values.map((v) => asNumber(field, v, attribute.type === 'money', ctx));
      return wrap(nullSafe(column, positive, positive === 'in' ? params : params[0]));
    }
    case 'boolean':
      checkOp(field, node, ['=', '!=', 'is set']);
      return wrap(nullSafe(column, '=', asBool(field, values[0]!) ? 1 : 0));
    case 'date':
      checkOp(field, node, ORDERED.filter((o) => !o.includes('in')));
      return wrap(nullSafe(column, positive, asDay(field, values[0]!, ctx)));
    case 'choice':
    case 'multichoice': {
      checkOp(field, node, EQUALITY);
      const labels = attribute.options.map((o) => o.label);
      const ids = values.map((value) => {
        const text = normalizeText(asText(field, value));
        const option = attribute.options.find((o) => normalizeText(o.label) === text);
        return option?.id ?? fail({ code: 'unknown_choice', at: value.at, field, value: asText(field, value), choices: labels, suggestion: nearestName(text, labels) });
      });
      // Several choices are stored as a JSON list of option ids.
      if (attribute.type === 'multichoice') return wrap(sql<SqlBool>`(${sql.join(ids.map((id) => sql`${column} like ${`%${escapeLike(`"${id}"`)}%`} escape '\\'`), sql` or `)})`);
      return wrap(nullSafe(column, 'in', ids));
    }
    default: {
      checkOp(field, node, TEXTUAL);
      const params = values.map((v) => normalizeText(asText(field, v)));
      return wrap(nullSafe(sql`rapport_fold(${column})`, positive, positive === 'in' ? params : params[0]));
    }
  }
}

// ——— Functions ———

function compileCall(node: Extract<FilterNode, { type: 'call' }>, ctx: FilterContext): Bool {
  const definition = FUNCTIONS[node.name];
  if (!definition) return fail({ code: 'unknown_function', at: node.at, name: node.name, suggestion: nearestName(node.name, Object.keys(FUNCTIONS)) });
  const conditions: RawBuilder<unknown>[] = [];
  let times = 1;
  for (const arg of node.args) {
    const kind = definition.args[arg.name];
    if (!kind) return fail({ code: 'bad_argument', at: arg.at, name: arg.name, function: node.name, allowed: Object.keys(definition.args) });
    const label = `${node.name}(${arg.name})`;
    switch (arg.name) {
      case 'product': {
        const key = normalizeText(asText(label, arg.value));
        const line = ctx.dialect === 'postgres'
          // Lines are stored as tuples [position, productCode, description, quantity, unitPrice, amountMinor] (encodeLines).
          ? sql`exists (select 1 from jsonb_array_elements(t.lines) l where rapport_fold(l->>1) = ${key} or rapport_fold(l->>2) = ${key})`
          : sql`exists (select 1 from json_each(t.lines) l where rapport_fold(json_extract(l.value, '$[1]')) = ${key} or rapport_fold(json_extract(l.value, '$[2]')) = ${key})`;
        conditions.push(sql`t.lines is not null and ${line}`);
        break;
      }
      case 'within': {
        if (arg.value.kind !== 'duration') return mismatch(label, 'duration', arg.value);
        // Within 180 days: on the last 180 days of the workspace, today included.
        const from = addDays(dayAgo(ctx.today, arg.value.amount, arg.value.unit), 1);
        conditions.push(sql`t.occurred_at >= ${zoneMidnight(ctx.dialect, sql`${from}`, ctx.zone, 0)}`);
        break;
      }
      case 'since':
        conditions.push(sql`t.occurred_at >= ${zoneMidnight(ctx.dialect, sql`${asDay(label, arg.value, ctx)}`, ctx.zone, 0)}`);
        break;
      case 'before':
        conditions.push(sql`t.occurred_at < ${zoneMidnight(ctx.dialect, sql`${asDay(label, arg.value, ctx)}`, ctx.zone, 0)}`);
        break;
      case 'campaign':
        conditions.push(sql`t.campaign_id in (select k.id from campaigns k where k.workspace_id = c.workspace_id and k.name_key = ${normalizeText(asText(label, arg.value))})`);
        break;
      case 'times':
        times = Math.max(1, Math.floor(asNumber(label, arg.value, false, ctx)));
        break;
    }
  }
  const sales = sql`from transactions t where t.workspace_id = c.workspace_id and t.customer_id = c.id and t.kind = 'sale'${sql.join(conditions.map((x) => sql` and ${x}`), sql``)}`;
  if (times === 1) return sql<SqlBool>`exists (select 1 ${sales})`;
  return sql<SqlBool>`((select count(*) ${sales}) >= ${times})`;
}
