import type { CustomerProfile } from '@contracts/customers.ts';
import { Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { nativeLanguageName } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { addressLines } from './aboutValues.ts';
import { EditAboutForm } from './EditAboutForm.tsx';
import { FactList, type Fact } from './FactList.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SectionModal } from './SectionModal.tsx';

/** Address, birthday, language, marketing consent and notes. */
export function AboutSection({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const format = useFormat();
  const [editing, { open, close }] = useDisclosure(false);
  const { address, consent } = profile;
  const lines = addressLines(address);
  const consentText =
    consent.given === null
      ? null
      : [t(consent.given ? 'consent.given' : 'consent.refused'), consent.at && format.day(consent.at), consent.source].filter(Boolean).join(' · ');

  const facts: Fact[] = [
    { label: t('address.title'), value: lines.length > 0 ? <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</Text> : null },
    ...(profile.kind === 'person' ? [{ label: t('customers.fields.birthday'), value: profile.birthday && format.day(profile.birthday) }] : []),
    { label: t('customers.fields.preferredLanguage'), value: profile.preferredLanguage && nativeLanguageName(profile.preferredLanguage) },
    { label: t('consent.title'), value: consentText, unknownText: t('consent.notAsked') },
    { label: t('customers.fields.notes'), value: profile.notes ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{profile.notes}</Text> : null, unknownText: t('profile.noNotes') },
  ];

  return (
    <ProfileSection title={t('profile.about')} editLabel={t('profile.editAbout')} onEdit={canWrite ? open : undefined}>
      <FactList facts={facts} />
      <SectionModal opened={editing} onClose={close} title={t('profile.editAbout')}>
        <EditAboutForm profile={profile} onDone={close} />
      </SectionModal>
    </ProfileSection>
  );
}
