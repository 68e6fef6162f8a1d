import { putEmailSettingsSchema } from '@contracts/email.ts';
import { Alert, NumberInput, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { emailApi, type EmailSettings, type EmailSettingsInput } from '../../api/emailApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';

type Security = EmailSettings['security'];

interface Draft {
  host: string;
  port: number | string;
  security: Security;
  user: string;
  password: string;
  fromAddress: string;
  fromName: string;
  ratePerMinute: number | string;
}

const PATHS = ['host', 'port', 'security', 'user', 'password', 'fromAddress', 'fromName', 'ratePerMinute'] as const;
const DEFAULT_PORT: Record<Security, number> = { tls: 465, starttls: 587, none: 25 };

function draftOf(settings: EmailSettings): Draft {
  return {
    host: settings.host,
    port: settings.configured ? settings.port : DEFAULT_PORT.starttls,
    security: settings.configured ? settings.security : 'starttls',
    user: settings.user ?? '',
    password: '',
    fromAddress: settings.fromAddress,
    fromName: settings.fromName ?? '',
    ratePerMinute: settings.configured ? settings.ratePerMinute : 30,
  };
}

/** The SMTP server Rapport sends through; a blank password keeps the stored one. */
export function SmtpSettingsForm({ settings }: { settings: EmailSettings }) {
  const t = useT();
  const queryClient = useQueryClient();
  const issues = useFieldIssues();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: EmailSettingsInput) => emailApi.saveSettings(body),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.emailSettings, updated);
      setDraft((current) => ({ ...current, password: '' }));
      setSaved(true);
    },
    onError: (error) => issues.showError(error, PATHS),
  });

  const change = <K extends keyof Draft>(name: K, value: Draft[K]) => {
    setSaved(false);
    issues.clear(name);
    setDraft((current) => ({ ...current, [name]: value }));
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      host: draft.host,
      port: typeof draft.port === 'number' ? draft.port : Number.NaN,
      security: draft.security,
      user: draft.user.trim() === '' ? null : draft.user,
      // Blank keeps the stored password: the field is left out.
      ...(draft.password === '' ? {} : { password: draft.password }),
      fromAddress: draft.fromAddress.trim(),
      fromName: draft.fromName.trim() === '' ? null : draft.fromName,
      ratePerMinute: typeof draft.ratePerMinute === 'number' ? draft.ratePerMinute : Number.NaN,
    };
    const body = issues.check(putEmailSettingsSchema, input, PATHS);
    if (body) save.mutate(body);
  }

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md" maw={720}>
        {!settings.secretKeyConfigured && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('emailSettings.smtp.noSecretKeyTitle')}>
            {t('emailSettings.smtp.noSecretKey')}
          </Alert>
        )}
        {issues.formError !== null && <ErrorAlert error={issues.formError} onClose={() => issues.setFormError(null)} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('emailSettings.smtp.host')}
            placeholder="smtp.example.com"
            required
            value={draft.host}
            onChange={(event) => change('host', event.currentTarget.value)}
            error={issues.errorAt('host')}
          />
          <NumberInput
            label={t('emailSettings.smtp.port')}
            required
            min={1}
            max={65535}
            allowDecimal={false}
            value={draft.port}
            onChange={(value) => change('port', value)}
            error={issues.errorAt('port')}
          />
          <Select
            label={t('emailSettings.smtp.security')}
            allowDeselect={false}
            data={(['starttls', 'tls', 'none'] as const).map((value) => ({ value, label: t(`emailSettings.smtp.securityOptions.${value}`) }))}
            value={draft.security}
            onChange={(value) => {
              if (!value) return;
              const security = value as Security;
              // Follow the usual port for the new mode unless a custom one was typed.
              if (Object.values(DEFAULT_PORT).includes(Number(draft.port))) change('port', DEFAULT_PORT[security]);
              change('security', security);
            }}
            error={issues.errorAt('security')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('emailSettings.smtp.user')}
            autoComplete="off"
            value={draft.user}
            onChange={(event) => change('user', event.currentTarget.value)}
            error={issues.errorAt('user')}
          />
          <PasswordInput
            label={t('emailSettings.smtp.password')}
            description={settings.passwordSet ? t('emailSettings.smtp.passwordStored') : t('emailSettings.smtp.passwordNone')}
            placeholder={settings.passwordSet ? t('emailSettings.smtp.passwordKeep') : undefined}
            autoComplete="new-password"
            value={draft.password}
            onChange={(event) => change('password', event.currentTarget.value)}
            error={issues.errorAt('password')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('emailSettings.smtp.fromAddress')}
            placeholder="hello@example.com"
            type="email"
            required
            value={draft.fromAddress}
            onChange={(event) => change('fromAddress', event.currentTarget.value)}
            error={issues.errorAt('fromAddress')}
          />
          <TextInput
            label={t('emailSettings.smtp.fromName')}
            value={draft.fromName}
            onChange={(event) => change('fromName', event.currentTarget.value)}
            error={issues.errorAt('fromName')}
          />
        </SimpleGrid>
        <NumberInput
          label={t('emailSettings.smtp.ratePerMinute')}
          description={t('emailSettings.smtp.ratePerMinuteHint')}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          maw={240}
          value={draft.ratePerMinute}
          onChange={(value) => change('ratePerMinute', value)}
          error={issues.errorAt('ratePerMinute')}
        />
        <SaveBar label={t('common.saveChanges')} loading={save.isPending} savedMessage={saved ? t('common.saved') : null} />
      </Stack>
    </form>
  );
}
