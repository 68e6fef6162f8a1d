import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../i18n/i18nContext.ts';
import { timeZoneOptions } from './timeZoneOptions.ts';

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/** A searchable list of the IANA time zones the browser knows. */
export function TimeZoneSelect({ value, onChange, ...props }: TimeZoneSelectProps) {
  const t = useT();
  const data = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={100}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
    />
  );
}
