import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';

export function useDuplicates() {
  return useQuery({ queryKey: queryKeys.duplicates, queryFn: ({ signal }) => api.customers.duplicates(signal) });
}

/** Pairs the user said are not duplicates; kept on this device until the server remembers them. */
const STORAGE_KEY = 'rapport.notDuplicates';

export function pairKey(a: string, b: string): string {
  return [a, b].toSorted().join('|');
}

export function readDismissed(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

export function writeDismissed(keys: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...keys]));
  } catch {
    // Storage disabled: the choice lasts until the page is left.
  }
}
