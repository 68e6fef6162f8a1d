import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export interface ComplaintChange {
  activityId: string;
  status: 'open' | 'resolved';
  resolution?: string | null;
}

/** Resolves (with how it was put right) or reopens a complaint on a customer's timeline. */
export function useSetComplaint(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, status, resolution }: ComplaintChange) => api.activities.setComplaint(activityId, { status, resolution }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.activities(customerId) }),
  });
}
