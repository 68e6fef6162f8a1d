import { describe, expect, it } from 'vitest';
import { newId, randomToken, sha256 } from './ids.ts';

describe('ids', () => {
  it('makes RFC 9562 version-7 UUIDs that sort by creation time', () => {
    const early = newId(Date.UTC(2026, 0, 1));
    const late = newId(Date.UTC(2026, 0, 2));
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
    // the first 48 bits are the millisecond timestamp
    expect(parseInt(early.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 1));
  });

  it('makes URL-safe random tokens of the asked strength', () => {
    expect(randomToken(32)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(randomToken());
  });

  it('hashes with SHA-256', () => {
    // NIST test vector for "abc"
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
