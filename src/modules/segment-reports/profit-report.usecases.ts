import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Measure, Pivot, pivotQuerySchema, ProfitReport, profitReportQuerySchema, ReportCell, ReportRow } from '../../contracts/reports.ts';
import { PERIODS, type PeriodUnit } from '../../contracts/reports.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { badRequest } from '../../shared/errors.ts';
import { compileTree, filterContext } from '../filters/filters.usecases.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { runCube, type CubeRow } from './cube.repository.ts';
import { resolveDimension, type Dimension } from './dimensions.ts';
import { defaultFrom, periodsBetween } from './periods.ts';

export interface ReportDeps {
  db: Kysely<DB>;
  clock: Clock;
}

type Figures = ReportRow['total'];

function figuresOf(row: CubeRow | undefined): Figures {
  const orders = row?.orders ?? 0;
  const active = row?.active ?? 0;
  const sales = row?.salesAmount ?? 0;
  return {
    revenue: row?.revenue ?? 0,
    profit: row?.profit ?? null,
    profitCoverage: sales > 0 ? Math.min(1, (row?.costedSales ?? 0) / sales) : 0,
    activeCustomers: active,
    orders,
    averageOrder: orders > 0 ? Math.round(sales / orders) : null,
    frequency: active > 0 ? orders / active : null,
  };
}

const relative = (now: number | null, before: number | null) => (now === null || before === null || before === 0 ? null : (now - before) / Math.abs(before));

function cellOf(period: string, now: Figures, before: Figures): ReportCell {
  return {
    period,
    ...now,
    change: {
      revenue: relative(now.revenue, before.revenue),
      profit: relative(now.profit, before.profit),
      activeCustomers: relative(now.activeCustomers, before.activeCustomers),
      averageOrder: relative(now.averageOrder, before.averageOrder),
      frequency: relative(now.frequency, before.frequency),
    },
  };
}

/** The groups to show: the dimension's known ones that have customers or figures, then any others found, then unknown. */
function orderedGroups(dimension: Dimension, found: Set<string>): { key: string; label: string }[] {
  const known = dimension.groups.filter((g) => found.has(g.key) || dimension.key.startsWith('segment'));
  const listed = new Set(dimension.groups.map((g) => g.key));
  const others = [...found].filter((k) => k !== '' && !listed.has(k)).map((k) => ({ key: k, label: k })).toSorted((a, b) => a.label.localeCompare(b.label));
  return [...known, ...others, ...(found.has('') ? [{ key: '', label: dimension.unknownLabel }] : [])];
}

async function setting(deps: ReportDeps, workspaceId: string, query: { filter?: string | undefined; lang?: string | undefined; from?: string | undefined; to?: string | undefined }, unit: PeriodUnit) {
  const workspace = await createWorkspacesRepository(deps.db).getWorkspace(workspaceId);
  const ctx = await filterContext(deps.db, workspaceId, deps.clock.now());
  const lang = query.lang === 'ru' || (!query.lang && workspace!.locale === 'ru') ? 'ru' : 'en';
  const filter = query.filter?.trim() ? compileTree(query.filter, ctx, lang) : { tree: null, where: null };
  const to = query.to ?? ctx.today;
  const from = query.from ?? defaultFrom(to, unit);
  if (from > to) throw badRequest('reports.bad_range', `The report starts (${from}) after it ends (${to})`, { field: 'from' });
  return { workspace: workspace!, ctx, lang: lang as 'en' | 'ru', where: filter.where, from, to, ...periodsBetween(from, to, unit, workspace!.time_zone) };
}

/**
 * Profit by segment (or any dimension) over time: per group and period, revenue, profit, active
 * customers, orders, average order and purchase frequency, with the change against the period
 * before (docs/analytics.md, "Segment profit over time").
 */
