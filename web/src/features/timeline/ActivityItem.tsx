import type { Activity } from '@contracts/activities.ts';
import { ActionIcon, Group, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ComplaintBadge } from '../complaints/ComplaintBadge.tsx';
import { ComplaintDetails } from '../complaints/ComplaintDetails.tsx';
import { EmailStatusBadge } from '../email/EmailStatusBadge.tsx';
import { FollowUpOnThis } from '../followups/FollowUpOnThis.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { activityKindLabel } from './activityKinds.ts';
import { toLocalInput } from './activityTime.ts';
import { useUpdateActivity } from './useActivities.ts';

interface ActivityItemProps {
  activity: Activity;
  /** Any writer may resolve or reopen a complaint, not only its author. */
  canWrite: boolean;
  onDelete: (activity: Activity) => void;
}

/** One timeline entry: kind, time, author, text; the author may edit or delete it. */
export function ActivityItem({ activity, canWrite, onDelete }: ActivityItemProps) {
  const t = useT();
  const format = useFormat();
  const update = useUpdateActivity(activity.customerId);
  const [editing, setEditing] = useState(false);
  const when = format.dateTime(activity.occurredAt);
  const what = `${activityKindLabel(t, activity.kind)}, ${when}`;

  if (editing) {
    return (
      <ActivityForm
        initial={{ kind: activity.kind, body: activity.body, when: toLocalInput(activity.occurredAt) }}
        submitLabel={t('common.save')}
        pending={update.isPending}
        onSubmit={(patch) => update.mutateAsync({ activityId: activity.id, patch }).then(() => setEditing(false))}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text size="sm" fw={600}>
          {activityKindLabel(t, activity.kind)}
          <Text span size="xs" c="dimmed" fw={400} ml={8}>
            <time dateTime={activity.occurredAt}>{when}</time>
            {activity.author && ` · ${activity.author.name}`}
          </Text>
          {activity.email && <EmailStatusBadge email={activity.email} />}
          {activity.complaint && <ComplaintBadge complaint={activity.complaint} />}
        </Text>
        {(canWrite || activity.canEdit) && (
          <Group gap={2} wrap="nowrap">
            {canWrite && <FollowUpOnThis customerId={activity.customerId} activityId={activity.id} body={activity.body} what={what} />}
            {activity.canEdit && (
              <>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('timeline.edit', { what })} onClick={() => setEditing(true)}>
                  <IconPencil size={14} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('timeline.delete', { what })} onClick={() => onDelete(activity)}>
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </>
            )}
          </Group>
        )}
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {activity.body}
      </Text>
      {activity.complaint && <ComplaintDetails activity={activity} complaint={activity.complaint} canWrite={canWrite} />}
    </>
  );
}
