import { activityListSchema, activitySchema, type complaintStatusSchema, type createActivitySchema, type updateActivitySchema } from '@contracts/activities.ts';
import {
  attributeListSchema,
  attributeSchema,
  type createAttributeSchema,
  type updateAttributeSchema,
} from '@contracts/attributes.ts';
import { okSchema } from '@contracts/common.ts';
import { tagListSchema, tagSchema, type createTagSchema, type updateTagSchema } from '@contracts/tags.ts';
import { savedViewListSchema, savedViewSchema, type createViewSchema, type updateViewSchema } from '@contracts/views.ts';
import type { z } from 'zod';
import { request } from './apiClient.ts';

export type CreateActivity = z.input<typeof createActivitySchema>;
export type UpdateActivity = z.input<typeof updateActivitySchema>;
export type CreateAttribute = z.input<typeof createAttributeSchema>;
export type UpdateAttribute = z.input<typeof updateAttributeSchema>;
export type CreateTag = z.input<typeof createTagSchema>;
export type UpdateTag = z.input<typeof updateTagSchema>;
export type CreateView = z.input<typeof createViewSchema>;
export type UpdateView = z.input<typeof updateViewSchema>;

const id = (value: string) => encodeURIComponent(value);

/** Timeline entries of a customer. */
export const activitiesApi = {
  list: (customerId: string, signal?: AbortSignal) =>
    request('GET', `/customers/${id(customerId)}/activities`, { signal, schema: activityListSchema }).then((list) => list.items),
  create: (customerId: string, body: CreateActivity) =>
    request('POST', `/customers/${id(customerId)}/activities`, { body, schema: activitySchema }),
  update: (activityId: string, body: UpdateActivity) => request('PATCH', `/activities/${id(activityId)}`, { body, schema: activitySchema }),
  remove: (activityId: string) => request('DELETE', `/activities/${id(activityId)}`, { schema: okSchema }),
  /** Resolving needs the resolution; any writer may resolve or reopen. */
  setComplaint: (activityId: string, body: z.input<typeof complaintStatusSchema>) =>
    request('PUT', `/activities/${id(activityId)}/complaint`, { body, schema: activitySchema }),
};

/** The workspace's custom attribute definitions. */
export const attributesApi = {
  list: () => request('GET', '/attributes', { schema: attributeListSchema }).then((list) => list.items),
  create: (body: CreateAttribute) => request('POST', '/attributes', { body, schema: attributeSchema }),
  update: (attributeId: string, body: UpdateAttribute) => request('PATCH', `/attributes/${id(attributeId)}`, { body, schema: attributeSchema }),
  remove: (attributeId: string) => request('DELETE', `/attributes/${id(attributeId)}`, { schema: okSchema }),
};

export const tagsApi = {
  list: () => request('GET', '/tags', { schema: tagListSchema }).then((list) => list.items),
  /** With how many customers carry each tag: a scan of every tagged customer, so only for Settings. */
  listWithCounts: () => request('GET', '/tags', { query: { counts: 'true' }, schema: tagListSchema }).then((list) => list.items),
  create: (body: CreateTag) => request('POST', '/tags', { body, schema: tagSchema }),
  update: (tagId: string, body: UpdateTag) => request('PATCH', `/tags/${id(tagId)}`, { body, schema: tagSchema }),
  remove: (tagId: string) => request('DELETE', `/tags/${id(tagId)}`, { schema: okSchema }),
};

/** Saved list views (columns, filters, sort), personal or shared. */
export const viewsApi = {
  list: () => request('GET', '/views', { schema: savedViewListSchema }).then((list) => list.items),
  create: (body: CreateView) => request('POST', '/views', { body, schema: savedViewSchema }),
  update: (viewId: string, body: UpdateView) => request('PATCH', `/views/${id(viewId)}`, { body, schema: savedViewSchema }),
  remove: (viewId: string) => request('DELETE', `/views/${id(viewId)}`, { schema: okSchema }),
};
