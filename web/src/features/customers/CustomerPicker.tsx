import type { CustomerKind, CustomerRef } from '@contracts/customers.ts';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useT } from '../../i18n/i18nContext.ts';

type CustomerPickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: CustomerRef | null;
  onChange: (customer: CustomerRef | null) => void;
  /** Only people or only organisations. */
  kind?: CustomerKind;
  /** Customers that cannot be chosen (the customer being edited). */
  excludeIds?: readonly string[];
};

/** Picks a customer by typing part of a name, email or phone; the server does the searching. */
export function CustomerPicker({ value, onChange, kind, excludeIds = [], ...props }: CustomerPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Once a customer is picked, the box shows their name; searching for it again would only find them.
  const q = value && debounced === value.displayName ? '' : debounced;
  const query = { q: q || undefined, kind, limit: 20, sort: 'name' };
  const results = useQuery({
    queryKey: [...queryKeys.customerList(query), 'picker'],
    queryFn: ({ signal }) => api.customers.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const found: CustomerRef[] = (results.data?.items ?? []).filter((item) => !excludeIds.includes(item.id));
  const choices = value && !found.some((item) => item.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
      placeholder={t('customers.picker.placeholder')}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      {...props}
      data={choices.map((customer) => ({ value: customer.id, label: customer.displayName }))}
      // The server already filtered; the box must not filter again by label.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(choices.find((customer) => customer.id === id) ?? null)}
    />
  );
}
