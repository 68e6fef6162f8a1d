import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { CreateTag, UpdateTag } from '../../api/workspaceDataApi.ts';

export function useTags() {
  return useQuery({
    queryKey: queryKeys.tags,
    queryFn: api.tags.list,
    select: (list) => list.toSorted((a, b) => a.name.localeCompare(b.name)),
  });
}

/** Tags with their customer counts (Settings → Tags only: counting is slow on big workspaces). */
export function useTagsWithCounts() {
  return useQuery({
    queryKey: [...queryKeys.tags, 'counts'],
    queryFn: api.tags.listWithCounts,
    select: (list) => list.toSorted((a, b) => a.name.localeCompare(b.name)),
  });
}

/** A tag's name and colour show on every customer that has it, so customers reload too. */
function useInvalidateTags() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
      queryClient.invalidateQueries({ queryKey: queryKeys.customers }),
    ]);
}

export function useCreateTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTag) => api.tags.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tags }),
  });
}

export function useUpdateTag() {
  const invalidate = useInvalidateTags();
  return useMutation({ mutationFn: ({ tagId, patch }: { tagId: string; patch: UpdateTag }) => api.tags.update(tagId, patch), onSuccess: invalidate });
}

export function useDeleteTag() {
  const invalidate = useInvalidateTags();
  return useMutation({ mutationFn: (tagId: string) => api.tags.remove(tagId), onSuccess: invalidate });
}
