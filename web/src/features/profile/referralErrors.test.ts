import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { isUnknownCode, referralErrorText } from './referralErrors.ts';

const t = (key: string, vars?: Record<string, string | number | undefined>) => `${key} ${JSON.stringify(vars)}`;

describe('referralErrorText', () => {
  it('names the loop a referrer would make, as the server gives it', () => {
    const error = new ApiError(400, 'referrals.cycle', 'That would make a loop', { path: ['Anna', 'Boris', 'Clara', 'Anna'] });
    expect(referralErrorText(t, error)).toBe('referrals.errors.cycle {"path":"Anna → Boris → Clara → Anna","code":""}');
  });

  it('words a customer referring themselves and an unknown code, with the code typed', () => {
    expect(referralErrorText(t, new ApiError(400, 'referrals.self', 'no'))).toBe('referrals.errors.self {"path":"","code":""}');
    const unknown = new ApiError(400, 'referrals.unknown_code', 'no');
    expect(referralErrorText(t, unknown, 'NOPE-0000')).toBe('referrals.errors.unknownCode {"path":"","code":"NOPE-0000"}');
    expect(isUnknownCode(unknown)).toBe(true);
  });

  it('leaves other failures to the app-wide messages', () => {
    expect(referralErrorText(t, new ApiError(400, 'request.invalid', 'no'))).toBeNull();
    expect(referralErrorText(t, new Error('boom'))).toBeNull();
    expect(isUnknownCode(new ApiError(400, 'referrals.cycle', 'no'))).toBe(false);
  });
});
