import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { listStateToParams, parseListState, type ListState } from './listState.ts';

/** The list's state lives in the address: a reload, the back button or a shared link keep it. */
export function useListState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseListState(searchParams), [searchParams]);

  const update = useCallback(
    (patch: Partial<ListState>, options?: { replace?: boolean }) =>
      setSearchParams((current) => listStateToParams({ ...parseListState(current), ...patch }), { replace: options?.replace ?? false }),
    [setSearchParams],
  );

  const replaceAll = useCallback((next: ListState) => setSearchParams(listStateToParams(next)), [setSearchParams]);

  return { state, update, replaceAll };
}
