import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Attribute } from '../../contracts/attributes.ts';
import type { DB } from '../../db/schema.ts';
import { badRequest } from '../../shared/errors.ts';
import type { FilterContext } from '../filters/filter-compiler.ts';
import { createSegmentsRepository } from '../segments/segments.repository.ts';
import { membership } from '../segments/segments.usecases.ts';

type Lang = 'en' | 'ru';

/**
 * A report dimension: which group(s) each customer is in. `mapping` selects (customer_id, grp)
 * from live customers `c` matching the report's filter; a customer may be in several groups
 * (segments overlap; several choices) or in one "unknown" group ('').
 */
export interface Dimension {
  key: string;
  label: string;
  mapping: RawBuilder<unknown>;
  /** Group keys in the order shown, with labels; groups found but not listed come after, by label. */
  groups: { key: string; label: string }[];
  unknownLabel: string;
}

const LABELS: Record<Lang, Record<string, Record<string, string>>> = {
  en: {
    tier: { gold: 'Gold', silver: 'Silver', other: 'Other' },
    lapse: { active: 'Active', due: 'Due', at_risk: 'At risk', lapsed: 'Lapsed' },
    rfm: { champions: 'Champions', loyal: 'Loyal', potential_loyalist: 'Potential loyalists', new: 'New', promising: 'Promising', need_attention: 'Need attention', about_to_sleep: 'About to sleep', at_risk: 'At risk', cant_lose: 'Can’t lose them', hibernating: 'Hibernating', lost: 'Lost' },
    kind: { person: 'People', organisation: 'Organisations' },
    names: { noTier: 'No tier (no revenue in the last 365 days)', segment: 'Segment', tier: 'Tier', rfm: 'RFM segment', lapse: 'Lapse state', source: 'Source', channel: 'Channel', campaign: 'Campaign', kind: 'Kind', country: 'Country', city: 'City', none: 'All customers', unknown: 'Unknown', noValue: 'No purchases yet', yes: 'Yes', no: 'No' },
  },
  ru: {
    tier: { gold: 'Золото', silver: 'Серебро', other: 'Прочие' },
    lapse: { active: 'Покупает', due: 'Пора покупать', at_risk: 'Риск ухода', lapsed: 'Не покупает' },
    rfm: { champions: 'Чемпионы', loyal: 'Лояльные', potential_loyalist: 'Потенциально лояльные', new: 'Новые', promising: 'Перспективные', need_attention: 'Требуют внимания', about_to_sleep: 'Засыпающие', at_risk: 'В зоне риска', cant_lose: 'Нельзя потерять', hibernating: 'Спящие', lost: 'Потерянные' },
    kind: { person: 'Люди', organisation: 'Организации' },
    names: { noTier: 'Без уровня (нет выручки за 365 дней)', segment: 'Сегмент', tier: 'Уровень', rfm: 'RFM-сегмент', lapse: 'Состояние', source: 'Источник', channel: 'Канал', campaign: 'Кампания', kind: 'Тип', country: 'Страна', city: 'Город', none: 'Все клиенты', unknown: 'Не указано', noValue: 'Ещё не покупали', yes: 'Да', no: 'Нет' },
  },
};

const fixed = (labels: Record<string, string>) => Object.entries(labels).map(([key, label]) => ({ key, label }));

/** Live customers of the workspace matching the report's filter. */
export function liveCustomers(workspaceId: string, filter: Expression<SqlBool> | null): RawBuilder<unknown> {
  return sql`c.workspace_id = ${workspaceId} and c.deleted_at is null${filter ? sql` and ${filter}` : sql``}`;
}

const metricGroup = (column: string, workspaceId: string, filter: Expression<SqlBool> | null) =>
  sql`select c.id as customer_id, coalesce(m.${sql.ref(column)}, '') as grp from customers c
    left join customer_metrics m on m.workspace_id = c.workspace_id and m.customer_id = c.id where ${liveCustomers(workspaceId, filter)}`;

