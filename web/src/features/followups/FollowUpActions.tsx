import type { FollowUp } from '@contracts/followups.ts';
import { ActionIcon, Button, Group, Menu, Text, type GroupProps } from '@mantine/core';
import { IconCheck, IconChevronDown, IconClockPause, IconDots, IconNote, IconPencil, IconPlayerSkipForward, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SectionModal } from '../profile/SectionModal.tsx';
import { DoneWithNoteForm } from './DoneWithNoteForm.tsx';
import { EditFollowUpModal } from './EditFollowUpModal.tsx';
import { SkipFollowUpForm } from './SkipFollowUpForm.tsx';
import { useDeleteFollowUp, useDoneFollowUp, useSnoozeFollowUp } from './useFollowUps.ts';

type Dialog = 'note' | 'skip' | 'edit' | 'delete';

interface FollowUpActionsProps {
  followUp: FollowUp;
  /** What it is, for the buttons' full names ("call on 12 Dec"). */
  what: string;
  justify?: GroupProps['justify'];
  /** Today's queue shows only what closes it (no edit, no delete). */
  compact?: boolean;
}

/** An open follow-up's actions: Done (one click, or with a note for the timeline), Snooze a day or a week, Skip with a reason, Edit, Delete. */
export function FollowUpActions({ followUp, what, justify = 'flex-start', compact = false }: FollowUpActionsProps) {
  const t = useT();
  const done = useDoneFollowUp(followUp.customerId);
  const snooze = useSnoozeFollowUp(followUp.customerId);
  const remove = useDeleteFollowUp(followUp.customerId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const busy = done.isPending || snooze.isPending;
  const error = done.error ?? snooze.error;

  return (
    <>
      <Group gap={6} justify={justify} wrap="wrap">
        <Group gap={0} wrap="nowrap">
          <Button
            size="compact-sm"
            color="teal"
            leftSection={<IconCheck size={14} aria-hidden />}
            loading={done.isPending}
            disabled={busy}
            aria-label={t('followUps.actions.doneLabel', { what })}
            onClick={() => done.mutate({ followUpId: followUp.id })}
            style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
          >
            {t('followUps.actions.done')}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon color="teal" variant="filled" size={26} disabled={busy} aria-label={t('followUps.actions.moreDone', { what })} style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-teal-3)' }}>
                <IconChevronDown size={14} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconNote size={16} aria-hidden />} onClick={() => setDialog('note')}>{t('followUps.actions.doneWithNote')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Menu position="bottom-start">
          <Menu.Target>
            <Button size="compact-sm" variant="default" leftSection={<IconClockPause size={14} aria-hidden />} rightSection={<IconChevronDown size={12} aria-hidden />} loading={snooze.isPending} disabled={busy} aria-label={t('followUps.actions.snoozeLabel', { what })}>
              {t('followUps.actions.snooze')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => snooze.mutate({ followUpId: followUp.id, days: 1 })}>{t('followUps.actions.snoozeDay')}</Menu.Item>
            <Menu.Item onClick={() => snooze.mutate({ followUpId: followUp.id, days: 7 })}>{t('followUps.actions.snoozeWeek')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="compact-sm" variant="default" leftSection={<IconPlayerSkipForward size={14} aria-hidden />} disabled={busy} aria-label={t('followUps.actions.skipLabel', { what })} onClick={() => setDialog('skip')}>
          {t('followUps.actions.skip')}
        </Button>
        {!compact && (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size={26} aria-label={t('followUps.actions.more', { what })}>
                <IconDots size={16} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>{t('common.edit')}</Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog('delete')}>{t('followUps.actions.delete')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {error && <ErrorAlert error={error} onClose={() => { done.reset(); snooze.reset(); }} />}
      <SectionModal opened={dialog === 'note'} onClose={close} title={t('followUps.doneNote.title')} size="md">
        <DoneWithNoteForm customerId={followUp.customerId} followUpId={followUp.id} onDone={close} />
      </SectionModal>
      <SectionModal opened={dialog === 'skip'} onClose={close} title={t('followUps.skip.title')} size="md">
        <SkipFollowUpForm customerId={followUp.customerId} followUpId={followUp.id} onDone={close} />
      </SectionModal>
      <EditFollowUpModal followUp={dialog === 'edit' ? followUp : null} onClose={close} />
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('followUps.delete.title')}
        confirmLabel={t('followUps.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={close}
        onConfirm={() => remove.mutate(followUp.id, { onSuccess: close })}
      >
        <Text size="sm">{t('followUps.delete.text', { what })}</Text>
        {remove.error && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </>
  );
}
