import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { CreateView, UpdateView } from '../../api/workspaceDataApi.ts';

export function useViews() {
  return useQuery({ queryKey: queryKeys.views, queryFn: api.views.list });
}

function useInvalidateViews() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.views });
}

export function useCreateView() {
  const invalidate = useInvalidateViews();
  return useMutation({ mutationFn: (input: CreateView) => api.views.create(input), onSuccess: invalidate });
}

export function useUpdateView() {
  const invalidate = useInvalidateViews();
  return useMutation({ mutationFn: ({ viewId, patch }: { viewId: string; patch: UpdateView }) => api.views.update(viewId, patch), onSuccess: invalidate });
}

export function useDeleteView() {
  const invalidate = useInvalidateViews();
  return useMutation({ mutationFn: (viewId: string) => api.views.remove(viewId), onSuccess: invalidate });
}
