import type { FieldIssue } from '@contracts/common.ts';

/** Any failure of an API call, with the server's stable code (or network.* / response.* of our own). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Field-level problems of a `request.invalid` (or similar) error, by field path. */
  readonly fields: FieldIssue[] | undefined;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fields = fieldsOf(details);
  }

  /** Builds the error from a non-2xx response body `{ error: { code, message, details } }`. */
  static fromResponse(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    if (error && typeof error.code === 'string') {
      return new ApiError(status, error.code, typeof error.message === 'string' ? error.message : error.code, error.details);
    }
    return new ApiError(status, status >= 500 ? 'internal.error' : 'request.rejected', `HTTP ${status}`);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function fieldsOf(details: unknown): FieldIssue[] | undefined {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return undefined;
  return fields.filter(
    (field): field is FieldIssue =>
      typeof field === 'object' && field !== null && typeof field.path === 'string' && typeof field.code === 'string',
  );
}
