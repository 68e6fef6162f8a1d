import type { OwedThanks, ThankYou } from '@contracts/thanks.ts';
import { ActionIcon, Badge, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import { SectionModal } from '../profile/SectionModal.tsx';
import { PROFILE_SECTIONS } from '../profile/useSectionJump.ts';
import { LogThankYouForm } from './LogThankYouForm.tsx';
import { OwedActionButtons, OwedActionModal, type OwedAction } from './OwedActions.tsx';
import { useOwedText } from './useOwedText.ts';
import { useDeleteThankYou, useOwedThanks, useThankYous } from './useThanks.ts';

/** How we thanked them: what is owed by the rules (with the ways to settle it), then the log, newest first. */
export function ThankYousSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const t = useT();
  const thankYous = useThankYous(customerId);
  const owed = useOwedThanks({ status: 'owed', customerId });
  const [logging, logModal] = useDisclosure(false);
  const [action, setAction] = useState<OwedAction | null>(null);
  return (
    <ProfileSection id={PROFILE_SECTIONS.thanks} title={t('thanks.profile.title')}>
      {(thankYous.isPending || owed.isPending) && <Skeleton height={72} radius="sm" />}
      {thankYous.isError && <ErrorAlert error={thankYous.error} onRetry={() => void thankYous.refetch()} />}
      {owed.isError && <ErrorAlert error={owed.error} onRetry={() => void owed.refetch()} />}
      {thankYous.data && owed.data && (
        <Stack gap="sm">
          {owed.data.length > 0 && <OwedList items={owed.data} canWrite={canWrite} onAction={setAction} />}
          {thankYous.data.length === 0 ? (
            <Text size="sm" c="dimmed">{t('thanks.profile.none')}</Text>
          ) : (
            thankYous.data.map((entry) => <ThankYouEntry key={entry.id} customerId={customerId} entry={entry} canWrite={canWrite} />)
          )}
          {canWrite && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={logModal.open}>{t('thanks.profile.log')}</Button>
            </Group>
          )}
        </Stack>
      )}
      <SectionModal opened={logging} onClose={logModal.close} title={t('thanks.profile.log')} size="md">
        <LogThankYouForm customerId={customerId} preset={{}} onDone={logModal.close} />
      </SectionModal>
      <OwedActionModal action={action} onClose={() => setAction(null)} />
    </ProfileSection>
  );
}

function OwedList({ items, canWrite, onAction }: { items: OwedThanks[]; canWrite: boolean; onAction: (action: OwedAction) => void }) {
  const t = useT();
  const format = useFormat();
  const describe = useOwedText();
  return (
    <Stack gap="sm" p="sm" bg="var(--mantine-color-grape-light)" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Title order={3} fz="sm">{t('thanks.profile.owedTitle', { count: items.length })}</Title>
      {items.map((item) => (
        <Stack key={item.id} gap={4}>
          <Group gap={8} wrap="wrap" align="baseline">
            <Text size="sm" fw={500}>{describe(item)}</Text>
            <Text size="xs" c="dimmed">{format.day(item.occurredOn)}</Text>
          </Group>
          {canWrite && <OwedActionButtons item={item} onAction={onAction} justify="flex-start" />}
        </Stack>
      ))}
    </Stack>
  );
}

function ThankYouEntry({ customerId, entry, canWrite }: { customerId: string; entry: ThankYou; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const remove = useDeleteThankYou(customerId);
  const kind = t(`thanks.kinds.${entry.kind}`);
  const occasion = t(`thanks.occasions.${entry.occasion}`);
  const meta = [
    format.day(entry.givenOn),
    ...(entry.costMinor !== null && entry.currency ? [format.money(entry.costMinor, entry.currency)] : []),
    entry.recordedBy?.name ?? t('thanks.profile.bySystem'),
  ].join(' · ');
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Stack gap={2} miw={0}>
        <Group gap={6}>
          <Text fw={600} size="sm">{kind}</Text>
          <Badge size="xs" variant="light" color="grape">{occasion}</Badge>
        </Group>
        <Text size="xs" c="dimmed">{meta}</Text>
        {/* A note is plain text: React escapes it, never HTML. */}
        {entry.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.note}</Text>}
      </Stack>
      {canWrite && (
        <ActionIcon variant="subtle" color="gray" aria-label={t('thanks.profile.remove', { kind, occasion, date: format.day(entry.givenOn) })} loading={remove.isPending} onClick={() => remove.mutate(entry.id)}>
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      )}
    </Group>
  );
}
