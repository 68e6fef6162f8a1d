import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useT } from '../i18n/i18nContext.ts';
import { timeZoneOptions } from './timeZoneOptions.ts';

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  /** Offers "none" first under this label ("Workspace's (Europe/Berlin)"); it is the value ''. */
  emptyLabel?: string;
};

/** The Select's value for '' (Mantine's Select does not take an empty string as an option). */
const EMPTY = '(none)';

/** A searchable list of the IANA time zones the browser knows. */
export function TimeZoneSelect({ value, onChange, emptyLabel, ...props }: TimeZoneSelectProps) {
  const t = useT();
  const zones = useMemo(() => timeZoneOptions(value || undefined), [value]);
  const data = useMemo(() => (emptyLabel === undefined ? zones : [{ value: EMPTY, label: emptyLabel }, ...zones]), [zones, emptyLabel]);
  return (
    <Select
      searchable
      allowDeselect={false}
      limit={100}
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={280}
      {...props}
      data={data}
      value={emptyLabel !== undefined && value === '' ? EMPTY : value}
      onChange={(next) => next && onChange(next === EMPTY ? '' : next)}
    />
  );
}
