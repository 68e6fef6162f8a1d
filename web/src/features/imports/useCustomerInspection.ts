import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { importsApi, type CustomerInspection, type CustomerInspectRequest } from '../../api/importsApi.ts';

/** What the user changed of what Rapport proposed for a customers file. */
export type CustomerOverrides = Omit<CustomerInspectRequest, 'uploadId'>;

const DEBOUNCE_MS = 350;

/** A customers file as Rapport will read it with the user's changes; as useInspection, for customers. */
export function useCustomerInspection(uploadId: string, overrides: CustomerOverrides) {
  const [debounced] = useDebouncedValue(overrides, DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['imports', 'inspect-customers', uploadId, debounced] as const,
    queryFn: ({ signal }) => importsApi.inspectCustomers({ uploadId, ...debounced }, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  // Kept from an earlier render (React's "state from previous renders" pattern).
  const [lastGood, setLastGood] = useState<CustomerInspection | undefined>(undefined);
  if (query.data && query.data !== lastGood) setLastGood(query.data);
  return {
    data: query.data ?? lastGood,
    pending: query.isPending && lastGood === undefined,
    refreshing: query.isFetching,
    error: query.isError ? query.error : null,
    settled: debounced === overrides && query.isSuccess && !query.isFetching && !query.isPlaceholderData,
  };
}
