import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSessionQuery } from './useSession.ts';

/** Sends a signed-out visitor to the sign-in page, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data: session } = useSessionQuery();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}
