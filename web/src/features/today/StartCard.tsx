import { Button, Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';

/** For a workspace without customers yet: the queue fills from them, so start there. */
export function StartCard() {
  const t = useT();
  const { user } = useSession();
  return (
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
  );
}
