import { ACTIVITY_KINDS, createActivitySchema } from '@contracts/activities.ts';
import { Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CreateActivity } from '../../api/workspaceDataApi.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { activityKindLabel, type ActivityKind } from './activityKinds.ts';
import { fromLocalInput } from './activityTime.ts';

const PATHS = ['body', 'occurredAt'];

interface ActivityFormProps {
  initial?: { kind: ActivityKind; body: string; when: string };
  submitLabel: string;
  pending: boolean;
  /** Resolves when saved, so the form can empty itself. */
  onSubmit: (input: CreateActivity) => Promise<unknown>;
  onCancel?: () => void;
}

/** What happened (a note, call, email, meeting…), when, and in a few words. */
export function ActivityForm({ initial, submitLabel, pending, onSubmit, onCancel }: ActivityFormProps) {
  const t = useT();
  const issues = useFieldIssues();
  const [kind, setKind] = useState<ActivityKind>(initial?.kind ?? 'note');
  const [body, setBody] = useState(initial?.body ?? '');
  const [when, setWhen] = useState(initial?.when ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const input: CreateActivity = { kind, body, occurredAt: fromLocalInput(when) };
    if (!issues.check(createActivitySchema, input, PATHS)) return;
    onSubmit(input).then(
      () => {
        if (!initial) {
          setBody('');
          setWhen('');
        }
      },
      (error: unknown) => issues.showError(error, PATHS),
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="xs">
        {issues.formError !== null && <ErrorAlert error={issues.formError} />}
        <SegmentedControl
          aria-label={t('timeline.kind')}
          size="xs"
          value={kind}
          onChange={(next) => setKind(next as ActivityKind)}
          data={ACTIVITY_KINDS.map((value) => ({ value, label: activityKindLabel(t, value) }))}
        />
        <Textarea label={t('timeline.body')} placeholder={t('timeline.bodyHint')} autosize minRows={2} maxRows={8} value={body} onChange={(event) => setBody(event.currentTarget.value)} error={issues.errorAt('body')} />
        <Group align="flex-end" justify="space-between" gap="xs">
          <TextInput type="datetime-local" label={t('timeline.when')} description={initial ? undefined : t('timeline.whenHint')} value={when} onChange={(event) => setWhen(event.currentTarget.value)} error={issues.errorAt('occurredAt')} />
          <Group gap="xs">
            {onCancel && (
              <Button variant="default" size="sm" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" size="sm" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
