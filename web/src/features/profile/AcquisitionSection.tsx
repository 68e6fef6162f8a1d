import type { Acquisition } from '@contracts/sources.ts';
import { Anchor, Skeleton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { EditAcquisitionForm } from './EditAcquisitionForm.tsx';
import { FactList } from './FactList.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SectionModal } from './SectionModal.tsx';
import { useAcquisition } from './useAcquisition.ts';
import { PROFILE_SECTIONS } from './useSectionJump.ts';

/** How the customer first found us: channel → source, the day, and the campaign their coupon codes name. */
export function AcquisitionSection({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const t = useT();
  const acquisition = useAcquisition(customerId);
  const [editing, { open, close }] = useDisclosure(false);
  return (
    <ProfileSection id={PROFILE_SECTIONS.source} title={t('acquisition.title')} editLabel={t('acquisition.edit')} onEdit={canWrite && acquisition.data ? open : undefined}>
      {acquisition.isPending && <Skeleton height={72} radius="sm" />}
      {acquisition.isError && <ErrorAlert error={acquisition.error} onRetry={() => void acquisition.refetch()} />}
      {acquisition.data && <AcquisitionFacts acquisition={acquisition.data} />}
      {acquisition.data && (
        <SectionModal opened={editing} onClose={close} title={t('acquisition.edit')} size="md">
          <EditAcquisitionForm customerId={customerId} acquisition={acquisition.data} onDone={close} />
        </SectionModal>
      )}
    </ProfileSection>
  );
}

function AcquisitionFacts({ acquisition }: { acquisition: Acquisition }) {
  const t = useT();
  const format = useFormat();
  const { source, acquiredOn, campaign } = acquisition;
  return (
    <FactList
      labelWidth={150}
      facts={[
        { label: t('acquisition.source'), value: source && `${source.channel} → ${source.name}`, unknownText: t('acquisition.unknown') },
        { label: t('acquisition.acquiredOn'), value: acquiredOn && format.day(acquiredOn) },
        {
          label: t('acquisition.campaign'),
          value: campaign && (
            <Anchor component={Link} to={`/campaigns/${encodeURIComponent(campaign.id)}`} size="sm">
              {campaign.name}
            </Anchor>
          ),
          unknownText: t('acquisition.noCampaign'),
        },
      ]}
    />
  );
}