export async function profitReport(deps: ReportDeps, workspaceId: string, query: z.input<typeof profitReportQuerySchema>): Promise<ProfitReport> {
  const unit = query.period ?? 'month';
  const s = await setting(deps, workspaceId, query, unit);
  const everyone = await resolveDimension(deps.db, workspaceId, 'none', s.ctx, s.where, s.lang);
  const dimension = await resolveDimension(deps.db, workspaceId, query.by ?? 'tier', s.ctx, s.where, s.lang);
  const all = [s.previous, ...s.periods];
  const rows = await runCube(deps.db, {
    workspaceId, currency: s.workspace.base_currency, start: s.previous.start, ends: all.map((p) => p.end),
    everyone: everyone.mapping, rows: dimension.mapping, columns: null,
    parts: [
      { rows: true, columns: false, byPeriod: true, skipFirst: false },
      { rows: true, columns: false, byPeriod: false, skipFirst: true },
      { rows: false, columns: false, byPeriod: true, skipFirst: false },
      { rows: false, columns: false, byPeriod: false, skipFirst: true },
    ],
  });
  const at = (part: number, r: string, p: number) => rows.find((x) => x.part === part && x.r === r && x.p === p);
  const rowOf = (part: number, totalPart: number, key: string, label: string): ReportRow => ({
    key,
    label,
    cells: s.periods.map((period, i) => cellOf(period.key, figuresOf(at(part, key, i + 1)), figuresOf(at(part, key, i)))),
    total: figuresOf(at(totalPart, key, -1)),
  });
  const found = new Set(rows.filter((r) => r.part === 1).map((r) => r.r));
  return {
    currency: s.workspace.base_currency,
    by: dimension.key,
    byLabel: dimension.label,
    period: unit,
    from: s.from,
    to: s.to,
    filter: query.filter?.trim() || null,
    periods: s.periods.map((p) => ({ key: p.key, from: p.from, to: p.to })),
    rows: orderedGroups(dimension, found).map((g) => rowOf(0, 1, g.key, g.label)),
    total: rowOf(2, 3, '*', everyone.label),
  };
}

function measureOf(figures: Figures, measure: Measure): number | null {
  return figures[measure];
}

/** A pivot: rows by one dimension, columns by period or another dimension, one figure in each cell. */
export async function pivotReport(deps: ReportDeps, workspaceId: string, query: z.input<typeof pivotQuerySchema>): Promise<Pivot> {
  const columnsSpec = query.columns ?? 'quarter';
  const byPeriod = (PERIODS as readonly string[]).includes(columnsSpec);
  const unit = byPeriod ? (columnsSpec as PeriodUnit) : 'year';
  const value = query.value ?? 'revenue';
  const s = await setting(deps, workspaceId, query, unit);
  const everyone = await resolveDimension(deps.db, workspaceId, 'none', s.ctx, s.where, s.lang);
  const rowsDim = await resolveDimension(deps.db, workspaceId, query.rows, s.ctx, s.where, s.lang);
  const colsDim = byPeriod ? null : await resolveDimension(deps.db, workspaceId, columnsSpec, s.ctx, s.where, s.lang);
  const all = [s.previous, ...s.periods];
  const cube = await runCube(deps.db, {
    workspaceId, currency: s.workspace.base_currency, start: s.previous.start, ends: all.map((p) => p.end),
    everyone: everyone.mapping, rows: rowsDim.mapping, columns: colsDim?.mapping ?? null,
    parts: [
      { rows: true, columns: !byPeriod, byPeriod, skipFirst: true },
      { rows: true, columns: false, byPeriod: false, skipFirst: true },
      { rows: false, columns: !byPeriod, byPeriod, skipFirst: true },
      { rows: false, columns: false, byPeriod: false, skipFirst: true },
    ],
  });
  const rows = orderedGroups(rowsDim, new Set(cube.filter((r) => r.part === 1).map((r) => r.r)));
  const columns = byPeriod ? s.periods.map((p) => ({ key: p.key, label: p.key })) : orderedGroups(colsDim!, new Set(cube.filter((r) => r.part === 2).map((r) => r.c)));
  const find = (part: number, r: string, c: string, p: number) => measureOf(figuresOf(cube.find((x) => x.part === part && x.r === r && x.c === c && x.p === p)), value);
  const columnAt = (j: number) => (byPeriod ? { c: '*', p: j + 1 } : { c: columns[j]!.key, p: -1 });
  return {
    currency: s.workspace.base_currency,
    value,
    from: s.from,
    to: s.to,
    rows,
    columns,
    cells: rows.map((row) => columns.map((_, j) => find(0, row.key, columnAt(j).c, columnAt(j).p))),
    rowTotals: rows.map((row) => find(1, row.key, '*', -1)),
    columnTotals: columns.map((_, j) => find(2, '*', columnAt(j).c, columnAt(j).p)),
    total: find(3, '*', '*', -1),
  };
}
