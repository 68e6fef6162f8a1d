import type { CustomerSummary } from '@contracts/customers.ts';
import { Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSession } from '../auth/useSession.ts';
import { LapseBadge, SegmentBadge, TierBadge } from '../value/ValueBadges.tsx';

/** A customer-value column of the list (money in the workspace currency); a dash until the metrics are computed. */
export function ValueCell({ column, value }: { column: string; value: CustomerSummary['value'] }) {
  const t = useT();
  const format = useFormat();
  const { workspace } = useSession();
  const money = (minor: number | null) => (minor === null ? null : format.money(minor, workspace.baseCurrency));
  const number = (count: number | null) => (count === null ? null : format.number(count));

  const content = (() => {
    if (!value) return null;
    switch (column) {
      case 'tier':
        return value.tier && <TierBadge tier={value.tier} />;
      case 'rfmSegment':
        return value.rfmSegment && <SegmentBadge segment={value.rfmSegment} />;
      case 'lapseState':
        return value.lapseState && <LapseBadge state={value.lapseState} />;
      case 'revenue365':
        return money(value.revenue365Minor);
      case 'revenueLifetime':
        return money(value.revenueLifetimeMinor);
      case 'clv':
        return money(value.clvMinor);
      case 'purchases':
        return number(value.purchases);
      case 'daysSinceLastPurchase':
        return number(value.daysSinceLastPurchase);
      case 'valueRank':
        return number(value.valueRank);
      case 'pAlive':
        return value.pAlive === null ? null : format.percent(value.pAlive);
      default:
        return null;
    }
  })();

  if (content === null || content === '') {
    return (
      <Text size="sm" c="gray.5" aria-label={t('common.empty')}>
        —
      </Text>
    );
  }
  return typeof content === 'string' ? (
    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {content}
    </Text>
  ) : (
    content
  );
}
