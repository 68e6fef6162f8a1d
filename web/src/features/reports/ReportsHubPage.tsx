import { Card, Group, SimpleGrid, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconArrowRight, IconChartArrowsVertical, IconChartLine, IconChartPie, IconDoorExit, IconGift, IconMessageHeart, IconTable, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';

const REPORTS: readonly { to: string; section: string; icon: Icon }[] = [
  { to: '/reports/sources', section: 'sourcesReport', icon: IconChartArrowsVertical },
  { to: '/reports/referrals', section: 'referralsReport', icon: IconUsersGroup },
  { to: '/reports/reasons', section: 'reasonsReport', icon: IconMessageHeart },
  { to: '/reports/exit-reasons', section: 'exitReport', icon: IconDoorExit },
  { to: '/reports/thank-yous', section: 'thanks.report', icon: IconGift },
  { to: '/reports/concentration', section: 'concentration', icon: IconChartPie },
  { to: '/reports/profit', section: 'segmentReports.profit', icon: IconChartLine },
  { to: '/reports/pivot', section: 'segmentReports.pivot', icon: IconTable },
];

/** Reports: each one, with what it answers in a line. */
export function ReportsHubPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('reports.title')} description={t('reports.description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={900}>
        {REPORTS.map(({ to, section, icon: ReportIcon }) => (
          <UnstyledButton key={to} component={Link} to={to} aria-label={t(`${section}.title`)}>
            <Card withBorder radius="lg" p="lg" h="100%">
              <Group wrap="nowrap" align="flex-start" gap="md">
                <ThemeIcon variant="light" size={44} radius="md">
                  <ReportIcon size={24} stroke={1.6} aria-hidden />
                </ThemeIcon>
                <div style={{ flex: 1 }}>
                  <Group gap={6} justify="space-between" wrap="nowrap">
                    <Text fw={600} fz="lg">
                      {t(`${section}.title`)}
                    </Text>
                    <IconArrowRight size={18} aria-hidden color="var(--mantine-color-dimmed)" />
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t(`${section}.summary`)}
                  </Text>
                </div>
              </Group>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </>
  );
}
