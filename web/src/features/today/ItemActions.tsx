import { Group } from '@mantine/core';
import type { TodayItem } from '../../api/todayApi.ts';
import { DoneButton, isAcknowledged } from './DoneButton.tsx';
import { FollowUpActions } from './FollowUpActions.tsx';
import { FollowUpLaterButton } from './FollowUpLaterButton.tsx';
import { ThanksOwedActions } from './ThanksOwedActions.tsx';
import { WinbackItemActions } from './WinbackItemActions.tsx';

/** The one-click actions each kind of item has. */
export function ItemActions({ item, today }: { item: TodayItem; today: string }) {
  if (item.section === 'followUpsDue') return item.followUp ? <FollowUpActions item={{ ...item, followUp: item.followUp }} /> : null;
  if (item.section === 'thanksOwed') return item.owedId ? <ThanksOwedActions item={{ ...item, owedId: item.owedId }} /> : null;
  if (!isAcknowledged(item)) return null;
  if (item.section === 'goldDrifting' || item.section === 'lapsedToAsk') return <WinbackItemActions item={{ ...item, section: item.section }} today={today} />;
  return (
    <Group gap={6} wrap="nowrap">
      <FollowUpLaterButton item={item} today={today} />
      <DoneButton item={item} />
    </Group>
  );
}
