import { Button, Group, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconClockPause } from '@tabler/icons-react';
import type { SnoozeDays } from '../../api/followUpsApi.ts';
import type { TodayItem } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useDoneFollowUp, useSkipFollowUp, useSnoozeFollowUp } from '../followups/useFollowUps.ts';
import { DoneNotePopover } from './DoneNotePopover.tsx';
import { SkipPopover } from './SkipPopover.tsx';
import { useReportOutcome } from './todayOutcome.ts';
import { useTodayAction } from './useToday.ts';

/** A follow-up due: Done in one click (or with a note), Snooze a day or a week, Skip with a reason. */
export function FollowUpActions({ item }: { item: TodayItem & { followUp: NonNullable<TodayItem['followUp']> } }) {
  const t = useT();
  const run = useTodayAction();
  const report = useReportOutcome();
  const done = useDoneFollowUp(item.customerId);
  const snooze = useSnoozeFollowUp(item.customerId);
  const skip = useSkipFollowUp(item.customerId);
  const followUpId = item.followUp.id;
  const name = item.customerName;

  const act = (action: () => Promise<unknown>, success?: string) =>
    void run(item, action).then(
      () => success && report({ ok: true, text: success }),
      (error: unknown) => report({ ok: false, error, name }),
    );
  const snoozeFor = (days: SnoozeDays) =>
    act(() => snooze.mutateAsync({ followUpId, days }), t(days === 1 ? 'today.outcome.snoozedDay' : 'today.outcome.snoozedWeek', { name }));

  return (
    <Group gap={6} wrap="nowrap">
      <Group gap={2} wrap="nowrap">
        <Button size="compact-sm" variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden />} aria-label={t('today.actions.doneFor', { name })} onClick={() => act(() => done.mutateAsync({ followUpId }))}>
          {t('today.actions.done')}
        </Button>
        <DoneNotePopover customerName={name} onDone={(note) => act(() => done.mutateAsync({ followUpId, note }), t('today.outcome.doneWithNote', { name }))} />
      </Group>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <Button size="compact-sm" variant="default" leftSection={<IconClockPause size={14} aria-hidden />} rightSection={<IconChevronDown size={12} aria-hidden />} aria-label={t('today.actions.snoozeFor', { name })}>
            {t('today.actions.snooze')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => snoozeFor(1)}>{t('today.actions.snoozeDay')}</Menu.Item>
          <Menu.Item onClick={() => snoozeFor(7)}>{t('today.actions.snoozeWeek')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SkipPopover customerName={name} onSkip={(reason) => act(() => skip.mutateAsync({ followUpId, reason }))} />
    </Group>
  );
}
