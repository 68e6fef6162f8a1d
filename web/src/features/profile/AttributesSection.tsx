import type { Attribute } from '@contracts/attributes.ts';
import type { CustomerProfile } from '@contracts/customers.ts';
import { Anchor, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { attributesFor, useAttributes } from '../attributes/useAttributes.ts';
import { useAttributeText } from '../attributes/useAttributeText.ts';
import { EditAttributesForm } from './EditAttributesForm.tsx';
import { FactList } from './FactList.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SectionModal } from './SectionModal.tsx';

/** The workspace's own fields (industry, size, market…) for this kind of customer. */
export function AttributesSection({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const text = useAttributeText();
  const attributes = useAttributes();
  const [editing, { open, close }] = useDisclosure(false);
  const applicable: Attribute[] = attributesFor(attributes.data ?? [], profile.kind);

  return (
    <ProfileSection title={t('profile.attributes')} editLabel={t('profile.editAttributes')} onEdit={canWrite && applicable.length > 0 ? open : undefined}>
      {attributes.isError && <ErrorAlert error={attributes.error} onRetry={() => void attributes.refetch()} />}
      {attributes.isSuccess && applicable.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('profile.noAttributes')}{' '}
          <Anchor component={Link} to="/settings/attributes" size="sm">
            {t('profile.defineAttributes')}
          </Anchor>
        </Text>
      )}
      {applicable.length > 0 && (
        <FactList facts={applicable.map((attribute) => ({ label: attribute.label, value: text(attribute, profile.attributes[attribute.key]), unknownText: t('profile.notSet') }))} />
      )}
      <SectionModal opened={editing} onClose={close} title={t('profile.editAttributes')}>
        <EditAttributesForm profile={profile} attributes={applicable} onDone={close} />
      </SectionModal>
    </ProfileSection>
  );
}
