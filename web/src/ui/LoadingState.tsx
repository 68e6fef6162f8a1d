import { Center, Loader, Skeleton, Stack } from '@mantine/core';
import { useT } from '../i18n/i18nContext.ts';

/** A spinner with a spoken label, for a page or a panel that is loading. */
export function LoadingState({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  return (
    <Center h={fullPage ? '100vh' : 240} role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const t = useT();
  return (
    <Stack gap="sm" role="status" aria-label={t('common.loading')}>
      <Skeleton height={36} />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  );
}
