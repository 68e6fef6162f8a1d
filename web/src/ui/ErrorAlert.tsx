import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useErrorMessage } from './useErrorMessage.ts';
import { useT } from '../i18n/i18nContext.ts';

interface ErrorAlertProps {
  error: unknown;
  /** Shows a "Try again" button when given. */
  onRetry?: () => void;
  title?: string;
  /** Shows a close button when given. */
  onClose?: () => void;
}

/** A failure, in the user's language, with a way to try again. */
export function ErrorAlert({ error, onRetry, title, onClose }: ErrorAlertProps) {
  const t = useT();
  const describe = useErrorMessage();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={title ?? t('errors.title')}
      role="alert"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      {describe(error)}
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry} display="block">
          {t('common.tryAgain')}
        </Button>
      )}
    </Alert>
  );
}
