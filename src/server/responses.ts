import { errorResponseSchema } from '../contracts/common.ts';

/** The error responses a route can give, for its OpenAPI entry. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchema])) as Record<number, typeof errorResponseSchema>;
}

/** Every authenticated route can answer these. */
export const AUTH_ERRORS = [401, 403] as const;
