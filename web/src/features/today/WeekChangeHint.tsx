import { Group, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatChange, weekChange } from './todayModel.ts';

const LOOK = {
  up: { icon: IconArrowUpRight, color: 'teal.7' },
  down: { icon: IconArrowDownRight, color: 'red.7' },
  same: { icon: IconMinus, color: 'dimmed' },
} as const;

/** "↑ +25% · last week €1,200": the change in colour, then last week's figure. */
export function WeekChangeHint({ current, previous, previousText }: { current: number; previous: number; previousText: string }) {
  const t = useT();
  const format = useFormat();
  const change = weekChange(current, previous);
  const { icon: ArrowIcon, color } = LOOK[change.direction];
  const percent = formatChange(change, (share) => format.percent(share));
  const changeText = percent ?? (change.direction === 'same' ? t('today.week.same') : t('today.week.fromNothing'));
  return (
    <Group gap={4} wrap="wrap" component="span">
      <Text component="span" size="xs" fw={600} c={color} style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
        <ArrowIcon size={13} aria-hidden />
        <span aria-label={t(`today.week.${change.direction}`, { change: changeText })}>{changeText}</span>
      </Text>
      <Text component="span" size="xs" c="dimmed">
        · {t('today.week.lastWeek', { value: previousText })}
      </Text>
    </Group>
  );
}
