import { Stack } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { RfmGrid } from './RfmGrid.tsx';
import { SegmentTiles } from './SegmentTiles.tsx';
import { useRfmReport } from './useAnalytics.ts';

/** RFM: customers by how recently, how often and how much they bought, in eleven named segments. */
export function RfmPage() {
  const t = useT();
  usePageTitle(t('value.tabs.segments'));
  const report = useRfmReport();
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  return (
    <Stack gap="md">
      <Panel size="sm" title={t('value.rfm.title')} description={t('value.rfm.description')}>
        <SegmentTiles report={report.data} />
      </Panel>
      <Panel size="sm" title={t('value.rfm.gridTitle')} description={t('value.rfm.gridDescription')}>
        <RfmGrid report={report.data} />
      </Panel>
    </Stack>
  );
}
