import { MEASURES, PERIODS, type Measure, type PeriodUnit } from '@contracts/reports.ts';
import type { PivotQuery, ProfitQuery } from '../../api/segmentReportsApi.ts';

/** The fixed dimensions, in the order offered; attributes (`attribute:<key>`) come after them. */
export const DIMENSIONS = ['segment', 'tier', 'rfm', 'lapse', 'source', 'channel', 'campaign', 'kind', 'country', 'city'] as const;
/** The measures the profit chart can show (orders are in the table's sentences only). */
export const CHART_MEASURES = ['revenue', 'profit', 'activeCustomers', 'averageOrder', 'frequency'] as const;
export type ChartMeasure = (typeof CHART_MEASURES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null) => (value && DATE.test(value) ? value : undefined);
const text = (value: string | null) => (value && value.trim() !== '' ? value : undefined);
const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/** A dimension spec as given in the address: a known name, `segment:<ids>` or `attribute:<key>`; anything else is the default. */
export function readDimension(value: string | null, fallback: string): string {
  if (!value) return fallback;
  if ((DIMENSIONS as readonly string[]).includes(value) || value === 'none') return value;
  if (/^segment:[\w-]+(,[\w-]+)*$/.test(value)) return value;
  if (/^attribute:[\w-]+$/.test(value)) return value;
  return fallback;
}

/** The base of a spec for the "By" select: `segment:a,b` → `segment`. */
export function dimensionBase(spec: string): string {
  return spec.startsWith('segment:') ? 'segment' : spec;
}

/** The segment ids of a spec (`segment:a,b` → [a, b]); none means every saved segment. */
export function segmentIds(spec: string): string[] {
  return spec.startsWith('segment:') ? spec.slice('segment:'.length).split(',').filter(Boolean) : [];
}

/** The spec for a base and, for segments, the chosen ones. */
export function dimensionSpec(base: string, segments: readonly string[]): string {
  return base === 'segment' && segments.length > 0 ? `segment:${segments.join(',')}` : base;
}

export interface ProfitChoice extends ProfitQuery {
  measure: ChartMeasure;
}

/** The profit report's choices from the address (?by=segment:<id>&period=quarter&measure=profit…). */
export function readProfitChoice(params: URLSearchParams): ProfitChoice {
  return {
    by: readDimension(params.get('by'), 'segment'),
    period: oneOf<PeriodUnit>(PERIODS, params.get('period'), 'month'),
    from: date(params.get('from')),
    to: date(params.get('to')),
    filter: text(params.get('filter')),
    measure: oneOf<ChartMeasure>(CHART_MEASURES, params.get('measure'), 'revenue'),
  };
}

/** The address's parameters for a choice: only what differs from the defaults, so links stay short. */
export function profitChoiceParams(choice: ProfitChoice): Record<string, string> {
  return {
    by: choice.by,
    ...(choice.period !== 'month' && { period: choice.period }),
    ...(choice.from && { from: choice.from }),
    ...(choice.to && { to: choice.to }),
    ...(choice.filter && { filter: choice.filter }),
    ...(choice.measure !== 'revenue' && { measure: choice.measure }),
  };
}

/** What the API is asked for (the chart's measure is the page's own). */
export function profitQuery(choice: ProfitChoice): ProfitQuery {
  const { measure: _measure, ...query } = choice;
  return query;
}

/** The pivot's choices from the address (?rows=tier&columns=quarter&value=revenue…). */
export function readPivotChoice(params: URLSearchParams): PivotQuery {
  const columns = params.get('columns');
  return {
    rows: readDimension(params.get('rows'), 'tier'),
    columns: columns && (PERIODS as readonly string[]).includes(columns) ? columns : readDimension(columns, 'quarter'),
    value: oneOf<Measure>(MEASURES, params.get('value'), 'revenue'),
    from: date(params.get('from')),
    to: date(params.get('to')),
    filter: text(params.get('filter')),
  };
}

export function pivotChoiceParams(choice: PivotQuery): Record<string, string> {
  return {
    rows: choice.rows,
    columns: choice.columns,
    value: choice.value,
    ...(choice.from && { from: choice.from }),
    ...(choice.to && { to: choice.to }),
    ...(choice.filter && { filter: choice.filter }),
  };
}
