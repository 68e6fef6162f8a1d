import type { Locale } from '@contracts/common.ts';
import { emailPurposeSchema, putTemplateSchema } from '@contracts/email.ts';
import { Badge, Code, Group, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { emailApi, type EmailPurpose, type EmailTemplate, type EmailTemplateInput, type EmailTemplateList } from '../../api/emailApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';

const PATHS = ['subject', 'body'] as const;

/** The {names} in a text, found as the server finds them. */
function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]*)\}/g)].map((match) => match[1] ?? '');
}

/** Every template, one purpose and language at a time. */
export function EmailTemplatesEditor({ list, editable, initialLocale }: { list: EmailTemplateList; editable: boolean; initialLocale: Locale }) {
  const t = useT();
  const [purpose, setPurpose] = useState<EmailPurpose>('thank_you');
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const template = list.items.find((item) => item.purpose === purpose && item.locale === locale);

  return (
    <Stack gap="md" maw={720}>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="email-template-purpose">
            {t('emailSettings.templates.purpose')}
          </Text>
          <SegmentedControl
            aria-labelledby="email-template-purpose"
            value={purpose}
            onChange={(value) => setPurpose(emailPurposeSchema.parse(value))}
            data={emailPurposeSchema.options.map((value) => ({ value, label: t(`emailSettings.templates.purposes.${value}`) }))}
          />
        </Stack>
        <LanguageSelect label={t('emailSettings.templates.language')} value={locale} onChange={setLocale} />
      </Group>
      <Group gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('emailSettings.templates.placeholders')}
        </Text>
        {list.placeholders.map((name) => (
          <Code key={name}>{`{${name}}`}</Code>
        ))}
      </Group>
      {template ? (
        <TemplateForm key={`${purpose}/${locale}`} template={template} editable={editable} placeholders={list.placeholders} />
      ) : (
        <Text c="dimmed">{t('emailSettings.templates.missing')}</Text>
      )}
    </Stack>
  );
}

function TemplateForm({ template, editable, placeholders }: { template: EmailTemplate; editable: boolean; placeholders: readonly string[] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const issues = useFieldIssues();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: EmailTemplateInput) => emailApi.saveTemplate(template.purpose, template.locale, input),
    onSuccess: (updated) => {
      queryClient.setQueryData<EmailTemplateList>(queryKeys.emailTemplates, (current) =>
        current && { ...current, items: current.items.map((item) => (item.purpose === updated.purpose && item.locale === updated.locale ? updated : item)) },
      );
      setSaved(true);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'email.unknown_placeholder') {
        // Shown under whichever field holds the unknown name, with the names that do work.
        const unknownIn = (text: string) => placeholdersIn(text).filter((name) => !placeholders.includes(name));
        const message = (names: string[]) =>
          t('emailSettings.templates.unknownPlaceholder', { names: names.map((name) => `{${name}}`).join(', '), known: placeholders.map((name) => `{${name}}`).join(', ') });
        const inSubject = unknownIn(subject);
        const inBody = unknownIn(body);
        setFieldMessages({ subject: inSubject.length > 0 ? message(inSubject) : undefined, body: inBody.length > 0 || inSubject.length === 0 ? message(inBody.length > 0 ? inBody : serverNames(error.details)) : undefined });
        return;
      }
      issues.showError(error, PATHS);
    },
  });
  const [fieldMessages, setFieldMessages] = useState<{ subject?: string | undefined; body?: string | undefined }>({});

  const errorAt = (path: (typeof PATHS)[number]) => fieldMessages[path] ?? issues.errorAt(path);
  const edit = (path: (typeof PATHS)[number], value: string) => {
    setSaved(false);
    issues.clear(path);
    setFieldMessages((current) => ({ ...current, [path]: undefined }));
    (path === 'subject' ? setSubject : setBody)(value);
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setFieldMessages({});
    const input = issues.check(putTemplateSchema, { subject, body }, PATHS);
    if (input) save.mutate(input);
  }

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Group gap="xs">
          {template.isDefault ? (
            <Badge variant="light" color="gray">
              {t('emailSettings.templates.builtIn')}
            </Badge>
          ) : (
            <Badge variant="light" color="teal">
              {t('emailSettings.templates.customised')}
            </Badge>
          )}
        </Group>
        {issues.formError !== null && <ErrorAlert error={issues.formError} onClose={() => issues.setFormError(null)} />}
        <TextInput
          label={t('emailSettings.templates.subject')}
          required={editable}
          disabled={!editable}
          value={subject}
          onChange={(event) => edit('subject', event.currentTarget.value)}
          error={errorAt('subject')}
        />
        <Textarea
          label={t('emailSettings.templates.body')}
          required={editable}
          disabled={!editable}
          autosize
          minRows={8}
          maxRows={24}
          value={body}
          onChange={(event) => edit('body', event.currentTarget.value)}
          error={errorAt('body')}
        />
        {editable && <SaveBar label={t('emailSettings.templates.save')} loading={save.isPending} savedMessage={saved ? t('common.saved') : null} />}
      </Stack>
    </form>
  );
}

function serverNames(details: unknown): string[] {
  const names = (details as { placeholders?: unknown } | null | undefined)?.placeholders;
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
}
