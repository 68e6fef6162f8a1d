import type { ReasonKind } from '@contracts/reasons.ts';
import { ActionIcon, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReasonWithCount } from '../../api/reasonsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { DeleteReasonModal } from './DeleteReasonModal.tsx';
import { ReasonFormModal } from './ReasonFormModal.tsx';
import { useReasons } from './useReasons.ts';

/** Settings → Reasons: why customers choose you, and why they leave — two lists, each with the customers who gave each reason. */
export function ReasonsSettings() {
  const t = useT();
  usePageTitle(t('reasons.settings.tab'));
  const { user } = useSession();
  const canManage = can(user.role, 'writeCustomers');
  const reasons = useReasons();
  const [editing, setEditing] = useState<{ kind: ReasonKind; reason: ReasonWithCount | null } | null>(null);
  const [deleting, setDeleting] = useState<ReasonWithCount | null>(null);

  return (
    <Stack gap="lg">
      {reasons.isPending && <TableSkeleton rows={6} />}
      {reasons.isError && <ErrorAlert error={reasons.error} onRetry={() => void reasons.refetch()} />}
      {reasons.data &&
        (['choose', 'exit'] as const).map((kind) => (
          <Panel
            key={kind}
            size="lg"
            title={t(`reasons.settings.${kind}.title`)}
            description={t(`reasons.settings.${kind}.description`)}
            actions={
              canManage && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ kind, reason: null })}>
                  {t('reasons.settings.add')}
                </Button>
              )
            }
          >
            <ReasonTable
              reasons={reasons.data.filter((r) => r.kind === kind)}
              canManage={canManage}
              onEdit={(reason) => setEditing({ kind, reason })}
              onDelete={setDeleting}
            />
          </Panel>
        ))}
      <ReasonFormModal opened={editing !== null} kind={editing?.kind ?? 'choose'} reason={editing?.reason ?? null} onClose={() => setEditing(null)} />
      <DeleteReasonModal reason={deleting} others={(reasons.data ?? []).filter((r) => r.kind === deleting?.kind && r.id !== deleting.id)} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

function ReasonTable({ reasons, canManage, onEdit, onDelete }: { reasons: ReasonWithCount[]; canManage: boolean; onEdit: (r: ReasonWithCount) => void; onDelete: (r: ReasonWithCount) => void }) {
  const t = useT();
  if (reasons.length === 0) return <Text c="dimmed" size="sm">{t('reasons.settings.empty')}</Text>;
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reasons.settings.columns.reason')}</Table.Th>
          <Table.Th ta="right">{t('reasons.settings.columns.customers')}</Table.Th>
          {canManage && <Table.Th w={96}><VisuallyHidden>{t('reasons.settings.columns.actions')}</VisuallyHidden></Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reasons.map((reason) => (
          <Table.Tr key={reason.id}>
            <Table.Td>{reason.name}</Table.Td>
            <Table.Td ta="right">{reason.customers}</Table.Td>
            {canManage && (
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <ActionIcon variant="subtle" color="gray" aria-label={t('reasons.settings.rename', { name: reason.name })} onClick={() => onEdit(reason)}>
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t('reasons.settings.delete.action', { name: reason.name })} onClick={() => onDelete(reason)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
