import { analyticsSettingsSchema, type AnalyticsSettings } from '@contracts/analytics.ts';
import { parseDecimal } from '../../forms/parseDecimal.ts';

export type NumericSetting = Exclude<keyof AnalyticsSettings, 'tierMetric' | 'tierWindow'>;

/** Settings the API keeps as a fraction (0.1) and people read as a percentage (10 %). */
export const PERCENT_SETTINGS: readonly NumericSetting[] = ['goldShare', 'silverShare', 'discountRateMonthly', 'atRiskBelowPAlive', 'lapsedBelowPAlive'];
/** Gold and silver together may take at most this share of ranked customers (as the server checks). */
export const MAX_TIERED_SHARE = 0.8;

export type SettingsForm = Pick<AnalyticsSettings, 'tierMetric' | 'tierWindow'> & Record<NumericSetting, string>;

const NUMERIC: readonly NumericSetting[] = Object.keys(analyticsSettingsSchema.shape).filter(
  (key): key is NumericSetting => key !== 'tierMetric' && key !== 'tierWindow',
);

const isPercent = (key: NumericSetting) => PERCENT_SETTINGS.includes(key);
const scaleOf = (key: NumericSetting) => (isPercent(key) ? 100 : 1);

/** The allowed range of a setting in the units the form shows (percentages for shares), from the contract. */
export function limitsOf(key: NumericSetting): { min: number; max: number; integer: boolean } {
  const schema = analyticsSettingsSchema.shape[key];
  const scale = scaleOf(key);
  return { min: round((schema.minValue ?? 0) * scale), max: round((schema.maxValue ?? 0) * scale), integer: schema.isInt };
}

export function toForm(settings: AnalyticsSettings, locale: string): SettingsForm {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false });
  const numbers = Object.fromEntries(NUMERIC.map((key) => [key, format.format(round(settings[key] * scaleOf(key)))])) as Record<NumericSetting, string>;
  return { tierMetric: settings.tierMetric, tierWindow: settings.tierWindow, ...numbers };
}

export type SettingProblem =
  | { field: NumericSetting; problem: 'number' | 'integer' }
  | { field: NumericSetting; problem: 'range'; min: number; max: number }
  | { field: NumericSetting; problem: 'sum'; max: number }
  | { field: NumericSetting; problem: 'order'; after: NumericSetting };

/** What the form says, in the API's units; or what is wrong with it, field by field. */
export function readForm(form: SettingsForm, locale: string): { settings: AnalyticsSettings; problems: [] } | { settings: null; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const values: Partial<Record<NumericSetting, number>> = {};
  for (const key of NUMERIC) {
    const shown = parseDecimal(form[key], locale);
    const { min, max, integer } = limitsOf(key);
    if (shown === null) problems.push({ field: key, problem: 'number' });
    else if (integer && !Number.isInteger(shown)) problems.push({ field: key, problem: 'integer' });
    else if (shown < min || shown > max) problems.push({ field: key, problem: 'range', min, max });
    else values[key] = isPercent(key) ? round(shown / 100) : shown;
  }
  const { goldShare, silverShare, dueAfterGaps, atRiskAfterGaps, lapsedAfterGaps, atRiskBelowPAlive, lapsedBelowPAlive } = values;
  if (goldShare !== undefined && silverShare !== undefined && goldShare + silverShare > MAX_TIERED_SHARE + 1e-9) {
    problems.push({ field: 'silverShare', problem: 'sum', max: MAX_TIERED_SHARE * 100 });
  }
  if (dueAfterGaps !== undefined && atRiskAfterGaps !== undefined && atRiskAfterGaps < dueAfterGaps) problems.push({ field: 'atRiskAfterGaps', problem: 'order', after: 'dueAfterGaps' });
  if (atRiskAfterGaps !== undefined && lapsedAfterGaps !== undefined && lapsedAfterGaps < atRiskAfterGaps) problems.push({ field: 'lapsedAfterGaps', problem: 'order', after: 'atRiskAfterGaps' });
  if (atRiskBelowPAlive !== undefined && lapsedBelowPAlive !== undefined && lapsedBelowPAlive > atRiskBelowPAlive) problems.push({ field: 'lapsedBelowPAlive', problem: 'order', after: 'atRiskBelowPAlive' });
  if (problems.length > 0) return { settings: null, problems };
  return { settings: { tierMetric: form.tierMetric, tierWindow: form.tierWindow, ...(values as Record<NumericSetting, number>) }, problems: [] };
}

/** Only what changed, so a save sends (and recomputes for) no more than it must. */
export function changedSettings(before: AnalyticsSettings, after: AnalyticsSettings): Partial<AnalyticsSettings> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as keyof AnalyticsSettings] !== value)) as Partial<AnalyticsSettings>;
}

/** Floating-point noise off (0.1 × 100 = 10.000000000000002). */
const round = (value: number) => Number(value.toPrecision(10));
