/**
 * A deterministic (seeded) workspace for the Sources and Referrals reports: customers spread over
 * the default sources (some unknown) and acquired over two years, campaigns with sources and cost
 * lines, a share of customers brought by a campaign, referral chains (a forest: each referrer is
 * an earlier customer, so no loop; at most MAX_DEPTH links under a root), purchases with refunds
 * and known or unknown costs, and predicted values. Written with bulk inserts, not the API.
 *
 * It also returns the figures the reports must show, worked out here in JavaScript from what it
 * generated (the bench checks the reports and the reference queries against them).
 */
import { sql, type Kysely } from 'kysely';
import { bulkInsert } from '../src/db/bulk-insert.ts';
import type { CampaignCostsTable, CampaignsTable, CustomerMetricsTable, CustomersTable, DB, TransactionsTable } from '../src/db/schema.ts';
import { createAnalyticsRepository } from '../src/modules/analytics/analytics.repository.ts';
import { createCustomerMatchingRepository } from '../src/modules/customers/customer-matching.repository.ts';
import { createTransactionsRepository } from '../src/modules/transactions/transactions.repository.ts';
import { normalizeText } from '../src/shared/text.ts';
import { random } from './generate-customers.ts';

export interface AcquisitionScale {
  customers: number;
  campaigns: number;
  referrals: number;
}

export const FULL_SCALE: AcquisitionScale = { customers: 100_000, campaigns: 200, referrals: 20_000 };

/** The deepest chain: a root and up to this many referred customers below it, one under the other. */
export const MAX_DEPTH = 6;

const DAY = 86_400_000;
/** Acquisitions from 2024-01-01 to 2025-12-31; purchases up to the bench's "today". */
const START = Date.UTC(2024, 0, 1);
const SPAN_DAYS = 731;
export const TODAY = new Date('2026-01-01T12:00:00Z');

export interface Expected {
  customers: number;
  buyers: number;
  revenue: number;
  /** Per source id ('' for unknown) and per campaign id: live customers, buyers (a sale in the currency), revenue to date in it. */
  bySource: Map<string, { customers: number; buyers: number; revenue: number }>;
  byCampaign: Map<string, { customers: number; buyers: number; revenue: number }>;
  /** Per referrer: direct referrals, buyers among them, their revenue, and the whole subtree's revenue and size. */
  referrers: Map<string, { referrals: number; buyers: number; directRevenue: number; networkRevenue: number; networkSize: number; depth: number }>;
}

export interface GeneratedAcquisition {
  customers: number;
  deleted: number;
  sourced: number;
  withCampaign: number;
  referralLinks: number;
  deepest: number;
  /** How many referred customers sit at each depth (1 = referred by a root). */
  depths: number[];
  buyers: number;
  sales: number;
  refunds: number;
  otherCurrency: number;
  campaigns: number;
  costLines: number;
  metrics: number;
  expected: Expected;
}

