import type { CustomerProfile } from '@contracts/customers.ts';
import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ProfileForm } from './ProfileForm.tsx';

/** The key dates people set; purchase dates come from purchases and are not edited here. */
export function EditKeyDatesForm({ profile, onDone }: { profile: CustomerProfile; onDone: () => void }) {
  const t = useT();
  const [customerSince, setCustomerSince] = useState(profile.customerSince ?? '');
  const [nextFollowUp, setNextFollowUp] = useState(profile.nextFollowUp ?? '');
  return (
    <ProfileForm
      profile={profile}
      paths={['customerSince', 'nextFollowUp']}
      toPatch={() => ({ customerSince: customerSince || null, nextFollowUp: nextFollowUp || null })}
      onDone={onDone}
    >
      {(errorAt) => (
        <Group grow align="flex-start">
          <TextInput type="date" label={t('customers.fields.customerSince')} data-autofocus value={customerSince} onChange={(event) => setCustomerSince(event.currentTarget.value)} error={errorAt('customerSince')} />
          <TextInput type="date" label={t('customers.fields.nextFollowUp')} value={nextFollowUp} onChange={(event) => setNextFollowUp(event.currentTarget.value)} error={errorAt('nextFollowUp')} />
        </Group>
      )}
    </ProfileForm>
  );
}
