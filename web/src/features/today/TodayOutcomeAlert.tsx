import { Affix, Alert, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { SendRefusalAlert } from '../sendEmail/SendRefusalAlert.tsx';
import type { TodayOutcome } from './todayOutcome.ts';

const SUCCESS_SHOWN_MS = 6000;

/** Pinned to the corner, so it is seen wherever on the queue the action was taken. */
function Corner({ children }: { children: ReactNode }) {
  return (
    <Affix position={{ bottom: 20, right: 20 }} zIndex={300}>
      <Paper shadow="md" radius="md" w={420} maw="calc(100vw - 40px)">
        {children}
      </Paper>
    </Affix>
  );
}

/** The last action's outcome: a confirmation that goes by itself, or why it failed (an email refused says how to fix it). */
export function TodayOutcomeAlert({ outcome, onClose }: { outcome: TodayOutcome; onClose: () => void }) {
  const t = useT();
  useEffect(() => {
    if (!outcome.ok) return;
    const timer = setTimeout(onClose, SUCCESS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome, onClose]);
  if (outcome.ok) {
    return (
      <Corner>
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose}>
          {outcome.text}
        </Alert>
      </Corner>
    );
  }
  return (
    <Corner>
      <Stack gap={4} p="xs">
        <Text size="sm" fw={600}>
          {t('today.outcome.failed', { name: outcome.name })}
        </Text>
        <SendRefusalAlert error={outcome.error} onClose={onClose} />
      </Stack>
    </Corner>
  );
}
