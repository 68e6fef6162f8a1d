import { ActionIcon, Button, Group, Popover, Stack, Textarea } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

const MAX_NOTE = 4000;

/** "Done with a note": what came of it, written to the customer's timeline. */
export function DoneNotePopover({ customerName, onDone }: { customerName: string; onDone: (note: string) => void }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return;
    setOpened(false);
    setNote('');
    onDone(text);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={300} trapFocus withArrow shadow="md">
      <Popover.Target>
        <ActionIcon
          size={26}
          variant="light"
          color="teal"
          aria-label={t('today.actions.doneWithNoteFor', { name: customerName })}
          title={t('today.actions.doneWithNote')}
          onClick={() => setOpened((open) => !open)}
        >
          <IconNotes size={15} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form noValidate onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('today.actions.note')}
              placeholder={t('today.actions.notePlaceholder')}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={MAX_NOTE}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" type="submit" color="teal" disabled={!note.trim()}>
                {t('today.actions.doneWithNote')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
