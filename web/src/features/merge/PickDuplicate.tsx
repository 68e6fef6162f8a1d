import type { CustomerKind, CustomerRef } from '@contracts/customers.ts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';

interface PickDuplicateProps {
  customer: CustomerRef;
  onPick: (other: CustomerRef) => void;
  onCancel: () => void;
}

/** First step of "Merge with…": find the duplicate by name, email or phone. */
export function PickDuplicate({ customer, onPick, onCancel }: PickDuplicateProps) {
  const t = useT();
  const [other, setOther] = useState<CustomerRef | null>(null);
  const kind: CustomerKind = customer.kind;
  return (
    <Stack gap="md">
      <Text size="sm">{t('merge.pickText', { name: customer.displayName })}</Text>
      <CustomerPicker label={t('merge.pickLabel')} kind={kind} excludeIds={[customer.id]} value={other} onChange={setOther} data-autofocus />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button disabled={!other} onClick={() => other && onPick(other)}>
          {t('merge.compare')}
        </Button>
      </Group>
    </Stack>
  );
}
