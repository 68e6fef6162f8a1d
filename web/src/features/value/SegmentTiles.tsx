import type { RfmReport } from '@contracts/analytics.ts';
import { Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { SEGMENT_COLOR, segmentListPath, segmentRows } from './segmentModel.ts';

/** The eleven segments, best first, each a link to the customer list filtered on it. */
export function SegmentTiles({ report }: { report: RfmReport }) {
  const t = useT();
  const format = useFormat();
  const rows = segmentRows(report.segments, (segment) => ({ segment, customers: 0, revenueMinor: 0, share: 0 }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => {
        const name = t(`value.segment.${row.segment}.name`);
        const color = SEGMENT_COLOR[row.segment];
        return (
          <li key={row.segment}>
            <Card
              component={Link}
              to={segmentListPath(row.segment)}
              withBorder
              radius="md"
              p="sm"
              h="100%"
              className="rapport-tile"
              aria-label={t('value.rfm.tileLabel', { segment: name, count: row.customers })}
              style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
              opacity={row.customers === 0 ? 0.65 : 1}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
                <Text fw={650} size="sm">
                  {name}
                </Text>
                <Text size="sm" fw={650} c={`${color}.8`} style={{ whiteSpace: 'nowrap' }}>
                  {t('value.rfm.customers', { count: row.customers })}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" lh={1.35} mt={2} mb={6}>
                {t(`value.segment.${row.segment}.description`)}
              </Text>
              <Group justify="space-between" gap="xs" mt="auto">
                <Text size="xs" fw={500}>
                  {format.money(row.revenueMinor, report.currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('value.rfm.share', { percent: format.percent(row.share, 1) })}
                </Text>
              </Group>
            </Card>
          </li>
        );
      })}
    </SimpleGrid>
  );
}
