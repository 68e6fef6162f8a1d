import type { Measure } from '@contracts/reports.ts';
import { Button, Group, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { segmentReportExportUrl } from '../../api/segmentReportsApi.ts';
import { useI18n, useT } from '../../i18n/i18nContext.ts';
import { useAttributes } from '../attributes/useAttributes.ts';
import { periodLabel } from './reportFigures.ts';
import { DIMENSIONS } from './segmentReportQuery.ts';

/** The dimensions to group by, each attribute by its label after the fixed ones; `none` first when asked for. */
export function useDimensionOptions({ withNone = false }: { withNone?: boolean } = {}) {
  const t = useT();
  const attributes = useAttributes();
  return [
    ...(withNone ? [{ value: 'none', label: t('segmentReports.dimensions.none') }] : []),
    ...DIMENSIONS.map((dimension) => ({ value: dimension, label: t(`segmentReports.dimensions.${dimension}`) })),
    ...(attributes.data ?? []).map((attribute) => ({ value: `attribute:${attribute.key}`, label: attribute.label })),
  ];
}

/** A measure's name, e.g. "Average order". */
export function useMeasureLabel() {
  const t = useT();
  return (measure: Measure) => t(`segmentReports.measures.${measure}`);
}

/** A period key or a column's label as shown in the interface language. */
export function usePeriodLabel() {
  const { locale } = useI18n();
  return (key: string) => periodLabel(key, locale);
}

/** The message of a rejected filter (400 filters.invalid, already in the interface language), if that is what went wrong. */
export function filterProblem(error: unknown): string | undefined {
  return isApiError(error) && error.status === 400 && error.code.startsWith('filters.') ? error.message : undefined;
}

/** A filter in the filter language (docs/filters.md), applied on Enter or when leaving the field; the server's complaint beneath. */
export function ReportFilterInput({ value, onChange, error }: { value: string | undefined; onChange: (filter: string | undefined) => void; error: string | undefined }) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // A new filter from outside (a link, going back) replaces what was typed.
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const apply = () => {
    const next = draft.trim() || undefined;
    if (next !== value) onChange(next);
  };
  return (
    <TextInput
      label={t('segmentReports.filter.label')}
      placeholder={t('segmentReports.filter.placeholder')}
      description={t('segmentReports.filter.help')}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
      }}
      error={error}
      spellCheck={false}
      autoComplete="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      style={{ flex: '1 1 320px' }}
    />
  );
}

/** From and to days; either may be left to the server's default range, whose days (`shown`, the report's) are then displayed. */
export function DateRangeInputs({ from, to, shown, onChange }: { from: string | undefined; to: string | undefined; shown?: { from: string; to: string } | undefined; onChange: (range: { from: string | undefined; to: string | undefined }) => void }) {
  const t = useT();
  const fromShown = from ?? shown?.from ?? '';
  const toShown = to ?? shown?.to ?? '';
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput type="date" label={t('segmentReports.from')} value={fromShown} max={toShown || undefined} onChange={(event) => onChange({ from: event.currentTarget.value || undefined, to })} w={150} />
      <TextInput type="date" label={t('segmentReports.to')} value={toShown} min={fromShown || undefined} onChange={(event) => onChange({ from, to: event.currentTarget.value || undefined })} w={150} />
    </Group>
  );
}

/** CSV and XLSX of the report shown, with the same query, headings in the interface language. */
export function SegmentReportExportButtons({ report, query, size = 'sm' }: { report: 'profit' | 'pivot' | { campaignId: string }; query: object; size?: 'xs' | 'sm' }) {
  const { t, locale } = useI18n();
  return (
    <Group gap="xs">
      <Button component="a" href={segmentReportExportUrl(report, query, 'csv', locale)} download variant="default" size={size} leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
        {t('reports.exportCsv')}
      </Button>
      <Button component="a" href={segmentReportExportUrl(report, query, 'xlsx', locale)} download variant="default" size={size} leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
        {t('reports.exportXlsx')}
      </Button>
    </Group>
  );
}
