/**
 * A deterministic (seeded) workspace for the segment benchmarks (issue 15): customers who all
 * bought, a purchase ledger over the last two and a half years (some refunds, cost known on
 * part of it), the value metrics a recompute leaves (worked out here from the ledger), tags,
 * sources and a choice attribute "market" on everyone. Written with bulk inserts.
 */
import { sql, type Kysely } from 'kysely';
import type { CustomerMetricsTable, CustomersTable, DB, TransactionsTable } from '../src/db/schema.ts';
import { createAnalyticsRepository } from '../src/modules/analytics/analytics.repository.ts';
import { createCustomerMatchingRepository } from '../src/modules/customers/customer-matching.repository.ts';
import { createTransactionsRepository } from '../src/modules/transactions/transactions.repository.ts';
import { normalizeText } from '../src/shared/text.ts';
import { random } from './generate-customers.ts';

export interface PurchasesScale {
  customers: number;
  /** Sales (refunds come on top). */
  sales: number;
}

export const FULL_SCALE: PurchasesScale = { customers: 100_000, sales: 2_000_000 };
export const MARKETS = ['Local', 'National', 'International', 'Wholesale'] as const;
const MARKET_SHARE = [0.4, 0.3, 0.2, 0.1];

const DAY = 86_400_000;
const SPAN_DAYS = 913;

export interface GeneratedPurchases {
  customers: number;
  sales: number;
  refunds: number;
  costed: number;
  tiers: Record<string, number>;
  states: Record<string, number>;
  vip: number;
  marketIds: Record<string, string>;
  marketAttributeId: string;
}

const FIRST = ['Anna', 'Boris', 'Clara', 'David', 'Elena', 'Fyodor', 'Greta', 'Hugo', 'Irina', 'Jürgen', 'Мария', 'Пётр', 'Ольга', 'Иван', 'Sofia', 'Tomás', 'Zoë', 'Liam', 'Noah'];
const LAST = ['Müller', 'Smith', 'Иванов', 'Петрова', 'Kowalski', 'García', 'Rossi', 'Nguyen', 'Сидоров', 'Dubois', 'Jensen', 'Novák', 'Brown', 'Öztürk'];

