import { Modal } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { FollowUpForm } from './FollowUpForm.tsx';
import { useBulkFollowUp } from './useFollowUps.ts';

interface BulkFollowUpModalProps {
  opened: boolean;
  customerIds: readonly string[];
  onClose: () => void;
  /** How many were made, and how many customers were skipped (deleted since, or unknown). */
  onDone: (result: { created: number; skipped: number }) => void;
}

/** "Follow up with these 30 in two weeks": the same follow-up for every ticked customer. */
export function BulkFollowUpModal({ opened, customerIds, onClose, onDone }: BulkFollowUpModalProps) {
  const t = useT();
  const bulk = useBulkFollowUp();
  const count = customerIds.length;
  return (
    <Modal opened={opened} onClose={onClose} centered size="md" title={t('followUps.bulk.title', { count })}>
      {opened && (
        <FollowUpForm
          intro={t('followUps.bulk.text', { count })}
          submitLabel={t('followUps.bulk.confirm', { count })}
          onCancel={onClose}
          onSubmit={(values) =>
            bulk.mutateAsync({ customerIds: [...customerIds], dueOn: values.dueOn, kind: values.kind, assigneeId: values.assigneeId, note: values.note || null }).then(onDone)
          }
        />
      )}
    </Modal>
  );
}
