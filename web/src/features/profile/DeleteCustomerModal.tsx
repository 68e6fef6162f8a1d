import type { CustomerProfile } from '@contracts/customers.ts';
import { Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import type { DeletedState } from '../customers/DeletedUndoAlert.tsx';
import { useDeleteCustomer } from '../customers/useCustomers.ts';

interface DeleteCustomerModalProps {
  profile: CustomerProfile;
  opened: boolean;
  onClose: () => void;
}

/** Asks, deletes (softly), and returns to the list, which offers "Undo". */
export function DeleteCustomerModal({ profile, opened, onClose }: DeleteCustomerModalProps) {
  const t = useT();
  const navigate = useNavigate();
  const remove = useDeleteCustomer();
  const confirm = () =>
    remove.mutate(profile.id, {
      onSuccess: () => {
        onClose();
        const state: DeletedState = { deleted: { id: profile.id, kind: profile.kind, displayName: profile.displayName } };
        void navigate('/customers', { state });
      },
    });
  return (
    <ConfirmModal
      opened={opened}
      title={t('profile.delete.title', { name: profile.displayName })}
      confirmLabel={t('profile.delete.confirm')}
      danger
      loading={remove.isPending}
      onCancel={onClose}
      onConfirm={confirm}
    >
      <Text size="sm">{t('profile.delete.text')}</Text>
      {remove.isError && <ErrorAlert error={remove.error} />}
    </ConfirmModal>
  );
}
