import { Anchor, Badge, Button, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TodayItem, TodayQueue } from '../../api/todayApi.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { TodayItemRow } from './TodayItemRow.tsx';
import { SECTION_PREVIEW, type SectionLook } from './todaySections.ts';

interface TodaySectionProps {
  look: SectionLook;
  count: number;
  items: readonly TodayItem[];
  queue: Pick<TodayQueue, 'today' | 'currency'>;
  userId: string;
  canWrite: boolean;
}

/** One section of the queue: its title and count, the first rows, "Show all", or what would fill it. */
export function TodaySection({ look, count, items, queue, userId, canWrite }: TodaySectionProps) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const { section, icon: SectionIcon, color, fullPage } = look;
  const titleId = `today-${section}`;
  const shown = expanded ? items : items.slice(0, SECTION_PREVIEW);
  const more = count > shown.length;
  return (
    <Card withBorder radius="lg" p={0} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" px="md" py="sm" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="light" color={color} aria-hidden>
            <SectionIcon size={18} stroke={1.7} />
          </ThemeIcon>
          <Title order={2} fz="md" id={titleId}>
            {t(`today.sections.${section}.title`)}
          </Title>
          <Badge variant="light" color={count > 0 ? color : 'gray'} size="md" circle={count < 10} aria-label={t('today.countLabel', { count })}>
            {count}
          </Badge>
        </Group>
        {more && fullPage && (
          <Anchor component={Link} to={fullPage} size="sm" fw={500}>
            <Group gap={4} wrap="nowrap">
              {t('today.showAll', { count })}
              <IconArrowRight size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md" maw={760}>
          {t(`today.sections.${section}.empty`)}
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby={titleId}>
          {shown.map((item) => (
            <TodayItemRow key={item.key} item={item} today={queue.today} currency={queue.currency} userId={userId} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {!fullPage && (more || expanded) && (
        <Group px="md" py={8} gap="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          {more && items.length > shown.length && (
            <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(true)}>
              {t('today.showAll', { count })}
            </Button>
          )}
          {expanded && (
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setExpanded(false)}>
              {t('today.showFewer')}
            </Button>
          )}
          {expanded && count > items.length && (
            <Text size="xs" c="dimmed">
              {t('today.listedFirst', { count: items.length })}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}
