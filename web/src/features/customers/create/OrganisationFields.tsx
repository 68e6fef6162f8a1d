import { Stack, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18nContext.ts';
import { CustomerPicker } from '../CustomerPicker.tsx';
import type { CreateValues } from './createValues.ts';

interface OrganisationFieldsProps {
  values: CreateValues;
  set: (patch: Partial<CreateValues>) => void;
  errorAt: (path: string) => string | undefined;
}

/** An organisation's name, website and parent organisation (its group). */
export function OrganisationFields({ values, set, errorAt }: OrganisationFieldsProps) {
  const t = useT();
  return (
    <Stack gap="md">
      <TextInput label={t('customers.fields.organisationName')} required data-autofocus value={values.name} onChange={(event) => set({ name: event.currentTarget.value })} error={errorAt('name')} />
      <TextInput label={t('customers.fields.website')} placeholder="https://" value={values.website} onChange={(event) => set({ website: event.currentTarget.value })} error={errorAt('website')} />
      <CustomerPicker
        label={t('customers.fields.parent')}
        description={t('customers.fields.parentHint')}
        kind="organisation"
        value={values.parent}
        onChange={(parent) => set({ parent })}
        error={errorAt('parentId')}
      />
    </Stack>
  );
}
