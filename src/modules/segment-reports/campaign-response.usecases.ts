import { sql } from 'kysely';
import type { z } from 'zod';
import type { CampaignResponse, campaignResponseQuerySchema } from '../../contracts/reports.ts';
import { addDays, dayIn, startOfDayIn } from '../../shared/days.ts';
import { notFound } from '../../shared/errors.ts';
import { filterContext } from '../filters/filters.usecases.ts';
import { createSegmentsRepository } from '../segments/segments.repository.ts';
import { membership } from '../segments/segments.usecases.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { liveCustomers, resolveDimension } from './dimensions.ts';
import type { ReportDeps } from './profit-report.usecases.ts';

const Z = 1.959963984540054;
export const DEFAULT_RESPONSE_DAYS = 30;

/** The 95% Wilson score interval of a proportion k/n. */
export function wilson(k: number, n: number): { rate: number | null; low: number | null; high: number | null } {
  if (n === 0) return { rate: null, low: null, high: null };
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Difference of two proportions with Newcombe's hybrid score interval (from the two Wilson intervals). */
export function newcombe(k1: number, n1: number, k0: number, n0: number): { difference: number; low: number; high: number } | null {
  const a = wilson(k1, n1);
  const b = wilson(k0, n0);
  if (a.rate === null || b.rate === null) return null;
  const d = a.rate - b.rate;
  return {
    difference: d,
    low: d - Math.sqrt((a.rate - a.low!) ** 2 + (b.high! - b.rate) ** 2),
    high: d + Math.sqrt((a.high! - a.rate) ** 2 + (b.rate - b.low!) ** 2),
  };
}

function figures(row: { targeted: number; responded: number; revenue: number | null } | undefined) {
  const targeted = Number(row?.targeted ?? 0);
  const responded = Number(row?.responded ?? 0);
  return { targeted, responded, ...wilson(responded, targeted), revenue: Number(row?.revenue ?? 0) };
}

/**
 * Campaign response by segment (docs/analytics.md, "Campaign response"): of the customers the
 * campaign targeted (its segment's members; a snapshot's holdout kept apart), who responded —
 * redeemed one of its codes or bought inside the response window — per group of a dimension.
 */
export async function campaignResponse(deps: ReportDeps, workspaceId: string, campaignId: string, query: z.input<typeof campaignResponseQuerySchema>): Promise<CampaignResponse> {
  const db = deps.db;
  const campaign = await db.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', campaignId).executeTakeFirst();
  if (!campaign) throw notFound('campaign');
  const workspace = (await createWorkspacesRepository(db).getWorkspace(workspaceId))!;
  const lang = query.lang === 'ru' || (!query.lang && workspace.locale === 'ru') ? 'ru' : 'en';
  const segment = campaign.target_segment_id ? await createSegmentsRepository(db).get(workspaceId, campaign.target_segment_id) : undefined;
  const empty = { targeted: 0, responded: 0, rate: null, low: null, high: null, revenue: 0 };
  const base: CampaignResponse = {
    campaignId, campaign: campaign.name, currency: workspace.base_currency,
    segment: segment ? { id: segment.id, name: segment.name, kind: segment.kind, frozenAt: segment.frozen_at } : null,
    window: null, by: query.by ?? 'none', rows: [], total: empty, holdout: null, lift: null, problem: null,
  };
  if (!segment) return { ...base, problem: 'no_target' };
  const from = campaign.starts_on ?? (segment.frozen_at ? dayIn(segment.frozen_at, workspace.time_zone) : null);
  if (!from) return { ...base, problem: 'no_dates' };
  const to = addDays(campaign.ends_on ?? from, campaign.response_days ?? DEFAULT_RESPONSE_DAYS);
  const start = startOfDayIn(from, workspace.time_zone);
  const end = startOfDayIn(addDays(to, 1), workspace.time_zone);

  const ctx = await filterContext(db, workspaceId, deps.clock.now());
  const dimension = await resolveDimension(db, workspaceId, query.by ?? 'none', ctx, null, lang);
  const members = segment.kind === 'snapshot'
    ? sql`select sm.customer_id, sm.holdout from segment_members sm join customers c on c.workspace_id = sm.workspace_id and c.id = sm.customer_id
        where sm.workspace_id = ${workspaceId} and sm.segment_id = ${segment.id} and c.deleted_at is null`
    : sql`select c.id as customer_id, 0 as holdout from customers c where ${liveCustomers(workspaceId, membership(segment, ctx, lang))}`;
  // A member responded: a sale inside the window, or one of the campaign's codes redeemed in it.
  const responses = sql`bought as (select t.customer_id, sum(t.amount_minor) as rev, sum(case when t.kind = 'sale' then 1 else 0 end) as sales from transactions t
      where t.workspace_id = ${workspaceId} and t.currency = ${workspace.base_currency} and t.occurred_at >= ${start} and t.occurred_at < ${end}
        and t.customer_id in (select customer_id from mem) group by t.customer_id),
    redeemed as (select distinct r.customer_id from coupon_redemptions r join coupon_codes k on k.workspace_id = r.workspace_id and k.id = r.code_id
      where r.workspace_id = ${workspaceId} and k.campaign_id = ${campaignId} and r.redeemed_at >= ${start} and r.redeemed_at < ${end} and r.customer_id is not null)`;
  const result = await sql<{ grp: string; holdout: number; targeted: number; responded: number; revenue: number | null }>`
    with mem as materialized (${members}),
    g as materialized (${dimension.mapping}),
    ${responses}
    select g.grp, mem.holdout, count(*) as targeted,
      sum(case when coalesce(b.sales, 0) > 0 or rd.customer_id is not null then 1 else 0 end) as responded,
      sum(case when coalesce(b.sales, 0) > 0 or rd.customer_id is not null then coalesce(b.rev, 0) else 0 end) as revenue
    from mem join g on g.customer_id = mem.customer_id
    left join bought b on b.customer_id = mem.customer_id left join redeemed rd on rd.customer_id = mem.customer_id
    group by g.grp, mem.holdout`.execute(db);

  // Totals count each member once, whatever groups they are in.
  const totals = await sql<{ holdout: number; targeted: number; responded: number; revenue: number | null }>`
    with mem as materialized (${members}),
    ${responses}
    select mem.holdout, count(*) as targeted,
      sum(case when coalesce(b.sales, 0) > 0 or rd.customer_id is not null then 1 else 0 end) as responded,
      sum(case when coalesce(b.sales, 0) > 0 or rd.customer_id is not null then coalesce(b.rev, 0) else 0 end) as revenue
    from mem left join bought b on b.customer_id = mem.customer_id left join redeemed rd on rd.customer_id = mem.customer_id
    group by mem.holdout`.execute(db);

  const found = new Set(result.rows.map((r) => String(r.grp)));
  const listed = dimension.groups.filter((g) => found.has(g.key));
  const others = [...found].filter((k) => k !== '' && !dimension.groups.some((g) => g.key === k)).map((k) => ({ key: k, label: k }));
  const groups = [...listed, ...others, ...(found.has('') ? [{ key: '', label: dimension.unknownLabel }] : [])];
  const pick = (grp: string | null, holdout: number) => (grp === null ? totals.rows : result.rows.filter((r) => String(r.grp) === grp)).find((r) => Number(r.holdout) === holdout);
  const total = figures(pick(null, 0));
  const held = pick(null, 1);
  const holdout = held ? figures(held) : null;
  return {
    ...base,
    window: { from, to },
    by: dimension.key,
    rows: groups.map((g) => {
      const h = pick(g.key, 1);
      return { key: g.key, label: g.label, ...figures(pick(g.key, 0)), holdout: h ? figures(h) : null };
    }),
    total,
    holdout,
    lift: holdout ? newcombe(total.responded, total.targeted, holdout.responded, holdout.targeted) : null,
    problem: segment.kind === 'snapshot' ? null : 'not_snapshot',
  };
}
