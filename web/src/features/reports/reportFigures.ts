import type { Measure, ReportCell } from '@contracts/reports.ts';
import { formatMoney, formatNumber, formatPercent } from '../../i18n/format.ts';
import { niceCeiling } from '../../ui/charts/chartScale.ts';
import { formatWholeMoney } from './wholeMoney.ts';

export const MONEY_MEASURES: readonly Measure[] = ['revenue', 'profit', 'averageOrder'];

/** The change of a measure against the previous period; orders have none of their own in the API. */
export function changeOf(cell: ReportCell, measure: Measure): number | null {
  return measure === 'orders' ? null : cell.change[measure];
}

/** A figure in the measure's own terms: money (`whole`: without pence, for wide tables), a count, or orders per customer with two decimals. */
export function formatMeasure(value: number | null, measure: Measure, currency: string, locale: string, whole = false): string {
  if (value === null) return '—';
  if (MONEY_MEASURES.includes(measure)) return whole ? formatWholeMoney(value, currency, locale) : formatMoney(value, currency, locale);
  if (measure === 'frequency') return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return formatNumber(value, locale);
}

/** A relative change as a signed percentage ("+12%", "−5%", "±0%"); nothing when there is no base to compare with. */
export function formatChange(change: number | null, locale: string): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const digits = Math.abs(change) < 0.1 && change !== 0 ? 1 : 0;
  const shown = formatPercent(Math.abs(change), locale, digits);
  if (shown === formatPercent(0, locale, digits)) return `±${shown}`;
  return `${change > 0 ? '+' : '−'}${shown}`;
}

/** Green up, red down, grey flat (under half a percent either way). */
export function changeColor(change: number | null): 'teal' | 'red' | 'dimmed' {
  if (change === null || Math.abs(change) < 0.005) return 'dimmed';
  return change > 0 ? 'teal' : 'red';
}

/** Ticks for a value axis over [min, max] in round steps, through zero, about `count` of them. */
export function signedTicks(min: number, max: number, count = 4): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (low === 0 && high === 0) return [0, 1];
  const step = niceCeiling((high - low) / count);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)) + 0);
  return ticks;
}

/** How strongly a pivot cell is shaded: 0 for the smallest value shown, 1 for the largest; 0 when all are equal or empty. */
export function heatShare(value: number | null, min: number, max: number): number {
  if (value === null || !(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The lowest and highest numbers of a grid, ignoring empty cells; [0, 0] for none. */
export function extent(values: readonly (number | null)[]): [number, number] {
  const numbers = values.filter((value): value is number => value !== null);
  return numbers.length ? [Math.min(...numbers), Math.max(...numbers)] : [0, 0];
}

/** A period key as people read it: 2026-03 → "Mar 2026", 2026-Q1 → "Q1 2026", 2026 → "2026"; another key as it is. */
export function periodLabel(key: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return locale.startsWith('ru') ? `${quarter[2]} кв. ${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  return key;
}

/** Lines of the chart in a palette that tells up to ten groups apart (Mantine colour names, shade 6). */
export const SERIES_COLORS = ['indigo', 'teal', 'orange', 'grape', 'cyan', 'red', 'lime', 'pink', 'yellow', 'blue'] as const;
export const seriesColor = (index: number) => `var(--mantine-color-${SERIES_COLORS[index % SERIES_COLORS.length]}-6)`;

/** The period before a period key (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025): the one a change is measured against. */
export function previousPeriodKey(key: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const index = Number(month[1]) * 12 + Number(month[2]) - 2;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 2;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  return /^\d{4}$/.test(key) ? String(Number(key) - 1) : key;
}

/** The right end of the response-rate bars: a round share at or above every interval's upper bound, at most 100%. */
export function rateAxisMax(highs: readonly (number | null)[]): number {
  const high = Math.max(0, ...highs.filter((value): value is number => value !== null));
  return high <= 0 ? 0.1 : Math.min(1, niceCeiling(high));
}

/** A difference of two rates in percentage points, signed: 0.032 → "+3.2", −0.01 → "−1.0". */
export function formatPoints(difference: number, locale: string): string {
  const shown = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(difference) * 100);
  return difference > 0 ? `+${shown}` : difference < 0 && shown !== new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).format(0) ? `−${shown}` : shown;
}
