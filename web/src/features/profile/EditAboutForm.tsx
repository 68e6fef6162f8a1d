import type { CustomerProfile } from '@contracts/customers.ts';
import { Group, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { nativeLanguageName, AVAILABLE_LOCALES } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { aboutPatch, aboutValues, type AboutValues } from './aboutValues.ts';
import { AddressFields } from './AddressFields.tsx';
import { ConsentFields } from './ConsentFields.tsx';
import { ProfileForm } from './ProfileForm.tsx';

const PATHS = ['address.line1', 'address.line2', 'address.postalCode', 'address.city', 'address.region', 'address.country', 'birthday', 'preferredLanguage', 'consent.at', 'consent.source', 'notes'];

/** Address, birthday, preferred language, marketing consent and notes. */
export function EditAboutForm({ profile, onDone }: { profile: CustomerProfile; onDone: () => void }) {
  const t = useT();
  const [values, setValues] = useState<AboutValues>(() => aboutValues(profile));
  const set = (patch: Partial<AboutValues>) => setValues((current) => ({ ...current, ...patch }));

  return (
    <ProfileForm profile={profile} paths={PATHS} toPatch={() => aboutPatch(values, profile.kind)} onDone={onDone}>
      {(errorAt) => (
        <>
          <AddressFields values={values} set={set} errorAt={errorAt} />
          <Group grow align="flex-start">
            {profile.kind === 'person' && (
              <TextInput type="date" label={t('customers.fields.birthday')} value={values.birthday} onChange={(event) => set({ birthday: event.currentTarget.value })} error={errorAt('birthday')} />
            )}
            <NativeSelect
              label={t('customers.fields.preferredLanguage')}
              value={values.preferredLanguage}
              onChange={(event) => set({ preferredLanguage: event.currentTarget.value })}
              data={[{ value: '', label: t('common.notSet') }, ...AVAILABLE_LOCALES.map((code) => ({ value: code, label: nativeLanguageName(code) }))]}
              error={errorAt('preferredLanguage')}
            />
          </Group>
          <ConsentFields values={values} set={set} errorAt={errorAt} />
          <Textarea label={t('customers.fields.notes')} autosize minRows={3} maxRows={10} value={values.notes} onChange={(event) => set({ notes: event.currentTarget.value })} error={errorAt('notes')} />
        </>
      )}
    </ProfileForm>
  );
}
