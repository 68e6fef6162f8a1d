import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { filtersApi, segmentsApi, type CreateSegment, type UpdateSegment } from '../../api/segmentsApi.ts';
import { useI18n } from '../../i18n/i18nContext.ts';

/** The filter language speaks English and Russian; other UI languages get English messages. */
export function useFilterLang(): 'en' | 'ru' {
  return useI18n().locale === 'ru' ? 'ru' : 'en';
}

export function useSegments() {
  const lang = useFilterLang();
  return useQuery({ queryKey: queryKeys.segmentList(lang), queryFn: ({ signal }) => segmentsApi.list(lang, signal) });
}

/** Segments change campaigns' targets and the lists that use `segment =`: both reload. */
function useSegmentWrite<V, R>(write: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all([queryKeys.customers, queryKeys.campaigns].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useCreateSegment() {
  const lang = useFilterLang();
  return useSegmentWrite((input: CreateSegment) => segmentsApi.create(input, lang));
}

export function useUpdateSegment() {
  const lang = useFilterLang();
  return useSegmentWrite(({ segmentId, patch }: { segmentId: string; patch: UpdateSegment }) => segmentsApi.update(segmentId, patch, lang));
}

export const useDeleteSegment = () => useSegmentWrite((segmentId: string) => segmentsApi.remove(segmentId));

/** How many customers a filter matches, asked of the server (which also finds unknown names and wrong types). */
export function useFilterCheck(filter: string, enabled: boolean) {
  const lang = useFilterLang();
  return useQuery({
    queryKey: queryKeys.filterCheck(filter, lang),
    queryFn: ({ signal }) => filtersApi.check(filter, lang, signal),
    enabled: enabled && filter.trim() !== '',
    retry: false,
    placeholderData: (previous) => previous,
  });
}

export function useCheckFilter() {
  const lang = useFilterLang();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: string) => filtersApi.check(filter, lang),
    onSuccess: (result, filter) => queryClient.setQueryData(queryKeys.filterCheck(filter, lang), result),
  });
}
