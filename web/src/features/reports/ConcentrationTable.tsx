import type { ConcentrationGroup } from '@contracts/concentration.ts';
import { Anchor, Badge, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** The groups, largest first: each linked to the profile at its top, its revenue, share and customers who bought. */
export function ConcentrationTable({ groups, currency, warningShare }: { groups: readonly ConcentrationGroup[]; currency: string; warningShare: number }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('concentration.table.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              #
            </Table.Th>
            <Table.Th scope="col">{t('concentration.table.group')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('concentration.table.members')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('concentration.table.revenue')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('concentration.table.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g, index) => (
            <Table.Tr key={g.groupId}>
              <Table.Td c="dimmed">{format.number(index + 1)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={customerPath(g.groupId)} size="sm" fw={500}>
                    {g.name}
                  </Anchor>
                  {g.kind === 'organisation' && (
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {t('concentration.table.organisation')}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td {...NUMBER}>{format.number(g.members)}</Table.Td>
              <Table.Td {...NUMBER}>{format.money(g.revenue, currency)}</Table.Td>
              <Table.Td {...NUMBER} fw={600} c={g.share > warningShare ? 'orange.8' : undefined}>
                {format.percent(g.share, 1)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
