import { Button, Card, EmptyState, Text } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { usePageTitle } from '../../ui/usePageTitle.ts';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <Card withBorder radius="lg" p="xl">
      <EmptyState
        icon={<IconMapQuestion size={28} stroke={1.6} aria-hidden />}
        variant="light"
        title={<Text component="h1" fw={600} fz="lg" m={0}>{t('notFound.title')}</Text>}
        description={t('notFound.text')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/today">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
