import { Badge, Button, Card, Group, Loader, Text, ThemeIcon, Title, type MantineColor } from '@mantine/core';
import { IconArrowRight, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';

interface TodayQueueCardProps {
  icon: Icon;
  color: MantineColor;
  title: string;
  text: string;
  /** The queue's count (or the like); without it, and not loading, the card says "coming soon". */
  badge?: ReactNode;
  loading?: boolean;
  /** Where the whole queue is. */
  link?: { to: string; label: string };
}

/** One of Today's queues: how much is waiting and the way to it, or what it will list once the data exists. */
export function TodayQueueCard({ icon: QueueIcon, color, title, text, badge, loading = false, link }: TodayQueueCardProps) {
  const t = useT();
  return (
    <Card withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
          <QueueIcon size={22} stroke={1.7} />
        </ThemeIcon>
        {loading ? (
          <Loader size="xs" aria-label={t('common.loading')} />
        ) : (
          badge ?? (
            <Badge variant="light" color="gray">
              {t('common.comingSoon')}
            </Badge>
          )
        )}
      </Group>
      <Title order={2} fz="md" mb={6}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb={link ? 'md' : 0}>
        {text}
      </Text>
      {link && (
        <Button component={Link} to={link.to} variant="light" color={color} size="xs" w="fit-content" rightSection={<IconArrowRight size={14} aria-hidden />}>
          {link.label}
        </Button>
      )}
    </Card>
  );
}
