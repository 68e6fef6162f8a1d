import type { FollowUp } from '@contracts/followups.ts';
import { Badge, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';

/** Done and skipped follow-ups, folded away under one line. */
export function ClosedFollowUps({ items }: { items: FollowUp[] }) {
  const t = useT();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        w="fit-content"
        leftSection={opened ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
        aria-expanded={opened}
        aria-controls={id}
        onClick={toggle}
      >
        {t('followUps.profile.closed', { count: items.length })}
      </Button>
      <Collapse expanded={opened} id={id}>
        <Stack gap="xs" pl="xs">
          {items.map((item) => <ClosedItem key={item.id} followUp={item} />)}
        </Stack>
      </Collapse>
    </Stack>
  );
}

function ClosedItem({ followUp }: { followUp: FollowUp }) {
  const t = useT();
  const format = useFormat();
  const skipped = followUp.status === 'skipped';
  const meta = [format.day(followUp.dueOn), ...(followUp.doneAt ? [t('followUps.profile.closedOn', { date: format.date(followUp.doneAt) })] : []), ...(followUp.doneBy ? [followUp.doneBy.name] : [])].join(' · ');
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Text size="sm" fw={500} c="dimmed">{t(`followUps.kinds.${followUp.kind}`)}</Text>
        <Badge size="xs" variant="light" color={skipped ? 'gray' : 'teal'}>{t(`followUps.status.${followUp.status}`)}</Badge>
        <Text size="xs" c="dimmed">{meta}</Text>
      </Group>
      {skipped && followUp.skipReason && <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('followUps.profile.skipReason', { reason: followUp.skipReason })}</Text>}
      {followUp.note && <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{followUp.note}</Text>}
    </Stack>
  );
}
