import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useErrorText, type ErrorKeys } from './codedErrors.ts';

/** ErrorAlert for a feature whose server codes have their words in the feature's own catalogue section. */
export function CodedErrorAlert({ error, keys }: { error: unknown; keys: ErrorKeys }) {
  const t = useT();
  const describe = useErrorText(keys);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('errors.title')} role="alert">
      {describe(error)}
    </Alert>
  );
}