/** A UUIDv7-shaped id from the seeded generator (the app's newId draws from the system's entropy). */
function seededId(next: () => number, ms: number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function generateAcquisition(db: Kysely<DB>, workspaceId: string, currency: string, scale: AcquisitionScale = FULL_SCALE, log: (line: string) => void = () => {}): Promise<GeneratedAcquisition> {
  const next = random(12);
  const between = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const exponential = (mean: number) => -Math.log(1 - next()) * mean;
  const now = TODAY.toISOString();

  // The workspace's default sources (created with it), weighted: a few big ones, a long tail.
  const sources = await db.selectFrom('sources').select(['id', 'channel_key', 'name_key']).where('workspace_id', '=', workspaceId).orderBy('channel_key').orderBy('name_key').execute();
  const referralSources = sources.filter((s) => s.channel_key === normalizeText('Referral')).map((s) => s.id);
  const paidSources = sources.filter((s) => s.channel_key !== normalizeText('Referral')).map((s) => s.id);
  const weighted: string[] = sources.flatMap((s, i) => Array.from({ length: 1 + ((i * 7) % 5) * 2 }, () => s.id));

  // Campaigns: each with a source, a run of 30–120 days, 1–3 cost lines in the workspace currency.
  const campaigns: CampaignsTable[] = [];
  const costs: CampaignCostsTable[] = [];
  const runs: { id: string; sourceId: string; from: number; to: number }[] = [];
  for (let k = 0; k < scale.campaigns; k++) {
    const from = START + between(0, SPAN_DAYS - 40) * DAY;
    const to = Math.min(START + (SPAN_DAYS - 1) * DAY, from + between(30, 120) * DAY);
    const name = `Campaign ${String(k + 1).padStart(3, '0')} ${pick(['spring', 'summer', 'autumn', 'winter', 'launch', 'sale', 'retarget'])}`;
    const id = seededId(next, from);
    const sourceId = pick(paidSources);
    campaigns.push({ workspace_id: workspaceId, id, name, name_key: normalizeText(name), source_id: sourceId, starts_on: isoDay(from), ends_on: isoDay(to), target_view_id: null, target_segment_id: null, response_days: null, notes: null, created_at: new Date(from).toISOString(), updated_at: now });
    runs.push({ id, sourceId, from, to });
    for (let line = between(1, 3); line > 0; line--) {
      const spent = from + between(0, Math.floor((to - from) / DAY)) * DAY;
      costs.push({ workspace_id: workspaceId, id: seededId(next, spent), campaign_id: id, spent_on: isoDay(spent), amount_minor: between(50, 5_000) * 100, currency, description: pick(['Ads', 'Print', 'Agency', null]), created_at: new Date(spent).toISOString() });
    }
  }
  await bulkInsert(db, 'campaigns', { workspace_id: 'text', id: 'text', name: 'text', name_key: 'text', source_id: 'text', starts_on: 'text', ends_on: 'text', target_view_id: 'text', target_segment_id: 'text', response_days: 'integer', notes: 'text', created_at: 'timestamp', updated_at: 'timestamp' }, campaigns);
  await bulkInsert(db, 'campaign_costs', { workspace_id: 'text', id: 'text', campaign_id: 'text', spent_on: 'text', amount_minor: 'bigint', currency: 'text', description: 'text', created_at: 'timestamp' }, costs);

  // Customers in order of acquisition: customer i is acquired on day ⌊i · span / n⌋ (at a random time of day).
  const n = scale.customers;
  const ids: string[] = [];
  const acquiredMs: number[] = [];
  for (let i = 0; i < n; i++) {
    acquiredMs.push(START + Math.floor((i * SPAN_DAYS) / n) * DAY + between(0, DAY / 1000 - 1) * 1000);
    ids.push(seededId(next, acquiredMs[i]!));
  }

  // Referral links: 20,000 customers (after the first thousand) referred by an earlier one —
  // often a recently referred customer (which makes chains), sometimes a busy "ambassador",
  // else anyone earlier; never below MAX_DEPTH.
  const depth = new Int8Array(n);
  const referrer = new Int32Array(n).fill(-1);
  const referredSet = new Set<number>();
  while (referredSet.size < Math.min(scale.referrals, n - 1_000)) referredSet.add(between(1_000, n - 1));
  const referred = [...referredSet].toSorted((a, b) => a - b);
  const ambassadors = Array.from({ length: 300 }, () => between(0, 999));
  const recent: number[] = [];
  for (const i of referred) {
    let j = -1;
    for (let attempt = 0; attempt < 20 && (j < 0 || depth[j]! >= MAX_DEPTH); attempt++) {
      const r = next();
      j = r < 0.5 && recent.length ? pick(recent) : r < 0.65 ? pick(ambassadors) : between(0, i - 1);
    }
    if (depth[j]! >= MAX_DEPTH) j = between(0, 999);
    referrer[i] = j;
    depth[i] = depth[j]! + 1;
    recent.push(i);
    if (recent.length > 400) recent.shift();
  }
  const isReferrer = new Uint8Array(n);
  for (const i of referred) isReferrer[referrer[i]!] = 1;

  // Customers' fields; the ledger follows.
  const customerRows: CustomersTable[] = [];
  const sourceOf: (string | null)[] = [];
  const campaignOf: (string | null)[] = [];
  const deletedOf = new Uint8Array(n);
  let withCampaign = 0;
  let deleted = 0;
  for (let i = 0; i < n; i++) {
    const at = acquiredMs[i]!;
    let sourceId: string | null;
    let campaignId: string | null = null;
    if (referrer[i]! >= 0) sourceId = next() < 0.75 ? pick(referralSources) : next() < 0.5 ? pick(weighted) : null;
    else if (next() < 0.22) {
      const active = runs.filter((c) => c.from <= at && at < c.to + DAY);
      const c = active.length ? pick(active) : pick(runs);
      campaignId = c.id;
      sourceId = c.sourceId;
      withCampaign++;
    } else sourceId = next() < 0.82 ? pick(weighted) : null;
    sourceOf.push(sourceId);
    campaignOf.push(campaignId);
    // Not in a referral chain: 0.5% deleted since.
    if (referrer[i]! < 0 && !isReferrer[i] && next() < 0.005) {
      deletedOf[i] = 1;
      deleted++;
    }
    const name = `Customer ${i + 1}`;
    const r = next();
    customerRows.push({
      workspace_id: workspaceId, id: ids[i]!, kind: 'person', display_name: name, sort_name: normalizeText(name), first_name: 'Customer', last_name: String(i + 1),
      website: null, parent_id: null, address_line1: null, address_line2: null, city: null, region: null, postal_code: null, country: null, birthday: null,
      preferred_language: null, consent_given: null, consent_at: null, consent_source: null, notes: null,
      // 65% with the acquisition day set, 10% with a "customer since" date, the rest from their first purchase (else the day added).
      acquired_on: r < 0.65 ? isoDay(at) : null, customer_since: r >= 0.65 && r < 0.75 ? isoDay(at) : null,
      first_purchase_at: null, last_purchase_at: null, next_follow_up: null, search_text: normalizeText(name), completeness: 20, version: 1, merged_into_id: null,
      external_id: null, source_id: sourceId, campaign_id: campaignId, referred_by_id: referrer[i]! >= 0 ? ids[referrer[i]!]! : null, referral_code: null, lost_at: null, lost_reason_id: null, lost_note: null,
      created_at: new Date(at).toISOString(), updated_at: now, deleted_at: deletedOf[i] ? now : null,
    });
  }

  // Purchases: ~60% buyers (a little more among the referred), 1 + a geometric number of sales
  // (mean ~2.7), the first within weeks of acquisition, then every two months or so; spend
  // log-normal around 50.00; 8% of sales partly refunded; cost of goods known for most buyers'
  // sales; 1% of purchases in another currency (not in the reports).
  const revenueOf = new Float64Array(n);
  const boughtOf = new Uint8Array(n);
  const metrics: CustomerMetricsTable[] = [];
  const tx: TransactionsTable[] = [];
  let buyers = 0;
  let sales = 0;
  let refunds = 0;
  let otherCurrency = 0;
  const row = (i: number, kind: 'sale' | 'refund', at: number, amount: number, cost: number | null, cur: string, campaignId: string | null): TransactionsTable => ({
    workspace_id: workspaceId, id: seededId(next, at), customer_id: ids[i]!, kind, occurred_at: new Date(at).toISOString(), amount_minor: amount, currency: cur, cost_minor: cost,
    channel: null, campaign: null, external_id: null, note: null, source: 'import', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null,
    campaign_id: campaignId, created_by: null, created_at: now, updated_at: now,
  });
  for (let i = 0; i < n; i++) {
    if (next() >= (referrer[i]! >= 0 ? 0.66 : 0.6)) continue;
    const costed = next() < 0.7;
    let at = acquiredMs[i]! + Math.floor(exponential(10 * DAY));
    let first: string | null = null;
    let last: string | null = null;
    let count = 0;
    let eurSales = 0;
    let total = 0;
    for (;;) {
      if (at >= TODAY.getTime()) break;
      const amount = Math.max(100, Math.round(Math.exp(Math.log(5_000) + 0.8 * normal())));
      const cost = costed || next() < 0.3 ? Math.round(amount * (0.4 + 0.3 * next())) : null;
      const cur = next() < 0.01 ? 'USD' : currency;
      const t = row(i, 'sale', at, amount, cost, cur, count === 0 ? campaignOf[i]! : null);
      tx.push(t);
      sales++;
      count++;
      first ??= t.occurred_at;
      last = t.occurred_at;
      if (cur === currency) {
        eurSales++;
        total += amount;
      } else otherCurrency++;
      if (next() < 0.08) {
        const back = Math.round(amount * (0.2 + 0.8 * next()));
        const when = Math.min(TODAY.getTime() - 1_000, at + between(1, 30) * DAY);
        tx.push(row(i, 'refund', when, -back, cost === null ? null : -Math.round((cost * back) / amount), cur, null));
        refunds++;
        if (cur === currency) total -= back;
        else otherCurrency++;
      }
      if (next() < 0.35) break;
      at += Math.max(DAY, Math.floor(exponential(60 * DAY)));
    }
    if (!count) continue;
    buyers++;
    const c = customerRows[i]!;
    c.first_purchase_at = first;
    c.last_purchase_at = last;
    revenueOf[i] = total;
    boughtOf[i] = eurSales > 0 ? 1 : 0;
    if (!deletedOf[i]) {
      metrics.push({
        workspace_id: workspaceId, customer_id: ids[i]!, computed_at: now, revenue_30: 0, revenue_90: 0, revenue_365: 0, revenue_lifetime: total, revenue_prior_365: 0,
        profit_30: null, profit_90: null, profit_365: null, profit_lifetime: null, average_order: Math.round(total / count), tier_value: null, expected_spend: null,
        clv: Math.max(0, Math.round(total * (0.3 + next()))), clv_profit: null, purchases: count, average_gap_days: null, first_purchase_at: first, last_purchase_at: last,
        days_since_last: null, value_rank: null, value_percentile: null, tier: null, previous_tier: null, rfm_r: null, rfm_f: null, rfm_m: null, rfm_segment: null,
        p_alive: null, expected_30: null, expected_90: null, expected_365: null, margin: null, lapse_gap_days: null, lapse_state: null, lapse_gap_source: null,
      });
    }
  }

  // Customers first (the ledger refers to them), in batches; then the ledger, then the metrics.
  for (let start = 0; start < n; start += 10_000) {
    await db.transaction().execute((trx) => createCustomerMatchingRepository(trx).insertCustomers(customerRows.slice(start, start + 10_000), [], []));
  }
  log(`  ${n.toLocaleString('en')} customers written`);
  // PostgreSQL plans a connection's foreign-key checks once: with the customers' statistics, not an empty table's.
  await sql`analyze`.execute(db);
  for (let start = 0; start < tx.length; start += 20_000) {
    const chunk = tx.slice(start, start + 20_000);
    await db.transaction().execute((trx) => createTransactionsRepository(trx).insertTransactions(chunk));
  }
  log(`  ${tx.length.toLocaleString('en')} purchases and refunds written`);
  await createAnalyticsRepository(db).replaceMetrics(workspaceId, metrics);

  // What the reports must show, worked out from the generated data.
  const expected: Expected = { customers: 0, buyers: 0, revenue: 0, bySource: new Map(), byCampaign: new Map(), referrers: new Map() };
  const add = (map: Map<string, { customers: number; buyers: number; revenue: number }>, key: string, i: number) => {
    const s = map.get(key) ?? map.set(key, { customers: 0, buyers: 0, revenue: 0 }).get(key)!;
    s.customers++;
    s.buyers += boughtOf[i]!;
    s.revenue += revenueOf[i]!;
  };
  for (let i = 0; i < n; i++) {
    if (deletedOf[i]) continue;
    expected.customers++;
    expected.buyers += boughtOf[i]!;
    expected.revenue += revenueOf[i]!;
    add(expected.bySource, sourceOf[i] ?? '', i);
    if (campaignOf[i]) add(expected.byCampaign, campaignOf[i]!, i);
  }
  // Every ancestor of each referred customer gets their revenue (referred customers are never deleted here).
  for (const i of referred) {
    let level = 1;
    for (let a = referrer[i]!; a >= 0; a = referrer[a]!, level++) {
      const id = ids[a]!;
      const s = expected.referrers.get(id) ?? expected.referrers.set(id, { referrals: 0, buyers: 0, directRevenue: 0, networkRevenue: 0, networkSize: 0, depth: 0 }).get(id)!;
      s.networkRevenue += revenueOf[i]!;
      s.networkSize++;
      s.depth = Math.max(s.depth, level);
      if (level === 1) {
        s.referrals++;
        s.buyers += boughtOf[i]!;
        s.directRevenue += revenueOf[i]!;
      }
    }
  }
  const depths = Array.from({ length: MAX_DEPTH }, (_, k) => referred.filter((i) => depth[i] === k + 1).length);
  return {
    customers: n, deleted, sourced: sourceOf.filter((s) => s !== null).length, withCampaign, referralLinks: referred.length, deepest: Math.max(...depth), depths,
    buyers, sales, refunds, otherCurrency, campaigns: campaigns.length, costLines: costs.length, metrics: metrics.length, expected,
  };
}
