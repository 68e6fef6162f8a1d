import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { refusalKey, sendRefusalOf } from './sendErrors.ts';

describe('sendRefusalOf', () => {
  it('recognises the refusals a user can act on', () => {
    expect(sendRefusalOf(new ApiError(409, 'email.no_consent', 'No consent'))).toBe('email.no_consent');
    expect(sendRefusalOf(new ApiError(409, 'email.not_configured', 'Not set up'))).toBe('email.not_configured');
  });

  it('leaves other failures to the usual error message', () => {
    expect(sendRefusalOf(new ApiError(404, 'customer.not_found', 'Not found'))).toBeNull();
    expect(sendRefusalOf(new Error('boom'))).toBeNull();
  });
});

describe('refusalKey', () => {
  it('names the catalogue entry', () => {
    expect(refusalKey('email.no_address')).toBe('sendEmail.errors.no_address');
    expect(refusalKey('email.unsubscribed')).toBe('sendEmail.errors.unsubscribed');
  });
});
