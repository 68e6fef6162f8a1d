import type { CustomerProfile } from '@contracts/customers.ts';
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { EditContactsForm } from './EditContactsForm.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SectionModal } from './SectionModal.tsx';

/** Emails and phones with their labels; each opens the mail or phone app. */
export function ContactSection({ profile, canWrite }: { profile: CustomerProfile; canWrite: boolean }) {
  const t = useT();
  const [editing, { open, close }] = useDisclosure(false);
  return (
    <ProfileSection title={t('contacts.title')} editLabel={t('contacts.edit')} onEdit={canWrite ? open : undefined}>
      {profile.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(canWrite ? 'contacts.empty' : 'contacts.emptyReadOnly')}
        </Text>
      ) : (
        <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {profile.contacts.map((contact) => (
            <Group key={contact.id} component="li" gap="xs" wrap="nowrap">
              {contact.kind === 'email' ? <IconMail size={16} aria-hidden color="var(--mantine-color-gray-6)" /> : <IconPhone size={16} aria-hidden color="var(--mantine-color-gray-6)" />}
              <Anchor href={`${contact.kind === 'email' ? 'mailto' : 'tel'}:${contact.value}`} size="sm" style={{ wordBreak: 'break-all' }}>
                {contact.value}
              </Anchor>
              {contact.label && (
                <Badge size="sm" variant="outline" color="gray" tt="none">
                  {contact.label}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <SectionModal opened={editing} onClose={close} title={t('contacts.edit')}>
        <EditContactsForm profile={profile} onDone={close} />
      </SectionModal>
    </ProfileSection>
  );
}
