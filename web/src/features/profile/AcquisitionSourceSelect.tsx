import { Select, type SelectProps } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { sourceOptions } from '../sources/sourceGroups.ts';
import { useSources } from '../sources/useSources.ts';

/** The choice that makes the source unknown again (no source id looks like it). */
const UNKNOWN = '(unknown)';

type AcquisitionSourceSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  /** Null: unknown. */
  value: string | null;
  onChange: (sourceId: string | null) => void;
};

/** A source grouped by channel, searchable, with "Unknown" first: a source is never guessed. */
export function AcquisitionSourceSelect({ value, onChange, ...props }: AcquisitionSourceSelectProps) {
  const t = useT();
  const sources = useSources();
  return (
    <Select
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      {...props}
      allowDeselect={false}
      disabled={props.disabled || sources.isPending}
      data={[{ group: t('acquisition.form.noSourceGroup'), items: [{ value: UNKNOWN, label: t('acquisition.unknown') }] }, ...sourceOptions(sources.data ?? [])]}
      value={value ?? UNKNOWN}
      onChange={(next) => onChange(next === null || next === UNKNOWN ? null : next)}
    />
  );
}
