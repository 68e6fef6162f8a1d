import { Button, Group, Paper, Text } from '@mantine/core';
import { IconCalendarPlus, IconMail, IconRoute, IconTagMinus, IconTagPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { BulkFollowUpModal } from '../followups/BulkFollowUpModal.tsx';
import { bulkFollowUpSentence } from '../followups/bulkFollowUpSentence.ts';
import { BulkEmailModal } from '../sendEmail/BulkEmailModal.tsx';
import { bulkResultSentence } from '../sendEmail/bulkResultText.ts';
import { BulkSourceModal } from './BulkSourceModal.tsx';
import { BulkTagMenu } from './BulkTagMenu.tsx';
import { useBulkAction } from './useCustomers.ts';

interface BulkActionBarProps {
  selectedIds: readonly string[];
  onClear: () => void;
}

/** What to do with the ticked rows: add or remove a tag, set their source, email them, or delete them (after asking). */
export function BulkActionBar({ selectedIds, onClear }: BulkActionBarProps) {
  const t = useT();
  const bulk = useBulkAction();
  const [confirming, setConfirming] = useState(false);
  const [settingSource, setSettingSource] = useState(false);
  const [emailing, setEmailing] = useState(false);
  const [followingUp, setFollowingUp] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const count = selectedIds.length;

  const run = (action: 'add_tags' | 'remove_tags' | 'delete', tagIds?: string[]) =>
    bulk.mutate(
      { ids: [...selectedIds], action, tagIds },
      {
        onSuccess: ({ affected }) => {
          setDone(t(`customers.bulk.done.${action}`, { count: affected }));
          setConfirming(false);
          onClear();
        },
      },
    );

  return (
    <>
      <Text size="sm" c="teal.8" role="status" aria-live="polite" mb={done && count === 0 ? 'sm' : 0}>
        {count === 0 ? done : null}
      </Text>
      {count > 0 && (
        <Paper withBorder radius="md" p="xs" mb="sm" bg="indigo.0" role="region" aria-label={t('customers.bulk.region')}>
          <Group gap="sm">
            <Text size="sm" fw={600} px="xs">
              {t('customers.bulk.selected', { count })}
            </Text>
            <BulkTagMenu label={t('customers.bulk.addTag')} icon={<IconTagPlus size={14} aria-hidden />} onPick={(tagId) => run('add_tags', [tagId])} disabled={bulk.isPending} />
            <BulkTagMenu label={t('customers.bulk.removeTag')} icon={<IconTagMinus size={14} aria-hidden />} onPick={(tagId) => run('remove_tags', [tagId])} disabled={bulk.isPending} />
            <Button variant="default" size="xs" leftSection={<IconRoute size={14} aria-hidden />} onClick={() => setSettingSource(true)} disabled={bulk.isPending}>
              {t('acquisition.bulk.action')}
            </Button>
            <Button variant="default" size="xs" leftSection={<IconCalendarPlus size={14} aria-hidden />} onClick={() => setFollowingUp(true)} disabled={bulk.isPending}>
              {t('followUps.bulk.action')}
            </Button>
            <Button variant="default" size="xs" leftSection={<IconMail size={14} aria-hidden />} onClick={() => setEmailing(true)} disabled={bulk.isPending}>
              {t('sendEmail.bulk.action')}
            </Button>
            <Button variant="default" size="xs" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('customers.bulk.delete')}
            </Button>
            <Button variant="subtle" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
              {t('customers.bulk.clear')}
            </Button>
          </Group>
          {bulk.isError && !confirming && <ErrorAlert error={bulk.error} onClose={() => bulk.reset()} />}
        </Paper>
      )}
      <BulkSourceModal
        opened={settingSource}
        customerIds={selectedIds}
        onClose={() => setSettingSource(false)}
        onDone={(updated) => {
          setDone(updated === 0 ? t('acquisition.bulk.unchanged') : t('acquisition.bulk.done', { count: updated }));
          setSettingSource(false);
          onClear();
        }}
      />
      <BulkFollowUpModal
        opened={followingUp}
        customerIds={selectedIds}
        onClose={() => setFollowingUp(false)}
        onDone={(result) => {
          setDone(bulkFollowUpSentence(t, result));
          setFollowingUp(false);
          onClear();
        }}
      />
      <BulkEmailModal
        opened={emailing}
        customerIds={selectedIds}
        onClose={() => setEmailing(false)}
        onDone={(result) => {
          setDone(bulkResultSentence(t, result));
          setEmailing(false);
          onClear();
        }}
      />
      <ConfirmModal
        opened={confirming}
        title={t('customers.bulk.confirmTitle', { count })}
        confirmLabel={t('customers.bulk.confirm', { count })}
        danger
        loading={bulk.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => run('delete')}
      >
        <Text size="sm">{t('customers.bulk.confirmText')}</Text>
        {bulk.isError && <ErrorAlert error={bulk.error} />}
      </ConfirmModal>
    </>
  );
}
