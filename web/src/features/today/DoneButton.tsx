import { Button } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { TodayItem } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useReportOutcome } from './todayOutcome.ts';
import { useMarkTodayDone, useTodayAction } from './useToday.ts';

export type AcknowledgedItem = TodayItem & { section: 'goldDrifting' | 'lapsedToAsk' | 'keyDates' | 'newCustomers' };

export const isAcknowledged = (item: TodayItem): item is AcknowledgedItem =>
  item.section === 'goldDrifting' || item.section === 'lapsedToAsk' || item.section === 'keyDates' || item.section === 'newCustomers';

/** Marks the item handled for today: it leaves the list at once and stays off it. */
export function DoneButton({ item }: { item: AcknowledgedItem }) {
  const t = useT();
  const run = useTodayAction();
  const done = useMarkTodayDone();
  const report = useReportOutcome();
  const click = () =>
    void run(item, () => done.mutateAsync({ section: item.section, key: item.key, customerId: item.customerId })).catch((error: unknown) =>
      report({ ok: false, error, name: item.customerName }),
    );
  return (
    <Button size="compact-sm" variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden />} aria-label={t('today.actions.doneFor', { name: item.customerName })} onClick={click}>
      {t('today.actions.done')}
    </Button>
  );
}
