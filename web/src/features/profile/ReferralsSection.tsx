import type { ReferralsOf } from '@contracts/referrals.ts';
import { SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { StatTile } from '../../ui/StatTile.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { ReferralCode } from './ReferralCode.tsx';
import { ReferralTree } from './ReferralTree.tsx';
import { ReferredBy } from './ReferredBy.tsx';
import { REFERRAL_DEPTH, useReferrals } from './useReferrals.ts';
import { PROFILE_SECTIONS } from './useSectionJump.ts';

/** Who referred the customer, the code they share, whom they referred (several levels) and what those referrals are worth. */
export function ReferralsSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const t = useT();
  const referrals = useReferrals(customerId);
  return (
    <ProfileSection id={PROFILE_SECTIONS.referrals} title={t('referrals.title')}>
      {referrals.isPending && <Skeleton height={120} radius="sm" />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <ReferredBy customerId={customerId} referredBy={referrals.data.referredBy} canWrite={canWrite} />
            <ReferralCode customerId={customerId} code={referrals.data.referralCode} canWrite={canWrite} />
          </SimpleGrid>
          <Referred referrals={referrals.data} />
        </Stack>
      )}
    </ProfileSection>
  );
}

function Referred({ referrals }: { referrals: ReferralsOf }) {
  const t = useT();
  const format = useFormat();
  const { currency } = referrals;
  return (
    <div>
      <Title order={3} fz="sm" mb={6}>
        {t('referrals.referred')}
      </Title>
      {referrals.referrals === 0 ? (
        <Text size="sm" c="gray.6" fs="italic">
          {t('referrals.noneReferred')}
        </Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="xs">
            <StatTile label={t('referrals.totals.referred')} value={format.number(referrals.referrals)} hint={t('referrals.totals.buyers', { count: referrals.buyers })} />
            <StatTile label={t('referrals.totals.direct')} value={format.money(referrals.directRevenueMinor, currency)} hint={t('referrals.totals.directHint')} />
            <StatTile label={t('referrals.totals.network')} value={format.money(referrals.networkRevenueMinor, currency)} hint={t('referrals.totals.networkSize', { count: referrals.networkSize })} />
          </SimpleGrid>
          <ReferralTree nodes={referrals.referred} currency={currency} />
          {referrals.networkSize > countNodes(referrals.referred) && (
            <Text size="xs" c="dimmed">
              {t('referrals.tree.deeper', { count: REFERRAL_DEPTH })}
            </Text>
          )}
        </Stack>
      )}
    </div>
  );
}

const countNodes = (nodes: ReferralsOf['referred']): number => nodes.reduce((sum, node) => sum + 1 + countNodes(node.referred), 0);
