import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { currencyOptions } from '../../ui/currencyOptions.ts';

type CostCurrencySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

/** A narrow currency picker for a cost line: the code in the field, "EUR — Euro" in the list. */
export function CostCurrencySelect({ value, onChange, ...props }: CostCurrencySelectProps) {
  const { locale, t } = useI18n();
  const options = useMemo(() => currencyOptions(locale, value), [locale, value]);
  const names = useMemo(() => new Map(options.map((option) => [option.value, option.label])), [options]);
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      comboboxProps={{ width: 260, position: 'bottom-start', withinPortal: true }}
      {...props}
      data={options.map((option) => option.value)}
      renderOption={({ option }) => names.get(option.value) ?? option.value}
      value={value}
      onChange={(next) => next && onChange(next)}
    />
  );
}
