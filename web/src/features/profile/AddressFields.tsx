import { Group, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import type { AboutValues } from './aboutValues.ts';

interface FieldsProps {
  values: AboutValues;
  set: (patch: Partial<AboutValues>) => void;
  errorAt: (path: string) => string | undefined;
}

export function AddressFields({ values, set, errorAt }: FieldsProps) {
  const t = useT();
  const input = (name: 'line1' | 'line2' | 'postalCode' | 'city' | 'region' | 'country', autoComplete: string) => (
    <TextInput
      label={t(`address.${name}`)}
      autoComplete={autoComplete}
      value={values[name]}
      onChange={(event) => set({ [name]: event.currentTarget.value })}
      error={errorAt(`address.${name}`)}
    />
  );
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 }}>{t('address.title')}</legend>
      {input('line1', 'address-line1')}
      {input('line2', 'address-line2')}
      <Group grow align="flex-start">
        {input('postalCode', 'postal-code')}
        {input('city', 'address-level2')}
      </Group>
      <Group grow align="flex-start">
        {input('region', 'address-level1')}
        {input('country', 'country-name')}
      </Group>
    </Stack>
  );
}
