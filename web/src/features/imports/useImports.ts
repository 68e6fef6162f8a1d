import type { ImportJob } from '@contracts/imports.ts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { importsApi, type Resubmit, type StartCustomerImport, type StartImport } from '../../api/importsApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

const REJECTIONS_PAGE = 100;
/** How often a running import is asked about: often enough that the bar moves smoothly. */
const POLL_MS = 700;

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (importId: string) => ['imports', 'job', importId] as const,
  rejections: (importId: string) => ['imports', 'job', importId, 'rejections'] as const,
};

export function isActive(job: ImportJob | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** Recent imports, newest first; followed while any is still running. */
export function useImportJobs() {
  return useQuery({
    queryKey: importKeys.list,
    queryFn: ({ signal }) => importsApi.list(signal),
    refetchInterval: (query) => (query.state.data?.some(isActive) ? POLL_MS * 3 : false),
  });
}

/**
 * What an import writes (or its undo removes) beyond itself: customers, the campaigns their codes
 * were redeemed for, the sources' customer counts, and the reports over all of them.
 */
function reloadWhatImportsChange(queryClient: QueryClient) {
  return Promise.all([queryKeys.customers, queryKeys.campaigns, queryKeys.sources, queryKeys.reports].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** One import (none while `importId` is null), asked again and again while it runs; when it ends, what it changed reloads. */
export function useImportJob(importId: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(importId ?? ''),
    queryFn: ({ signal }) => importsApi.get(importId ?? '', signal),
    enabled: importId !== null,
    refetchInterval: (q) => (isActive(q.state.data) ? POLL_MS : false),
  });
  const wasActive = useRef(false);
  const active = isActive(query.data);
  useEffect(() => {
    if (wasActive.current && !active) {
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
      if (query.data?.dryRun === false) void reloadWhatImportsChange(queryClient);
    }
    wasActive.current = active;
  }, [active, query.data?.dryRun, queryClient]);
  return query;
}

/** An import (or a dry run) to start: of a purchases file, or of a customers file. */
export type StartRequest = { kind: 'transactions'; body: StartImport } | { kind: 'customers'; body: StartCustomerImport };

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartRequest) => (input.kind === 'customers' ? importsApi.startCustomers(input.body) : importsApi.start(input.body)),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      return queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}

/** An import's rejected rows, a page at a time. */
export function useRejectionPages(importId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: importKeys.rejections(importId),
    queryFn: ({ pageParam, signal }) => importsApi.rejections(importId, { after: pageParam, limit: REJECTIONS_PAGE }, signal),
    initialPageParam: 0,
    getNextPageParam: (page) => page.nextAfter ?? undefined,
    enabled,
  });
}

/** An import undone: it, the list (its badge) and the customers (purchases and customers gone) all reload. */
export function useUndoImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => importsApi.undo(importId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.job(importId) }),
        queryClient.invalidateQueries({ queryKey: importKeys.list }),
        reloadWhatImportsChange(queryClient),
      ]),
  });
}

/** Fixed rows sent again: the import's counts, its rejected rows and the customers all change. */
export function useResubmit(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Resubmit) => importsApi.resubmit(importId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.job(importId) }),
        queryClient.invalidateQueries({ queryKey: importKeys.list }),
        reloadWhatImportsChange(queryClient),
      ]),
  });
}
