import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { NewFollowUpModal } from './NewFollowUpModal.tsx';

/** The profile's "Follow up" action. */
export function FollowUpButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={open}>
        {t('followUps.profile.followUp')}
      </Button>
      <NewFollowUpModal opened={opened} customerId={customerId} customerName={customerName} onClose={close} />
    </>
  );
}
