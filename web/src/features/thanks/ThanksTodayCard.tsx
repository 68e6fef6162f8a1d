import { Badge, Button, Card, Group, Loader, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconHeartHandshake } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useOwedThanks } from './useThanks.ts';

/** The list's own limit: past it the card says "200+". */
const LIST_LIMIT = 200;

/** Today's "Thanks owed" queue: how many customers earned a thank-you and have not had one, and the way to the list. */
export function ThanksTodayCard() {
  const t = useT();
  const owed = useOwedThanks({ status: 'owed' });
  const count = owed.data?.length;
  return (
    <Card withBorder radius="lg" p="lg">
      <Group justify="space-between" mb="md">
        <ThemeIcon size={40} radius="md" variant="light" color="pink" aria-hidden>
          <IconHeartHandshake size={22} stroke={1.7} />
        </ThemeIcon>
        {owed.isPending ? (
          <Loader size="xs" aria-label={t('common.loading')} />
        ) : (
          count !== undefined && (
            <Badge variant="light" color={count > 0 ? 'pink' : 'gray'} size="lg">
              {count >= LIST_LIMIT ? `${LIST_LIMIT}+` : count}
            </Badge>
          )
        )}
      </Group>
      <Title order={2} fz="md" mb={6}>
        {t('today.thanks.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {count === undefined ? t('today.thanks.text') : t('thanks.today.count', { count })}
      </Text>
      <Button component={Link} to="/thanks" variant="light" color="pink" size="xs" w="fit-content" rightSection={<IconArrowRight size={14} aria-hidden />}>
        {t('thanks.today.open')}
      </Button>
    </Card>
  );
}
