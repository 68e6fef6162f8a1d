import { Badge, Button, Card, EmptyState, Group, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';

interface ComingSoonPageProps {
  /** Catalogue section: `<section>.title`, `.description`, `.emptyTitle`, `.emptyText`, `.next`. */
  section: string;
  icon: Icon;
  /** Where the "what to do next" button goes. */
  nextTo: string;
}

/** A page whose feature is still to come: what it will do, and what to do meanwhile. No fake data. */
export function ComingSoonPage({ section, icon: PageIcon, nextTo }: ComingSoonPageProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(`${section}.title`)} description={t(`${section}.description`)} />
      <Card withBorder radius="lg" p="xl">
        <EmptyState
          icon={<PageIcon size={28} stroke={1.6} aria-hidden />}
          variant="light"
          title={
            <Group gap="xs" justify="center" component="span">
              <Text component="span" fw={600} fz="lg">
                {t(`${section}.emptyTitle`)}
              </Text>
              <Badge variant="light" color="gray">
                {t('common.comingSoon')}
              </Badge>
            </Group>
          }
          description={t(`${section}.emptyText`)}
        >
          <EmptyState.Actions>
            <Button component={Link} to={nextTo} variant="light">
              {t(`${section}.next`)}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    </>
  );
}