export async function resolveDimension(db: Kysely<DB>, workspaceId: string, spec: string, ctx: FilterContext, filter: Expression<SqlBool> | null, lang: Lang): Promise<Dimension> {
  const L = LABELS[lang];
  const names = L.names!;
  const [kind, rest] = spec.includes(':') ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : [spec, ''];
  const where = liveCustomers(workspaceId, filter);
  switch (kind) {
    case 'none':
      return { key: 'none', label: names.none!, mapping: sql`select c.id as customer_id, 'all' as grp from customers c where ${where}`, groups: [{ key: 'all', label: names.none! }], unknownLabel: names.unknown! };
    case 'tier':
    case 'lapse':
    case 'rfm': {
      const column = kind === 'tier' ? 'tier' : kind === 'lapse' ? 'lapse_state' : 'rfm_segment';
      return { key: kind, label: names[kind]!, mapping: metricGroup(column, workspaceId, filter), groups: fixed(L[kind]!), unknownLabel: kind === 'tier' ? names.noTier! : names.noValue! };
    }
    case 'kind':
      return { key: kind, label: names.kind!, mapping: sql`select c.id as customer_id, c.kind as grp from customers c where ${where}`, groups: fixed(L.kind!), unknownLabel: names.unknown! };
    case 'country':
    case 'city': {
      const rows = await sql<{ grp: string; label: string }>`select rapport_fold(c.${sql.ref(kind)}) as grp, min(c.${sql.ref(kind)}) as label from customers c
        where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.${sql.ref(kind)} is not null group by rapport_fold(c.${sql.ref(kind)})`.execute(db);
      return {
        key: kind, label: names[kind]!, unknownLabel: names.unknown!,
        mapping: sql`select c.id as customer_id, coalesce(rapport_fold(c.${sql.ref(kind)}), '') as grp from customers c where ${where}`,
        groups: rows.rows.map((r) => ({ key: r.grp, label: r.label })).toSorted((a, b) => a.label.localeCompare(b.label)),
      };
    }
    case 'source':
    case 'channel': {
      const sources = await db.selectFrom('sources').select(['id', 'name', 'channel', 'channel_key']).where('workspace_id', '=', workspaceId).orderBy('channel_key').orderBy('name_key').execute();
      if (kind === 'source') {
        return { key: kind, label: names.source!, unknownLabel: names.unknown!, mapping: sql`select c.id as customer_id, coalesce(c.source_id, '') as grp from customers c where ${where}`, groups: sources.map((s) => ({ key: s.id, label: `${s.channel} → ${s.name}` })) };
      }
      const channels = [...new Map(sources.map((s) => [s.channel_key, s.channel])).entries()].map(([key, label]) => ({ key, label }));
      return {
        key: kind, label: names.channel!, unknownLabel: names.unknown!, groups: channels,
        mapping: sql`select c.id as customer_id, coalesce(s.channel_key, '') as grp from customers c left join sources s on s.workspace_id = c.workspace_id and s.id = c.source_id where ${where}`,
      };
    }
    case 'campaign': {
      const campaigns = await db.selectFrom('campaigns').select(['id', 'name']).where('workspace_id', '=', workspaceId).orderBy('name_key').execute();
      return { key: kind, label: names.campaign!, unknownLabel: names.unknown!, mapping: sql`select c.id as customer_id, coalesce(c.campaign_id, '') as grp from customers c where ${where}`, groups: campaigns.map((k) => ({ key: k.id, label: k.name })) };
    }
    case 'segment': {
      const all = await createSegmentsRepository(db).list(workspaceId);
      const ids = rest ? rest.split(',').map((s) => s.trim()).filter(Boolean) : all.map((s) => s.id);
      const chosen = ids.map((id) => all.find((s) => s.id === id || s.name === id) ?? null);
      const missing = ids.find((_, i) => !chosen[i]);
      if (missing !== undefined) throw badRequest('reports.unknown_segment', `There is no segment "${missing}"`, { field: 'by' });
      if (chosen.length === 0) throw badRequest('reports.no_segments', 'There are no saved segments yet: save a filter as a segment first', { field: 'by' });
      const parts = chosen.map((s) => {
        const member = membership(s!, ctx, lang);
        return sql`select c.id as customer_id, ${s!.id} as grp from customers c where ${where}${member ? sql` and ${member}` : sql``}`;
      });
      return { key: `segment${rest ? `:${rest}` : ''}`, label: names.segment!, unknownLabel: names.unknown!, mapping: sql.join(parts, sql` union all `), groups: chosen.map((s) => ({ key: s!.id, label: s!.name })) };
    }
    default:
      return attributeDimension(spec.startsWith('attribute:') ? rest : spec.startsWith('attr.') ? spec.slice(5) : spec, ctx.attributes, where, names);
  }
}

function attributeDimension(key: string, attributes: Attribute[], where: RawBuilder<unknown>, names: Record<string, string>): Dimension {
  const attribute = attributes.find((a) => a.key.toLowerCase() === key.toLowerCase());
  if (!attribute) {
    throw badRequest('reports.unknown_dimension', `Cannot group by "${key}": use segment, tier, rfm, lapse, source, channel, campaign, kind, country, city, none or an attribute's key (${attributes.map((a) => a.key).join(', ') || 'there are none'})`, { field: 'by' });
  }
  const value = (column: string) => sql`(select av.${sql.ref(column)} from attribute_values av where av.workspace_id = c.workspace_id and av.customer_id = c.id and av.attribute_id = ${attribute.id})`;
  const base = { key: `attribute:${attribute.key}`, label: attribute.label, unknownLabel: names.unknown! };
  switch (attribute.type) {
    case 'multichoice': {
      // One row per option held (stored as a JSON list of option ids), or '' for none.
      const parts = attribute.options.map((o) => sql`select c.id as customer_id, ${o.id} as grp from customers c where ${where} and ${value('value_text')} like ${`%"${o.id}"%`}`);
      const none = sql`select c.id as customer_id, '' as grp from customers c where ${where} and coalesce(${value('value_text')}, '[]') = '[]'`;
      return { ...base, mapping: sql.join([...parts, none], sql` union all `), groups: attribute.options.map((o) => ({ key: o.id, label: o.label })) };
    }
    case 'choice':
      return { ...base, mapping: sql`select c.id as customer_id, coalesce(${value('value_text')}, '') as grp from customers c where ${where}`, groups: attribute.options.map((o) => ({ key: o.id, label: o.label })) };
    case 'boolean':
      return {
        ...base,
        mapping: sql`select c.id as customer_id, coalesce(cast(cast(${value('value_number')} as integer) as text), '') as grp from customers c where ${where}`,
        groups: [{ key: '1', label: names.yes! }, { key: '0', label: names.no! }],
      };
    case 'number':
    case 'money':
      return { ...base, mapping: sql`select c.id as customer_id, coalesce(cast(${value('value_number')} as text), '') as grp from customers c where ${where}`, groups: [] };
    case 'date':
      return { ...base, mapping: sql`select c.id as customer_id, coalesce(cast(${value('value_date')} as text), '') as grp from customers c where ${where}`, groups: [] };
    default:
      return { ...base, mapping: sql`select c.id as customer_id, coalesce(${value('value_text')}, '') as grp from customers c where ${where}`, groups: [] };
  }
}
