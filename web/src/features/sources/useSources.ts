import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { sourcesApi, type CreateSource, type UpdateSource } from '../../api/sourcesApi.ts';

export const useSources = () => useQuery({ queryKey: queryKeys.sources, queryFn: ({ signal }) => sourcesApi.list(signal) });

/** A source's name shows on customers, campaigns and reports; moving customers changes all three. */
function useInvalidateSources() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryKeys.sources, queryKeys.reports, queryKeys.campaigns, queryKeys.customers].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateSource() {
  const invalidate = useInvalidateSources();
  return useMutation({ mutationFn: (input: CreateSource) => sourcesApi.create(input), onSuccess: invalidate });
}

export function useUpdateSource() {
  const invalidate = useInvalidateSources();
  return useMutation({ mutationFn: ({ sourceId, patch }: { sourceId: string; patch: UpdateSource }) => sourcesApi.update(sourceId, patch), onSuccess: invalidate });
}

export function useDeleteSource() {
  const invalidate = useInvalidateSources();
  return useMutation({ mutationFn: ({ sourceId, moveTo }: { sourceId: string; moveTo?: string }) => sourcesApi.remove(sourceId, moveTo), onSuccess: invalidate });
}

export function useMergeSource() {
  const invalidate = useInvalidateSources();
  return useMutation({ mutationFn: ({ sourceId, intoId }: { sourceId: string; intoId: string }) => sourcesApi.merge(sourceId, intoId), onSuccess: invalidate });
}
