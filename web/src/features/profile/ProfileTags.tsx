import type { CustomerProfile } from '@contracts/customers.ts';
import { Group } from '@mantine/core';
import { isApiError } from '../../api/ApiError.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useT } from '../../i18n/i18nContext.ts';
import { AddTagCombobox } from '../tags/AddTagCombobox.tsx';
import { TagBadge } from '../tags/TagBadge.tsx';
import { useCreateTag } from '../tags/useTags.ts';
import { StaleAlert } from './StaleAlert.tsx';
import { useUpdateProfile } from './useProfile.ts';

/** A customer's tags, removable in place, with "Add tag" (which can create a new tag too). */
export function ProfileTags({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const update = useUpdateProfile(profile);
  const create = useCreateTag();
  const ids = profile.tags.map((tag) => tag.id);
  const save = (tagIds: string[]) => update.mutate({ tagIds });
  const error = update.error ?? create.error;
  const stale = isApiError(update.error) && update.error.code === 'customers.stale';

  return (
    <>
      <Group gap={6} component="ul" aria-label={t('profile.tags')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {profile.tags.map((tag) => (
          <li key={tag.id}>
            <TagBadge tag={tag} size="lg" onRemove={canWrite ? () => save(ids.filter((id) => id !== tag.id)) : undefined} removing={update.isPending} />
          </li>
        ))}
        {canWrite && (
          <li>
            <AddTagCombobox
              currentIds={ids}
              busy={update.isPending || create.isPending}
              onPick={(tag) => save([...ids, tag.id])}
              onCreate={(name) => create.mutate({ name }, { onSuccess: (tag) => save([...ids, tag.id]) })}
            />
          </li>
        )}
      </Group>
      {stale && <StaleAlert customerId={profile.id} onReloaded={() => update.reset()} />}
      {error && !stale && <ErrorAlert error={error} onClose={() => (update.error ? update.reset() : create.reset())} />}
    </>
  );
}
