import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useErrorText } from '../sources/codedErrors.ts';
import { THANKS_ERRORS } from './thanksErrors.ts';

/**
 * Why the email cannot go out. The reasons we know are in the user's language (with the way to
 * set email up when it is not); any other refusal shows the server's own message.
 */
export function ThanksEmailError({ error }: { error: unknown }) {
  const t = useT();
  const describe = useErrorText(THANKS_ERRORS);
  if (!isApiError(error) || error.status !== 409) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('thanks.email.failed')} role="alert">
      <Stack gap={6}>
        <Text size="sm">{THANKS_ERRORS[error.code] ? describe(error) : error.message}</Text>
        {error.code === 'email.not_configured' && (
          <Anchor component={Link} to="/settings/email" size="sm">
            {t('thanks.email.setUp')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
