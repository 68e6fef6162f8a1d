import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { issueMessage } from '../../forms/issueMessage.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { limitsOf, MAX_TIERED_SHARE, PERCENT_SETTINGS, type NumericSetting, type SettingProblem } from './settingsModel.ts';

const NUMERIC_KEYS = new Set<string>(['goldShare', 'silverShare', 'discountRateMonthly', 'horizonMonths', 'dueAfterGaps', 'atRiskAfterGaps', 'lapsedAfterGaps', 'atRiskBelowPAlive', 'lapsedBelowPAlive', 'defaultGapDays']);

/**
 * The settings form's problems, under their fields and in the form's units (a share of 0.5 is
 * "50%"): the form's own check, or the field issues of the server's `request.invalid`.
 */
export function useSettingProblems() {
  const { t, has } = useI18n();
  const format = useFormat();
  const [messages, setMessages] = useState<Partial<Record<NumericSetting, string>>>({});
  const [formError, setFormError] = useState<unknown>(null);

  const unit = (key: NumericSetting, value: number) => (PERCENT_SETTINGS.includes(key) ? format.percent(value / 100, 2) : format.number(value));
  const describe = (problem: SettingProblem): string => {
    switch (problem.problem) {
      case 'number':
        return t('validation.invalid_number');
      case 'integer':
        return t('value.settings.errors.integer');
      case 'range':
        return t('value.settings.errors.range', { min: unit(problem.field, problem.min), max: unit(problem.field, problem.max) });
      case 'sum':
        return t('value.settings.errors.sum', { max: unit('goldShare', problem.max) });
      case 'order':
        return t(`value.settings.errors.order.${problem.field}`);
    }
  };

  const show = (problems: readonly SettingProblem[]) => {
    const next: Partial<Record<NumericSetting, string>> = {};
    for (const problem of problems) next[problem.field] ??= describe(problem);
    setMessages(next);
    setFormError(null);
  };

  /** A failed save: field issues under their fields (in the form's units), anything else above the form. */
  const showError = (error: unknown) => {
    const fields = isApiError(error) ? (error.fields ?? []) : [];
    const next: Partial<Record<NumericSetting, string>> = {};
    for (const issue of fields) {
      const key = issue.path.split('.')[0] ?? '';
      if (!NUMERIC_KEYS.has(key)) continue;
      const field = key as NumericSetting;
      const { min, max } = limitsOf(field);
      if (issue.code === 'too_big' || issue.code === 'too_small') next[field] ??= describe({ field, problem: 'range', min, max });
      else if (field === 'silverShare' && issue.code === 'custom') next[field] ??= describe({ field, problem: 'sum', max: MAX_TIERED_SHARE * 100 });
      else next[field] ??= issueMessage(t, has, issue);
    }
    setMessages(next);
    setFormError(Object.keys(next).length > 0 && Object.keys(next).length === fields.length ? null : error);
  };

  const clear = (key: NumericSetting) => setMessages((current) => ({ ...current, [key]: undefined }));

  return { messages, show, showError, clear, formError, setFormError };
}
