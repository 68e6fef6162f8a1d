import type { CreatedApiKey } from '@contracts/api-keys.ts';
import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

/** The new key's secret, shown this once, with a copy button. */
export function NewApiKeyToken({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const t = useT();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('apiKeys.created.warningTitle')}>
        {t('apiKeys.created.warning')}
      </Alert>
      <TextInput
        label={t('apiKeys.created.tokenLabel', { name: apiKey.name })}
        value={apiKey.token}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="space-between">
        <CopyButton value={apiKey.token}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {t(copied ? 'apiKeys.created.copied' : 'apiKeys.created.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          {t('apiKeys.created.done')}
        </Button>
      </Group>
    </Stack>
  );
}
