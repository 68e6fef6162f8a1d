import type { Kysely } from 'kysely';
import type { SourceReportRow, SourcesReport } from '../../contracts/acquisition-reports.ts';
import type { DB } from '../../db/schema.ts';
import { currencyExponent } from '../imports/number-values.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createSourcesReportRepository } from './sources-report.repository.ts';

/** The fewest customers a source needs to be named the best: fewer say little. */
const BEST_MIN_CUSTOMERS = 3;

interface Sums {
  customers: number; buyers: number; revenue90: number; revenue365: number; revenue: number;
  profit90: number | null; profit365: number | null; profit: number | null; predicted: number | null; cost: number;
  /** Sales whose cost of goods is unknown: with any, ROI is on revenue. */
  uncosted: number;
  /** Revenue and profit by 30-day month since acquisition. */
  months: Map<number, { revenue: number; profit: number | null }>;
}

const empty = (): Sums => ({ customers: 0, buyers: 0, revenue90: 0, revenue365: 0, revenue: 0, profit90: null, profit365: null, profit: null, predicted: null, cost: 0, uncosted: 0, months: new Map() });
const addMaybe = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

function addTo(s: Sums, r: Omit<Sums, 'cost' | 'months'>): void {
  s.customers += r.customers; s.buyers += r.buyers; s.uncosted += r.uncosted; s.revenue90 += r.revenue90; s.revenue365 += r.revenue365; s.revenue += r.revenue;
  s.profit90 = addMaybe(s.profit90, r.profit90); s.profit365 = addMaybe(s.profit365, r.profit365); s.profit = addMaybe(s.profit, r.profit); s.predicted = addMaybe(s.predicted, r.predicted);
}

function addMonth(s: Sums, index: number, revenue: number, profit: number | null): void {
  const m = s.months.get(index) ?? { revenue: 0, profit: null };
  m.revenue += revenue;
  m.profit = addMaybe(m.profit, profit);
  s.months.set(index, m);
}

const perUnit = (cost: number, n: number) => (cost > 0 && n > 0 ? Math.round(cost / n) : null);

function rowOf(level: SourceReportRow['level'], names: Pick<SourceReportRow, 'channel' | 'source' | 'sourceId' | 'campaign' | 'campaignId'>, s: Sums): SourceReportRow {
  const roiBasis = s.profit !== null && s.uncosted === 0 ? 'profit' : 'revenue';
  const earned = roiBasis === 'profit' ? s.profit! : s.revenue;
  let paybackMonth: number | null = null;
  if (s.cost > 0) {
    let running = 0;
    for (const index of [...s.months.keys()].toSorted((a, b) => a - b)) {
      const m = s.months.get(index)!;
      running += roiBasis === 'profit' ? (m.profit ?? 0) : m.revenue;
      if (running >= s.cost) {
        paybackMonth = index + 1;
        break;
      }
    }
  }
  return {
    level, ...names,
    customers: s.customers, buyers: s.buyers, revenue90: s.revenue90, revenue365: s.revenue365, revenue: s.revenue,
    profit90: s.profit90, profit365: s.profit365, profit: s.profit, predicted12m: s.predicted === null ? null : Math.round(s.predicted),
    cost: s.cost, costPerCustomer: perUnit(s.cost, s.customers), costPerBuyer: perUnit(s.cost, s.buyers),
    roi: s.cost > 0 ? Math.round(((earned - s.cost) / s.cost) * 10_000) / 10_000 : null, roiBasis, paybackMonth,
    valuePerCustomer: s.customers > 0 ? Math.round(s.revenue / s.customers) : null,
  };
}

/**
 * The Sources report for customers acquired in a period: per channel, source and campaign (and in
 * total) what they brought and what they cost; a trend by month of acquisition; the best source.
 * Every sum over purchases is made in SQL (sources-report.repository.ts); this adds groups up.
 */
