import type { FollowUp } from '@contracts/followups.ts';
import { Modal } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { FollowUpForm, type FollowUpValues } from './FollowUpForm.tsx';
import { useCreateFollowUp } from './useFollowUps.ts';

/** What a new follow-up starts from: the timeline item it follows up on (the note then quotes it), a day, a kind. */
export interface FollowUpPreset extends Partial<FollowUpValues> {
  activityId?: string | undefined;
}

interface NewFollowUpModalProps {
  opened: boolean;
  customerId: string;
  /** Who, for the title ("Follow up with Anna Petrova"). */
  customerName?: string | undefined;
  preset?: FollowUpPreset | undefined;
  onClose: () => void;
  onCreated?: ((followUp: FollowUp) => void) | undefined;
}

/** "Follow up": one customer, a day, a kind, who, a note. */
export function NewFollowUpModal({ opened, customerId, customerName, preset, onClose, onCreated }: NewFollowUpModalProps) {
  const t = useT();
  const create = useCreateFollowUp(customerId);
  const { activityId, ...initial } = preset ?? {};
  return (
    <Modal opened={opened} onClose={onClose} centered size="md" title={customerName ? t('followUps.form.titleFor', { name: customerName }) : t('followUps.form.title')}>
      {opened && (
        <FollowUpForm
          initial={initial}
          submitLabel={t('followUps.form.create')}
          onCancel={onClose}
          onSubmit={(values) =>
            create.mutateAsync({ dueOn: values.dueOn, kind: values.kind, assigneeId: values.assigneeId, note: values.note || null, ...(activityId && { activityId }) }).then((made) => {
              onCreated?.(made);
              onClose();
            })
          }
        />
      )}
    </Modal>
  );
}
