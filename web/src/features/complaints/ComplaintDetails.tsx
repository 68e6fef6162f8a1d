import type { Activity } from '@contracts/activities.ts';
import { Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ResolveComplaintModal } from './ResolveComplaintModal.tsx';
import { useSetComplaint } from './useComplaint.ts';

interface ComplaintDetailsProps {
  activity: Activity;
  complaint: NonNullable<Activity['complaint']>;
  canWrite: boolean;
}

/** Under a complaint: how it was put right and by whom, or a way to resolve it; any writer may resolve or reopen. */
export function ComplaintDetails({ activity, complaint, canWrite }: ComplaintDetailsProps) {
  const t = useT();
  const format = useFormat();
  const change = useSetComplaint(activity.customerId);
  const [resolving, setResolving] = useState(false);
  const resolved = complaint.status === 'resolved';

  return (
    <>
      {resolved && (
        <Paper withBorder radius="sm" p="xs" mt="xs" bg="green.0">
          <Text size="xs" fw={600} c="green.9">
            {t('complaints.resolution')}
          </Text>
          {/* Plain text: whatever was typed is shown as typed, never as markup. */}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {complaint.resolution}
          </Text>
          {(complaint.resolvedBy || complaint.resolvedAt) && (
            <Text size="xs" c="dimmed" mt={4}>
              {complaint.resolvedBy
                ? t('complaints.resolvedBy', { name: complaint.resolvedBy, when: complaint.resolvedAt ? format.dateTime(complaint.resolvedAt) : '' })
                : t('complaints.resolvedAt', { when: format.dateTime(complaint.resolvedAt ?? '') })}
            </Text>
          )}
        </Paper>
      )}
      {canWrite && (
        <Group gap="xs" mt="xs">
          {resolved ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              loading={change.isPending}
              onClick={() => change.mutate({ activityId: activity.id, status: 'open', resolution: null })}
            >
              {t('complaints.reopen')}
            </Button>
          ) : (
            <Button size="compact-xs" variant="light" color="green" leftSection={<IconCircleCheck size={14} aria-hidden />} onClick={() => setResolving(true)}>
              {t('complaints.resolve')}
            </Button>
          )}
        </Group>
      )}
      {change.isError && !resolving && <ErrorAlert error={change.error} onClose={() => change.reset()} />}
      <ResolveComplaintModal opened={resolving} activity={activity} onClose={() => setResolving(false)} />
    </>
  );
}
