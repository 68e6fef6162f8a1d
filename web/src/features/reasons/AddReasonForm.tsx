import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { REASON_ERRORS } from './reasonErrors.ts';
import { useAddReason, useReasons } from './useReasons.ts';

const MAX_WORDS = 2000;

/** Record why a customer chooses us: the reason, the day they said it, and their own words. */
export function AddReasonForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const t = useT();
  const reasons = useReasons();
  const add = useAddReason(customerId);
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [notedOn, setNotedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [words, setWords] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!reasonId) return setMissing(true);
    add.mutate({ reasonId, kind: 'choose', notedOn, ...(words.trim() && { words: words.trim() }) }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Select
          data-autofocus
          label={t('reasons.profile.reason')}
          placeholder={t('reasons.settings.pick')}
          required
          searchable
          data={(reasons.data ?? []).filter((r) => r.kind === 'choose').map((r) => ({ value: r.id, label: r.name }))}
          value={reasonId}
          onChange={(next) => { setReasonId(next); setMissing(false); }}
          error={missing ? t('reasons.profile.reasonRequired') : undefined}
        />
        <TextInput type="date" label={t('reasons.profile.notedOn')} value={notedOn} onChange={(e) => setNotedOn(e.currentTarget.value)} />
        <Textarea
          label={t('reasons.profile.words')}
          description={t('reasons.profile.wordsHint', { max: MAX_WORDS })}
          autosize
          minRows={3}
          maxLength={MAX_WORDS}
          value={words}
          onChange={(e) => setWords(e.currentTarget.value)}
        />
        {add.error && <CodedErrorAlert error={add.error} keys={REASON_ERRORS} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={add.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
