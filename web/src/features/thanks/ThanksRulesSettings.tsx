import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { ThanksRulesForm } from './ThanksRulesForm.tsx';
import { useThanksRules } from './useThanks.ts';

/** Settings → Thank-yous: the rules that say who is owed thanks. Owners and admins change them, everyone else reads them. */
export function ThanksRulesSettings() {
  const t = useT();
  usePageTitle(t('thanks.settings.tab'));
  const { user } = useSession();
  const rules = useThanksRules();
  const editable = can(user.role, 'manageWorkspace');
  return (
    <Panel size="lg" title={t('thanks.settings.title')} description={t(editable ? 'thanks.settings.description' : 'thanks.settings.readOnly')}>
      {rules.isPending && <LoadingState />}
      {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data && <ThanksRulesForm rules={rules.data} editable={editable} />}
    </Panel>
  );
}
