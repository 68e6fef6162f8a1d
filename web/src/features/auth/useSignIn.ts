import type { LoginRequest } from '@contracts/auth.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => api.auth.login(credentials),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
  });
}

/** Ends the session; whatever happens on the server, this browser forgets it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    onSettled: () => {
      // Signed out first (the app leaves the signed-in screens), then drop the rest of the cache.
      queryClient.setQueryData(queryKeys.session, null);
      const keep = new Set<unknown>([queryKeys.setup[0], queryKeys.session[0]]);
      queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryKey[0]) });
    },
  });
}
