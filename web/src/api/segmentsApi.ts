import { okSchema } from '@contracts/common.ts';
import {
  checkFilterResultSchema,
  filterFieldListSchema,
  segmentListSchema,
  segmentSchema,
  type createSegmentSchema,
  type updateSegmentSchema,
} from '@contracts/segments.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type CreateSegment = z.input<typeof createSegmentSchema>;
export type UpdateSegment = z.input<typeof updateSegmentSchema>;
type Lang = 'en' | 'ru';

const path = (segmentId: string) => `/segments/${encodeURIComponent(segmentId)}`;

/** Saved segments, and checking a filter (how many it matches, or where it is wrong). */
export const segmentsApi = {
  list: (lang: Lang, signal?: AbortSignal) => request('GET', '/segments', { query: { lang }, signal, schema: segmentListSchema }),
  create: (body: CreateSegment, lang: Lang) => request('POST', '/segments', { query: { lang }, body, schema: segmentSchema }),
  update: (segmentId: string, body: UpdateSegment, lang: Lang) => request('PATCH', path(segmentId), { query: { lang }, body, schema: segmentSchema }),
  remove: (segmentId: string) => request('DELETE', path(segmentId), { schema: okSchema }),
};

export const filtersApi = {
  check: (filter: string, lang: Lang, signal?: AbortSignal) => request('POST', '/filters/check', { body: { filter, lang }, signal, schema: checkFilterResultSchema }),
  fields: (signal?: AbortSignal) => request('GET', '/filters/fields', { signal, schema: filterFieldListSchema }),
};
