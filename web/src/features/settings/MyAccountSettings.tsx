import { Stack } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { SettingsSection } from '../../ui/SettingsSection.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

export function MyAccountSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.account'));
  return (
    <Stack gap="lg">
      <SettingsSection title={t('account.profile.title')} description={t('account.profile.description')}>
        <ProfileForm />
      </SettingsSection>
      <SettingsSection title={t('account.password.title')} description={t('account.password.description')}>
        <ChangePasswordForm />
      </SettingsSection>
    </Stack>
  );
}