/** A UUIDv7-shaped id from the seeded generator. */
function seededId(next: () => number, ms: number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`;
}

const RFM: Record<string, string> = {};
/** A plain RFM grid (R and F quintiles) to a segment name, as the usual 11-segment map does. */
function rfmSegment(r: number, f: number): string {
  const key = `${r}${f}`;
  if (RFM[key]) return RFM[key]!;
  const s = r >= 4 && f >= 4 ? 'champions' : r >= 3 && f >= 4 ? 'loyal' : r >= 4 && f >= 2 ? 'potential_loyalist' : r === 5 && f === 1 ? 'new' : r === 4 && f === 1 ? 'promising'
    : r === 3 && f === 3 ? 'need_attention' : r === 3 ? 'about_to_sleep' : r <= 2 && f >= 5 ? 'cant_lose' : r <= 2 && f >= 3 ? 'at_risk' : r === 2 ? 'hibernating' : 'lost';
  return (RFM[key] = s);
}

export async function generatePurchases(db: Kysely<DB>, workspaceId: string, currency: string, today: Date, scale: PurchasesScale = FULL_SCALE, log: (line: string) => void = () => {}): Promise<GeneratedPurchases> {
  const next = random(15);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const nowMs = today.getTime();
  const now = today.toISOString();
  const start = nowMs - SPAN_DAYS * DAY;
  const n = scale.customers;

  // The market attribute every new workspace has, with a fourth option; tags; the default sources.
  const market = await db.selectFrom('attribute_definitions').selectAll().where('workspace_id', '=', workspaceId).where('key', '=', 'market').executeTakeFirstOrThrow();
  const options = (JSON.parse(market.options) as { id: string; label: string }[]).slice(0, 3);
  options.push({ id: seededId(next, nowMs), label: 'Wholesale' });
  await db.updateTable('attribute_definitions').set({ options: JSON.stringify(options) }).where('workspace_id', '=', workspaceId).where('id', '=', market.id).execute();
  const marketIds = Object.fromEntries(options.map((o, i) => [MARKETS[i]!, o.id]));
  const tags = ['VIP', 'Newsletter', 'Event 2025', 'Partner'].map((name, i) => ({ workspace_id: workspaceId, id: seededId(next, nowMs), name, name_key: normalizeText(name), color: ['yellow', 'blue', 'grape', 'green'][i]!, created_at: now }));
  await db.insertInto('tags').values(tags).execute();
  const tagShare = [0.05, 0.3, 0.1, 0.03];
  const sources = (await db.selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).orderBy('name_key').execute()).map((s) => s.id);

  // How many sales each customer makes: log-normal weights, scaled to the total (at least one each).
  const weights = Array.from({ length: n }, () => Math.exp(1.0 * normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => 1 + Math.floor((w / sum) * (scale.sales - n)));
  let left = scale.sales - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 7919) % n, left--) counts[i]!++;

  const customerRows: CustomersTable[] = [];
  const tx: TransactionsTable[] = [];
  const values: DB['attribute_values'][] = [];
  const customerTags: DB['customer_tags'][] = [];
  const facts: { id: string; r365: number; r30: number; r90: number; prior: number; life: number; p365: number | null; p30: number | null; p90: number | null; plife: number | null; purchases: number; first: number; last: number; gap: number | null; costedAmount: number }[] = [];
  let refunds = 0;
  let costed = 0;
  let vip = 0;
  for (let i = 0; i < n; i++) {
    // Added over the span (a little more lately); buying from then on, 40% stopping at some point.
    const created = start + Math.floor(Math.sqrt(next()) * (SPAN_DAYS - 10) * DAY);
    const stops = next() < 0.4 ? created + next() * (nowMs - created) : nowMs;
    const id = seededId(next, created);
    const k = counts[i]!;
    const span = Math.max(DAY, stops - created);
    const times = Array.from({ length: k }, () => created + next() * span).toSorted((a, b) => a - b);
    const costedCustomer = next() < 0.6;
    const f = { id, r365: 0, r30: 0, r90: 0, prior: 0, life: 0, p365: null as number | null, p30: null as number | null, p90: null as number | null, plife: null as number | null, purchases: k, first: times[0]!, last: times.at(-1)!, gap: k > 1 ? (times.at(-1)! - times[0]!) / DAY / (k - 1) : null, costedAmount: 0 };
    const base = Math.exp(Math.log(4_000) + 0.6 * normal());
    const add = (at: number, amount: number, cost: number | null) => {
      const age = (nowMs - at) / DAY;
      const profit = cost === null ? null : amount - cost;
      f.life += amount;
      if (profit !== null) f.plife = (f.plife ?? 0) + profit;
      if (age < 365) { f.r365 += amount; if (profit !== null) f.p365 = (f.p365 ?? 0) + profit; }
      else if (age < 730) f.prior += amount;
      if (age < 90) { f.r90 += amount; if (profit !== null) f.p90 = (f.p90 ?? 0) + profit; }
      if (age < 30) { f.r30 += amount; if (profit !== null) f.p30 = (f.p30 ?? 0) + profit; }
    };
    for (const at of times) {
      const amount = Math.max(100, Math.round(base * Math.exp(0.5 * normal())));
      const cost = costedCustomer || next() < 0.1 ? Math.round(amount * (0.4 + 0.3 * next())) : null;
      if (cost !== null) costed++;
      const iso = new Date(Math.floor(at)).toISOString();
      tx.push({
        workspace_id: workspaceId, id: seededId(next, at), customer_id: id, kind: 'sale', occurred_at: iso, amount_minor: amount, currency, cost_minor: cost,
        channel: null, campaign: null, external_id: null, note: null, source: 'import', import_id: null, content_hash: null, lines: null, line_count: 0, shipping_minor: null, fee_minor: null,
        campaign_id: null, created_by: null, created_at: iso, updated_at: iso,
      });
      add(at, amount, cost);
      if (next() < 0.03) {
        const back = Math.round(amount * (0.2 + 0.8 * next()));
        const when = Math.min(nowMs - 1_000, at + (1 + Math.floor(next() * 30)) * DAY);
        const backCost = cost === null ? null : -Math.round((cost * back) / amount);
        const wiso = new Date(Math.floor(when)).toISOString();
        tx.push({ ...tx.at(-1)!, id: seededId(next, when), kind: 'refund', occurred_at: wiso, amount_minor: -back, cost_minor: backCost, created_at: wiso, updated_at: wiso });
        add(when, -back, backCost);
        refunds++;
      }
    }
    facts.push(f);
    const name = `${pick(FIRST)} ${pick(LAST)} ${i + 1}`;
    customerRows.push({
      workspace_id: workspaceId, id, kind: 'person', display_name: name, sort_name: normalizeText(name), first_name: name.split(' ')[0]!, last_name: name.split(' ')[1]!,
      website: null, parent_id: null, address_line1: null, address_line2: null, city: null, region: null, postal_code: null, country: null, birthday: null,
      preferred_language: null, consent_given: null, consent_at: null, consent_source: null, notes: null, acquired_on: null, customer_since: null,
      first_purchase_at: new Date(Math.floor(f.first)).toISOString(), last_purchase_at: new Date(Math.floor(f.last)).toISOString(), next_follow_up: null,
      search_text: normalizeText(name), completeness: 20, version: 1, merged_into_id: null, external_id: null, source_id: next() < 0.8 ? pick(sources) : null, campaign_id: null,
      referred_by_id: null, referral_code: null, lost_at: null, lost_reason_id: null, lost_note: null, created_at: new Date(created).toISOString(), updated_at: now, deleted_at: null,
    });
    const r = next();
    let m = 0;
    for (let acc = MARKET_SHARE[0]!; r >= acc && m < 3; acc += MARKET_SHARE[++m]!);
    values.push({ workspace_id: workspaceId, customer_id: id, attribute_id: market.id, value_text: options[m]!.id, value_number: null, value_date: null });
    for (const [t, tag] of tags.entries()) {
      if (next() < tagShare[t]!) {
        customerTags.push({ workspace_id: workspaceId, customer_id: id, tag_id: tag.id });
        if (t === 0) vip++;
      }
    }
  }

  for (let s = 0; s < n; s += 10_000) {
    await db.transaction().execute((trx) => createCustomerMatchingRepository(trx).insertCustomers(customerRows.slice(s, s + 10_000), [], []));
  }
  await db.transaction().execute((trx) => createCustomerMatchingRepository(trx).insertRelations({ tags: customerTags, values, employments: [] }));
  log(`  ${n.toLocaleString('en')} customers written, with tags and markets`);
  // PostgreSQL plans a connection's foreign-key checks once: with the customers' statistics, not an empty table's.
  await sql`analyze`.execute(db);
  tx.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : 1));
  for (let s = 0; s < tx.length; s += 50_000) {
    const chunk = tx.slice(s, s + 50_000);
    await db.transaction().execute((trx) => createTransactionsRepository(trx).insertTransactions(chunk));
    if (s % 500_000 === 0) log(`  ${(s + chunk.length).toLocaleString('en')} of ${tx.length.toLocaleString('en')} purchases and refunds written`);
  }

  // The metrics, as a recompute would leave them: rank and tier by trailing-year revenue
  // (gold the top 5%, silver the next 15%), RFM quintiles, the lapse state from the own rhythm.
  const byValue = facts.map((_, i) => i).toSorted((a, b) => facts[b]!.r365 - facts[a]!.r365 || facts[b]!.life - facts[a]!.life);
  const rankOf = new Int32Array(n);
  byValue.forEach((i, rank) => { rankOf[i] = rank + 1; });
  const quintile = (key: (i: number) => number) => {
    const order = facts.map((_, i) => i).toSorted((a, b) => key(a) - key(b));
    const q = new Int8Array(n);
    order.forEach((i, pos) => { q[i] = 1 + Math.floor((pos * 5) / n); });
    return q;
  };
  const rq = quintile((i) => facts[i]!.last);
  const fq = quintile((i) => facts[i]!.purchases);
  const mq = quintile((i) => facts[i]!.life);
  const tiers: Record<string, number> = {};
  const states: Record<string, number> = {};
  const metrics: CustomerMetricsTable[] = facts.map((f, i) => {
    const rank = rankOf[i]!;
    const tier = rank <= n * 0.05 ? 'gold' : rank <= n * 0.2 ? 'silver' : 'other';
    const since = (nowMs - f.last) / DAY;
    const gap = f.gap ?? 60;
    const state = since < gap * 1.2 ? 'active' : since < gap * 1.6 ? 'due' : since < gap * 3 ? 'at_risk' : 'lapsed';
    tiers[tier] = (tiers[tier] ?? 0) + 1;
    states[state] = (states[state] ?? 0) + 1;
    return {
      workspace_id: workspaceId, customer_id: f.id, computed_at: now, revenue_30: f.r30, revenue_90: f.r90, revenue_365: f.r365, revenue_lifetime: f.life, revenue_prior_365: f.prior,
      profit_30: f.p30, profit_90: f.p90, profit_365: f.p365, profit_lifetime: f.plife, average_order: Math.round(f.life / f.purchases), tier_value: f.r365, expected_spend: Math.round(f.r365 * 0.9),
      clv: Math.max(0, Math.round(f.life * (0.3 + next()))), clv_profit: f.plife === null ? null : Math.round(f.plife * 0.8), purchases: f.purchases, average_gap_days: f.gap === null ? null : Math.round(f.gap * 10) / 10,
      first_purchase_at: new Date(Math.floor(f.first)).toISOString(), last_purchase_at: new Date(Math.floor(f.last)).toISOString(), days_since_last: Math.floor(since),
      value_rank: rank, value_percentile: Math.round((1 - (rank - 1) / n) * 1000) / 10, tier, previous_tier: tier, rfm_r: rq[i]!, rfm_f: fq[i]!, rfm_m: mq[i]!, rfm_segment: rfmSegment(rq[i]!, fq[i]!),
      p_alive: state === 'lapsed' ? 0.2 : state === 'at_risk' ? 0.5 : 0.9, expected_30: null, expected_90: null, expected_365: null, margin: f.plife === null || f.life <= 0 ? null : Math.round((f.plife / f.life) * 1000) / 1000,
      lapse_gap_days: Math.round(gap), lapse_state: state, lapse_gap_source: f.gap === null ? 'default' : 'own',
    } as CustomerMetricsTable;
  });
  await createAnalyticsRepository(db).replaceMetrics(workspaceId, metrics);
  return { customers: n, sales: scale.sales, refunds, costed, tiers, states, vip, marketIds, marketAttributeId: market.id };
}
