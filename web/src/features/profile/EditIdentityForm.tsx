import type { CustomerProfile, CustomerRef } from '@contracts/customers.ts';
import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** A person's names, or an organisation's name, website and parent organisation. */
export function EditIdentityForm({ profile, onDone }: { profile: CustomerProfile; onDone: () => void }) {
  const t = useT();
  const [firstName, setFirstName] = useState(profile.firstName ?? '');
  const [lastName, setLastName] = useState(profile.lastName ?? '');
  const [name, setName] = useState(profile.kind === 'organisation' ? profile.displayName : '');
  const [website, setWebsite] = useState(profile.website ?? '');
  const [parent, setParent] = useState<CustomerRef | null>(profile.parent);
  const person = profile.kind === 'person';

  return (
    <ProfileForm
      profile={profile}
      paths={person ? ['firstName', 'lastName', 'name'] : ['name', 'website', 'parentId']}
      toPatch={() => (person ? { firstName, lastName } : { name, website, parentId: parent?.id ?? null })}
      onDone={onDone}
    >
      {(errorAt) =>
        person ? (
          <Group grow align="flex-start">
            <TextInput label={t('customers.fields.firstName')} data-autofocus value={firstName} onChange={(event) => setFirstName(event.currentTarget.value)} error={errorAt('firstName') ?? errorAt('name')} />
            <TextInput label={t('customers.fields.lastName')} value={lastName} onChange={(event) => setLastName(event.currentTarget.value)} error={errorAt('lastName')} />
          </Group>
        ) : (
          <>
            <TextInput label={t('customers.fields.organisationName')} required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={errorAt('name')} />
            <TextInput label={t('customers.fields.website')} placeholder="https://" value={website} onChange={(event) => setWebsite(event.currentTarget.value)} error={errorAt('website')} />
            <CustomerPicker
              label={t('customers.fields.parent')}
              description={t('customers.fields.parentHint')}
              kind="organisation"
              excludeIds={[profile.id]}
              value={parent}
              onChange={setParent}
              error={errorAt('parentId')}
            />
          </>
        )
      }
    </ProfileForm>
  );
}
