import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { FollowUpRulesForm } from './FollowUpRulesForm.tsx';
import { useFollowUpRules } from './useFollowUps.ts';

/** Settings → Follow-ups: the rules that make follow-ups by themselves. Owners and admins change them, everyone else reads them. */
export function FollowUpRulesSettings() {
  const t = useT();
  usePageTitle(t('followUps.rules.tab'));
  const { user } = useSession();
  const rules = useFollowUpRules();
  const editable = can(user.role, 'manageWorkspace');
  return (
    <Panel size="lg" title={t('followUps.rules.title')} description={t(editable ? 'followUps.rules.description' : 'followUps.rules.readOnly')}>
      {rules.isPending && <LoadingState />}
      {rules.isError && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data && <FollowUpRulesForm rules={rules.data} editable={editable} />}
    </Panel>
  );
}
