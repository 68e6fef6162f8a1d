import type { Locale } from '@contracts/common.ts';
import { NativeSelect } from '@mantine/core';
import type { EmailPurpose } from '../../api/emailApi.ts';
import { AVAILABLE_LOCALES, isAvailableLocale, nativeLanguageName } from '../../i18n/catalogues.ts';
import { useT } from '../../i18n/i18nContext.ts';

export const PURPOSES: readonly EmailPurpose[] = ['thank_you', 'question', 'exit_question', 'winback', 'custom'];

interface PurposeSelectProps {
  value: EmailPurpose;
  onChange: (purpose: EmailPurpose) => void;
  purposes?: readonly EmailPurpose[];
}

/** Which template: thank-you, question, exit question, win-back, or own words. */
export function PurposeSelect({ value, onChange, purposes = PURPOSES }: PurposeSelectProps) {
  const t = useT();
  return (
    <NativeSelect
      label={t('sendEmail.purpose')}
      data={purposes.map((purpose) => ({ value: purpose, label: t(`sendEmail.purposes.${purpose}`) }))}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as EmailPurpose)}
    />
  );
}

/** The language of the email; empty means each customer's own (else the workspace's). */
export function EmailLocaleSelect({ value, onChange }: { value: Locale | ''; onChange: (locale: Locale | '') => void }) {
  const t = useT();
  return (
    <NativeSelect
      label={t('sendEmail.language')}
      data={[{ value: '', label: t('sendEmail.customerLanguage') }, ...AVAILABLE_LOCALES.map((code) => ({ value: code, label: nativeLanguageName(code) }))]}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange(isAvailableLocale(next) ? next : '');
      }}
    />
  );
}
