import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { CreateActivity, UpdateActivity } from '../../api/workspaceDataApi.ts';

/** A customer's timeline, newest first. */
export function useActivities(customerId: string) {
  return useQuery({
    queryKey: queryKeys.activities(customerId),
    queryFn: ({ signal }) => api.activities.list(customerId, signal),
    select: (items) => items.toSorted((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
  });
}

function useInvalidateTimeline(customerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.activities(customerId) });
}

export function useAddActivity(customerId: string) {
  const invalidate = useInvalidateTimeline(customerId);
  return useMutation({ mutationFn: (input: CreateActivity) => api.activities.create(customerId, input), onSuccess: invalidate });
}

export function useUpdateActivity(customerId: string) {
  const invalidate = useInvalidateTimeline(customerId);
  return useMutation({
    mutationFn: ({ activityId, patch }: { activityId: string; patch: UpdateActivity }) => api.activities.update(activityId, patch),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity(customerId: string) {
  const invalidate = useInvalidateTimeline(customerId);
  return useMutation({ mutationFn: (activityId: string) => api.activities.remove(activityId), onSuccess: invalidate });
}
