import type { Kysely } from 'kysely';
import { THANK_YOU_KINDS, type ThanksReport } from '../../contracts/thanks.ts';
import type { DB } from '../../db/schema.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { createThanksReportRepository, type Period } from './thanks-report.repository.ts';

type Kind = (typeof THANK_YOU_KINDS)[number];
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * Thank-yous by kind and cost per month (the month of the day given), and the value of the
 * customers thanked in the period against those who were not — an association, not a cause:
 * businesses tend to thank the customers who already buy the most.
 */
export async function thanksReport(db: Kysely<DB>, workspaceId: string, period: Period): Promise<ThanksReport> {
  const workspace = (await createWorkspacesRepository(db).getWorkspace(workspaceId))!;
  const repo = createThanksReportRepository(db);
  const months = new Map<string, ThanksReport['months'][number]>();
  const kinds = new Map<Kind, { kind: Kind; count: number; costMinor: number }>();
  for (const row of await repo.byMonthAndKind(workspaceId, workspace.base_currency, period)) {
    const count = Number(row.count);
    const cost = num(row.cost) ?? 0;
    const month = months.get(row.month) ?? { month: row.month, kinds: [], count: 0, costMinor: 0 };
    month.kinds.push({ kind: row.kind, count, costMinor: cost });
    month.count += count;
    month.costMinor += cost;
    months.set(row.month, month);
    const total = kinds.get(row.kind) ?? { kind: row.kind, count: 0, costMinor: 0 };
    total.count += count;
    total.costMinor += cost;
    kinds.set(row.kind, total);
  }
  const groups = await repo.thankedVsNot(workspaceId, period);
  const group = (thanked: 0 | 1) => {
    const g = groups.find((r) => Number(r.thanked) === thanked);
    return {
      group: thanked ? ('thanked' as const) : ('not_thanked' as const),
      customers: g ? Number(g.customers) : 0,
      averageRevenue365Minor: round2(num(g?.revenue_365)),
      averageLifetimeMinor: round2(num(g?.lifetime)),
      averageClvMinor: round2(num(g?.clv)),
    };
  };
  return {
    currency: workspace.base_currency, from: period.from ?? null, to: period.to ?? null,
    months: [...months.values()],
    kinds: THANK_YOU_KINDS.flatMap((k) => (kinds.has(k) ? [kinds.get(k)!] : [])),
    thankedVsNot: [group(1), group(0)],
  };
}
