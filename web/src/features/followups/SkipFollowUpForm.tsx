import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSkipFollowUp } from './useFollowUps.ts';

const MAX_REASON = 500;

/** Skip a follow-up; the reason is required, so the closed list says later why nobody called. */
export function SkipFollowUpForm({ customerId, followUpId, onDone }: { customerId: string; followUpId: string; onDone: () => void }) {
  const t = useT();
  const skip = useSkipFollowUp(customerId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!reason.trim()) return setMissing(true);
    skip.mutate({ followUpId, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Textarea
          data-autofocus
          label={t('followUps.skip.reason')}
          description={t('followUps.skip.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(event) => { setReason(event.currentTarget.value); setMissing(false); }}
          error={missing ? t('followUps.skip.reasonRequired') : undefined}
        />
        {skip.error && <ErrorAlert error={skip.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={skip.isPending}>{t('followUps.skip.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
