import type { Kysely } from 'kysely';
import type { ConcentrationCustomer, ConcentrationQuery, ConcentrationReport, ConcentrationSettings, ConcentrationYear } from '../../contracts/concentration.ts';
import type { DB } from '../../db/schema.ts';
import { addDays, dayIn } from '../../shared/days.ts';
import { notFound } from '../../shared/errors.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { concentrationFigures } from './concentration-figures.ts';
import { createConcentrationRepository, type GroupRevenueRow } from './concentration.repository.ts';

export const DEFAULT_WARNING_SHARE = 0.25;

interface Deps {
  db: Kysely<DB>;
  now: Date;
}

export async function getConcentrationSettings(db: Kysely<DB>, workspaceId: string): Promise<ConcentrationSettings> {
  const stored = (await createConcentrationRepository(db).getReportSettings(workspaceId)).concentrationWarningShare;
  return { concentrationWarningShare: typeof stored === 'number' && stored >= 0 && stored <= 1 ? stored : DEFAULT_WARNING_SHARE };
}

export async function saveConcentrationSettings(deps: Deps, workspaceId: string, input: ConcentrationSettings): Promise<ConcentrationSettings> {
  await createConcentrationRepository(deps.db).mergeReportSettings(workspaceId, { concentrationWarningShare: input.concentrationWarningShare }, deps.now.toISOString());
  return getConcentrationSettings(deps.db, workspaceId);
}

/** Per-year figures, oldest first, from rows per year and group. */
function yearsOf(rows: readonly GroupRevenueRow[]): ConcentrationYear[] {
  const byYear = new Map<number, GroupRevenueRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.year!);
    if (list) list.push(r);
    else byYear.set(r.year!, [r]);
  }
  return [...byYear.keys()].toSorted((a, b) => a - b).map((year) => {
    const { groups, ...figures } = concentrationFigures(byYear.get(year)!);
    return { year, ...figures, topGroup: groups[0] ? { groupId: groups[0].groupId, name: groups[0].name } : null };
  });
}

/** The year the warning and the report look at by default: the latest with revenue to share. */
const latestYear = (years: readonly ConcentrationYear[]) => years.findLast((y) => y.sharedRevenue > 0)?.year ?? null;

/**
 * The Concentration report: how much of the revenue depends on a few groups (an organisation
 * with all its subsidiaries and the people working there), for a calendar year, the last 365
 * days or all time, with every year's figures for comparison.
 */
export async function concentrationReport(deps: Deps, workspaceId: string, query: ConcentrationQuery): Promise<ConcentrationReport> {
  const workspace = (await createWorkspacesRepository(deps.db).getWorkspace(workspaceId))!;
  const repo = createConcentrationRepository(deps.db);
  const base = { currency: workspace.base_currency, timeZone: workspace.time_zone };
  const today = dayIn(deps.now, workspace.time_zone);
  const [yearly, settings] = await Promise.all([repo.groupRevenue(workspaceId, { ...base, from: null, to: today, byYear: true }), getConcentrationSettings(deps.db, workspaceId)]);
  const years = yearsOf(yearly);
  const period = query.period ?? 'year';
  const year = period === 'year' ? (query.year ?? latestYear(years) ?? Number(today.slice(0, 4))) : null;
  const from = year !== null ? `${year}-01-01` : period === 'last365' ? addDays(today, -364) : null;
  const to = year !== null && `${year}-12-31` < today ? `${year}-12-31` : today;
  const rows = year !== null ? yearly.filter((r) => r.year === year) : await repo.groupRevenue(workspaceId, { ...base, from, to, byYear: false });
  const { groups, ...figures } = concentrationFigures(rows);
  const warningShare = settings.concentrationWarningShare;
  return {
    currency: workspace.base_currency, period, year, from, to, ...figures, warningShare,
    warning: figures.top1Share !== null && figures.top1Share > warningShare,
    groups: groups.slice(0, query.limit ?? 100), years,
  };
}

/** For a profile: the customer's group and its share of the latest year's revenue, against the threshold. */
export async function concentrationForCustomer(deps: Deps, workspaceId: string, customerId: string): Promise<ConcentrationCustomer> {
  const group = await createConcentrationRepository(deps.db).groupOf(workspaceId, customerId);
  if (!group) throw notFound('customer');
  const report = await concentrationReport(deps, workspaceId, { limit: Number.MAX_SAFE_INTEGER });
  const row = report.groups.find((g) => g.groupId === group.groupId);
  const share = row?.share ?? null;
  return {
    customerId, groupId: group.groupId, groupName: group.name, isGroup: group.groupId === customerId, year: report.year, share,
    warningShare: report.warningShare, warning: share !== null && share > report.warningShare,
  };
}
