import { Button, Center } from '@mantine/core';
import { useT } from '../i18n/i18nContext.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** The parts of an infinite query that "load more" needs. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => unknown;
}

export function LoadMoreButton({ pages }: { pages: Pages }) {
  const t = useT();
  if (!pages.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
      {t('customers.loadMore')}
    </Button>
  );
}

export function NextPageError({ pages }: { pages: Pages }) {
  if (!pages.isFetchNextPageError) return null;
  return (
    <Center mt="md">
      <ErrorAlert error={pages.error} onRetry={() => void pages.fetchNextPage()} />
    </Center>
  );
}
