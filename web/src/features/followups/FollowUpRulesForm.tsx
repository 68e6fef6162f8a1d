import type { FollowUpRules } from '@contracts/followups.ts';
import { Divider, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { Fragment, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { DateAttributeRules } from './DateAttributeRules.tsx';
import { FOLLOW_UP_RULE_NAMES, readRulesForm, toRulesForm, type FollowUpRulesForm as Form, type RulesProblem } from './rulesForm.ts';
import { useSaveFollowUpRules } from './useFollowUps.ts';

/** A switch per rule with its number of days, how far back an occasion may be, and the date attributes to be reminded of; saved all at once. */
export function FollowUpRulesForm({ rules, editable }: { rules: FollowUpRules; editable: boolean }) {
  const t = useT();
  const [form, setForm] = useState<Form>(() => toRulesForm(rules));
  const [problems, setProblems] = useState<Record<string, RulesProblem>>({});
  const [saved, setSaved] = useState(false);
  const save = useSaveFollowUpRules();

  const change = (next: Partial<Form>, field?: string) => {
    setSaved(false);
    setForm((current) => ({ ...current, ...next }));
    if (field) setProblems(({ [field]: _gone, ...rest }) => rest);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const read = readRulesForm(form);
    if ('problems' in read) {
      setProblems(read.problems);
      requestAnimationFrame(() => element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems({});
    save.mutate(read.rules, { onSuccess: () => setSaved(true) });
  };
  const error = (field: string) => problems[field] && t(problems[field].key, problems[field].vars);
  const days = (label: string, value: string, field: string, onChange: (text: string) => void) => (
    <TextInput
      w={160}
      label={label}
      value={value}
      inputMode="numeric"
      disabled={!editable}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error(field)}
      rightSection={<Text size="xs" c="dimmed" pr={6}>{t('followUps.rules.units.days')}</Text>}
      rightSectionWidth={72}
      rightSectionPointerEvents="none"
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md" maw={760}>
        {save.error && <ErrorAlert error={save.error} />}
        {FOLLOW_UP_RULE_NAMES.map((rule) => (
          <Fragment key={rule}>
            <Group justify="space-between" align="flex-start" gap="md">
              <Switch
                maw={420}
                checked={form.enabled[rule]}
                disabled={!editable}
                onChange={(event) => change({ enabled: { ...form.enabled, [rule]: event.currentTarget.checked } })}
                label={<Text size="sm" fw={600} span>{t(`followUps.rules.${rule}.name`)}</Text>}
                description={t(`followUps.rules.${rule}.explain`)}
              />
              {days(t(`followUps.rules.${rule}.field`), form.days[rule], rule, (text) => change({ days: { ...form.days, [rule]: text } }, rule))}
            </Group>
            <Divider />
          </Fragment>
        ))}
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={2} maw={420}>
            <Text size="sm" fw={600}>{t('followUps.rules.lookback')}</Text>
            <Text size="xs" c="dimmed">{t('followUps.rules.lookbackHint')}</Text>
          </Stack>
          {days(t('followUps.rules.lookbackField'), form.lookbackDays, 'lookbackDays', (text) => change({ lookbackDays: text }, 'lookbackDays'))}
        </Group>
        <Divider />
        <DateAttributeRules
          rows={form.dateAttributes}
          editable={editable}
          errorAt={(index) => error(`dateAttributes.${index}`)}
          onChange={(dateAttributes, index) => change({ dateAttributes }, index === undefined ? undefined : `dateAttributes.${index}`)}
        />
        {editable && <SaveBar label={t('followUps.rules.save')} loading={save.isPending} savedMessage={saved ? t('followUps.rules.saved') : null} />}
      </Stack>
    </form>
  );
}
