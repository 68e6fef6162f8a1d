import { concentrationCustomerSchema, concentrationReportSchema, concentrationSettingsSchema, type ConcentrationSettings } from '@contracts/concentration.ts';
import { request } from './apiClient.ts';

/** A calendar year, or the last 365 days, or all time; the latest year with revenue when nothing is chosen. */
export interface ConcentrationChoice {
  year?: number | undefined;
  period?: 'year' | 'last365' | 'all' | undefined;
}

const query = (choice: ConcentrationChoice) => ({ year: choice.year, period: choice.period });

/** Revenue concentration by group: the report, one customer's group, and the warning threshold. */
export const concentrationApi = {
  report: (choice: ConcentrationChoice, signal?: AbortSignal) => request('GET', '/reports/concentration', { query: query(choice), signal, schema: concentrationReportSchema }),
  /** Just the headline (one group listed): for the warning on the dashboard. */
  headline: (signal?: AbortSignal) => request('GET', '/reports/concentration', { query: { limit: 1 }, signal, schema: concentrationReportSchema }),
  customer: (customerId: string, signal?: AbortSignal) => request('GET', `/reports/concentration/customer/${encodeURIComponent(customerId)}`, { signal, schema: concentrationCustomerSchema }),
  settings: (signal?: AbortSignal) => request('GET', '/reports/concentration/settings', { signal, schema: concentrationSettingsSchema }),
  saveSettings: (settings: ConcentrationSettings) => request('PUT', '/reports/concentration/settings', { body: settings, schema: concentrationSettingsSchema }),
};

/** Extra export parameters for the chosen period (the export buttons add format and language). */
export function concentrationExportQuery(choice: ConcentrationChoice): Record<string, string> {
  return { ...(choice.year !== undefined && { year: String(choice.year) }), ...(choice.period && { period: choice.period }) };
}
