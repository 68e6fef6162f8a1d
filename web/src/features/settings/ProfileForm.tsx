import { updateMeSchema, type UpdateMe } from '@contracts/users.ts';
import { Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useZodForm } from '../../forms/useZodForm.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { SaveBar } from '../../ui/SaveBar.tsx';
import { useSession, useUpdateCachedSession } from '../auth/useSession.ts';
import { RoleBadge } from './RoleBadge.tsx';

/** My name and the language the app speaks to me. */
export function ProfileForm() {
  const { t, setLocale } = useI18n();
  const { user } = useSession();
  const updateSession = useUpdateCachedSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(updateMeSchema, { name: user.name, locale: user.locale } satisfies UpdateMe);
  const save = useMutation({
    mutationFn: (patch: UpdateMe) => api.me.update(patch),
    onSuccess: (updated) => {
      updateSession((session) => ({ ...session, user: { ...session.user, name: updated.name, locale: updated.locale } }));
      setLocale(updated.locale);
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      setSaved(true);
    },
    onError: form.showError,
  });

  return (
    <form noValidate onSubmit={form.onSubmit((patch) => save.mutate(patch))}>
      <Stack gap="md" maw={520}>
        {form.formError !== null && <ErrorAlert error={form.formError} />}
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('account.profile.signedInAs', { email: user.email })}
          </Text>
          <RoleBadge role={user.role} />
        </Group>
        <TextInput
          label={t('account.profile.name')}
          required
          autoComplete="name"
          {...form.textProps('name')}
          onChange={(event) => {
            setSaved(false);
            form.setValue('name', event.currentTarget.value);
          }}
        />
        <LanguageSelect
          label={t('account.profile.language')}
          value={form.values.locale ?? user.locale}
          onChange={(locale) => {
            setSaved(false);
            form.setValue('locale', locale);
          }}
          error={form.errorOf('locale')}
        />
        <SaveBar label={t('common.saveChanges')} loading={save.isPending} savedMessage={saved ? t('common.saved') : null} />
      </Stack>
    </form>
  );
}
