import { loginRequestSchema } from '@contracts/auth.ts';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { Navigate, useSearchParams } from 'react-router';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSwitch } from '../language/LanguageSwitch.tsx';
import { AuthLayout } from './AuthLayout.tsx';
import { useSignIn } from './useSignIn.ts';
import { useSessionQuery } from './useSession.ts';

export function LoginPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { data: session } = useSessionQuery();
  const signIn = useSignIn();
  const form = useZodForm(loginRequestSchema, { email: '', password: '' });

  if (session) return <Navigate to={safeNext(searchParams.get('next'))} replace />;

  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')} corner={<LanguageSwitch />}>
      <form noValidate onSubmit={form.onSubmit((credentials) => signIn.mutate(credentials, { onError: form.showError }))}>
        <Stack gap="md">
          {form.formError !== null && <ErrorAlert error={form.formError} title={t('login.failed')} />}
          <TextInput label={t('login.email')} type="email" autoComplete="username" withAsterisk={false} required autoFocus {...form.textProps('email')} />
          <PasswordInput label={t('login.password')} autoComplete="current-password" withAsterisk={false} required {...form.textProps('password')} />
          <Button type="submit" size="md" fullWidth loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

/** Only same-app paths, so a crafted link cannot send someone elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/today';
}
