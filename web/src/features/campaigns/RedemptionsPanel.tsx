import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CampaignDetail } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { customerPath } from '../customers/CustomerLink.tsx';
import { useRedemptions } from './useCampaigns.ts';

const NUMBER = { ta: 'right', style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const;

/** Purchases that carried the campaign's codes (the latest 1,000), those past a limit or outside the dates marked. */
export function RedemptionsPanel({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const format = useFormat();
  const redemptions = useRedemptions(campaign.id);
  const items = redemptions.data ?? [];
  return (
    <Panel size="sm" title={t('campaigns.redemptions.title')} description={t('campaigns.redemptions.description')}>
      {redemptions.isPending && <TableSkeleton rows={3} />}
      {redemptions.isError && <ErrorAlert error={redemptions.error} onRetry={() => void redemptions.refetch()} />}
      {redemptions.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('campaigns.redemptions.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={620} mah={480}>
          <Table verticalSpacing={6} stickyHeader highlightOnHover aria-label={t('campaigns.redemptions.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.redemptions.when')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.redemptions.code')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.redemptions.customer')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('campaigns.redemptions.amount')}
                </Table.Th>
                <Table.Th scope="col">{t('campaigns.redemptions.flag')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.transactionId}-${item.code}`} bg={item.flag ? 'var(--mantine-color-orange-0)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {/* The day, as the purchases table shows it (most imports carry no time); the instant on hover. */}
                    <time dateTime={item.redeemedAt} title={format.dateTime(item.redeemedAt)}>
                      {format.date(item.redeemedAt)}
                    </time>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {item.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {item.customerId ? (
                      <Anchor component={Link} to={customerPath(item.customerId)} size="sm">
                        {item.customerName ?? t('campaigns.redemptions.unnamed')}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('campaigns.redemptions.noCustomer')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td {...NUMBER}>{format.money(item.amountMinor, campaign.currency)}</Table.Td>
                  <Table.Td>
                    {item.flag ? (
                      <Badge color="orange" variant="light" tt="none">
                        {t(`campaigns.redemptions.flags.${item.flag}`)}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('campaigns.redemptions.ok')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Panel>
  );
}
