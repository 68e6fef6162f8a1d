import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { winbackApi, type WinbackAction, type WinbackFilter } from '../../api/winbackApi.ts';

export function useWinbackQueue(filter: WinbackFilter) {
  return useQuery({ queryKey: queryKeys.winback(filter), queryFn: ({ signal }) => winbackApi.list(filter, signal), placeholderData: keepPreviousData });
}

/** An action shows as "last action" in the queue and on the customer's timeline; an email also in the outbox. */
export function useWinbackAction(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WinbackAction) => winbackApi.act(customerId, input),
    onSuccess: () => Promise.all([queryKeys.customers, ['email', 'outbox']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
