import { FOLLOW_UP_KINDS, type FollowUp } from '@contracts/followups.ts';
import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FollowUpKindName } from '../../api/followUpsApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useSession } from '../auth/useSession.ts';
import { todayIn } from '../reports/period.ts';
import { AssigneeSelect } from './AssigneeSelect.tsx';
import { DueDayField } from './DueDayField.tsx';
import { isDay, quickPickDay } from './dueDays.ts';

export const MAX_FOLLOW_UP_NOTE = 2000;
const PATHS = ['dueOn', 'kind', 'assigneeId', 'note'];

/** What the form collects; `assigneeId` null is the whole team. */
export interface FollowUpValues {
  dueOn: string;
  kind: FollowUpKindName;
  assigneeId: string | null;
  note: string;
}

export interface FollowUpFormProps {
  /** Starting values; by default in a week, a call, me, no note. */
  initial?: Partial<FollowUpValues> | undefined;
  /** Editing: who it is assigned to now (listed even when the user list is not readable). */
  currentAssignee?: FollowUp['assignee'] | undefined;
  /** Above the fields: whom it is for (bulk: "30 customers"). */
  intro?: ReactNode;
  submitLabel: string;
  /** Saves; a rejection shows under the fields it names, else above the form. */
  onSubmit: (values: FollowUpValues) => Promise<unknown>;
  onCancel: () => void;
}

/** A follow-up: the due day, what kind, who, and a note. Used to make one, many (bulk) and to edit one. */
export function FollowUpForm({ initial, currentAssignee, intro, submitLabel, onSubmit, onCancel }: FollowUpFormProps) {
  const { t, timeZone } = useI18n();
  const { user } = useSession();
  const today = todayIn(timeZone);
  const issues = useFieldIssues();
  const [values, setValues] = useState<FollowUpValues>(() => ({
    dueOn: quickPickDay('inWeek', today),
    kind: 'call',
    assigneeId: user.id,
    note: '',
    ...(Object.fromEntries(Object.entries(initial ?? {}).filter(([, value]) => value !== undefined)) as Partial<FollowUpValues>),
  }));
  const [pending, setPending] = useState(false);
  const change = (next: Partial<FollowUpValues>) => {
    setValues((current) => ({ ...current, ...next }));
    for (const path of Object.keys(next)) issues.clear(path);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!isDay(values.dueOn)) return issues.setIssues([{ path: 'dueOn', code: 'required', message: '' }]);
    setPending(true);
    onSubmit({ ...values, note: values.note.trim() })
      .catch((error: unknown) => issues.showError(error, PATHS))
      .finally(() => setPending(false));
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {intro && <Text size="sm">{intro}</Text>}
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <DueDayField value={values.dueOn} onChange={(dueOn) => change({ dueOn })} today={today} error={issues.errorAt('dueOn')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="follow-up-kind">{t('followUps.form.kind')}</Text>
          <SegmentedControl
            aria-labelledby="follow-up-kind"
            data={FOLLOW_UP_KINDS.map((kind) => ({ value: kind, label: t(`followUps.kinds.${kind}`) }))}
            value={values.kind}
            onChange={(kind) => change({ kind: kind as FollowUpKindName })}
          />
        </Stack>
        <AssigneeSelect value={values.assigneeId} onChange={(assigneeId) => change({ assigneeId })} current={currentAssignee} error={issues.errorAt('assigneeId')} />
        <Textarea
          data-autofocus
          label={t('followUps.form.note')}
          description={t('followUps.form.noteHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={MAX_FOLLOW_UP_NOTE}
          value={values.note}
          onChange={(event) => change({ note: event.currentTarget.value })}
          error={issues.errorAt('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={pending}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
