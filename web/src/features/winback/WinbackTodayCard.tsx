import { Badge, Button, Card, Group, Loader, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconTrendingDown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useWinbackQueue } from './useWinback.ts';

/** Today's "drifting" queue: how many gold and silver customers are at risk or lapsed, and the way to the win-back queue. */
export function WinbackTodayCard() {
  const t = useT();
  const queue = useWinbackQueue({ hideContacted: false });
  const count = queue.data?.items.length;

  return (
    <Card withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <ThemeIcon size={40} radius="md" variant="light" color="orange" aria-hidden>
          <IconTrendingDown size={22} stroke={1.7} />
        </ThemeIcon>
        {count === undefined ? (
          queue.isPending && <Loader size="xs" aria-label={t('common.loading')} />
        ) : (
          <Badge variant="light" color={count > 0 ? 'orange' : 'teal'}>
            {t('winback.today.badge', { count })}
          </Badge>
        )}
      </Group>
      <Title order={2} fz="md" mb={6}>
        {t('today.drifting.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {count === undefined || count === 0 ? t('today.drifting.text') : t('winback.today.text', { count })}
      </Text>
      <Button component={Link} to="/winback" variant="light" color="orange" size="xs" rightSection={<IconArrowRight size={14} aria-hidden />} w="fit-content">
        {t('winback.today.open')}
      </Button>
    </Card>
  );
}
