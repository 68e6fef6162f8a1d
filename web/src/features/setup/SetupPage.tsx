import { setupRequestSchema, type SetupRequest } from '@contracts/auth.ts';
import type { Locale } from '@contracts/common.ts';
import { Button, Divider, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { CurrencySelect } from '../../ui/CurrencySelect.tsx';
import { defaultCurrency } from '../../ui/currencyOptions.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { browserTimeZone } from '../../ui/timeZoneOptions.ts';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect.tsx';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { useCreateWorkspace } from './useCreateWorkspace.ts';

/**
 * First run: the workspace and its owner. The Language field is also this page's language
 * switch: choosing Русский turns the page Russian and makes Russian the workspace default.
 */
export function SetupPage() {
  const { t, locale, setLocale } = useI18n();
  const { create, goToSignIn } = useCreateWorkspace();
  const [currencyTouched, setCurrencyTouched] = useState(false);
  const form = useZodForm(setupRequestSchema, {
    workspaceName: '',
    baseCurrency: defaultCurrency(locale),
    locale,
    timeZone: browserTimeZone(),
    ownerName: '',
    email: '',
    password: '',
  } satisfies SetupRequest);

  const changeLanguage = (next: Locale) => {
    setLocale(next);
    form.setValue('locale', next);
    if (!currencyTouched) form.setValue('baseCurrency', defaultCurrency(next));
  };

  const submit = form.onSubmit((input) => create.mutate(input, { onError: form.showError }));
  const alreadyDone = isApiError(form.formError) && form.formError.code === 'setup.already_done';

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={600}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {form.formError !== null && <ErrorAlert error={form.formError} title={t('setup.failed')} />}
          {alreadyDone && (
            <Button variant="light" onClick={goToSignIn}>
              {t('setup.goToSignIn')}
            </Button>
          )}
          <Divider label={t('setup.businessSection')} labelPosition="left" />
          <TextInput label={t('setup.workspaceName')} required autoFocus autoComplete="organization" {...form.textProps('workspaceName')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <CurrencySelect
              label={t('setup.baseCurrency')}
              description={t('setup.baseCurrencyHint')}
              required
              value={String(form.values.baseCurrency)}
              onChange={(code) => {
                setCurrencyTouched(true);
                form.setValue('baseCurrency', code);
              }}
              error={form.errorOf('baseCurrency')}
            />
            <LanguageSelect
              label={t('setup.language')}
              description={t('setup.languageHint')}
              required
              value={locale}
              onChange={changeLanguage}
              error={form.errorOf('locale')}
            />
          </SimpleGrid>
          <TimeZoneSelect
            label={t('setup.timeZone')}
            description={t('setup.timeZoneHint')}
            required
            value={String(form.values.timeZone)}
            onChange={(zone) => form.setValue('timeZone', zone)}
            error={form.errorOf('timeZone')}
          />
          <Divider label={t('setup.accountSection')} labelPosition="left" mt="xs" />
          <TextInput label={t('setup.ownerName')} required autoComplete="name" {...form.textProps('ownerName')} />
          <TextInput label={t('setup.email')} type="email" required autoComplete="email" {...form.textProps('email')} />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            autoComplete="new-password"
            {...form.textProps('password')}
          />
          <Button type="submit" size="md" fullWidth mt="xs" loading={create.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
