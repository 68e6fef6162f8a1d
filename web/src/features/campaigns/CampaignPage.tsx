import { Anchor, Breadcrumbs, Button, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ConfirmModal } from '../../ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { CampaignResponsePanel } from '../reports/CampaignResponsePanel.tsx';
import { NotFoundPage } from '../shell/NotFoundPage.tsx';
import { CampaignFacts } from './CampaignFacts.tsx';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { CampaignTargetPanel } from './CampaignTargetPanel.tsx';
import { CodesPanel } from './CodesPanel.tsx';
import { CostsPanel } from './CostsPanel.tsx';
import { RedemptionsPanel } from './RedemptionsPanel.tsx';
import { useCampaign, useDeleteCampaign } from './useCampaigns.ts';

/** One campaign: its facts, cost lines, coupon codes and the purchases that used them. */
export function CampaignPage() {
  const t = useT();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const { user } = useSession();
  const canWrite = can(user.role, 'writeCustomers');
  const campaign = useCampaign(campaignId);
  const remove = useDeleteCampaign();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (campaign.isPending) return <LoadingState />;
  if (campaign.isError) {
    if (isApiError(campaign.error) && campaign.error.status === 404) return <NotFoundPage />;
    return <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const data = campaign.data;
  const actions = canWrite && (
    <>
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
        {t('campaigns.delete.action')}
      </Button>
    </>
  );

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/campaigns" size="sm">
          {t('campaigns.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {data.name}
        </Text>
      </Breadcrumbs>
      <PageHeader title={data.name} actions={actions} />
      <Stack gap="md">
        <Panel size="sm" title={t('campaigns.facts.title')}>
          <CampaignFacts campaign={data} />
        </Panel>
        <CampaignTargetPanel key={`${data.targetSegmentId}-${data.responseDays}`} campaign={data} canWrite={canWrite} />
        <CostsPanel campaign={data} canWrite={canWrite} />
        <CodesPanel campaign={data} canWrite={canWrite} />
        <RedemptionsPanel campaign={data} />
        <CampaignResponsePanel campaignId={data.id} />
      </Stack>
      <CampaignFormModal opened={editing} onClose={() => setEditing(false)} campaign={data} />
      <ConfirmModal
        opened={deleting}
        title={t('campaigns.delete.title', { name: data.name })}
        confirmLabel={t('campaigns.delete.confirm')}
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate(data.id, { onSuccess: () => void navigate('/campaigns', { replace: true }) })}
      >
        <Text size="sm">{t('campaigns.delete.text', { count: data.customers })}</Text>
        {remove.isError && <ErrorAlert error={remove.error} />}
      </ConfirmModal>
    </>
  );
}
