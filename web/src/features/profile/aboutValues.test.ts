import { describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../../../../src/contracts/customers.ts';
import { aboutPatch, aboutValues } from './aboutValues.ts';

const profile = {
  kind: 'person',
  address: { line1: 'Tverskaya 1', line2: null, postalCode: '125009', city: 'Москва', region: null, country: 'RU' },
  birthday: '1990-02-28',
  preferredLanguage: 'ru',
  consent: { given: true, at: '2026-01-15T12:00:00.000Z', source: 'form' },
  notes: null,
} as unknown as CustomerProfile;

describe('about form values', () => {
  it('round-trips a profile', () => {
    const values = aboutValues(profile);
    expect(values).toMatchObject({ city: 'Москва', consent: 'given', consentDate: '2026-01-15', notes: '' });
    expect(aboutPatch(values, 'person')).toEqual({
      address: { line1: 'Tverskaya 1', line2: '', postalCode: '125009', city: 'Москва', region: '', country: 'RU' },
      birthday: '1990-02-28',
      preferredLanguage: 'ru',
      consent: { given: true, at: '2026-01-15T12:00:00.000Z', source: 'form' },
      notes: '',
    });
  });

  it('forgets the date and the way when consent goes back to unknown', () => {
    const patch = aboutPatch({ ...aboutValues(profile), consent: 'unknown' }, 'organisation');
    expect(patch.consent).toEqual({ given: null, at: null, source: null });
    expect(patch).not.toHaveProperty('birthday');
  });
});
