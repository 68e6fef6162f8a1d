import { Anchor, Group, SimpleGrid, Stack, Tabs } from '@mantine/core';
import { IconArrowLeft, IconHistory, IconId } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { HistoryTab } from '../history/HistoryTab.tsx';
import { PurchasesSection } from '../purchases/PurchasesSection.tsx';
import { ReasonsSection } from '../reasons/ReasonsSection.tsx';
import { ThankYousSection } from '../thanks/ThankYousSection.tsx';
import { TimelineSection } from '../timeline/TimelineSection.tsx';
import { CustomerValuePanel } from '../value/CustomerValuePanel.tsx';
import { FollowUpsSection } from '../followups/FollowUpsSection.tsx';
import { AboutSection } from './AboutSection.tsx';
import { AcquisitionSection } from './AcquisitionSection.tsx';
import { AttributesSection } from './AttributesSection.tsx';
import { ConcentrationAlert } from './ConcentrationAlert.tsx';
import { ContactSection } from './ContactSection.tsx';
import { EmploymentsSection } from './EmploymentsSection.tsx';
import { KeyDatesSection } from './KeyDatesSection.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { ProfileStatus } from './ProfileStatus.tsx';
import { ReferralsSection } from './ReferralsSection.tsx';
import { SevenBits } from './SevenBits.tsx';
import { useDetailedBits } from './useDetailedBits.ts';
import { useProfile } from './useProfile.ts';
import { PROFILE_SECTIONS, useSectionJump } from './useSectionJump.ts';

/** One customer: header with the seven bits, details, purchases, timeline and history. */
export function ProfilePage() {
  const t = useT();
  const { customerId = '' } = useParams();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const profile = useProfile(customerId);
  usePageTitle(profile.data?.displayName ?? t('profile.title'));
  const canWrite = can(user.role, 'writeCustomers');
  const tab = searchParams.get('tab') === 'history' ? 'history' : 'overview';
  const detailedBits = useDetailedBits(customerId);
  const openSection = useSectionJump(tab === 'overview', () => setSearchParams({}, { replace: true }));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/customers" size="sm" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('profile.back')}
        </Group>
      </Anchor>
      {!profile.data ? (
        <ProfileStatus query={profile} />
      ) : (
        <>
          <ProfileHeader profile={profile.data} canWrite={canWrite} />
          {profile.data.kind === 'organisation' && <ConcentrationAlert customerId={profile.data.id} />}
          <SevenBits bits={profile.data.bits} lines={detailedBits} sections={PROFILE_SECTIONS} onOpenSection={openSection} />
          <Tabs value={tab} onChange={(next) => setSearchParams(next === 'history' ? { tab: 'history' } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="overview" leftSection={<IconId size={16} aria-hidden />}>
                {t('profile.tabs.overview')}
              </Tabs.Tab>
              <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
                {t('profile.tabs.history')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <Stack gap="md" mb="md">
                <CustomerValuePanel customerId={profile.data.id} />
                <PurchasesSection customerId={profile.data.id} canWrite={canWrite} />
              </Stack>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                <Stack gap="md">
                  <ContactSection profile={profile.data} canWrite={canWrite} />
                  <EmploymentsSection profile={profile.data} canWrite={canWrite} />
                  <AttributesSection profile={profile.data} canWrite={canWrite} />
                  <KeyDatesSection profile={profile.data} canWrite={canWrite} />
                  <AboutSection profile={profile.data} canWrite={canWrite} />
                </Stack>
                <Stack gap="md">
                  <FollowUpsSection customerId={profile.data.id} customerName={profile.data.displayName} canWrite={canWrite} />
                  <ReasonsSection customerId={profile.data.id} canWrite={canWrite} />
                  <ThankYousSection customerId={profile.data.id} canWrite={canWrite} />
                  <AcquisitionSection customerId={profile.data.id} canWrite={canWrite} />
                  <ReferralsSection customerId={profile.data.id} canWrite={canWrite} />
                  <TimelineSection customerId={profile.data.id} canWrite={canWrite} />
                </Stack>
              </SimpleGrid>
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <HistoryTab customerId={profile.data.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
