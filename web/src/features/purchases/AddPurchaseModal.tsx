import { Modal } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { useSession } from '../auth/useSession.ts';
import { PurchaseForm } from './PurchaseForm.tsx';
import { useAddPurchase } from './usePurchases.ts';

interface AddPurchaseModalProps {
  customerId: string;
  opened: boolean;
  onClose: () => void;
}

export function AddPurchaseModal({ customerId, opened, onClose }: AddPurchaseModalProps) {
  const t = useT();
  const { workspace } = useSession();
  const add = useAddPurchase(customerId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('purchases.add')} centered size="lg">
      {opened && (
        <PurchaseForm defaultCurrency={workspace.baseCurrency} pending={add.isPending} onSubmit={(input) => add.mutateAsync(input).then(onClose)} onCancel={onClose} />
      )}
    </Modal>
  );
}
