import type { z } from 'zod';
import { ApiError } from './ApiError.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType> {
  /** Validates (and types) the response body. */
  schema: S;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent as x-csrf-token on every write (see src/server/auth.plugin.ts). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The one way the web app talks to the server: same-origin, cookie session, JSON in and out. */
export async function request<S extends z.ZodType>(method: Method, path: string, options: RequestOptions<S>): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network.unreachable', 'Could not reach the server');
  }

  const body = await readJson(response);
  if (!response.ok) throw ApiError.fromResponse(response.status, body);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'response.invalid', 'The server sent an unexpected response', parsed.error.issues);
  return parsed.data;
}

function withQuery(url: string, query: RequestOptions<z.ZodType>['query']): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
