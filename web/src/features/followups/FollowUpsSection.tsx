import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import { ClosedFollowUps } from './ClosedFollowUps.tsx';
import { followUpsSectionId } from './followUpsSectionId.ts';
import { FollowUpItem } from './FollowUpItem.tsx';
import { NewFollowUpModal } from './NewFollowUpModal.tsx';
import { splitFollowUps } from './followUpList.ts';
import { useCustomerFollowUps } from './useFollowUps.ts';

/** A customer's follow-ups on their profile: the open ones by due day, the closed ones folded below. */
export function FollowUpsSection({ customerId, customerName, canWrite }: { customerId: string; customerName: string; canWrite: boolean }) {
  const t = useT();
  const followUps = useCustomerFollowUps(customerId);
  const [adding, add] = useDisclosure(false);
  const { open, closed } = splitFollowUps(followUps.data ?? []);
  return (
    <ProfileSection id={followUpsSectionId} title={t('followUps.profile.title')}>
      {followUps.isPending && <Skeleton height={72} radius="sm" />}
      {followUps.isError && <ErrorAlert error={followUps.error} onRetry={() => void followUps.refetch()} />}
      {followUps.data && (
        <Stack gap="sm">
          {open.length === 0 ? <Text size="sm" c="dimmed">{t('followUps.profile.none')}</Text> : open.map((item) => <FollowUpItem key={item.id} followUp={item} canWrite={canWrite} />)}
          <ClosedFollowUps items={closed} />
          {canWrite && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconCalendarPlus size={14} aria-hidden />} onClick={add.open}>{t('followUps.profile.add')}</Button>
            </Group>
          )}
        </Stack>
      )}
      <NewFollowUpModal opened={adding} customerId={customerId} customerName={customerName} onClose={add.close} />
    </ProfileSection>
  );
}
