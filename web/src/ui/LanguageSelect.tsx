import type { Locale } from '@contracts/common.ts';
import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { AVAILABLE_LOCALES, isAvailableLocale, nativeLanguageName } from '../i18n/catalogues.ts';

type LanguageSelectProps = Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  value: Locale;
  onChange: (locale: Locale) => void;
};

/**
 * A native select of the languages with a catalogue, each named in its own language.
 * Native, so it works the same with keyboard, screen readers and test tools.
 */
export function LanguageSelect({ value, onChange, ...props }: LanguageSelectProps) {
  return (
    <NativeSelect
      {...props}
      data={AVAILABLE_LOCALES.map((code) => ({ value: code, label: nativeLanguageName(code) }))}
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isAvailableLocale(next)) onChange(next);
      }}
    />
  );
}
