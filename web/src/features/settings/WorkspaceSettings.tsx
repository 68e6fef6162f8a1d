import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { WorkspaceForm } from './WorkspaceForm.tsx';

export function WorkspaceSettings() {
  const t = useT();
  usePageTitle(t('settings.tabs.workspace'));
  const { user } = useSession();
  const workspace = useQuery({ queryKey: queryKeys.workspace, queryFn: api.workspace.get });
  const editable = can(user.role, 'manageWorkspace');

  return (
    <Panel
      size="lg"
      title={t('workspace.title')}
      description={t(editable ? 'workspace.description' : 'workspace.readOnly')}
    >
      {workspace.isPending && <LoadingState />}
      {workspace.isError && <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />}
      {workspace.data && <WorkspaceForm key={workspace.data.id} workspace={workspace.data} editable={editable} />}
    </Panel>
  );
}
