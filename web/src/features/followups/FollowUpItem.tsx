import type { FollowUp } from '@contracts/followups.ts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { FollowUpActions } from './FollowUpActions.tsx';
import { useFollowUpText } from './useFollowUpText.ts';

/** An open follow-up: what, when (red when overdue), who, why, the note, and its actions. */
export function FollowUpItem({ followUp, canWrite }: { followUp: FollowUp; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const what = useFollowUpText()(followUp);
  return (
    <Stack gap={4} p="xs" style={{ borderRadius: 'var(--mantine-radius-md)', border: `1px solid var(--mantine-color-${followUp.overdue ? 'red-3' : 'gray-3'})` }}>
      <Group gap={8} wrap="wrap" align="baseline">
        <Text size="sm" fw={600}>{t(`followUps.kinds.${followUp.kind}`)}</Text>
        <Text size="sm" c={followUp.overdue ? 'red.7' : undefined} fw={followUp.overdue ? 600 : undefined}>
          {format.day(followUp.dueOn)}
        </Text>
        {followUp.overdue && <Badge size="xs" color="red" variant="light">{t('followUps.overdue')}</Badge>}
        <Text size="xs" c="dimmed">{followUp.assignee?.name ?? t('followUps.form.team')}</Text>
        {followUp.snoozed > 0 && <Text size="xs" c="dimmed">{t('followUps.snoozedTimes', { count: followUp.snoozed })}</Text>}
      </Group>
      {/* Why a rule made it; one made by hand says only its kind, shown above. */}
      {followUp.rule && followUp.reason && <Text size="xs" c="dimmed">{followUp.reason}</Text>}
      {/* A note is plain text: React escapes it. */}
      {followUp.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{followUp.note}</Text>}
      {canWrite && <FollowUpActions followUp={followUp} what={what} />}
    </Stack>
  );
}
