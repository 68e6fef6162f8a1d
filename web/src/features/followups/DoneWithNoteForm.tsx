import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDoneFollowUp } from './useFollowUps.ts';

const MAX_NOTE = 4000;

/** Mark it done and write how it went on the customer's timeline. */
export function DoneWithNoteForm({ customerId, followUpId, onDone }: { customerId: string; followUpId: string; onDone: () => void }) {
  const t = useT();
  const done = useDoneFollowUp(customerId);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!note.trim()) return setMissing(true);
    done.mutate({ followUpId, note: note.trim() }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Textarea
          data-autofocus
          label={t('followUps.doneNote.label')}
          description={t('followUps.doneNote.hint')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={MAX_NOTE}
          value={note}
          onChange={(event) => { setNote(event.currentTarget.value); setMissing(false); }}
          error={missing ? t('followUps.doneNote.required') : undefined}
        />
        {done.error && <ErrorAlert error={done.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" color="teal" loading={done.isPending}>{t('followUps.doneNote.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
