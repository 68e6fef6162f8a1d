import { THANK_RULES, type ThankRuleName, type ThankRules } from '@contracts/thanks.ts';
import { Divider, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { useSession } from '../auth/useSession.ts';
import { readRulesForm, toRulesForm, type RulesField, type RulesForm, type RulesProblem } from './rulesForm.ts';
import { useSaveThanksRules } from './useThanks.ts';

/** The number each tunable rule carries, and its unit. */
const RULE_FIELD: Partial<Record<ThankRuleName, RulesField>> = { big_purchase: 'bigPurchaseAmount', anniversary: 'everyYears', birthday: 'daysAhead' };

/** A switch per rule with its number, and how far back an occasion may be; saved all at once. */
export function ThanksRulesForm({ rules, editable }: { rules: ThankRules; editable: boolean }) {
  const { t, locale } = useI18n();
  const currency = useSession().workspace.baseCurrency;
  const [form, setForm] = useState<RulesForm>(() => toRulesForm(rules, currency, locale));
  const [problems, setProblems] = useState<Partial<Record<RulesField, RulesProblem>>>({});
  const [saved, setSaved] = useState(false);
  const save = useSaveThanksRules();

  const change = (next: Partial<RulesForm>, field?: RulesField) => {
    setSaved(false);
    setForm((current) => ({ ...current, ...next }));
    if (field) setProblems((current) => ({ ...current, [field]: undefined }));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const read = readRulesForm(form, currency, locale);
    if ('problems' in read) {
      setProblems(read.problems);
      requestAnimationFrame(() => element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems({});
    save.mutate(read.rules, { onSuccess: () => setSaved(true) });
  };
  const error = (field: RulesField) => problems[field] && t(problems[field].key, problems[field].vars);
  const number = (field: RulesField, unit: string): ReactNode => (
    <TextInput
      w={field === 'bigPurchaseAmount' ? 200 : 160}
      label={t(`thanks.settings.fields.${field}`)}
      value={form[field]}
      inputMode={field === 'bigPurchaseAmount' ? 'decimal' : 'numeric'}
      disabled={!editable}
      onChange={(event) => change({ [field]: event.currentTarget.value }, field)}
      error={error(field)}
      rightSection={<Text size="xs" c="dimmed" pr={6}>{unit}</Text>}
      rightSectionWidth={field === 'bigPurchaseAmount' ? 52 : 72}
      rightSectionPointerEvents="none"
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md" maw={760}>
        {save.error && <ErrorAlert error={save.error} />}
        {THANK_RULES.map((rule) => {
          const field = RULE_FIELD[rule];
          return (
            <Fragment key={rule}>
              <Group justify="space-between" align="flex-start" gap="md">
                <Switch
                  maw={420}
                  checked={form.enabled[rule]}
                  disabled={!editable}
                  onChange={(event) => change({ enabled: { ...form.enabled, [rule]: event.currentTarget.checked } })}
                  label={<Text size="sm" fw={600} span>{t(`thanks.rules.${rule}.name`)}</Text>}
                  description={t(`thanks.rules.${rule}.explain`)}
                />
                {field && number(field, field === 'bigPurchaseAmount' ? currency : t(`thanks.settings.units.${field}`))}
              </Group>
              <Divider />
            </Fragment>
          );
        })}
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={2} maw={420}>
            <Text size="sm" fw={600}>{t('thanks.settings.lookback')}</Text>
            <Text size="xs" c="dimmed">{t('thanks.settings.lookbackHint')}</Text>
          </Stack>
          {number('lookbackDays', t('thanks.settings.units.lookbackDays'))}
        </Group>
        {editable && <SaveBar label={t('thanks.settings.save')} loading={save.isPending} savedMessage={saved ? t('thanks.settings.saved') : null} />}
      </Stack>
    </form>
  );
}
