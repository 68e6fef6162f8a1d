import type { CustomerValue } from '@contracts/analytics.ts';
import { Group, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { FactList, type Fact } from '../profile/FactList.tsx';
import { useAnalyticsSettings } from './useAnalytics.ts';
import { SegmentBadge, TierBadge } from './ValueBadges.tsx';

/** Where the customer ranks, their RFM segment, what the model expects of them, and whether they are drifting away. */
export function CustomerOutlook({ value }: { value: CustomerValue }) {
  const t = useT();
  const format = useFormat();
  const settings = useAnalyticsSettings();
  const horizon = settings.data?.horizonMonths ?? 12;
  const { prediction, lapse, rfm } = value;

  const facts: Fact[] = [
    {
      label: t('value.panel.rank'),
      value:
        value.rank === null
          ? null
          : t('value.panel.rankOf', { rank: format.number(value.rank), total: format.number(value.rankedCustomers) }) +
            (value.percentile === null ? '' : ` · ${t('value.panel.percentile', { percentile: format.number(Math.round(value.percentile)) })}`),
      unknownText: t('value.panel.notRanked'),
    },
    {
      label: t('value.panel.tier'),
      value: value.tier && (
        <Group gap={8} component="span">
          <TierBadge tier={value.tier} />
          {value.previousTier && value.previousTier !== value.tier && (
            <Text span size="sm" c="dimmed">
              {t('value.panel.previousTier', { tier: t(`value.tier.${value.previousTier}`) })}
            </Text>
          )}
        </Group>
      ),
      unknownText: t('value.panel.noTier'),
    },
    {
      label: t('value.panel.rfm'),
      value: rfm && (
        <Group gap={8} component="span" wrap="wrap">
          <Text span size="sm" ff="monospace" aria-label={t('value.panel.rfmScoresLong', { r: rfm.r, f: rfm.f, m: rfm.m })}>
            R{rfm.r} F{rfm.f} M{rfm.m}
          </Text>
          <SegmentBadge segment={rfm.segment} />
          <Text span size="sm" c="dimmed">
            {t(`value.segment.${rfm.segment}.description`)}
          </Text>
        </Group>
      ),
    },
    {
      label: t('value.panel.outlook'),
      value: (
        <Text span size="sm">
          {prediction.available && prediction.clvMinor !== null && prediction.pAlive !== null
            ? t('value.panel.prediction', { count: horizon, amount: format.money(roundToMajor(prediction.clvMinor, value.currency), value.currency), percent: format.percent(prediction.pAlive) })
            : t(`value.reason.${prediction.reason ?? 'not_computed'}`)}
        </Text>
      ),
    },
    {
      label: t('value.panel.rhythm'),
      value: lapse.state && (
        <Text span size="sm">
          {t(`value.lapse.sentence.${lapse.state}`, { count: value.daysSinceLastPurchase ?? 0, gap: Math.round(lapse.gapDays ?? 0) })}
          {lapse.gapSource && ` ${t(`value.lapse.source.${lapse.gapSource}`)}`}
        </Text>
      ),
    },
  ];
  return <FactList facts={facts} labelWidth={150} />;
}

/** "About $1,394", not "about $1,393.51": a prediction is not that precise. */
function roundToMajor(minor: number, currency: string): number {
  const unit = 10 ** currencyFractionDigits(currency);
  return Math.round(minor / unit) * unit;
}
