import { testEmailSchema } from '@contracts/email.ts';
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconSend, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { emailApi } from '../../api/emailApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

const PATHS = ['to'] as const;

/** Sends one email now and shows what the SMTP server answered, or why it failed. */
export function TestEmailBox({ configured, defaultTo }: { configured: boolean; defaultTo: string }) {
  const t = useT();
  const issues = useFieldIssues();
  const [to, setTo] = useState(defaultTo);
  const send = useMutation({
    mutationFn: (address: string) => emailApi.test(address),
    onError: (error) => issues.showError(error, PATHS),
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    send.reset();
    const body = issues.check(testEmailSchema, { to: to.trim() }, PATHS);
    if (body) send.mutate(body.to);
  }

  const result = send.data;
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md" maw={720}>
        {!configured && <Text size="sm" c="dimmed">{t('emailSettings.test.saveFirst')}</Text>}
        <Group align="flex-start" gap="sm">
          <TextInput
            label={t('emailSettings.test.to')}
            type="email"
            placeholder="you@example.com"
            style={{ flex: 1, minWidth: 240 }}
            value={to}
            onChange={(event) => {
              issues.clear('to');
              setTo(event.currentTarget.value);
            }}
            error={issues.errorAt('to')}
          />
          <Button type="submit" mt={25} loading={send.isPending} disabled={!configured} leftSection={<IconSend size={16} aria-hidden />}>
            {t('emailSettings.test.send')}
          </Button>
        </Group>
        {issues.formError !== null && <ErrorAlert error={issues.formError} onClose={() => issues.setFormError(null)} />}
        {result && (
          <Alert
            role="status"
            color={result.ok ? 'teal' : 'red'}
            icon={result.ok ? <IconCircleCheck size={18} aria-hidden /> : <IconX size={18} aria-hidden />}
            title={result.ok ? t('emailSettings.test.sent') : t('emailSettings.test.failed')}
          >
            <Stack gap={4}>
              {result.error && <Text size="sm">{result.error}</Text>}
              {result.response && (
                <Text size="sm">
                  {t('emailSettings.test.response')} <Code>{result.response}</Code>
                </Text>
              )}
              {result.messageId && (
                <Text size="sm">
                  {t('emailSettings.test.messageId')} <Code>{result.messageId}</Code>
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </form>
  );
}
