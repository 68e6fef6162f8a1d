import { Button, Stack, Tooltip } from '@mantine/core';
import { IconMessageQuestion, IconTicket } from '@tabler/icons-react';
import type { ReactElement } from 'react';
import type { WinbackEntry } from '../../api/winbackApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { LogCallPopover } from './LogCallPopover.tsx';
import { useWinbackAction } from './useWinback.ts';
import { actionBlocker, type WinbackActionName } from './winbackText.ts';

export type WinbackOutcome = { ok: true; text: string } | { ok: false; error: unknown; name: string };

interface WinbackRowActionsProps {
  entry: WinbackEntry;
  onOutcome: (outcome: WinbackOutcome) => void;
}

/** The three one-click actions; an email action is disabled (with the reason on hover) when it cannot go out. */
export function WinbackRowActions({ entry, onOutcome }: WinbackRowActionsProps) {
  const t = useT();
  const act = useWinbackAction(entry.customerId);
  const busy = act.isPending;

  const run = (action: WinbackActionName, note?: string) =>
    act.mutateAsync({ action, note }).then(
      (result) => {
        const text =
          action === 'call'
            ? t('winback.done.call', { name: entry.name })
            : action === 'ask_why'
              ? t('winback.done.ask_why', { name: entry.name, email: entry.email ?? '' })
              : t('winback.done.coupon', { name: entry.name, code: result.couponCode ?? '' });
        onOutcome({ ok: true, text });
      },
      (error: unknown) => onOutcome({ ok: false, error, name: entry.name }),
    );

  const emailButton = (action: 'ask_why' | 'coupon', icon: ReactElement, color: string) => {
    const blocker = actionBlocker(entry, action);
    const button = (
      <Button
        size="compact-xs"
        variant="light"
        color={color}
        leftSection={icon}
        fullWidth
        justify="flex-start"
        disabled={blocker !== null || busy}
        aria-label={t(`winback.actions.${action}For`, { name: entry.name })}
        onClick={() => void run(action)}
      >
        {t(`winback.actions.${action}`)}
      </Button>
    );
    if (!blocker) return button;
    // A disabled button gets no pointer events: the wrapper carries the tooltip and is focusable.
    return (
      <Tooltip label={t(blocker)} withArrow multiline w={220}>
        <span tabIndex={0} style={{ display: 'block' }} aria-label={`${t(`winback.actions.${action}`)}: ${t(blocker)}`}>
          {button}
        </span>
      </Tooltip>
    );
  };

  return (
    <Stack gap={4} miw={170} ml="auto">
      <LogCallPopover customerName={entry.name} pending={busy} disabled={busy} onLog={(note) => run('call', note)} />
      {emailButton('ask_why', <IconMessageQuestion size={14} aria-hidden />, 'blue')}
      {emailButton('coupon', <IconTicket size={14} aria-hidden />, 'grape')}
    </Stack>
  );
}
