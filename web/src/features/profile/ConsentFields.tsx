import { Group, Radio, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import type { AboutValues, ConsentChoice } from './aboutValues.ts';

interface FieldsProps {
  values: AboutValues;
  set: (patch: Partial<AboutValues>) => void;
  errorAt: (path: string) => string | undefined;
}

/** Marketing consent: given, refused or not asked yet; when and how it was given. */
export function ConsentFields({ values, set, errorAt }: FieldsProps) {
  const t = useT();
  return (
    <Stack gap="xs">
      <Radio.Group label={t('consent.title')} value={values.consent} onChange={(consent) => set({ consent: consent as ConsentChoice })}>
        <Group gap="lg" mt={6}>
          <Radio value="given" label={t('consent.given')} />
          <Radio value="refused" label={t('consent.refused')} />
          <Radio value="unknown" label={t('consent.unknown')} />
        </Group>
      </Radio.Group>
      {values.consent !== 'unknown' && (
        <Group grow align="flex-start">
          <TextInput type="date" label={t('consent.date')} value={values.consentDate} onChange={(event) => set({ consentDate: event.currentTarget.value })} error={errorAt('consent.at')} />
          <TextInput label={t('consent.source')} placeholder={t('consent.sourceHint')} value={values.consentSource} onChange={(event) => set({ consentSource: event.currentTarget.value })} error={errorAt('consent.source')} />
        </Group>
      )}
    </Stack>
  );
}
