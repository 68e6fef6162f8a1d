import { VALUE_WINDOWS as WINDOWS, type AnalyticsSettings } from '@contracts/analytics.ts';
import { Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { changedSettings, PERCENT_SETTINGS, readForm, toForm, type NumericSetting, type SettingsForm } from './settingsModel.ts';
import { useSaveAnalyticsSettings } from './useAnalytics.ts';
import { useSettingProblems } from './useSettingProblems.ts';


/** How customers are ranked into tiers, how value is predicted, and when a customer counts as drifting away. */
export function AnalyticsSettingsForm({ settings, editable }: { settings: AnalyticsSettings; editable: boolean }) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<SettingsForm>(() => toForm(settings, locale));
  const [saved, setSaved] = useState(false);
  const problems = useSettingProblems();
  const save = useSaveAnalyticsSettings();

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
    if (key !== 'tierMetric' && key !== 'tierWindow') problems.clear(key as NumericSetting);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const read = readForm(values, locale);
    if (!read.settings) {
      problems.show(read.problems);
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    problems.show([]);
    const patch = changedSettings(settings, read.settings);
    if (Object.keys(patch).length === 0) return setSaved(true);
    save.mutate(patch, { onSuccess: () => setSaved(true), onError: problems.showError });
  };

  const field = (key: NumericSetting, unitKey: string) => (
    <TextInput
      label={t(`value.settings.fields.${key}`)}
      description={t(`value.settings.hints.${key}`)}
      value={values[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      inputMode="decimal"
      disabled={!editable}
      error={problems.messages[key]}
      rightSection={
        <Text size="xs" c="dimmed" pr={4}>
          {t(unitKey)}
        </Text>
      }
      rightSectionWidth={PERCENT_SETTINGS.includes(key) ? 36 : 72}
      rightSectionPointerEvents="none"
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xl" maw={760}>
        {problems.formError !== null && <ErrorAlert error={problems.formError} />}
        <Group title={t('value.settings.tiers')} text={t('value.settings.tiersHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('value.settings.fields.tierMetric')}
              data={(['revenue', 'profit'] as const).map((metric) => ({ value: metric, label: t(`value.settings.metric.${metric}`) }))}
              value={values.tierMetric}
              onChange={(next) => next && set('tierMetric', next as AnalyticsSettings['tierMetric'])}
              allowDeselect={false}
              disabled={!editable}
            />
            <Select
              label={t('value.settings.fields.tierWindow')}
              data={WINDOWS.map((window) => ({ value: window, label: t(`value.windows.name.${window}`) }))}
              value={values.tierWindow}
              onChange={(next) => next && set('tierWindow', next as AnalyticsSettings['tierWindow'])}
              allowDeselect={false}
              disabled={!editable}
            />
            {field('goldShare', 'value.settings.units.percent')}
            {field('silverShare', 'value.settings.units.percent')}
          </SimpleGrid>
        </Group>
        <Group title={t('value.settings.prediction')} text={t('value.settings.predictionHint')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('horizonMonths', 'value.settings.units.months')}
            {field('discountRateMonthly', 'value.settings.units.percent')}
          </SimpleGrid>
        </Group>
        <Group title={t('value.settings.lapse')} text={t('value.settings.lapseHint')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field('dueAfterGaps', 'value.settings.units.gaps')}
            {field('atRiskAfterGaps', 'value.settings.units.gaps')}
            {field('lapsedAfterGaps', 'value.settings.units.gaps')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {field('atRiskBelowPAlive', 'value.settings.units.percent')}
            {field('lapsedBelowPAlive', 'value.settings.units.percent')}
            {field('defaultGapDays', 'value.settings.units.days')}
          </SimpleGrid>
        </Group>
        {editable && <SaveBar label={t('value.settings.save')} loading={save.isPending} savedMessage={saved ? t('value.settings.saved') : null} />}
      </Stack>
    </form>
  );
}

function Group({ title, text, children }: { title: string; text: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Stack gap={2} component="legend" p={0}>
        <Title order={3} fz="sm" component="span">
          {title}
        </Title>
        <Text size="xs" c="dimmed" component="span">
          {text}
        </Text>
      </Stack>
      {children}
    </Stack>
  );
}
