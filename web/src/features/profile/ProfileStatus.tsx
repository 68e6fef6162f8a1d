import type { CustomerProfile } from '@contracts/customers.ts';
import { Button, Card, EmptyState, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconUserQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { isApiError } from '../../api/ApiError.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';

/** While a profile loads, or why it cannot be shown (gone, deleted, merged away, or an error). */
export function ProfileStatus({ query }: { query: UseQueryResult<CustomerProfile> }) {
  const t = useT();
  if (query.isPending) return <LoadingState />;
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <Card withBorder radius="lg" p="xl">
        <EmptyState
          icon={<IconUserQuestion size={28} stroke={1.6} aria-hidden />}
          variant="light"
          title={<Text component="h1" fw={600} fz="lg" m={0}>{t('profile.notFound.title')}</Text>}
          description={t('profile.notFound.text')}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/customers/deleted" variant="light">
              {t('deleted.link')}
            </Button>
            <Button component={Link} to="/customers">
              {t('profile.back')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  }
  return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
}
