import { changePasswordSchema, type ChangePassword } from '@contracts/users.ts';
import { PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';

const EMPTY: ChangePassword = { currentPassword: '', newPassword: '' };

/** Changing the password also signs out my other sessions (the server does it). */
export function ChangePasswordForm() {
  const t = useT();
  const [changed, setChanged] = useState(false);
  const form = useZodForm(changePasswordSchema, EMPTY);
  const change = useMutation({
    mutationFn: (input: ChangePassword) => api.me.changePassword(input),
    onSuccess: () => {
      form.setValues(EMPTY);
      setChanged(true);
    },
    onError: form.showError,
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((input) => {
        setChanged(false);
        change.mutate(input);
      })}
    >
      <Stack gap="md" maw={520}>
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <PasswordInput label={t('account.password.current')} required autoComplete="current-password" {...form.textProps('currentPassword')} />
        <PasswordInput
          label={t('account.password.new')}
          description={t('account.password.newHint')}
          required
          autoComplete="new-password"
          {...form.textProps('newPassword')}
        />
        <SaveBar label={t('account.password.submit')} loading={change.isPending} savedMessage={changed ? t('account.password.changed') : null} />
      </Stack>
    </form>
  );
}
