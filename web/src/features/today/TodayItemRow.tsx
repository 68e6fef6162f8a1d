import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TodayItem } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { TierBadge } from '../value/ValueBadges.tsx';
import { ItemActions } from './ItemActions.tsx';

interface TodayItemRowProps {
  item: TodayItem;
  today: string;
  currency: string;
  userId: string;
  /** Readers see the queue without the actions. */
  canWrite: boolean;
}

/** One compact row: who (linked), their tier, why they are here in a sentence, and the actions at the right. */
export function TodayItemRow({ item, today, currency, userId, canWrite }: TodayItemRowProps) {
  const t = useT();
  const format = useFormat();
  const overdue = item.followUp?.overdue === true;
  const assignee = item.followUp?.assignee;
  const showValue = (item.section === 'goldDrifting' || item.section === 'lapsedToAsk') && item.valueAtStakeMinor !== null;
  return (
    <Group component="li" justify="space-between" wrap="wrap" gap="xs" py={8} px="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Stack gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Group gap={8} wrap="wrap">
          <Anchor component={Link} to={customerPath(item.customerId)} fw={600} size="sm">
            {item.customerName}
          </Anchor>
          {item.tier && item.tier !== 'other' && <TierBadge tier={item.tier} size="xs" />}
          {overdue && (
            <Badge size="xs" color="red" variant="light" tt="none">
              {t('today.item.overdue')}
            </Badge>
          )}
          {item.followUp && assignee?.id !== userId && (
            <Text size="xs" c="dimmed">
              {assignee ? t('today.item.assignedTo', { name: assignee.name }) : t('today.item.team')}
            </Text>
          )}
          {showValue && (
            <Text size="xs" fw={600} c="orange.8" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('today.item.atStake', { value: format.money(item.valueAtStakeMinor!, currency) })}
            </Text>
          )}
        </Group>
        <Text size="sm" c={overdue ? 'red.7' : 'dimmed'} lh={1.35}>
          {item.reason}
        </Text>
      </Stack>
      {canWrite && (
        <Box ml="auto">
          <ItemActions item={item} today={today} />
        </Box>
      )}
    </Group>
  );
}
