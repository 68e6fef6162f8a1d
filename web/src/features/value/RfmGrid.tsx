import { RFM_SEGMENTS, type RfmReport } from '@contracts/analytics.ts';
import { Box, Group, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { gridRows, SEGMENT_COLOR } from './segmentModel.ts';

/**
 * Recency score (1 = long ago, 5 = recent) across, frequency-and-monetary score up; each cell
 * coloured by its segment, with how many customers are in it.
 */
export function RfmGrid({ report }: { report: RfmReport }) {
  const t = useT();
  const format = useFormat();
  const rows = gridRows(report.grid);
  const segments = RFM_SEGMENTS.filter((segment) => report.grid.some((cell) => cell.segment === segment));
  return (
    <Box>
      <Table withTableBorder={false} withColumnBorders={false} aria-label={t('value.rfm.gridTitle')} maw={560} style={{ tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 4 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120} fz="xs" c="dimmed">
              {t('value.rfm.fmAxis')}
            </Table.Th>
            {[1, 2, 3, 4, 5].map((r) => (
              <Table.Th key={r} ta="center" fz="xs" c="dimmed" aria-label={t('value.rfm.recencyScore', { score: r })}>
                {r}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row[0]!.fm}>
              <Table.Th scope="row" ta="right" fz="xs" c="dimmed" fw={500} aria-label={t('value.rfm.fmScore', { score: row[0]!.fm })}>
                {row[0]!.fm}
              </Table.Th>
              {row.map((cell) => {
                const color = cell.segment ? SEGMENT_COLOR[cell.segment] : 'gray';
                const name = cell.segment ? t(`value.segment.${cell.segment}.name`) : '';
                return (
                  <Table.Td
                    key={cell.r}
                    ta="center"
                    p={0}
                    h={52}
                    bg={`${color}.${cell.customers > 0 ? 2 : 0}`}
                    title={name}
                    style={{ borderRadius: 6, border: `1px solid var(--mantine-color-${color}-3)` }}
                    aria-label={t('value.rfm.cell', { segment: name, count: cell.customers })}
                  >
                    <Text size="sm" fw={cell.customers > 0 ? 700 : 400} c={cell.customers > 0 ? `${color}.9` : 'gray.5'}>
                      {format.number(cell.customers)}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <caption style={{ captionSide: 'bottom', fontSize: 12, color: 'var(--mantine-color-dimmed)', paddingTop: 4 }}>{t('value.rfm.recencyAxis')}</caption>
      </Table>
      <Group gap="sm" mt="sm" aria-hidden>
        {segments.map((segment) => (
          <Group key={segment} gap={4} wrap="nowrap">
            <Box w={12} h={12} bg={`${SEGMENT_COLOR[segment]}.3`} style={{ borderRadius: 3 }} />
            <Text size="xs" c="dimmed">
              {t(`value.segment.${segment}.name`)}
            </Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
