import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

/**
 * AES-256-GCM for secrets at rest (SMTP passwords). The key comes from RAPPORT_SECRET_KEY:
 * 32 bytes as base64 or hex, or any passphrase, stretched with scrypt. Sealed form:
 * `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export function keyFrom(secret: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(secret)) return Buffer.from(secret, 'hex');
  const b64 = Buffer.from(secret, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(secret)) return b64;
  return scryptSync(secret, 'rapport-secret-box-v1', 32);
}

export const noSecretKey = () =>
  new AppError('email.secret_key_missing', 409, 'Set RAPPORT_SECRET_KEY in the server environment to store an SMTP password (32 bytes as base64 or hex, or a long passphrase)');

export function seal(secret: string | undefined, plain: string): string {
  if (!secret) throw noSecretKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function unseal(secret: string | undefined, sealed: string): string {
  if (!secret) throw noSecretKey();
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new AppError('email.secret_unreadable', 500, 'The stored SMTP password is not in a known format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('email.secret_unreadable', 409, 'The stored SMTP password cannot be decrypted with this RAPPORT_SECRET_KEY: enter the password again');
  }
}
