import type { CustomerReasons } from '@contracts/reasons.ts';
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { REASON_ERRORS } from './reasonErrors.ts';
import { useMarkLost, useReasons } from './useReasons.ts';

/** Mark a customer lost — a person's judgement, apart from the computed lapse state — with an exit reason and a note. */
export function MarkLostForm({ customerId, lost, onDone }: { customerId: string; lost: CustomerReasons['lost']; onDone: () => void }) {
  const t = useT();
  const reasons = useReasons();
  const mark = useMarkLost(customerId);
  const [reasonId, setReasonId] = useState<string | null>(lost?.reason?.id ?? null);
  const [note, setNote] = useState(lost?.note ?? '');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!reasonId) return setMissing(true);
    mark.mutate({ reasonId, ...(note.trim() && { note: note.trim() }) }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">{t('reasons.lost.explain')}</Text>
        <Select
          data-autofocus
          label={t('reasons.lost.reason')}
          placeholder={t('reasons.settings.pick')}
          required
          data={(reasons.data ?? []).filter((r) => r.kind === 'exit').map((r) => ({ value: r.id, label: r.name }))}
          value={reasonId}
          onChange={(next) => { setReasonId(next); setMissing(false); }}
          error={missing ? t('reasons.lost.reasonRequired') : undefined}
        />
        <Textarea label={t('reasons.lost.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {mark.error && <CodedErrorAlert error={mark.error} keys={REASON_ERRORS} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" color="red" loading={mark.isPending}>{t('reasons.lost.confirm')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
