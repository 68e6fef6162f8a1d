import {
  analyticsSettingsSchema,
  customerValueSchema,
  modelReportSchema,
  recomputeStatusSchema,
  rfmReportSchema,
  valueDashboardSchema,
  type AnalyticsSettings,
} from '@contracts/analytics.ts';
import { request } from './apiClient.ts';

/** Customer value: the dashboard, RFM, the fitted models, their settings and each customer's metrics. */
export const analyticsApi = {
  dashboard: (signal?: AbortSignal) => request('GET', '/analytics/value', { signal, schema: valueDashboardSchema }),
  rfm: (signal?: AbortSignal) => request('GET', '/analytics/rfm', { signal, schema: rfmReportSchema }),
  model: (signal?: AbortSignal) => request('GET', '/analytics/model', { signal, schema: modelReportSchema }),
  status: (signal?: AbortSignal) => request('GET', '/analytics/status', { signal, schema: recomputeStatusSchema }),
  /** Starts a computation in the background (202); follow it with status(). */
  recompute: (refit = false) => request('POST', '/analytics/recompute', { body: { refit }, schema: recomputeStatusSchema }),
  settings: (signal?: AbortSignal) => request('GET', '/analytics/settings', { signal, schema: analyticsSettingsSchema }),
  /** Owners and admins; saving starts a computation with the new settings. */
  updateSettings: (patch: Partial<AnalyticsSettings>) => request('PUT', '/analytics/settings', { body: patch, schema: analyticsSettingsSchema }),
  customer: (customerId: string, signal?: AbortSignal) =>
    request('GET', `/customers/${encodeURIComponent(customerId)}/value`, { signal, schema: customerValueSchema }),
};
