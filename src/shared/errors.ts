/**
 * The one error shape. Every failure a client can see is an AppError with a stable
 * dotted code; the HTTP layer maps it to `{ error: { code, message, details } }` and
 * the CLI to a readable line and an exit code.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const notFound = (what: string, details?: unknown) =>
  new AppError(`${what}.not_found`, 404, `${capitalise(what.replace(/_/g, ' '))} not found`, details);

export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(code, 409, message, details);

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);

export const forbidden = (code = 'auth.forbidden', message = 'You do not have permission to do this') =>
  new AppError(code, 403, message);

export const unauthenticated = (message = 'Sign in to continue') =>
  new AppError('auth.unauthenticated', 401, message);

/** A field-level validation failure, in the same `details` shape as request validation. */
export const fieldError = (field: string, issue: string, message: string) =>
  new AppError('request.invalid', 400, message, { fields: [{ path: field, code: issue, message }] });

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
