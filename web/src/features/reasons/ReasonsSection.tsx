import type { CustomerReason, CustomerReasons } from '@contracts/reasons.ts';
import { ActionIcon, Alert, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDoorExit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import { SectionModal } from '../profile/SectionModal.tsx';
import { PROFILE_SECTIONS } from '../profile/useSectionJump.ts';
import { AddReasonForm } from './AddReasonForm.tsx';
import { MarkLostForm } from './MarkLostForm.tsx';
import { useClearLost, useCustomerReasons, useRemoveReasonEntry } from './useReasons.ts';

/** Why they choose us (and why they left): the reasons the customer gave, newest first, and "lost" when a person marked it. */
export function ReasonsSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const t = useT();
  const reasons = useCustomerReasons(customerId);
  const [adding, addModal] = useDisclosure(false);
  const [losing, lostModal] = useDisclosure(false);
  const clear = useClearLost(customerId);
  const data = reasons.data;
  return (
    <ProfileSection id={PROFILE_SECTIONS.reasons} title={t('reasons.profile.title')}>
      {reasons.isPending && <Skeleton height={72} radius="sm" />}
      {reasons.isError && <ErrorAlert error={reasons.error} onRetry={() => void reasons.refetch()} />}
      {data && (
        <Stack gap="sm">
          {data.lost && <LostAlert lost={data.lost} canWrite={canWrite} clearing={clear.isPending} onClear={() => clear.mutate(undefined)} />}
          {data.items.length === 0 ? <Text size="sm" c="dimmed">{t('reasons.profile.none')}</Text> : data.items.map((entry) => <ReasonEntry key={entry.id} customerId={customerId} entry={entry} canWrite={canWrite} />)}
          {canWrite && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={addModal.open}>{t('reasons.profile.add')}</Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconDoorExit size={14} aria-hidden />} onClick={lostModal.open}>{data.lost ? t('reasons.lost.change') : t('reasons.lost.mark')}</Button>
            </Group>
          )}
        </Stack>
      )}
      <SectionModal opened={adding} onClose={addModal.close} title={t('reasons.profile.add')} size="md">
        <AddReasonForm customerId={customerId} onDone={addModal.close} />
      </SectionModal>
      <SectionModal opened={losing} onClose={lostModal.close} title={t('reasons.lost.mark')} size="md">
        <MarkLostForm customerId={customerId} lost={data?.lost ?? null} onDone={lostModal.close} />
      </SectionModal>
    </ProfileSection>
  );
}

function LostAlert({ lost, canWrite, clearing, onClear }: { lost: NonNullable<CustomerReasons['lost']>; canWrite: boolean; clearing: boolean; onClear: () => void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Alert color="red" variant="light" icon={<IconDoorExit aria-hidden />} title={t('reasons.lost.title', { reason: lost.reason?.name ?? '?' })}>
      <Stack gap={6}>
        <Text size="sm">{t('reasons.lost.since', { date: format.date(lost.at) })}</Text>
        {lost.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{lost.note}</Text>}
        {canWrite && (
          <Group>
            <Button size="xs" variant="white" color="red" onClick={onClear} loading={clearing}>{t('reasons.lost.clear')}</Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function ReasonEntry({ customerId, entry, canWrite }: { customerId: string; entry: CustomerReason; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const remove = useRemoveReasonEntry(customerId);
  const who = entry.recordedBy?.name ?? t(`reasons.via.${entry.via}`);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Stack gap={2} miw={0}>
        <Group gap={6}>
          <Text fw={600} size="sm">{entry.reason.name}</Text>
          {entry.kind === 'exit' && <Badge size="xs" color="red" variant="light">{t('reasons.profile.exitBadge')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{t('reasons.profile.meta', { date: format.day(entry.notedOn), who })}</Text>
        {/* Their own words, as text: React escapes it, never HTML. */}
        {entry.words && <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>“{entry.words}”</Text>}
      </Stack>
      {canWrite && (
        <ActionIcon variant="subtle" color="gray" aria-label={t('reasons.profile.remove', { name: entry.reason.name })} loading={remove.isPending} onClick={() => remove.mutate(entry.id)}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}
