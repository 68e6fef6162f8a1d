import { Group, Stack, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18nContext.ts';
import { CustomerPicker } from '../CustomerPicker.tsx';
import type { CreateValues } from './createValues.ts';

interface PersonFieldsProps {
  values: CreateValues;
  set: (patch: Partial<CreateValues>) => void;
  errorAt: (path: string) => string | undefined;
}

/** A person's names and, optionally, the organisation they work at. */
export function PersonFields({ values, set, errorAt }: PersonFieldsProps) {
  const t = useT();
  return (
    <Stack gap="md">
      <Group grow align="flex-start">
        <TextInput label={t('customers.fields.firstName')} data-autofocus value={values.firstName} onChange={(event) => set({ firstName: event.currentTarget.value })} error={errorAt('firstName') ?? errorAt('name')} />
        <TextInput label={t('customers.fields.lastName')} value={values.lastName} onChange={(event) => set({ lastName: event.currentTarget.value })} error={errorAt('lastName')} />
      </Group>
      <Group grow align="flex-start">
        <CustomerPicker
          label={t('employments.worksAtField')}
          placeholder={t('employments.findOrganisation')}
          kind="organisation"
          value={values.organisation}
          onChange={(organisation) => set({ organisation })}
          description={t('employments.organisationHint')}
        />
        <TextInput label={t('employments.title')} value={values.title} onChange={(event) => set({ title: event.currentTarget.value })} disabled={!values.organisation} description={t('employments.titleHint')} />
      </Group>
    </Stack>
  );
}
