import type { CustomerProfile } from '@contracts/customers.ts';
import { useDisclosure } from '@mantine/hooks';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useNextFollowUpText } from '../followups/useNextFollowUpText.ts';
import { EditKeyDatesForm } from './EditKeyDatesForm.tsx';
import { FactList } from './FactList.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SectionModal } from './SectionModal.tsx';

/** Customer since, first and latest purchase, next follow-up. Purchase dates come from imported sales. */
export function KeyDatesSection({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const [editing, { open, close }] = useDisclosure(false);
  const fromSales = t('keyDates.fromSales');
  const nextFollowUp = useNextFollowUpText(profile.id, profile.nextFollowUp);
  return (
    <ProfileSection title={t('keyDates.title')} editLabel={t('keyDates.edit')} onEdit={canWrite ? open : undefined}>
      <FactList
        labelWidth={150}
        facts={[
          { label: t('customers.fields.customerSince'), value: profile.customerSince && format.day(profile.customerSince) },
          { label: t('keyDates.firstPurchase'), value: profile.firstPurchaseAt && format.date(profile.firstPurchaseAt), unknownText: fromSales },
          { label: t('keyDates.latestPurchase'), value: profile.lastPurchaseAt && format.date(profile.lastPurchaseAt), unknownText: fromSales },
          { label: t('customers.fields.nextFollowUp'), value: nextFollowUp, unknownText: t('keyDates.noFollowUp') },
        ]}
      />
      <SectionModal opened={editing} onClose={close} title={t('keyDates.edit')} size="md">
        <EditKeyDatesForm profile={profile} onDone={close} />
      </SectionModal>
    </ProfileSection>
  );
}
