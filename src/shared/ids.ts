import { randomBytes, randomUUID, createHash } from 'node:crypto';

/**
 * UUID version 7: time-ordered, so new rows land at the end of primary-key indexes
 * (better locality than random v4 on both SQLite and PostgreSQL).
 */
export function newId(now = Date.now()): string {
  // The random bits of a v4 UUID (randomUUID draws from a cached pool of entropy: an import
  // makes tens of thousands of ids, and randomBytes per id was ~3% of its time).
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V already the variant
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** A URL-safe random secret (session tokens, API keys, CSRF tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a stolen database does not yield live sessions or keys. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
