import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { reportExportUrl, type ReportName, type ReportPeriod } from '../../api/reportsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';

/** The report as a file, for the same period, its headings in the interface language (plain links: the browser downloads). */
export function ExportButtons({ report, period, query }: { report: ReportName; period: ReportPeriod; query?: Record<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <Group gap="xs">
      <Button component="a" href={reportExportUrl(report, 'csv', locale, period, query)} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
        {t('reports.exportCsv')}
      </Button>
      <Button component="a" href={reportExportUrl(report, 'xlsx', locale, period, query)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
        {t('reports.exportXlsx')}
      </Button>
    </Group>
  );
}
