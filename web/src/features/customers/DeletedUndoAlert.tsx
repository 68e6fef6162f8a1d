import type { CustomerRef } from '@contracts/customers.ts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash } from '@tabler/icons-react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { customerPath } from './CustomerLink.tsx';
import { useRestoreCustomer } from './useCustomers.ts';

/** Navigation state left by a profile after deleting its customer. */
export interface DeletedState {
  deleted?: CustomerRef;
}

/** "Anna Petrova was deleted. Undo" — shown on the list right after a profile's delete. */
export function DeletedUndoAlert() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const restore = useRestoreCustomer();
  const deleted = (location.state as DeletedState | null)?.deleted;
  if (!deleted) return null;
  const dismiss = () => void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });

  return (
    <Alert color="gray" variant="light" icon={<IconTrash aria-hidden />} mb="md" withCloseButton onClose={dismiss} closeButtonLabel={t('common.close')} role="status">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('customers.deletedNotice', { name: deleted.displayName })}</Text>
        <Button
          size="xs"
          variant="white"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          loading={restore.isPending}
          onClick={() => restore.mutate(deleted.id, { onSuccess: () => void navigate(customerPath(deleted.id), { replace: true }) })}
        >
          {t('customers.undoDelete')}
        </Button>
      </Group>
      {restore.isError && <ErrorAlert error={restore.error} />}
    </Alert>
  );
}
