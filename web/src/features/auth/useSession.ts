import type { Session } from '@contracts/auth.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** The session query: Session when signed in, null when signed out. */
export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: api.auth.session, staleTime: Infinity });
}

/** The signed-in session. Only for screens behind <RequireSession>. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession used outside a signed-in screen');
  return data;
}

/** Replaces parts of the cached session after a write the server confirmed (name, locale, workspace). */
export function useUpdateCachedSession() {
  const queryClient = useQueryClient();
  return (update: (session: Session) => Session) =>
    queryClient.setQueryData<Session | null>(queryKeys.session, (current) => (current ? update(current) : current));
}
