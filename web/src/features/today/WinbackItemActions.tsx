import { Button, Group, Tooltip } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/i18nContext.ts';
import { LogCallPopover } from '../winback/LogCallPopover.tsx';
import { useWinbackAction } from '../winback/useWinback.ts';
import { actionBlocker } from '../winback/winbackText.ts';
import { DoneButton, type AcknowledgedItem } from './DoneButton.tsx';
import { FollowUpLaterButton } from './FollowUpLaterButton.tsx';
import { useReportOutcome } from './todayOutcome.ts';
import { useMarkTodayDone, useTodayAction } from './useToday.ts';

/**
 * Drifting: "Log call" (the win-back call, with what was said), "Follow up" in three days, "Done".
 * Lapsed: "Ask why" (the win-back exit-question email), "Done". Each handles the item for today.
 */
export function WinbackItemActions({ item, today }: { item: AcknowledgedItem & { section: 'goldDrifting' | 'lapsedToAsk' }; today: string }) {
  const t = useT();
  const run = useTodayAction();
  const report = useReportOutcome();
  const queryClient = useQueryClient();
  const act = useWinbackAction(item.customerId);
  const done = useMarkTodayDone();
  const name = item.customerName;

  const logCall = (note: string | undefined) =>
    run(item, async () => {
      await act.mutateAsync({ action: 'call', note });
      await done.mutateAsync({ section: item.section, key: item.key, customerId: item.customerId });
    }).then(
      () => report({ ok: true, text: t('winback.done.call', { name }) }),
      (error: unknown) => report({ ok: false, error, name }),
    );
  // Asking is what takes a lapsed customer off the list (the server leaves out those asked lately).
  const askWhy = () =>
    void run(item, () => act.mutateAsync({ action: 'ask_why' })).then(
      () => {
        report({ ok: true, text: t('winback.done.ask_why', { name, email: item.email ?? '' }) });
        void queryClient.invalidateQueries({ queryKey: ['email', 'outbox'] });
      },
      (error: unknown) => report({ ok: false, error, name }),
    );

  const blocker = actionBlocker({ email: item.email, consent: false }, 'ask_why');
  const askButton = (
    <Button
      size="compact-sm"
      variant="light"
      color="blue"
      leftSection={<IconMessageQuestion size={14} aria-hidden />}
      disabled={blocker !== null || act.isPending}
      aria-label={t('winback.actions.ask_whyFor', { name })}
      onClick={askWhy}
    >
      {t('winback.actions.ask_why')}
    </Button>
  );

  return (
    <Group gap={6} wrap="nowrap">
      {item.section === 'goldDrifting' ? (
        <>
          <div style={{ width: 'auto' }}>
            <LogCallPopover customerName={name} pending={act.isPending} disabled={act.isPending} onLog={logCall} />
          </div>
          <FollowUpLaterButton item={item} today={today} />
        </>
      ) : blocker ? (
        // A disabled button gets no pointer events: the wrapper carries the tooltip and is focusable.
        <Tooltip label={t(blocker)} withArrow multiline w={220}>
          <span tabIndex={0} aria-label={`${t('winback.actions.ask_why')}: ${t(blocker)}`}>
            {askButton}
          </span>
        </Tooltip>
      ) : (
        askButton
      )}
      <DoneButton item={item} />
    </Group>
  );
}
