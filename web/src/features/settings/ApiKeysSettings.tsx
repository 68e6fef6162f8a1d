import type { ApiKey } from '@contracts/api-keys.ts';
import { Button, EmptyState, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { ApiKeysTable } from './ApiKeysTable.tsx';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';
import { useApiKeys, useRevokeApiKey } from './useApiKeys.ts';

/** Keys for other tools (an online shop, an accounting package) to use the API. */
export function ApiKeysSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.apiKeys'));
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('apiKeys.createButton')}
    </Button>
  );

  return (
    <Panel size="lg" title={t('apiKeys.title')} description={t('apiKeys.description')} actions={keys.data?.length ? createButton : null}>
      <Stack gap="md">
        {keys.isPending && <TableSkeleton rows={2} />}
        {keys.isError && <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />}
        {keys.data?.length === 0 && (
          <EmptyState
            icon={<IconKey size={26} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600}>{t('apiKeys.empty.title')}</Text>}
            description={t('apiKeys.empty.text')}
          >
            <EmptyState.Actions>{createButton}</EmptyState.Actions>
          </EmptyState>
        )}
        {keys.data && keys.data.length > 0 && (
          <ApiKeysTable
            keys={keys.data}
            onRevoke={(key) => {
              revoke.reset();
              setRevoking(key);
            }}
          />
        )}
      </Stack>
      <CreateApiKeyModal opened={creating} onClose={close} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('apiKeys.revoke.title', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke.confirm')}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onCancel={() => setRevoking(null)}
        loading={revoke.isPending}
        danger
      >
        <Text size="sm">{t('apiKeys.revoke.text')}</Text>
        {revoke.isError && <ErrorAlert error={revoke.error} />}
      </ConfirmModal>
    </Panel>
  );
}
