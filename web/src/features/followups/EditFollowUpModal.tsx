import type { FollowUp } from '@contracts/followups.ts';
import { Modal } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { FollowUpForm } from './FollowUpForm.tsx';
import { useUpdateFollowUp } from './useFollowUps.ts';

/** Change an open follow-up's day, kind, assignee or note. */
export function EditFollowUpModal({ followUp, onClose }: { followUp: FollowUp | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={followUp !== null} onClose={onClose} centered size="md" title={t('followUps.edit.title')}>
      {followUp && <EditForm followUp={followUp} onClose={onClose} />}
    </Modal>
  );
}

function EditForm({ followUp, onClose }: { followUp: FollowUp; onClose: () => void }) {
  const t = useT();
  const update = useUpdateFollowUp(followUp.customerId);
  return (
    <FollowUpForm
      initial={{ dueOn: followUp.dueOn, kind: followUp.kind, assigneeId: followUp.assignee?.id ?? null, note: followUp.note ?? '' }}
      currentAssignee={followUp.assignee}
      submitLabel={t('common.save')}
      onCancel={onClose}
      onSubmit={(values) =>
        update
          .mutateAsync({ followUpId: followUp.id, patch: { dueOn: values.dueOn, kind: values.kind, assigneeId: values.assigneeId, note: values.note || null } })
          .then(onClose)
      }
    />
  );
}
