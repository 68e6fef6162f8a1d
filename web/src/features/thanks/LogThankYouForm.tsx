import { THANK_OCCASIONS, THANK_YOU_KINDS, thankYouInputSchema } from '@contracts/thanks.ts';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { ThankOccasion, ThankYouInput } from '../../api/thanksApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { CurrencySelect } from '../../ui/CurrencySelect.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSession } from '../auth/useSession.ts';
import { toMinorUnits } from '../purchases/money.ts';
import { todayIn } from '../reports/period.ts';
import { CodedErrorAlert } from '../sources/CodedErrorAlert.tsx';
import { THANKS_ERRORS } from './thanksErrors.ts';
import { useLogThankYou } from './useThanks.ts';

type Kind = (typeof THANK_YOU_KINDS)[number];
const PATHS = ['kind', 'occasion', 'givenOn', 'costMinor', 'currency', 'note'];
const MAX_NOTE = 2000;

export interface LogPreset {
  occasion?: ThankOccasion;
  /** The owed thank-you this settles. */
  owedId?: string;
}

/** Log a thank-you: how (a call, a gift…), what for, the day, what it cost, a note. */
export function LogThankYouForm({ customerId, preset, onDone }: { customerId: string; preset: LogPreset; onDone: () => void }) {
  const { t, locale, timeZone } = useI18n();
  const { workspace } = useSession();
  const issues = useFieldIssues();
  const log = useLogThankYou(customerId);
  const [kind, setKind] = useState<Kind | null>(null);
  const [occasion, setOccasion] = useState<ThankOccasion | null>(preset.occasion ?? null);
  const [givenOn, setGivenOn] = useState(() => todayIn(timeZone));
  const [cost, setCost] = useState('');
  const [currency, setCurrency] = useState(workspace.baseCurrency);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ kind?: boolean; occasion?: boolean; cost?: boolean }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const costMinor = cost.trim() ? toMinorUnits(cost, currencyFractionDigits(currency), locale) : null;
    const problems = { kind: !kind, occasion: !occasion, cost: cost.trim() !== '' && costMinor === null };
    setMissing(problems);
    if (problems.kind || problems.occasion || problems.cost) return;
    const input: ThankYouInput = {
      kind: kind!,
      occasion: occasion!,
      givenOn,
      costMinor,
      ...(costMinor !== null && { currency }),
      note: note.trim() || null,
      ...(preset.owedId && { owedId: preset.owedId }),
    };
    if (!issues.check(thankYouInputSchema, input, PATHS)) return;
    log.mutate(input, { onSuccess: onDone, onError: (error) => issues.showError(error, PATHS) });
  };

  const coded = isApiError(issues.formError) && THANKS_ERRORS[issues.formError.code];
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && (coded ? <CodedErrorAlert error={issues.formError} keys={THANKS_ERRORS} /> : <ErrorAlert error={issues.formError} />)}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            data-autofocus
            label={t('thanks.form.kind')}
            placeholder={t('thanks.form.pick')}
            required
            data={THANK_YOU_KINDS.map((value) => ({ value, label: t(`thanks.kinds.${value}`) }))}
            value={kind}
            onChange={(next) => { setKind(next as Kind | null); setMissing((m) => ({ ...m, kind: false })); }}
            error={missing.kind ? t('thanks.form.kindRequired') : issues.errorAt('kind')}
          />
          <Select
            label={t('thanks.form.occasion')}
            placeholder={t('thanks.form.pick')}
            required
            data={THANK_OCCASIONS.map((value) => ({ value, label: t(`thanks.occasions.${value}`) }))}
            value={occasion}
            onChange={(next) => { setOccasion(next as ThankOccasion | null); setMissing((m) => ({ ...m, occasion: false })); }}
            error={missing.occasion ? t('thanks.form.occasionRequired') : issues.errorAt('occasion')}
          />
        </SimpleGrid>
        <TextInput type="date" label={t('thanks.form.givenOn')} value={givenOn} onChange={(e) => setGivenOn(e.currentTarget.value)} error={issues.errorAt('givenOn')} />
        <Group grow align="flex-start">
          <TextInput
            label={t('thanks.form.cost')}
            description={t('thanks.form.costHint')}
            inputMode="decimal"
            autoComplete="off"
            value={cost}
            onChange={(e) => { setCost(e.currentTarget.value); setMissing((m) => ({ ...m, cost: false })); }}
            error={missing.cost ? t('thanks.form.costInvalid') : issues.errorAt('costMinor')}
          />
          <CurrencySelect label={t('thanks.form.currency')} value={currency} onChange={setCurrency} error={issues.errorAt('currency')} />
        </Group>
        <Textarea
          label={t('thanks.form.note')}
          description={t('thanks.form.noteHint', { max: MAX_NOTE })}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={MAX_NOTE}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={issues.errorAt('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={log.isPending}>{t('thanks.form.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
