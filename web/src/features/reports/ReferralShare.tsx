import type { ReferralsReport } from '@contracts/acquisition-reports.ts';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** How many of the period's new customers came by referral, as a share and as counts. */
export function ReferralShare({ report }: { report: ReferralsReport }) {
  const t = useT();
  const format = useFormat();
  if (report.referralShare === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('referralsReport.share.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="sm" align="baseline">
        <Text fz={32} fw={700} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {format.percent(report.referralShare, 1)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('referralsReport.share.counts', { referred: format.number(report.referredNewCustomers), count: report.newCustomers })}
        </Text>
      </Group>
      <Progress value={report.referralShare * 100} color="grape" size="lg" radius="xl" aria-label={t('referralsReport.share.title')} />
    </Stack>
  );
}
