import { Stack } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { RemindersCard } from '../reminders/RemindersCard.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function MyAccountSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.account'));
  return (
    <Stack gap="lg">
      <Panel size="lg" title={t('account.profile.title')} description={t('account.profile.description')}>
        <ProfileForm />
      </Panel>
      <Panel size="lg" title={t('account.password.title')} description={t('account.password.description')}>
        <ChangePasswordForm />
      </Panel>
      <RemindersCard />
    </Stack>
  );
}
