import type { MergeRequest } from '@contracts/customers.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** Folds `otherId` into the survivor; everything attached moves, the other is deleted. */
export function useMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, body }: { survivorId: string; body: MergeRequest }) => api.customers.merge(survivorId, body),
    onSuccess: (survivor, { body }) => {
      queryClient.setQueryData(queryKeys.customer(survivor.id), survivor);
      // The duplicate is gone: its profile is not fetched again (it would 404).
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers, predicate: (query) => query.queryKey[2] !== body.otherId }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
      ]);
    },
  });
}
