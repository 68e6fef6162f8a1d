import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18nContext.ts';
import { currencyOptions } from './currencyOptions.ts';

type CurrencySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/** A searchable list of ISO currency codes with their names in the UI language. */
export function CurrencySelect({ value, onChange, ...props }: CurrencySelectProps) {
  const { locale, t } = useI18n();
  const data = useMemo(() => currencyOptions(locale, value), [locale, value]);
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
    />
  );
}
