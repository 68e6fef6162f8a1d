import { Button, Card, EmptyState, Text } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TableSkeleton } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { CampaignsTable } from './CampaignsTable.tsx';
import { useCampaigns } from './useCampaigns.ts';

/** Campaigns: what each cost, whom it brought, how its coupon codes were used. */
export function CampaignsPage() {
  const t = useT();
  const { user } = useSession();
  const canWrite = can(user.role, 'writeCustomers');
  const campaigns = useCampaigns();
  const [adding, setAdding] = useState(false);
  const addButton = canWrite && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('campaigns.addButton')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('campaigns.title')} description={t('campaigns.description')} actions={addButton} />
      {campaigns.isPending && <TableSkeleton rows={4} />}
      {campaigns.isError && <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.data?.length === 0 && (
        <Card withBorder radius="lg" p="xl">
          <EmptyState
            icon={<IconSpeakerphone size={28} stroke={1.6} aria-hidden />}
            variant="light"
            title={<Text component="span" fw={600} fz="lg">{t('campaigns.empty.title')}</Text>}
            description={t('campaigns.empty.text')}
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        </Card>
      )}
      {campaigns.data && campaigns.data.length > 0 && (
        <Card withBorder radius="lg" p={0}>
          <CampaignsTable campaigns={campaigns.data} />
        </Card>
      )}
      <CampaignFormModal opened={adding} onClose={() => setAdding(false)} campaign={null} />
    </>
  );
}
