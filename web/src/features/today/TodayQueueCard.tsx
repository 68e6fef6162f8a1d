import { Badge, Card, Group, Text, ThemeIcon, Title, type MantineColor } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';

interface TodayQueueCardProps {
  icon: Icon;
  color: MantineColor;
  title: string;
  text: string;
}

/** One of Today's queues, explaining what it will list until the data to fill it exists. */
export function TodayQueueCard({ icon: QueueIcon, color, title, text }: TodayQueueCardProps) {
  const t = useT();
  return (
    <Card withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
          <QueueIcon size={22} stroke={1.7} />
        </ThemeIcon>
        <Badge variant="light" color="gray">
          {t('common.comingSoon')}
        </Badge>
      </Group>
      <Title order={2} fz="md" mb={6}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    </Card>
  );
}
