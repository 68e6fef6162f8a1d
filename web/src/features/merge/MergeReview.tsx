import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useAttributes } from '../attributes/useAttributes.ts';
import { useProfile, useReloadProfile } from '../profile/useProfile.ts';
import { mergeFields, mergeRows, takeFor, type Side } from './mergeModel.ts';
import { MergeTable } from './MergeTable.tsx';
import { useMerge } from './useMerge.ts';
import { useMergeValues } from './useMergeValues.ts';

interface MergeReviewProps {
  survivorId: string;
  otherId: string;
  onSwap: () => void;
  onCancel: () => void;
  onMerged: (survivorId: string) => void;
}

/** Second step: the two side by side; the user picks per field, then merges. */
export function MergeReview({ survivorId, otherId, onSwap, onCancel, onMerged }: MergeReviewProps) {
  const t = useT();
  const survivor = useProfile(survivorId);
  const other = useProfile(otherId);
  const attributes = useAttributes();
  const reloadSurvivor = useReloadProfile(survivorId);
  const reloadOther = useReloadProfile(otherId);
  const { label, valueOf } = useMergeValues(attributes.data ?? []);
  const merge = useMerge();
  const [chosen, setChosen] = useState<Record<string, Side>>({});

  const failed = survivor.error ?? other.error ?? attributes.error;
  if (failed) return <ErrorAlert error={failed} onRetry={() => void Promise.all([survivor.refetch(), other.refetch(), attributes.refetch()])} />;
  if (!survivor.data || !other.data || !attributes.data) return <LoadingState />;

  const rows = mergeRows(mergeFields(survivor.data.kind, attributes.data), survivor.data, other.data, valueOf);
  const stale = isApiError(merge.error) && merge.error.code === 'customers.stale';
  const submit = () =>
    merge.mutate(
      { survivorId, body: { otherId, version: survivor.data.version, otherVersion: other.data.version, take: takeFor(rows, chosen) } },
      { onSuccess: (profile) => onMerged(profile.id) },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" maw={520}>
          {t('merge.reviewText', { survivor: survivor.data.displayName, other: other.data.displayName })}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => { setChosen({}); onSwap(); }}>
          {t('merge.swap', { name: other.data.displayName })}
        </Button>
      </Group>
      {survivor.data.kind !== other.data.kind && (
        <Alert color="red" variant="light" role="alert">
          {t('errors.customers.kind_mismatch')}
        </Alert>
      )}
      <MergeTable rows={rows} survivor={survivor.data} other={other.data} chosen={chosen} label={label} onChoose={(field, side) => setChosen((current) => ({ ...current, [field]: side }))} />
      <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />}>
        {t('merge.attached', { name: survivor.data.displayName })}
      </Alert>
      {stale && (
        <Alert color="yellow" variant="light" title={t('profile.stale.title')} role="alert">
          {t('merge.stale')}
          <Button mt="sm" size="xs" variant="white" color="yellow.9" display="block" onClick={() => void Promise.all([reloadSurvivor(), reloadOther()]).then(() => merge.reset())}>
            {t('profile.stale.reload')}
          </Button>
        </Alert>
      )}
      {merge.isError && !stale && <ErrorAlert error={merge.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={submit} loading={merge.isPending} disabled={stale}>
          {t('merge.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
