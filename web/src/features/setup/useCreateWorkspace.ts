import type { SetupRequest } from '@contracts/auth.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** Creates the workspace and its owner, who is then signed in and lands on Today. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (input: SetupRequest) => api.setup.create(input),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      queryClient.setQueryData(queryKeys.setup, { needsSetup: false });
      void navigate('/today', { replace: true });
    },
  });
  /** After `setup.already_done` (someone else finished setup first): on to the sign-in page. */
  const goToSignIn = () => {
    queryClient.setQueryData(queryKeys.setup, { needsSetup: false });
    void navigate('/login', { replace: true });
  };
  return { create, goToSignIn };
}
