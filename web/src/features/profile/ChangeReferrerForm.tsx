import type { FieldIssue } from '@contracts/common.ts';
import type { CustomerRef } from '@contracts/customers.ts';
import { setReferrerSchema } from '@contracts/referrals.ts';
import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { SetReferrer } from '../../api/referralsApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CustomerPicker } from '../customers/CustomerPicker.tsx';
import { isUnknownCode, referralErrorText } from './referralErrors.ts';
import { useSetReferrer } from './useReferrals.ts';

type Mode = 'customer' | 'code' | 'introducer';
const PATHS = ['referrerId', 'referralCode', 'introducer.name', 'introducer.email', 'introducer.phone'] as const;

/** Who referred the customer: another customer, the owner of a referral code, or an outside introducer (made a contact). */
export function ChangeReferrerForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const t = useT();
  const save = useSetReferrer(customerId);
  const issues = useFieldIssues();
  const [mode, setMode] = useState<Mode>('customer');
  const [referrer, setReferrer] = useState<CustomerRef | null>(null);
  const [code, setCode] = useState('');
  const [introducer, setIntroducer] = useState({ name: '', email: '', phone: '' });
  const refused = referralErrorText(t, save.error, code.trim());

  const input = (): SetReferrer | FieldIssue => {
    if (mode === 'customer') return referrer ? { referrerId: referrer.id } : { path: 'referrerId', code: 'required', message: '' };
    if (mode === 'code') return { referralCode: code };
    const { name, email, phone } = introducer;
    return { introducer: { name, ...(email.trim() && { email }), ...(phone.trim() && { phone }) } };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    save.reset();
    const body = input();
    if ('path' in body) {
      issues.setIssues([body]);
      return;
    }
    if (!issues.check(setReferrerSchema, body, PATHS)) return;
    save.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        if (referralErrorText(t, error) === null) issues.showError(error, PATHS);
        else issues.setIssues([]);
      },
    });
  };

  const field = (name: 'name' | 'email' | 'phone') => ({
    value: introducer[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => setIntroducer({ ...introducer, [name]: event.currentTarget.value }),
    error: issues.errorAt(`introducer.${name}`),
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          value={mode}
          onChange={(next) => {
            setMode(next as Mode);
            issues.setIssues([]);
            save.reset();
          }}
          data={(['customer', 'code', 'introducer'] as const).map((value) => ({ value, label: t(`referrals.change.modes.${value}`) }))}
        />
        {refused && !isUnknownCode(save.error) && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('referrals.change.refused')} role="alert">
            {refused}
          </Alert>
        )}
        {issues.formError !== null && <ErrorAlert error={issues.formError} title={t('profile.saveFailed')} />}
        {mode === 'customer' && (
          <CustomerPicker label={t('referrals.change.customer')} data-autofocus excludeIds={[customerId]} value={referrer} onChange={setReferrer} error={issues.errorAt('referrerId')} />
        )}
        {mode === 'code' && (
          <TextInput
            label={t('referrals.change.code')}
            description={t('referrals.change.codeHint')}
            data-autofocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={isUnknownCode(save.error) ? refused : issues.errorAt('referralCode')}
            styles={{ input: { textTransform: 'uppercase', fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        )}
        {mode === 'introducer' && (
          <>
            <Text size="sm" c="dimmed">
              {t('referrals.change.introducerHint')}
            </Text>
            <TextInput label={t('referrals.change.name')} data-autofocus required {...field('name')} />
            <Group grow align="flex-start">
              <TextInput type="email" label={t('referrals.change.email')} {...field('email')} />
              <TextInput type="tel" label={t('referrals.change.phone')} {...field('phone')} />
            </Group>
          </>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
