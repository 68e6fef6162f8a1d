import type { Activity } from '@contracts/activities.ts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSetComplaint } from './useComplaint.ts';

interface ResolveComplaintModalProps {
  opened: boolean;
  activity: Activity;
  onClose: () => void;
}

/** How the complaint was put right: required, so the team can see what was done. */
export function ResolveComplaintModal({ opened, activity, onClose }: ResolveComplaintModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('complaints.resolveTitle')} centered size="md">
      {opened && <ResolveForm activity={activity} onClose={onClose} />}
    </Modal>
  );
}

function ResolveForm({ activity, onClose }: Omit<ResolveComplaintModalProps, 'opened'>) {
  const t = useT();
  const change = useSetComplaint(activity.customerId);
  const [resolution, setResolution] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const text = resolution.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    change.mutate({ activityId: activity.id, status: 'resolved', resolution: text }, { onSuccess: onClose });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {activity.body}
        </Text>
        {change.isError && <ErrorAlert error={change.error} />}
        <Textarea
          label={t('complaints.resolutionLabel')}
          description={t('complaints.resolutionHint')}
          required
          data-autofocus
          autosize
          minRows={3}
          maxRows={8}
          maxLength={2000}
          value={resolution}
          onChange={(event) => {
            setMissing(false);
            setResolution(event.currentTarget.value);
          }}
          error={missing ? t('complaints.resolutionRequired') : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="green" loading={change.isPending}>
            {t('complaints.resolveConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
