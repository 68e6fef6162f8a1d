import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useImportMessages } from './useImportMessages.ts';

/** A failed import request, said with the import's own messages where it has them. */
export function ImportErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  const messages = useImportMessages();
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert">
      {messages.error(error)}
    </Alert>
  );
}
