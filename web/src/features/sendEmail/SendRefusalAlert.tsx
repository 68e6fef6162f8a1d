import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { refusalKey, sendRefusalOf } from './sendErrors.ts';

/** Why an email could not be sent, with the way to fix it when there is one (set up email in Settings). */
export function SendRefusalAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  const refusal = sendRefusalOf(error);
  if (!refusal) return <ErrorAlert error={error} onClose={onClose} />;
  return (
    <Alert
      color={refusal === 'email.not_configured' ? 'orange' : 'red'}
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={t('sendEmail.errors.title')}
      role="alert"
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      <Text size="sm">{t(refusalKey(refusal))}</Text>
      {refusal === 'email.not_configured' && (
        <Anchor component={Link} to="/settings/email" size="sm" fw={600}>
          {t('sendEmail.errors.openSettings')}
        </Anchor>
      )}
    </Alert>
  );
}
