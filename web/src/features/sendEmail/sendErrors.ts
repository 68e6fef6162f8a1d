import { isApiError } from '../../api/ApiError.ts';

/** The refusals of a send that the user can act on, each with its own explanation. */
export const SEND_REFUSALS = ['email.not_configured', 'email.no_address', 'email.no_consent', 'email.unsubscribed'] as const;
export type SendRefusal = (typeof SEND_REFUSALS)[number];

/** Which refusal this error is, or null for any other failure (shown the usual way). */
export function sendRefusalOf(error: unknown): SendRefusal | null {
  if (!isApiError(error)) return null;
  return (SEND_REFUSALS as readonly string[]).includes(error.code) ? (error.code as SendRefusal) : null;
}

/** The catalogue key explaining a refusal: `sendEmail.errors.no_consent`… */
export function refusalKey(refusal: SendRefusal): string {
  return `sendEmail.errors.${refusal.slice('email.'.length)}`;
}
