import { acquisitionSchema, type bulkAcquisitionSchema, type setAcquisitionSchema } from '@contracts/sources.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

export type SetAcquisition = z.input<typeof setAcquisitionSchema>;
export type BulkAcquisition = z.input<typeof bulkAcquisitionSchema>;

const updatedSchema = z.object({ updated: z.number().int() });
const path = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/acquisition`;

/** How customers first found us: one customer's source, date and campaign, or many customers' source at once. */
export const acquisitionApi = {
  get: (customerId: string, signal?: AbortSignal) => request('GET', path(customerId), { signal, schema: acquisitionSchema }),
  /** sourceId null: unknown. The history line is written by the server. */
  set: (customerId: string, body: SetAcquisition) => request('PUT', path(customerId), { body, schema: acquisitionSchema }),
  setMany: (body: BulkAcquisition) => request('POST', '/customers/bulk/acquisition', { body, schema: updatedSchema }).then((result) => result.updated),
};
