import { randomBytes, createHash } from 'node:crypto';

/**
 * UUID version 7: time-ordered, so new rows land at the end of primary-key indexes
 * (better locality than random v4 on both SQLite and PostgreSQL).
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A URL-safe random secret (session tokens, API keys, CSRF tokens). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored only as their SHA-256: a stolen database does not yield live sessions or keys. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
