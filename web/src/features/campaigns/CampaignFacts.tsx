import { SimpleGrid, Text } from '@mantine/core';
import type { CampaignDetail } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { StatTile } from '../../ui/StatTile.tsx';
import { campaignDates } from './campaignDates.ts';

/** The campaign at a glance: its source, when it ran, what it cost, whom it brought, how often its codes were used. */
export function CampaignFacts({ campaign }: { campaign: CampaignDetail }) {
  const t = useT();
  const format = useFormat();
  const dates = campaignDates(campaign.startsOn, campaign.endsOn, format.day);
  const perCustomer = campaign.costMinor > 0 && campaign.customers > 0 ? Math.round(campaign.costMinor / campaign.customers) : null;
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <StatTile label={t('campaigns.facts.source')} value={campaign.source?.name ?? t('campaigns.noSource')} hint={campaign.source?.channel} />
        <StatTile label={t('campaigns.facts.dates')} value={<Text inherit fz="sm" fw={650}>{t(dates.key, dates.vars)}</Text>} />
        <StatTile label={t('campaigns.facts.cost')} value={format.money(campaign.costMinor, campaign.currency)} hint={t('campaigns.facts.costLines', { count: campaign.costs.length })} />
        <StatTile
          label={t('campaigns.facts.customers')}
          value={format.number(campaign.customers)}
          hint={perCustomer === null ? undefined : t('campaigns.facts.perCustomer', { amount: format.money(perCustomer, campaign.currency) })}
        />
        <StatTile label={t('campaigns.facts.redemptions')} value={format.number(campaign.redemptions)} hint={t('campaigns.facts.codes', { count: campaign.codes.length })} />
      </SimpleGrid>
      {campaign.notes && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {campaign.notes}
        </Text>
      )}
    </>
  );
}
