import { AppError } from '../../shared/errors.ts';

export const invalidCredentials = () =>
  // One message for unknown account, wrong password and disabled account: nothing to probe.
  new AppError('auth.invalid_credentials', 401, 'Email or password is incorrect');

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('auth.rate_limited', 429, 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds });

export const csrfRejected = () =>
  new AppError('auth.csrf_failed', 403, 'The request is missing its CSRF token; reload the page and try again');

export const readOnlyKey = () => new AppError('auth.read_only_key', 403, 'This API key is read-only');

export const sessionOnly = () => new AppError('auth.session_required', 403, 'This action needs a signed-in user, not an API key');
