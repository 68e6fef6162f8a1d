import type { Campaign } from '@contracts/campaigns.ts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { campaignDates } from './campaignDates.ts';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

export function campaignPath(campaignId: string): string {
  return `/campaigns/${encodeURIComponent(campaignId)}`;
}

/** Every campaign: its source, when it ran, what it cost, whom it brought and how often its codes were used. */
export function CampaignsTable({ campaigns }: { campaigns: readonly Campaign[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('campaigns.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('campaigns.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.columns.source')}</Table.Th>
            <Table.Th scope="col">{t('campaigns.columns.dates')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.columns.cost')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.columns.customers')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('campaigns.columns.redemptions')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.map((campaign) => {
            const dates = campaignDates(campaign.startsOn, campaign.endsOn, format.day);
            return (
              <Table.Tr key={campaign.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={campaignPath(campaign.id)} size="sm" fw={500}>
                    {campaign.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  {campaign.source ? (
                    <Text size="sm">
                      {campaign.source.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {campaign.source.channel}
                      </Text>
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('campaigns.noSource')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={campaign.startsOn || campaign.endsOn ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {t(dates.key, dates.vars)}
                  </Text>
                </Table.Td>
                <Table.Td {...NUMBER}>{campaign.costMinor === 0 ? <Text span c="dimmed" size="sm">—</Text> : format.money(campaign.costMinor, campaign.currency)}</Table.Td>
                <Table.Td {...NUMBER}>{format.number(campaign.customers)}</Table.Td>
                <Table.Td {...NUMBER}>{format.number(campaign.redemptions)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
