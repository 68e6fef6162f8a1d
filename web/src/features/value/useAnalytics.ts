import type { AnalyticsSettings, RecomputeStatus } from '@contracts/analytics.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { analyticsApi } from '../../api/analyticsApi.ts';
import { queryKeys } from '../../api/queryKeys.ts';

/** How often a running computation is asked about. */
const POLL_MS = 1000;

export const analyticsKeys = {
  all: ['analytics'] as const,
  dashboard: ['analytics', 'value'] as const,
  rfm: ['analytics', 'rfm'] as const,
  model: ['analytics', 'model'] as const,
  status: ['analytics', 'status'] as const,
  settings: ['analytics', 'settings'] as const,
  /** Under the customer's key, so whatever reloads a customer reloads their value too. */
  customer: (customerId: string) => [...queryKeys.customer(customerId), 'value'] as const,
};

export function isRunning(status: RecomputeStatus | undefined): boolean {
  return status?.state === 'pending' || status?.state === 'running';
}

export const useValueDashboard = () => useQuery({ queryKey: analyticsKeys.dashboard, queryFn: ({ signal }) => analyticsApi.dashboard(signal) });
export const useRfmReport = () => useQuery({ queryKey: analyticsKeys.rfm, queryFn: ({ signal }) => analyticsApi.rfm(signal) });
export const useModelReport = () => useQuery({ queryKey: analyticsKeys.model, queryFn: ({ signal }) => analyticsApi.model(signal) });
export const useAnalyticsSettings = () => useQuery({ queryKey: analyticsKeys.settings, queryFn: ({ signal }) => analyticsApi.settings(signal) });

export function useCustomerValue(customerId: string) {
  return useQuery({ queryKey: analyticsKeys.customer(customerId), queryFn: ({ signal }) => analyticsApi.customer(customerId, signal) });
}

/**
 * The computation's state, asked again and again while it runs. When it ends, every report
 * and every customer (whose list rows and profiles carry the metrics) reloads.
 */
export function useRecomputeStatus() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: analyticsKeys.status,
    queryFn: ({ signal }) => analyticsApi.status(signal),
    refetchInterval: (q) => (isRunning(q.state.data) ? POLL_MS : false),
    staleTime: 0,
  });
  const wasRunning = useRef(false);
  const running = isRunning(query.data);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'analytics' && q.queryKey[1] !== 'status' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.customers });
    }
    wasRunning.current = running;
  }, [running, queryClient]);
  return query;
}

export function useRecompute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (refit: boolean) => analyticsApi.recompute(refit),
    onSuccess: (status) => queryClient.setQueryData(analyticsKeys.status, status),
  });
}

/** Saving the settings starts a computation: its status is followed from here. */
export function useSaveAnalyticsSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<AnalyticsSettings>) => analyticsApi.updateSettings(patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(analyticsKeys.settings, saved);
      return queryClient.invalidateQueries({ queryKey: analyticsKeys.status });
    },
  });
}
