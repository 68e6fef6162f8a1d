import { sourceListSchema, sourceSchema, type createSourceSchema, type updateSourceSchema } from '@contracts/sources.ts';
import { z } from 'zod';
import { request } from './apiClient.ts';

export type CreateSource = z.input<typeof createSourceSchema>;
export type UpdateSource = z.input<typeof updateSourceSchema>;
export type SourceWithCount = z.output<typeof sourceListSchema>['items'][number];

const movedSchema = z.object({ moved: z.number().int() });
const id = (value: string) => encodeURIComponent(value);

/** Acquisition sources, channel → source, with the customers each brought. */
export const sourcesApi = {
  list: (signal?: AbortSignal) => request('GET', '/sources', { signal, schema: sourceListSchema }).then((list) => list.items),
  create: (body: CreateSource) => request('POST', '/sources', { body, schema: sourceSchema }),
  update: (sourceId: string, body: UpdateSource) => request('PATCH', `/sources/${id(sourceId)}`, { body, schema: sourceSchema }),
  /** A source in use needs `moveTo`, the source that takes its customers (else 409 sources.in_use). */
  remove: (sourceId: string, moveTo?: string) => request('DELETE', `/sources/${id(sourceId)}`, { query: { moveTo }, schema: movedSchema }),
  merge: (sourceId: string, intoId: string) => request('POST', `/sources/${id(sourceId)}/merge`, { body: { intoId }, schema: movedSchema }),
};
