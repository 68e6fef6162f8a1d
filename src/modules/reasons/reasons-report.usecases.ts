import type { Kysely } from 'kysely';
import type { ExitReport, ReasonsReport } from '../../contracts/reasons.ts';
import type { DB } from '../../db/schema.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createReasonsReportRepository, type ReportPeriod } from './reasons-report.repository.ts';
import { createReasonsRepository } from './reasons.repository.ts';

type Tier = 'gold' | 'silver' | 'other';
const ratio = (n: number, of: number) => (of > 0 ? n / of : 0);
const withoutPosition = <R extends { position: number }>(row: R): Omit<R, 'position'> => {
  const { position, ...rest } = row;
  void position;
  return rest;
};

/** reasonId → group → customers, from the repository's rows. */
function index(rows: { reasonId: string; group: string; customers: number }[]) {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const groups = out.get(r.reasonId) ?? {};
    groups[r.group] = r.customers;
    out.set(r.reasonId, groups);
  }
  return out;
}

const tiersOf = (groups: Record<string, number> | undefined) => ({ gold: groups?.gold ?? 0, silver: groups?.silver ?? 0, other: groups?.other ?? 0 });

/**
 * Why they choose us: per reason, the customers who gave it in the period, by tier, RFM segment
 * and month, with shares of the customers (of the group) who gave any reason. The headline
 * names gold customers' most given reason and everyone else's; the UI words it.
 */
export async function reasonsReport(db: Kysely<DB>, workspaceId: string, period: ReportPeriod): Promise<ReasonsReport> {
  const repo = createReasonsReportRepository(db);
  const [reasons, total, tiers, segments, months, tierTotals] = await Promise.all([
    createReasonsRepository(db).listOfKind(workspaceId, 'choose'),
    repo.byReason(workspaceId, 'choose', period),
    repo.byTier(workspaceId, 'choose', period),
    repo.bySegment(workspaceId, 'choose', period),
    repo.byMonth(workspaceId, 'choose', period),
    repo.customersByTier(workspaceId, 'choose', period),
  ]);
  const tierCustomers = { gold: 0, silver: 0, other: 0 };
  for (const t of tierTotals) tierCustomers[t.tier as Tier] = t.customers;
  const customers = tierCustomers.gold + tierCustomers.silver + tierCustomers.other;
  const [totals, byTier, bySegment, byMonth] = [index(total), index(tiers), index(segments), index(months)];
  const rows = reasons.map((r) => {
    const t = tiersOf(byTier.get(r.id));
    const n = totals.get(r.id)?.all ?? 0;
    return {
      reasonId: r.id, reason: r.name, customers: n, share: ratio(n, customers), byTier: t,
      tierShare: { gold: ratio(t.gold, tierCustomers.gold), silver: ratio(t.silver, tierCustomers.silver), other: ratio(t.other, tierCustomers.other) },
      bySegment: bySegment.get(r.id) ?? {}, byMonth: byMonth.get(r.id) ?? {}, position: Number(r.position),
    };
  }).toSorted((a, b) => b.customers - a.customers || a.position - b.position);
  const rest = tierCustomers.silver + tierCustomers.other;
  const top = (count: (row: (typeof rows)[number]) => number, of: number) => {
    const best = rows.filter((r) => count(r) > 0).toSorted((a, b) => count(b) - count(a) || a.position - b.position)[0];
    return best ? { reason: best.reason, share: ratio(count(best), of) } : null;
  };
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    customers,
    tierCustomers,
    months: [...new Set(months.map((m) => m.group))].toSorted(),
    segments: [...new Set(segments.map((s) => s.group))].toSorted(),
    rows: rows.map(withoutPosition),
    headline: { gold: top((r) => r.byTier.gold, tierCustomers.gold), rest: top((r) => r.byTier.silver + r.byTier.other, rest) },
  };
}

/**
 * Why they left: per exit reason, the customers who gave it in the period (marking a customer
 * lost records one), by tier and month, how many are marked lost now, and the value lost.
 */
export async function exitReport(db: Kysely<DB>, workspaceId: string, period: ReportPeriod): Promise<ExitReport> {
  const repo = createReasonsReportRepository(db);
  const [reasons, tiers, months, values, totals, workspace] = await Promise.all([
    createReasonsRepository(db).listOfKind(workspaceId, 'exit'),
    repo.byTier(workspaceId, 'exit', period),
    repo.byMonth(workspaceId, 'exit', period),
    repo.exitValue(workspaceId, period),
    repo.exitTotals(workspaceId, period),
    createWorkspacesRepository(db).getWorkspace(workspaceId),
  ]);
  const [byTier, byMonth] = [index(tiers), index(months)];
  const value = new Map(values.map((v) => [v.reasonId, v]));
  const rows = reasons.map((r) => {
    const v = value.get(r.id);
    const n = v?.customers ?? 0;
    return {
      reasonId: r.id, reason: r.name, customers: n, share: ratio(n, totals.customers), lost: v?.lost ?? 0, byTier: tiersOf(byTier.get(r.id)),
      byMonth: byMonth.get(r.id) ?? {}, valueLost365: v?.revenue365 ?? 0, valueLostLifetime: v?.revenueLifetime ?? 0, position: Number(r.position),
    };
  }).toSorted((a, b) => b.valueLost365 - a.valueLost365 || b.customers - a.customers || a.position - b.position);
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    currency: workspace?.base_currency ?? '',
    customers: totals.customers,
    months: [...new Set(months.map((m) => m.group))].toSorted(),
    rows: rows.map(withoutPosition),
    valueLost365: totals.revenue365,
    valueLostLifetime: totals.revenueLifetime,
  };
}

