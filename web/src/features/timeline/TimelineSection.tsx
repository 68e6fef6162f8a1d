import type { Activity } from '@contracts/activities.ts';
import { Divider, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { ProfileSection } from '../profile/ProfileSection.tsx';
import { ProfileOutreach } from '../sendEmail/ProfileOutreach.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { ActivityItem } from './ActivityItem.tsx';
import { ACTIVITY_LOOK } from './activityKinds.ts';
import { useActivities, useAddActivity, useDeleteActivity } from './useActivities.ts';

/** Notes, calls, emails and meetings with this customer, newest first. */
export function TimelineSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const t = useT();
  const activities = useActivities(customerId);
  const add = useAddActivity(customerId);
  const remove = useDeleteActivity(customerId);
  const [deleting, setDeleting] = useState<Activity | null>(null);

  return (
    <ProfileSection title={t('timeline.title')}>
      {canWrite && <ProfileOutreach customerId={customerId} />}
      {canWrite && <ActivityForm submitLabel={t('timeline.add')} pending={add.isPending} onSubmit={(input) => add.mutateAsync(input)} />}
      {canWrite && <Divider my="md" />}
      {activities.isPending && <TableSkeleton rows={2} />}
      {activities.isError && <ErrorAlert error={activities.error} onRetry={() => void activities.refetch()} />}
      {activities.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(canWrite ? 'timeline.empty' : 'timeline.emptyReadOnly')}
        </Text>
      )}
      {activities.data && activities.data.length > 0 && (
        <Timeline bulletSize={26} lineWidth={2} aria-label={t('timeline.title')}>
          {activities.data.map((activity) => {
            const { icon: KindIcon, color } = ACTIVITY_LOOK[activity.kind];
            return (
              <Timeline.Item
                key={activity.id}
                bullet={
                  <ThemeIcon size={26} radius="xl" variant="light" color={color} aria-hidden>
                    <KindIcon size={14} />
                  </ThemeIcon>
                }
              >
                <ActivityItem activity={activity} canWrite={canWrite} onDelete={setDeleting} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('timeline.deleteTitle')}
        confirmLabel={t('timeline.deleteConfirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        <Text size="sm">{t('timeline.deleteText')}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </ProfileSection>
  );
}
