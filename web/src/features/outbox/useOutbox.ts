import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { emailApi, type EmailStatus } from '../../api/emailApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** The latest messages, newest first; refreshed while some are still on their way. */
export function useOutbox(status: EmailStatus | undefined) {
  const query = { status, limit: 200 };
  return useQuery({
    queryKey: queryKeys.outbox(query),
    queryFn: ({ signal }) => emailApi.outbox(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data?.some((message) => message.status === 'queued' || message.status === 'sending') ? 10_000 : false),
  });
}
