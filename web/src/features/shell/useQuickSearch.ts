import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

const LIMIT = 8;

function searchOptions(q: string) {
  return {
    queryKey: queryKeys.quickSearch(q),
    queryFn: ({ signal }: { signal: AbortSignal }) => api.customers.search(q, LIMIT, signal),
    staleTime: 10_000,
  };
}

/** Quick-search results for what is typed, a moment after typing stops. */
export function useQuickSearch(query: string) {
  const queryClient = useQueryClient();
  const q = query.trim();
  const [debounced] = useDebouncedValue(q, 180);
  const results = useQuery({ ...searchOptions(debounced), enabled: debounced !== '', placeholderData: keepPreviousData });
  // Results are for the text in the box only once the debounce caught up and the answer arrived.
  const fresh = q !== '' && debounced === q && results.isSuccess && !results.isPlaceholderData;
  /** The results for `text` now, without waiting for the debounce (for Enter typed quickly). */
  const searchNow = useCallback((text: string) => queryClient.fetchQuery(searchOptions(text)), [queryClient]);
  return { items: q === '' ? [] : (results.data ?? []), fresh, loading: q !== '' && !fresh && !results.isError, error: results.error, searchNow };
}
