import { Button, Group, Stack } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { emailApi } from '../../api/emailApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { EmailTemplatesEditor } from './EmailTemplatesEditor.tsx';
import { SmtpSettingsForm } from './SmtpSettingsForm.tsx';
import { TestEmailBox } from './TestEmailBox.tsx';

/** Settings → Email: the SMTP server, a test email, the message templates, and the way to the outbox. */
export function EmailSettingsPage() {
  const t = useT();
  usePageTitle(t('emailSettings.tab'));
  const { user, workspace } = useSession();
  const editable = can(user.role, 'manageWorkspace');
  const settings = useQuery({ queryKey: queryKeys.emailSettings, queryFn: ({ signal }) => emailApi.settings(signal), enabled: editable });
  const templates = useQuery({ queryKey: queryKeys.emailTemplates, queryFn: ({ signal }) => emailApi.templates(signal) });

  return (
    <Stack gap="lg">
      <Group>
        <Button component={Link} to="/settings/email/outbox" variant="default" leftSection={<IconInbox size={16} aria-hidden />}>
          {t('outbox.open')}
        </Button>
      </Group>
      {editable && (
        <>
          <Panel size="lg" title={t('emailSettings.smtp.title')} description={t('emailSettings.smtp.description')}>
            {settings.isPending && <LoadingState />}
            {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
            {settings.data && <SmtpSettingsForm settings={settings.data} />}
          </Panel>
          <Panel size="lg" title={t('emailSettings.test.title')} description={t('emailSettings.test.description')}>
            {settings.data && <TestEmailBox configured={settings.data.configured} defaultTo={user.email} />}
          </Panel>
        </>
      )}
      <Panel size="lg" title={t('emailSettings.templates.title')} description={t(editable ? 'emailSettings.templates.description' : 'emailSettings.templates.readOnly')}>
        {templates.isPending && <LoadingState />}
        {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
        {templates.data && <EmailTemplatesEditor list={templates.data} editable={editable} initialLocale={workspace.locale} />}
      </Panel>
    </Stack>
  );
}
