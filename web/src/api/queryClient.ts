import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError.ts';
import { queryKeys } from './queryKeys.ts';

/** Retries only what may succeed on a second try: network trouble and server errors. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
    // A session that ended (expired, signed out elsewhere) shows the sign-in page.
    queryCache: new QueryCache({ onError: (error) => onAnyError(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onAnyError(client, error) }),
  });
  return client;
}

function onAnyError(client: QueryClient, error: unknown): void {
  if (isApiError(error) && error.code === 'auth.unauthenticated') client.setQueryData(queryKeys.session, null);
}
