import type { LapseState, RfmSegment, Tier } from '@contracts/analytics.ts';
import { Badge, type BadgeProps } from '@mantine/core';
import { IconCrown } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { SEGMENT_COLOR } from './segmentModel.ts';

const TIER_COLOR: Record<Tier, string> = { gold: 'yellow', silver: 'gray', other: 'gray' };
export const LAPSE_COLOR: Record<LapseState, string> = { active: 'teal', due: 'yellow', at_risk: 'orange', lapsed: 'red' };

type Size = BadgeProps['size'];

export function TierBadge({ tier, size = 'sm' }: { tier: Tier; size?: Size }) {
  const t = useT();
  return (
    <Badge
      size={size}
      variant={tier === 'other' ? 'transparent' : 'light'}
      color={TIER_COLOR[tier]}
      leftSection={tier === 'other' ? undefined : <IconCrown size={12} aria-hidden />}
      c={tier === 'gold' ? 'yellow.9' : tier === 'other' ? 'dimmed' : undefined}
      tt="none"
      px={tier === 'other' ? 0 : undefined}
    >
      {t(`value.tier.${tier}`)}
    </Badge>
  );
}

export function SegmentBadge({ segment, size = 'sm' }: { segment: RfmSegment; size?: Size }) {
  const t = useT();
  return (
    <Badge size={size} variant="light" color={SEGMENT_COLOR[segment]} tt="none">
      {t(`value.segment.${segment}.name`)}
    </Badge>
  );
}

export function LapseBadge({ state, size = 'sm' }: { state: LapseState; size?: Size }) {
  const t = useT();
  return (
    <Badge size={size} variant="dot" color={LAPSE_COLOR[state]} tt="none">
      {t(`value.lapse.${state}`)}
    </Badge>
  );
}