export async function sourcesReport(db: Kysely<DB>, workspaceId: string, period: { from?: string | undefined; to?: string | undefined }): Promise<SourcesReport> {
  const workspace = (await createWorkspacesRepository(db).getWorkspace(workspaceId))!;
  const scope = { workspaceId, currency: workspace.base_currency, timeZone: workspace.time_zone, from: period.from ?? null, to: period.to ?? null };
  const repo = createSourcesReportRepository(db);
  const [{ cohorts, months }, costs, taxonomy] = await Promise.all([repo.cohortsAndMonths(scope), repo.costs(scope), repo.taxonomy(workspaceId)]);
  const sources = new Map(taxonomy.sources.map((s) => [s.id, s]));
  const campaigns = new Map(taxonomy.campaigns.map((c) => [c.id, c]));

  const total = empty();
  const bySource = new Map<string | null, Sums>();
  const byCampaign = new Map<string, Sums>();
  const trend = new Map<string, { month: string; customers: number; buyers: number; revenue90: number; revenue: number; cost: number }>();
  const sumsOf = <K>(map: Map<K, Sums>, key: K) => map.get(key) ?? map.set(key, empty()).get(key)!;
  const knownSource = (id: string | null) => (id !== null && sources.has(id) ? id : null);

  for (const c of cohorts) {
    addTo(total, c);
    addTo(sumsOf(bySource, knownSource(c.sourceId)), c);
    if (c.campaignId && campaigns.has(c.campaignId)) addTo(sumsOf(byCampaign, c.campaignId), c);
    const t = trend.get(c.month) ?? { month: c.month, customers: 0, buyers: 0, revenue90: 0, revenue: 0, cost: 0 };
    t.customers += c.customers; t.buyers += c.buyers; t.revenue90 += c.revenue90; t.revenue += c.revenue;
    trend.set(c.month, t);
  }
  for (const m of months) {
    addMonth(total, m.monthIndex, m.revenue, m.profit);
    addMonth(sumsOf(bySource, knownSource(m.sourceId)), m.monthIndex, m.revenue, m.profit);
    if (m.campaignId && campaigns.has(m.campaignId)) addMonth(sumsOf(byCampaign, m.campaignId), m.monthIndex, m.revenue, m.profit);
  }
  for (const k of costs) {
    const campaign = campaigns.get(k.campaignId);
    total.cost += k.amount;
    sumsOf(byCampaign, k.campaignId).cost += k.amount;
    sumsOf(bySource, knownSource(campaign?.source_id ?? null)).cost += k.amount;
    const t = trend.get(k.month) ?? { month: k.month, customers: 0, buyers: 0, revenue90: 0, revenue: 0, cost: 0 };
    t.cost += k.amount;
    trend.set(k.month, t);
  }

  // Channels hold their sources; the unknown source is a channel of its own (null).
  const channels = new Map<string, { name: string; sums: Sums; sources: string[] }>();
  for (const id of bySource.keys()) {
    if (id === null) continue;
    const s = sources.get(id)!;
    const ch = channels.get(s.channel_key) ?? { name: s.channel, sums: empty(), sources: [] };
    ch.sources.push(id);
    channels.set(s.channel_key, ch);
  }
  const rows: SourceReportRow[] = [rowOf('total', { channel: null, source: null, sourceId: null, campaign: null, campaignId: null }, total)];
  const campaignRows = (sourceId: string | null, channel: string | null, source: string | null) =>
    [...byCampaign.entries()]
      .filter(([id]) => knownSource(campaigns.get(id)?.source_id ?? null) === sourceId)
      .toSorted(([a], [b]) => campaigns.get(a)!.name.localeCompare(campaigns.get(b)!.name))
      .map(([id, sums]) => rowOf('campaign', { channel, source, sourceId, campaign: campaigns.get(id)!.name, campaignId: id }, sums));
  for (const [, ch] of [...channels.entries()].toSorted(([a], [b]) => a.localeCompare(b))) {
    const sourceRows: SourceReportRow[] = [];
    for (const id of ch.sources.toSorted((a, b) => sources.get(a)!.name_key.localeCompare(sources.get(b)!.name_key))) {
      const sums = bySource.get(id)!;
      addTo(ch.sums, sums);
      ch.sums.cost += sums.cost;
      for (const [index, m] of sums.months) addMonth(ch.sums, index, m.revenue, m.profit);
      const s = sources.get(id)!;
      sourceRows.push(rowOf('source', { channel: s.channel, source: s.name, sourceId: id, campaign: null, campaignId: null }, sums), ...campaignRows(id, s.channel, s.name));
    }
    rows.push(rowOf('channel', { channel: ch.name, source: null, sourceId: null, campaign: null, campaignId: null }, ch.sums), ...sourceRows);
  }
  const unknown = bySource.get(null);
  if (unknown) rows.push(rowOf('source', { channel: null, source: null, sourceId: null, campaign: null, campaignId: null }, unknown), ...campaignRows(null, null, null));

  const best = bestSource(rows);
  return {
    currency: workspace.base_currency,
    from: scope.from,
    to: scope.to,
    rows,
    trend: [...trend.values()].toSorted((a, b) => a.month.localeCompare(b.month)),
    best,
    headline: best ? `Customers who came from ${best.source} (${best.channel}) are worth the most: ${money(best.valuePerCustomer, workspace.base_currency)} ${workspace.base_currency} each to date, ${best.times.toFixed(1)}× the average of ${money(best.averagePerCustomer, workspace.base_currency)}.` : null,
  };
}

function bestSource(rows: SourceReportRow[]): SourcesReport['best'] {
  const known = rows.filter((r) => r.level === 'source' && r.sourceId !== null && r.customers > 0);
  // With one source there is nothing to compare it with: it is not "the best".
  if (known.length < 2) return null;
  const customers = known.reduce((n, r) => n + r.customers, 0);
  if (!customers) return null;
  const average = known.reduce((n, r) => n + r.revenue, 0) / customers;
  const candidates = known.filter((r) => r.customers >= BEST_MIN_CUSTOMERS);
  const top = candidates.toSorted((a, b) => b.revenue / b.customers - a.revenue / a.customers || b.customers - a.customers)[0];
  if (!top || average <= 0) return null;
  const value = top.revenue / top.customers;
  return { channel: top.channel!, source: top.source!, sourceId: top.sourceId!, customers: top.customers, valuePerCustomer: Math.round(value), averagePerCustomer: Math.round(average), times: Math.round((value / average) * 100) / 100 };
}

const money = (minor: number, currency: string) => (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));
