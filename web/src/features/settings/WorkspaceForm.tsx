import { updateWorkspaceSchema, type UpdateWorkspace, type Workspace } from '@contracts/auth.ts';
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { CurrencySelect } from '../../ui/CurrencySelect.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect.tsx';
import { useUpdateCachedSession } from '../auth/useSession.ts';

export function WorkspaceForm({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const updateSession = useUpdateCachedSession();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(updateWorkspaceSchema, {
    name: workspace.name,
    baseCurrency: workspace.baseCurrency,
    locale: workspace.locale,
    timeZone: workspace.timeZone,
  } satisfies UpdateWorkspace);
  const save = useMutation({
    mutationFn: (patch: UpdateWorkspace) => api.workspace.update(patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.workspace, updated);
      updateSession((session) => ({ ...session, workspace: updated }));
      setSaved(true);
    },
    onError: form.showError,
  });
  const change = <K extends keyof UpdateWorkspace>(name: K, value: UpdateWorkspace[K]) => {
    setSaved(false);
    form.setValue(name, value);
  };

  return (
    <form noValidate onSubmit={form.onSubmit((patch) => save.mutate(patch))}>
      <Stack gap="md" maw={720}>
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <TextInput
          label={t('workspace.name')}
          required={editable}
          disabled={!editable}
          {...form.textProps('name')}
          onChange={(event) => change('name', event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CurrencySelect
            label={t('workspace.baseCurrency')}
            description={t('workspace.baseCurrencyHint')}
            disabled={!editable}
            value={form.values.baseCurrency ?? ''}
            onChange={(code) => change('baseCurrency', code)}
            error={form.errorOf('baseCurrency')}
          />
          <LanguageSelect
            label={t('workspace.language')}
            description={t('workspace.languageHint')}
            disabled={!editable}
            value={form.values.locale ?? 'en'}
            onChange={(locale) => change('locale', locale)}
            error={form.errorOf('locale')}
          />
        </SimpleGrid>
        <TimeZoneSelect
          label={t('workspace.timeZone')}
          description={t('workspace.timeZoneHint')}
          disabled={!editable}
          value={form.values.timeZone ?? ''}
          onChange={(zone) => change('timeZone', zone)}
          error={form.errorOf('timeZone')}
        />
        {editable && <SaveBar label={t('common.saveChanges')} loading={save.isPending} savedMessage={saved ? t('common.saved') : null} />}
      </Stack>
    </form>
  );
}
