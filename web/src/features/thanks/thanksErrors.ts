import type { ErrorKeys } from '../sources/codedErrors.ts';

/** The server codes a thank-you can fail with, and the words for them under "thanks.errors". */
export const THANKS_ERRORS: ErrorKeys = {
  'thanks.not_owed': 'thanks.errors.notOwed',
  'email.not_configured': 'thanks.errors.emailNotConfigured',
  'email.no_address': 'thanks.errors.emailNoAddress',
  'email.unsubscribed': 'thanks.errors.emailUnsubscribed',
};
