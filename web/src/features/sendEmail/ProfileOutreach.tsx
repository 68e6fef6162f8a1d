import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconMail } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { useProfile } from '../profile/useProfile.ts';
import { SendEmailModal } from './SendEmailModal.tsx';
import { SurveyLinkModal } from './SurveyLinkModal.tsx';

/** At the top of the timeline: send this customer an email, or make a survey link to share by hand. */
export function ProfileOutreach({ customerId }: { customerId: string }) {
  const t = useT();
  // Already loaded by the profile page: no extra request.
  const name = useProfile(customerId).data?.displayName ?? '';
  const [sending, send] = useDisclosure(false);
  const [linking, link] = useDisclosure(false);
  return (
    <Group gap="xs" mb="sm">
      <Button size="compact-sm" variant="light" leftSection={<IconMail size={14} aria-hidden />} onClick={send.open}>
        {t('sendEmail.open')}
      </Button>
      <Button size="compact-sm" variant="default" leftSection={<IconLink size={14} aria-hidden />} onClick={link.open}>
        {t('sendEmail.survey.open')}
      </Button>
      <SendEmailModal opened={sending} customerId={customerId} customerName={name} onClose={send.close} />
      <SurveyLinkModal opened={linking} customerId={customerId} onClose={link.close} />
    </Group>
  );
}
