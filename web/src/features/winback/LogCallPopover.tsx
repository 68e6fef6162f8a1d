import { Button, Group, Popover, Stack, Textarea } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

interface LogCallPopoverProps {
  customerName: string;
  pending: boolean;
  disabled: boolean;
  /** Resolves when logged, so the popover can close. */
  onLog: (note: string | undefined) => Promise<unknown>;
}

/** "Log call", with an optional note of what was said, without leaving the queue. */
export function LogCallPopover({ customerName, pending, disabled, onLog }: LogCallPopoverProps) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onLog(note.trim() || undefined).then(() => {
      setNote('');
      setOpened(false);
    });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={300} trapFocus withArrow shadow="md">
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color="teal"
          leftSection={<IconPhone size={14} aria-hidden />}
          fullWidth
          justify="flex-start"
          disabled={disabled}
          aria-label={t('winback.actions.callFor', { name: customerName })}
          onClick={() => setOpened((open) => !open)}
        >
          {t('winback.actions.call')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form noValidate onSubmit={submit}>
          <Stack gap="xs">
            <Textarea label={t('winback.callNote')} placeholder={t('winback.callNoteHint')} autosize minRows={2} maxRows={6} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} data-autofocus />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" type="submit" loading={pending}>
                {t('winback.logCall')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
