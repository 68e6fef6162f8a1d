import { z } from 'zod';

/** Languages with a full UI catalogue. Adding one = a catalogue file + this list. */
export const SUPPORTED_LOCALES = ['en', 'ru'] as const;
export const localeSchema = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type RoleName = z.infer<typeof roleSchema>;

export const idSchema = z.string().min(1).max(64);
export const isoTimestampSchema = z.string().describe('ISO-8601 instant, UTC');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z.string().min(10).max(200);

export const nameSchema = z.string().trim().min(1).max(200);

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && knownCurrencies().has(code), { message: 'Unknown currency code', params: { code: 'unknown_currency' } });

export const timeZoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, { message: 'Unknown time zone', params: { code: 'unknown_time_zone' } });

let currencies: Set<string> | undefined;
function knownCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable dotted code, e.g. auth.invalid_credentials'),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A field-level problem, as in `details.fields` of a `request.invalid` error. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  /** Extra facts for the message, e.g. { minimum: 10 }. */
  params?: Record<string, unknown>;
}

export const okSchema = z.object({ ok: z.literal(true) });

export const cursorPageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
