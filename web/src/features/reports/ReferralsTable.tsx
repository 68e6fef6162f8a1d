import type { ReferrerRow } from '@contracts/acquisition-reports.ts';
import { Anchor, Badge, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { customersLikeTheseUrl } from './customersLikeThese.ts';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** The leaderboard: each referrer (linked to their profile), whom they brought and what that is worth. */
export function ReferralsTable({ rows, currency }: { rows: readonly ReferrerRow[]; currency: string }) {
  const t = useT();
  const format = useFormat();
  const columns = ['referrals', 'buyers', 'directRevenue', 'networkRevenue', 'networkSize', 'depth', 'thanksOwed'] as const;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={t('referralsReport.tableTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              #
            </Table.Th>
            <Table.Th scope="col">{t('referralsReport.columns.referrer')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" ta="right">
                {t(`referralsReport.columns.${column}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.referrerId}>
              <Table.Td c="dimmed">{format.number(index + 1)}</Table.Td>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={customerPath(row.referrerId)} size="sm" fw={500}>
                    {row.referrer}
                  </Anchor>
                  {!row.isCustomer && (
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {t('referralsReport.introducer')}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td {...NUMBER}>
                <Anchor component={Link} to={customersLikeTheseUrl([{ field: 'referredBy', op: 'eq', value: row.referrerId }])} inherit aria-label={t('referralsReport.openReferrals', { count: row.referrals, name: row.referrer })}>
                  {format.number(row.referrals)}
                </Anchor>
              </Table.Td>
              <Table.Td {...NUMBER}>{format.number(row.buyers)}</Table.Td>
              <Table.Td {...NUMBER}>{format.money(row.directRevenue, currency)}</Table.Td>
              <Table.Td {...NUMBER} fw={600}>
                {format.money(row.networkRevenue, currency)}
              </Table.Td>
              <Table.Td {...NUMBER}>{format.number(row.networkSize)}</Table.Td>
              <Table.Td {...NUMBER}>{format.number(row.depth)}</Table.Td>
              <Table.Td {...NUMBER}>{format.number(row.thanksOwed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
