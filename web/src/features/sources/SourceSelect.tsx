import { Select, type SelectProps } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { sourceOptions } from './sourceGroups.ts';
import { useSources } from './useSources.ts';

type SourceSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (sourceId: string | null) => void;
  /** Left out of the list: the source being merged or deleted. */
  except?: string;
};

/** A source, grouped by channel, searchable. */
export function SourceSelect({ value, onChange, except, ...props }: SourceSelectProps) {
  const t = useT();
  const sources = useSources();
  return (
    <Select
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={300}
      comboboxProps={{ withinPortal: true }}
      {...props}
      disabled={props.disabled || sources.isPending}
      data={sourceOptions(sources.data ?? [], except)}
      value={value}
      onChange={(next) => onChange(next)}
    />
  );
}
