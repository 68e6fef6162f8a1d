import { Button } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { addDays } from '../followups/dueDays.ts';
import { useCreateFollowUp } from '../followups/useFollowUps.ts';
import type { AcknowledgedItem } from './DoneButton.tsx';
import { useReportOutcome } from './todayOutcome.ts';
import { useMarkTodayDone, useTodayAction } from './useToday.ts';

const IN_DAYS = 3;

/** "Follow up": a call for the reader in three days; the item is handled for today. */
export function FollowUpLaterButton({ item, today }: { item: AcknowledgedItem; today: string }) {
  const t = useT();
  const format = useFormat();
  const run = useTodayAction();
  const create = useCreateFollowUp(item.customerId);
  const done = useMarkTodayDone();
  const report = useReportOutcome();
  const dueOn = addDays(today, IN_DAYS);
  const click = () =>
    void run(item, async () => {
      await create.mutateAsync({ dueOn, kind: 'call' });
      await done.mutateAsync({ section: item.section, key: item.key, customerId: item.customerId });
    }).then(
      () => report({ ok: true, text: t('today.outcome.followUp', { name: item.customerName, day: format.day(dueOn) }) }),
      (error: unknown) => report({ ok: false, error, name: item.customerName }),
    );
  return (
    <Button
      size="compact-sm"
      variant="default"
      leftSection={<IconCalendarPlus size={14} aria-hidden />}
      loading={create.isPending}
      title={t('today.actions.followUpHint', { day: format.day(dueOn) })}
      aria-label={t('today.actions.followUpFor', { name: item.customerName, day: format.day(dueOn) })}
      onClick={click}
    >
      {t('today.actions.followUp')}
    </Button>
  );
}
