import { Button, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCalendarDue, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { ThanksTodayCard } from '../thanks/ThanksTodayCard.tsx';
import { WinbackTodayCard } from '../winback/WinbackTodayCard.tsx';
import { TodayQueueCard } from './TodayQueueCard.tsx';

/**
 * "What should I do today": thanks owed, follow-ups due, gold customers drifting.
 * The queues fill once purchases are imported; until then each says what it will hold.
 */
export function TodayPage() {
  const t = useT();
  const { user } = useSession();
  return (
    <>
      <PageHeader title={t('today.title')} description={t('today.description')} />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg" mb="xl">
        <ThanksTodayCard />
        <TodayQueueCard icon={IconCalendarDue} color="blue" title={t('today.followUps.title')} text={t('today.followUps.text')} />
        <WinbackTodayCard />
      </SimpleGrid>
      <Card withBorder radius="lg" p="xl">
        <Group justify="space-between" align="center" gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start" maw={620}>
            <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
              <IconUserPlus size={22} />
            </ThemeIcon>
            <div>
              <Title order={2} fz="lg" mb={4}>
                {t('today.start.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t(can(user.role, 'writeCustomers') ? 'today.start.text' : 'today.start.textReadOnly')}
              </Text>
            </div>
          </Group>
          <Group gap="sm">
            <Button component={Link} to="/customers" rightSection={<IconArrowRight size={16} aria-hidden />}>
              {t('today.start.customers')}
            </Button>
            {can(user.role, 'manageUsers') && (
              <Button component={Link} to="/settings/users" variant="default">
                {t('today.start.team')}
              </Button>
            )}
          </Group>
        </Group>
      </Card>
    </>
  );
}
