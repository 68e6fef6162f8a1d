import type { User } from '@contracts/users.ts';
import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { useSession } from '../auth/useSession.ts';
import { AddUserModal } from './AddUserModal.tsx';
import { UsersTable } from './UsersTable.tsx';
import { useUpdateUser, useUsers } from './useUsers.ts';

/** Who can sign in to this workspace, with which role; owners and admins only. */
export function UsersSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.users'));
  const { user: me } = useSession();
  const users = useUsers();
  const update = useUpdateUser();
  const [adding, { open, close }] = useDisclosure(false);
  const [disabling, setDisabling] = useState<User | null>(null);

  const confirmDisable = () => {
    if (!disabling) return;
    update.mutate({ userId: disabling.id, patch: { disabled: true } }, { onSettled: () => setDisabling(null) });
  };

  return (
    <Panel
      size="lg"
      title={t('users.title')}
      description={t('users.description')}
      actions={
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
          {t('users.addButton')}
        </Button>
      }
    >
      <Stack gap="md">
        {update.isError && <ErrorAlert error={update.error} title={t('users.updateFailed')} onClose={() => update.reset()} />}
        {users.isPending && <TableSkeleton rows={3} />}
        {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <UsersTable
            users={users.data}
            me={me}
            busyUserId={update.isPending ? update.variables.userId : null}
            onChangeRole={(user, role) => update.mutate({ userId: user.id, patch: { role } })}
            onDisable={(user) => {
              update.reset();
              setDisabling(user);
            }}
            onEnable={(user) => update.mutate({ userId: user.id, patch: { disabled: false } })}
          />
        )}
      </Stack>
      <AddUserModal opened={adding} onClose={close} actorRole={me.role} />
      <ConfirmModal
        opened={disabling !== null}
        title={t('users.disable.title', { name: disabling?.name ?? '' })}
        confirmLabel={t('users.disable.confirm')}
        onConfirm={confirmDisable}
        onCancel={() => setDisabling(null)}
        loading={update.isPending}
        danger
      >
        <Text size="sm">{t('users.disable.text')}</Text>
      </ConfirmModal>
    </Panel>
  );
}
