import type { Inspection } from '@contracts/imports.ts';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { importsApi, type CustomerInspection, type CustomerInspectRequest, type InspectRequest } from '../../api/importsApi.ts';

/** What the user changed of what Rapport proposed; the rest stays Rapport's proposal. */
export type Overrides = Omit<InspectRequest, 'uploadId'>;
/** The same, for a customers file. */
export type CustomerOverrides = Omit<CustomerInspectRequest, 'uploadId'>;

const DEBOUNCE_MS = 350;

/** A purchases file as Rapport will read it with the user's changes. */
export function useInspection(uploadId: string, overrides: Overrides) {
  return useFileInspection<Overrides, Inspection>('inspect', uploadId, overrides, importsApi.inspect);
}

/** A customers file as Rapport will read it with the user's changes. */
export function useCustomerInspection(uploadId: string, overrides: CustomerOverrides) {
  return useFileInspection<CustomerOverrides, CustomerInspection>('inspect-customers', uploadId, overrides, importsApi.inspectCustomers);
}

/**
 * The file as Rapport will read it with the user's changes: asked again (debounced) on each
 * change. The last good answer stays on screen meanwhile, and after a failure (an encoding
 * that does not read), so the user can change the setting back.
 */
function useFileInspection<O extends object, I>(key: string, uploadId: string, overrides: O, inspect: (body: O & { uploadId: string }, signal?: AbortSignal) => Promise<I>) {
  const [debounced] = useDebouncedValue(overrides, DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['imports', key, uploadId, debounced] as const,
    queryFn: ({ signal }) => inspect({ uploadId, ...debounced }, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  // Kept from an earlier render (React's "state from previous renders" pattern).
  const [lastGood, setLastGood] = useState<I | undefined>(undefined);
  if (query.data && query.data !== lastGood) setLastGood(query.data);
  return {
    data: query.data ?? lastGood,
    /** The first reading of the file is still under way. */
    pending: query.isPending && lastGood === undefined,
    refreshing: query.isFetching,
    error: query.isError ? query.error : null,
    /** The answer on screen is for the latest changes: nothing goes on with settings the user no longer sees. */
    settled: debounced === overrides && query.isSuccess && !query.isFetching && !query.isPlaceholderData,
  };
}
