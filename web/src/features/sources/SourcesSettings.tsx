import { Button, EmptyState, Stack, Text } from '@mantine/core';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import type { SourceWithCount } from '../../api/sourcesApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { MoveCustomersModal } from './MoveCustomersModal.tsx';
import { SourceFormModal } from './SourceFormModal.tsx';
import { groupByChannel } from './sourceGroups.ts';
import { SourcesTaxonomyTable } from './SourcesTaxonomyTable.tsx';
import { useSources } from './useSources.ts';

type Editing = { source: SourceWithCount | null; channel?: string } | null;

/** Settings → Sources: how customers find the business, channel → source, with the customers of each. */
export function SourcesSettings() {
  const t = useT();
  usePageTitle(t('sourcesSettings.tab'));
  const { user } = useSession();
  const canManage = can(user.role, 'writeCustomers');
  const sources = useSources();
  const [editing, setEditing] = useState<Editing>(null);
  const [moving, setMoving] = useState<{ mode: 'merge' | 'delete'; source: SourceWithCount } | null>(null);
  const groups = groupByChannel(sources.data ?? []);
  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ source: null })}>
      {t('sourcesSettings.addButton')}
    </Button>
  );

  return (
    <Panel size="lg" title={t('sourcesSettings.title')} description={t('sourcesSettings.description')} actions={addButton}>
      <Stack gap="md">
        {sources.isPending && <TableSkeleton rows={6} />}
        {sources.isError && <ErrorAlert error={sources.error} onRetry={() => void sources.refetch()} />}
        {sources.data?.length === 0 && (
          <EmptyState
            icon={<IconRoute size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('sourcesSettings.empty.title')}</Text>}
            description={t('sourcesSettings.empty.text')}
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        )}
        {groups.length > 0 && (
          <SourcesTaxonomyTable
            groups={groups}
            canManage={canManage}
            onAdd={(channel) => setEditing({ source: null, channel })}
            onEdit={(source) => setEditing({ source })}
            onMerge={(source) => setMoving({ mode: 'merge', source })}
            onDelete={(source) => setMoving({ mode: 'delete', source })}
          />
        )}
      </Stack>
      <SourceFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        source={editing?.source ?? null}
        channel={editing?.channel}
        channels={groups.map((group) => group.channel)}
      />
      <MoveCustomersModal mode={moving?.mode ?? 'delete'} source={moving?.source ?? null} onClose={() => setMoving(null)} />
    </Panel>
  );
}
