import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { THANKS_ERRORS } from './thanksErrors.ts';
import { useDismissOwed } from './useThanks.ts';

const MAX_REASON = 500;

/** Dismiss an owed thank-you; the reason is required, so the list can say later why nobody thanked them. */
export function DismissOwedForm({ customerId, owedId, what, onDone }: { customerId: string; owedId: string; what: string; onDone: () => void }) {
  const t = useT();
  const dismiss = useDismissOwed(customerId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!reason.trim()) return setMissing(true);
    dismiss.mutate({ owedId, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm">{t('thanks.dismiss.text', { what })}</Text>
        <Textarea
          data-autofocus
          label={t('thanks.dismiss.reason')}
          description={t('thanks.dismiss.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(e) => { setReason(e.currentTarget.value); setMissing(false); }}
          error={missing ? t('thanks.dismiss.reasonRequired') : undefined}
        />
        {dismiss.error && <CodedErrorAlert error={dismiss.error} keys={THANKS_ERRORS} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={dismiss.isPending}>{t('thanks.dismiss.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
