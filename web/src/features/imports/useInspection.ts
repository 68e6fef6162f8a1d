import type { Inspection } from '@contracts/imports.ts';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { importsApi, type InspectRequest } from '../../api/importsApi.ts';

/** What the user changed of what Rapport proposed; the rest stays Rapport's proposal. */
export type Overrides = Omit<InspectRequest, 'uploadId'>;

const DEBOUNCE_MS = 350;

/**
 * The file as Rapport will read it with the user's changes: asked again (debounced) on each
 * change. The last good answer stays on screen meanwhile, and after a failure (an encoding
 * that does not read), so the user can change the setting back.
 */
export function useInspection(uploadId: string, overrides: Overrides) {
  const [debounced] = useDebouncedValue(overrides, DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['imports', 'inspect', uploadId, debounced] as const,
    queryFn: ({ signal }) => importsApi.inspect({ uploadId, ...debounced }, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  // Kept from an earlier render (React's "state from previous renders" pattern).
  const [lastGood, setLastGood] = useState<Inspection | undefined>(undefined);
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
