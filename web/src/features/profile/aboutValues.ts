import type { CustomerProfile, UpdateCustomer } from '@contracts/customers.ts';

export type ConsentChoice = 'given' | 'refused' | 'unknown';

/** The "about" form's values: address, birthday, language, consent and notes, all as text. */
export interface AboutValues {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  region: string;
  country: string;
  birthday: string;
  preferredLanguage: string;
  consent: ConsentChoice;
  consentDate: string;
  consentSource: string;
  notes: string;
}

export function aboutValues(profile: CustomerProfile): AboutValues {
  const { address, consent } = profile;
  return {
    line1: address.line1 ?? '',
    line2: address.line2 ?? '',
    postalCode: address.postalCode ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    country: address.country ?? '',
    birthday: profile.birthday ?? '',
    preferredLanguage: profile.preferredLanguage ?? '',
    consent: consent.given === true ? 'given' : consent.given === false ? 'refused' : 'unknown',
    consentDate: consent.at?.slice(0, 10) ?? '',
    consentSource: consent.source ?? '',
    notes: profile.notes ?? '',
  };
}

export function aboutPatch(values: AboutValues, kind: CustomerProfile['kind']): Omit<UpdateCustomer, 'version'> {
  const given = values.consent === 'given' ? true : values.consent === 'refused' ? false : null;
  return {
    address: {
      line1: values.line1,
      line2: values.line2,
      postalCode: values.postalCode,
      city: values.city,
      region: values.region,
      country: values.country,
    },
    ...(kind === 'person' && { birthday: values.birthday || null }),
    preferredLanguage: values.preferredLanguage === 'en' || values.preferredLanguage === 'ru' ? values.preferredLanguage : null,
    consent: {
      given,
      // Noon UTC keeps the chosen calendar day in every time zone from UTC−11 to UTC+11.
      at: given === null || !values.consentDate ? null : `${values.consentDate}T12:00:00.000Z`,
      source: given === null ? null : values.consentSource,
    },
    notes: values.notes,
  };
}

/** An address as the lines of an envelope, leaving out what is not known. */
export function addressLines(address: CustomerProfile['address']): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region, address.country].filter((line): line is string => Boolean(line));
}
