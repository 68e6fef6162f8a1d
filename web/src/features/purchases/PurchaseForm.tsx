import { createTransactionSchema, type TRANSACTION_KINDS } from '@contracts/transactions.ts';
import { Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import type { CreateTransaction } from '../../api/transactionsApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { currencyFractionDigits } from '../../i18n/format.ts';
import { CurrencySelect } from '../../ui/CurrencySelect.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { fromLocalInput, toLocalInput } from '../timeline/activityTime.ts';
import { toMinorUnits } from './money.ts';

type Kind = (typeof TRANSACTION_KINDS)[number];
const PATHS = ['occurredAt', 'amountMinor', 'currency', 'externalId', 'note'];

interface PurchaseFormProps {
  defaultCurrency: string;
  pending: boolean;
  onSubmit: (input: CreateTransaction) => Promise<unknown>;
  onCancel: () => void;
}

/** A sale or refund typed by hand: when, how much (converted exactly to minor units), order number, note. */
export function PurchaseForm({ defaultCurrency, pending, onSubmit, onCancel }: PurchaseFormProps) {
  const { t, locale } = useI18n();
  const issues = useFieldIssues();
  const [kind, setKind] = useState<Kind>('sale');
  const [when, setWhen] = useState(() => toLocalInput(new Date().toISOString()));
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [orderNumber, setOrderNumber] = useState('');
  const [note, setNote] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [orderTaken, setOrderTaken] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = currencyFractionDigits(currency);
    const amountMinor = toMinorUnits(amount, digits, locale);
    setAmountError(amountMinor === null || amountMinor === 0 ? t(amount.trim() ? 'purchases.form.amountInvalid' : 'validation.required', { digits }) : null);
    setOrderTaken(false);
    const input: CreateTransaction = {
      kind,
      occurredAt: fromLocalInput(when) ?? '',
      amountMinor: amountMinor ?? 0,
      currency,
      externalId: orderNumber.trim() || null,
      note: note.trim() || null,
    };
    if (!issues.check(createTransactionSchema, input, PATHS) || amountMinor === null || amountMinor === 0) return;
    onSubmit(input).catch((error: unknown) => {
      if (isApiError(error) && error.code === 'transactions.external_id_taken') setOrderTaken(true);
      else issues.showError(error, PATHS);
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <SegmentedControl
          aria-label={t('purchases.form.kind')}
          value={kind}
          onChange={(next) => setKind(next as Kind)}
          data={[
            { value: 'sale', label: t('purchases.kind.sale') },
            { value: 'refund', label: t('purchases.kind.refund') },
          ]}
        />
        <TextInput
          type="datetime-local"
          label={t('purchases.form.when')}
          required
          value={when}
          onChange={(event) => setWhen(event.currentTarget.value)}
          error={issues.errorAt('occurredAt')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t(kind === 'refund' ? 'purchases.form.refundAmount' : 'purchases.form.amount')}
            description={t('purchases.form.amountHint')}
            required
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            value={amount}
            onChange={(event) => {
              setAmount(event.currentTarget.value);
              setAmountError(null);
            }}
            error={amountError ?? issues.errorAt('amountMinor')}
          />
          <CurrencySelect label={t('purchases.form.currency')} description={t('purchases.form.currencyHint')} value={currency} onChange={setCurrency} error={issues.errorAt('currency')} />
        </Group>
        <TextInput
          label={t('purchases.form.orderNumber')}
          description={t('purchases.form.orderNumberHint')}
          value={orderNumber}
          onChange={(event) => {
            setOrderNumber(event.currentTarget.value);
            setOrderTaken(false);
          }}
          error={orderTaken ? t('purchases.form.orderTaken') : issues.errorAt('externalId')}
        />
        <Textarea label={t('purchases.form.note')} autosize minRows={2} maxRows={6} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={issues.errorAt('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t(kind === 'refund' ? 'purchases.form.submitRefund' : 'purchases.form.submitSale')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
