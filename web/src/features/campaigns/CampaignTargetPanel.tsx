import { Button, Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CampaignDetail } from '../../api/campaignsApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useSegments } from '../segments/useSegments.ts';
import { useUpdateCampaign } from './useCampaigns.ts';

/** The segment a campaign targets and how long after it a purchase counts as a response. */
export function CampaignTargetPanel({ campaign, canWrite }: { campaign: CampaignDetail; canWrite: boolean }) {
  const t = useT();
  const segments = useSegments();
  const update = useUpdateCampaign();
  const [segmentId, setSegmentId] = useState<string | null>(campaign.targetSegmentId);
  const [days, setDays] = useState<number | string>(campaign.responseDays ?? '');
  const responseDays = typeof days === 'number' ? days : null;
  const changed = segmentId !== campaign.targetSegmentId || responseDays !== campaign.responseDays;
  const options = (segments.data?.items ?? []).map((segment) => ({
    value: segment.id,
    label: `${segment.name} · ${t(`segments.kind.${segment.kind}`)}`,
  }));

  return (
    <Panel size="sm" title={t('campaignTarget.title')} description={t('campaignTarget.description')}>
      <Group align="flex-end" gap="md">
        <Select
          label={t('campaignTarget.segment')}
          description={t('campaignTarget.segmentHint')}
          placeholder={t('campaignTarget.none')}
          data={options}
          value={segmentId}
          onChange={setSegmentId}
          clearable
          searchable
          disabled={!canWrite}
          nothingFoundMessage={t('common.nothingFound')}
          w={320}
        />
        <NumberInput
          label={t('campaignTarget.responseDays')}
          description={t('campaignTarget.responseDaysHint')}
          placeholder="30"
          min={0}
          max={365}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          disabled={!canWrite}
          w={340}
        />
        {canWrite && (
          <Button
            disabled={!changed}
            loading={update.isPending}
            onClick={() => update.mutate({ campaignId: campaign.id, patch: { targetSegmentId: segmentId, responseDays } })}
          >
            {t('common.save')}
          </Button>
        )}
      </Group>
      {segments.isSuccess && options.length === 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('campaignTarget.noSegments')}{' '}
          <Text component={Link} to="/segments" size="xs" c="indigo.7" td="underline">
            {t('campaignTarget.toSegments')}
          </Text>
        </Text>
      )}
      {update.isError && <ErrorAlert error={update.error} />}
    </Panel>
  );
}
