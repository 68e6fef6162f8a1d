import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acquisitionApi, type SetAcquisition } from '../../api/acquisitionApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export function useAcquisition(customerId: string) {
  return useQuery({ queryKey: queryKeys.acquisition(customerId), queryFn: ({ signal }) => acquisitionApi.get(customerId, signal) });
}

/** A new source changes the profile's bits, the lists, the sources' counts and the reports. */
export function useSetAcquisition(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetAcquisition) => acquisitionApi.set(customerId, input),
    onSuccess: (acquisition) => {
      queryClient.setQueryData(queryKeys.acquisition(customerId), acquisition);
      return Promise.all([queryKeys.customers, queryKeys.sources, queryKeys.reports].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
