import { Tabs } from '@mantine/core';
import { IconBuilding, IconCalendarRepeat, IconCoin, IconForms, IconGift, IconKey, IconMail, IconMessageHeart, IconRoute, IconTags, IconUserCircle, IconUsers, type Icon } from '@tabler/icons-react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can, type Capability } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';

interface SettingsTab {
  value: string;
  labelKey: string;
  icon: Icon;
  /** Shown only to roles with this capability. */
  needs?: Capability;
}

const TABS: readonly SettingsTab[] = [
  { value: 'workspace', labelKey: 'settings.tabs.workspace', icon: IconBuilding },
  { value: 'attributes', labelKey: 'settings.tabs.attributes', icon: IconForms },
  { value: 'tags', labelKey: 'settings.tabs.tags', icon: IconTags },
  { value: 'sources', labelKey: 'sourcesSettings.tab', icon: IconRoute },
  { value: 'reasons', labelKey: 'reasons.settings.tab', icon: IconMessageHeart },
  { value: 'thanks', labelKey: 'thanks.settings.tab', icon: IconGift },
  { value: 'follow-ups', labelKey: 'followUps.rules.tab', icon: IconCalendarRepeat },
  { value: 'email', labelKey: 'emailSettings.tab', icon: IconMail },
  { value: 'value', labelKey: 'settings.tabs.value', icon: IconCoin },
  { value: 'users', labelKey: 'settings.tabs.users', icon: IconUsers, needs: 'manageUsers' },
  { value: 'api-keys', labelKey: 'settings.tabs.apiKeys', icon: IconKey, needs: 'manageApiKeys' },
  { value: 'account', labelKey: 'settings.tabs.account', icon: IconUserCircle },
];

/** Settings as tabs, one sub-route each (/settings/users…), showing only what the role may use. */
export function SettingsLayout() {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { user } = useSession();
  const tabs = TABS.filter((tab) => !tab.needs || can(user.role, tab.needs));
  const current = pathname.split('/')[2];

  if (!tabs.some((tab) => tab.value === current)) return <Navigate to="/settings/workspace" replace />;

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Tabs value={current} onChange={(value) => value && void navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map(({ value, labelKey, icon: TabIcon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<TabIcon size={16} aria-hidden />}>
              {t(labelKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={current ?? 'workspace'}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
