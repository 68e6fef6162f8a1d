import type { CustomerRef } from '@contracts/customers.ts';
import { Modal } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { MergeReview } from './MergeReview.tsx';
import { PickDuplicate } from './PickDuplicate.tsx';

interface MergeDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The customer that stays (it can be swapped in the dialog). */
  customer: CustomerRef;
  /** The duplicate, when already known (from the duplicates page); else the user picks it. */
  otherId?: string;
  /** After the merge; by default the survivor's profile opens. */
  onMerged?: (survivorId: string) => void;
}

/** "Merge with…": pick the duplicate, choose per field which value stays, merge, open the survivor. */
export function MergeDialog({ opened, onClose, customer, otherId, onMerged }: MergeDialogProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('merge.title')} centered size="xl">
      {opened && <MergeFlow customer={customer} otherId={otherId} onClose={onClose} onMerged={onMerged} />}
    </Modal>
  );
}

function MergeFlow({ customer, otherId, onClose, onMerged }: Omit<MergeDialogProps, 'opened'>) {
  const navigate = useNavigate();
  const [pair, setPair] = useState<[string, string] | null>(otherId ? [customer.id, otherId] : null);
  if (!pair) return <PickDuplicate customer={customer} onPick={(other) => setPair([customer.id, other.id])} onCancel={onClose} />;
  return (
    <MergeReview
      survivorId={pair[0]}
      otherId={pair[1]}
      onSwap={() => setPair([pair[1], pair[0]])}
      onCancel={onClose}
      onMerged={(survivorId) => {
        onClose();
        if (onMerged) onMerged(survivorId);
        else void navigate(customerPath(survivorId), { replace: true });
      }}
    />
  );
}
