import type { Inspection } from '@contracts/imports.ts';
import { Alert, Text } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18nContext.ts';

/**
 * The export Rapport recognised from the header ("Detected: Shopify orders") and how it reads
 * it. Known layouts are described in the user's language; a layout the catalogue does not know
 * yet keeps the server's name and notes.
 */
export function SourceAlert({ source }: { source: NonNullable<Inspection['source']> }) {
  const { t, has } = useI18n();
  const key = `imports.sources.${source.id}`;
  const known = has(`${key}.system`);
  return (
    <Alert color="blue" variant="light" icon={<IconFileCheck aria-hidden />} title={t('imports.source.detected', { system: known ? t(`${key}.system`) : source.system })} role="status" mb="md">
      <Text size="sm">{known ? t(`${key}.notes`) : source.notes}</Text>
      {known && source.returnsTitle && (
        <Text size="sm" fw={600} mt={6}>
          {t('imports.source.returnsTitle', { title: source.returnsTitle })}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {t('imports.source.hint')}
      </Text>
    </Alert>
  );
}
