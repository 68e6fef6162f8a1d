import { setAcquisitionSchema, type Acquisition } from '@contracts/sources.ts';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { AcquisitionSourceSelect } from './AcquisitionSourceSelect.tsx';
import { useSetAcquisition } from './useAcquisition.ts';

const PATHS = ['sourceId', 'acquiredOn'] as const;

/** Where a customer came from and when; the server writes the change in their history. */
export function EditAcquisitionForm({ customerId, acquisition, onDone }: { customerId: string; acquisition: Acquisition; onDone: () => void }) {
  const t = useT();
  const save = useSetAcquisition(customerId);
  const issues = useFieldIssues();
  const [sourceId, setSourceId] = useState(acquisition.source?.id ?? null);
  const [acquiredOn, setAcquiredOn] = useState(acquisition.acquiredOn ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    // The campaign is left out: it comes from coupon codes and stays as it is.
    const input = issues.check(setAcquisitionSchema, { sourceId, acquiredOn: acquiredOn || null }, PATHS);
    if (!input) return;
    save.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        // The source was deleted or merged away since the list was read.
        if (isApiError(error) && error.code === 'sources.unknown') issues.setIssues([{ path: 'sourceId', code: 'not_found', message: '' }]);
        else issues.showError(error, PATHS);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {issues.formError !== null && <ErrorAlert error={issues.formError} title={t('profile.saveFailed')} />}
        <AcquisitionSourceSelect label={t('acquisition.source')} description={t('acquisition.form.sourceHint')} data-autofocus value={sourceId} onChange={setSourceId} error={issues.errorAt('sourceId')} />
        <TextInput type="date" label={t('acquisition.acquiredOn')} description={t('acquisition.form.dateHint')} value={acquiredOn} onChange={(event) => setAcquiredOn(event.currentTarget.value)} error={issues.errorAt('acquiredOn')} />
        {acquisition.campaign && (
          <Text size="xs" c="dimmed">
            {t('acquisition.form.campaignStays', { name: acquisition.campaign.name })}
          </Text>
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
