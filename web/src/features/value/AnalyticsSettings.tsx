import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { AnalyticsSettingsForm } from './AnalyticsSettingsForm.tsx';
import { useAnalyticsSettings } from './useAnalytics.ts';

/** Settings → Customer value: owners and admins change it, everyone else reads it. */
export function AnalyticsSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.value'));
  const { user } = useSession();
  const settings = useAnalyticsSettings();
  const editable = can(user.role, 'manageAnalytics');
  return (
    <Panel size="lg" title={t('value.settings.title')} description={t(editable ? 'value.settings.description' : 'value.settings.readOnly')}>
      {settings.isPending && <LoadingState />}
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <AnalyticsSettingsForm settings={settings.data} editable={editable} />}
    </Panel>
  );
}
