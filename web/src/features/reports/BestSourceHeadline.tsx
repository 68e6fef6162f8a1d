import type { SourcesReport } from '@contracts/acquisition-reports.ts';
import { Alert } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** The source whose customers are worth the most each, in a sentence of the interface language (not the server's English headline). */
export function BestSourceHeadline({ best, currency }: { best: NonNullable<SourcesReport['best']>; currency: string }) {
  const { t, locale } = useI18n();
  const format = useFormat();
  const times = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(best.times);
  return (
    <Alert variant="light" color="teal" icon={<IconTrophy aria-hidden />} title={t('sourcesReport.best.title')}>
      {t('sourcesReport.best.sentence', {
        source: best.source,
        channel: best.channel,
        value: format.money(best.valuePerCustomer, currency),
        times,
        average: format.money(best.averagePerCustomer, currency),
        count: best.customers,
      })}
    </Alert>
  );
}
