import type { Attribute } from '@contracts/attributes.ts';
import type { CustomerProfile } from '@contracts/customers.ts';
import { useCallback } from 'react';
import { nativeLanguageName } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useAttributeText } from '../attributes/useAttributeText.ts';
import { addressLines } from '../profile/aboutValues.ts';

const FIELD_LABELS: Record<string, string> = {
  name: 'customers.fields.name',
  website: 'customers.fields.website',
  parentId: 'customers.fields.parent',
  address: 'address.title',
  birthday: 'customers.fields.birthday',
  preferredLanguage: 'customers.fields.preferredLanguage',
  consent: 'consent.title',
  notes: 'customers.fields.notes',
  customerSince: 'customers.fields.customerSince',
  nextFollowUp: 'customers.fields.nextFollowUp',
  acquisition: 'bits.source.title',
  referredBy: 'merge.referredBy',
};

/** The source bit reads "Channel → Source"; the referrals bit carries who referred them. */
function bitOf(profile: CustomerProfile, key: 'source' | 'referrals'): string | null {
  const bit = profile.bits.find((b) => b.key === key);
  if (bit?.state !== 'known' || bit.summary === null) return null;
  if (key === 'source') return bit.summary;
  try {
    return (JSON.parse(bit.summary) as { referredBy: string | null }).referredBy;
  } catch {
    return null;
  }
}

/** How each mergeable field reads, for the side-by-side merge table. */
export function useMergeValues(attributes: readonly Attribute[]) {
  const t = useT();
  const format = useFormat();
  const attributeText = useAttributeText();

  const label = useCallback(
    (field: string) => {
      if (field.startsWith('attr.')) return attributes.find((a) => `attr.${a.key}` === field)?.label ?? field.slice(5);
      return t(FIELD_LABELS[field] ?? field);
    },
    [t, attributes],
  );

  const valueOf = useCallback(
    (profile: CustomerProfile, field: string): string | null => {
      switch (field) {
        case 'name':
          return profile.displayName;
        case 'website':
          return profile.website;
        case 'parentId':
          return profile.parent?.displayName ?? null;
        case 'address':
          return addressLines(profile.address).join(', ') || null;
        case 'birthday':
          return profile.birthday && format.day(profile.birthday);
        case 'preferredLanguage':
          return profile.preferredLanguage && nativeLanguageName(profile.preferredLanguage);
        case 'consent': {
          const { given, at, source } = profile.consent;
          if (given === null) return null;
          return [t(given ? 'consent.given' : 'consent.refused'), at && format.day(at), source].filter(Boolean).join(' · ');
        }
        case 'notes':
          return profile.notes;
        case 'customerSince':
          return profile.customerSince && format.day(profile.customerSince);
        case 'nextFollowUp':
          return profile.nextFollowUp && format.day(profile.nextFollowUp);
        case 'acquisition':
          return bitOf(profile, 'source');
        case 'referredBy':
          return bitOf(profile, 'referrals');
        default: {
          const attribute = attributes.find((a) => `attr.${a.key}` === field);
          return attribute ? attributeText(attribute, profile.attributes[attribute.key]) : null;
        }
      }
    },
    [t, format, attributes, attributeText],
  );

  return { label, valueOf };
}
