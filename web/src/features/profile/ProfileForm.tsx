import { updateCustomerSchema, type CustomerProfile } from '@contracts/customers.ts';
import { Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useFieldIssues } from '../../forms/useFieldIssues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { StaleAlert } from './StaleAlert.tsx';
import { useUpdateProfile, type ProfilePatch } from './useProfile.ts';

interface ProfileFormProps {
  profile: CustomerProfile;
  /** Paths of the fields on screen, so their problems show under them. */
  paths: readonly string[];
  /** The change to save, or a field problem found before asking the server. */
  toPatch: () => ProfilePatch | { path: string; code: string };
  onDone: () => void;
  children: (errorAt: (path: string) => string | undefined) => ReactNode;
}

/** A profile edit form: checks, saves with the version, shows problems by field, handles a stale version. */
export function ProfileForm({ profile, paths, toPatch, onDone, children }: ProfileFormProps) {
  const t = useT();
  const update = useUpdateProfile(profile);
  const issues = useFieldIssues();
  const stale = isApiError(update.error) && update.error.code === 'customers.stale';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const patch = toPatch();
    if ('code' in patch) {
      issues.setIssues([{ path: patch.path, code: patch.code, message: '' }]);
      return;
    }
    if (!issues.check(updateCustomerSchema, { ...patch, version: profile.version }, paths)) return;
    update.mutate(patch, {
      onSuccess: onDone,
      onError: (error) => {
        if (!(isApiError(error) && error.code === 'customers.stale')) issues.showError(error, paths);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {stale && <StaleAlert customerId={profile.id} onReloaded={() => update.reset()} />}
        {issues.formError !== null && <ErrorAlert error={issues.formError} title={t('profile.saveFailed')} />}
        {children(issues.errorAt)}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
