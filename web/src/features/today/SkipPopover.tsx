import { Button, Group, Popover, Stack, TextInput } from '@mantine/core';
import { IconPlayerSkipForward } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';

const MAX_REASON = 500;

/** "Skip", with the reason it is asked for (kept on the follow-up, so the team knows why nobody called). */
export function SkipPopover({ customerName, onSkip }: { customerName: string; onSkip: (reason: string) => void }) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return setMissing(true);
    setOpened(false);
    setReason('');
    onSkip(text);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={280} trapFocus withArrow shadow="md">
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconPlayerSkipForward size={14} aria-hidden />}
          aria-label={t('today.actions.skipFor', { name: customerName })}
          onClick={() => setOpened((open) => !open)}
        >
          {t('today.actions.skip')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form noValidate onSubmit={submit}>
          <Stack gap="xs">
            <TextInput
              label={t('today.actions.skipReason')}
              placeholder={t('today.actions.skipReasonHint')}
              required
              maxLength={MAX_REASON}
              value={reason}
              onChange={(event) => { setReason(event.currentTarget.value); setMissing(false); }}
              error={missing ? t('today.actions.skipReasonRequired') : undefined}
              data-autofocus
            />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button size="xs" type="submit">
                {t('today.actions.skip')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
