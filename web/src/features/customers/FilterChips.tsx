import type { Attribute } from '@contracts/attributes.ts';
import type { Filter } from '@contracts/customers.ts';
import { Button, Group } from '@mantine/core';
import { useT } from '../../i18n/i18nContext.ts';
import { FilterChip } from './FilterChip.tsx';
import { fieldOf, filterFields } from './filterModel.ts';
import { useColumnLabel } from './useColumnLabel.ts';

interface FilterChipsProps {
  filters: readonly Filter[];
  attributes: readonly Attribute[];
  onChange: (filters: Filter[]) => void;
  /** A tag the list is narrowed to outside the filters (a saved view's or a link's `tag`). */
  tagId: string | null;
  onClearTag: () => void;
}

/** The active filters as removable chips, and a way to clear them all. */
export function FilterChips({ filters, attributes, onChange, tagId, onClearTag }: FilterChipsProps) {
  const t = useT();
  const label = useColumnLabel(attributes);
  if (filters.length === 0 && tagId === null) return null;
  const fields = filterFields(attributes);
  return (
    <Group gap="xs" aria-label={t('filters.active')} role="group">
      {tagId !== null && (
        <FilterChip filter={{ field: 'tag', op: 'eq', value: tagId }} field={fieldOf('tag', fields)} fieldLabel={label('tag')} onRemove={onClearTag} />
      )}
      {filters.map((filter, index) => (
        <FilterChip
          key={`${filter.field}-${filter.op}-${index}`}
          filter={filter}
          field={fieldOf(filter.field, fields)}
          fieldLabel={label(filter.field)}
          onRemove={() => onChange(filters.filter((_, other) => other !== index))}
        />
      ))}
      {filters.length > 1 && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange([])}>
          {t('filters.clearAll')}
        </Button>
      )}
    </Group>
  );
}
