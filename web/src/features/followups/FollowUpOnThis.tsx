import { ActionIcon, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import { quoteOf } from './followUpList.ts';
import { NewFollowUpModal } from './NewFollowUpModal.tsx';

interface FollowUpOnThisProps {
  customerId: string;
  activityId: string;
  /** The item's text, quoted in the note. */
  body: string;
  /** The item in words ("Note, 3 Dec 2026, 10:00"), for the button's name. */
  what: string;
}

/** A timeline item's "Follow up on this": the form, tied to the item, the note quoting it. */
export function FollowUpOnThis({ customerId, activityId, body, what }: FollowUpOnThisProps) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const quote = quoteOf(body);
  const label = t('followUps.timeline.action');
  return (
    <>
      <Tooltip label={label} withArrow openDelay={300}>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('followUps.timeline.actionLabel', { what })} onClick={open}>
          <IconCalendarPlus size={14} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <NewFollowUpModal opened={opened} customerId={customerId} preset={{ activityId, note: quote ? t('followUps.timeline.quote', { quote }) : '' }} onClose={close} />
    </>
  );
}
