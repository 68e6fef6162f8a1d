import { Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PERIOD_PRESETS, presetPeriod, type PeriodChoice, type PeriodPreset } from './period.ts';

interface PeriodPickerProps {
  choice: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  today: string;
  /** What the days are: "Acquired" for the Sources report. */
  label: string;
}

/** Presets (last 12 months, this year, all time) or days of one's own, and the days they cover in words. */
export function PeriodPicker({ choice, onChange, today, label }: PeriodPickerProps) {
  const t = useT();
  const format = useFormat();
  // Days of one's own start from the days shown, so that only one end needs changing.
  const pick = (preset: PeriodPreset) => {
    if (preset !== 'custom') return onChange({ preset, ...presetPeriod(preset, today) });
    const shown = choice.from || choice.to ? choice : presetPeriod('12m', today);
    onChange({ preset, from: shown.from, to: shown.to });
  };
  const span =
    choice.from && choice.to
      ? t('reports.period.between', { from: format.day(choice.from), to: format.day(choice.to) })
      : choice.from
        ? t('reports.period.since', { from: format.day(choice.from) })
        : choice.to
          ? t('reports.period.until', { to: format.day(choice.to) })
          : t('reports.period.everything');

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <div>
        <Text size="sm" fw={500} mb={4} id="report-period-label">
          {label}
        </Text>
        <SegmentedControl
          aria-labelledby="report-period-label"
          value={choice.preset}
          onChange={(value) => pick(value as PeriodPreset)}
          data={PERIOD_PRESETS.map((preset) => ({ value: preset, label: t(`reports.period.${preset}`) }))}
        />
      </div>
      {choice.preset === 'custom' && (
        <Group gap="xs" align="flex-end">
          <TextInput type="date" label={t('reports.period.from')} value={choice.from ?? ''} max={choice.to} onChange={(event) => onChange({ ...choice, from: event.currentTarget.value || undefined })} />
          <TextInput type="date" label={t('reports.period.to')} value={choice.to ?? ''} min={choice.from} onChange={(event) => onChange({ ...choice, to: event.currentTarget.value || undefined })} />
        </Group>
      )}
      <Text size="sm" c="dimmed" pb={8}>
        {span}
      </Text>
    </Group>
  );
}
