import type { Attribute } from '@contracts/attributes.ts';
import { Group, Stack } from '@mantine/core';
import { SavedViewsControl } from '../views/SavedViewsControl.tsx';
import { AddFilterPopover } from './AddFilterPopover.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FilterChips } from './FilterChips.tsx';
import { KindFilter } from './KindFilter.tsx';
import { ListSearchInput } from './ListSearchInput.tsx';
import { toListQuery, type ListState } from './listState.ts';

interface ListToolbarProps {
  state: ListState;
  attributes: readonly Attribute[];
  update: (patch: Partial<ListState>, options?: { replace?: boolean }) => void;
  replaceAll: (state: ListState) => void;
}

/** Search, kind, filters, columns, saved views and export of the customer list. */
export function ListToolbar({ state, attributes, update, replaceAll }: ListToolbarProps) {
  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" gap="sm" align="flex-end">
        <Group gap="sm">
          <ListSearchInput value={state.q} onChange={(q) => update({ q }, { replace: true })} />
          <KindFilter value={state.kind} onChange={(kind) => update({ kind })} />
          <AddFilterPopover attributes={attributes} onAdd={(filter) => update({ filters: [...state.filters, filter] })} />
          <ColumnChooser columns={state.columns} attributes={attributes} onChange={(columns) => update({ columns })} />
        </Group>
        <Group gap="sm" align="flex-end">
          <SavedViewsControl state={state} onApply={replaceAll} />
          <ExportMenu query={toListQuery(state)} />
        </Group>
      </Group>
      <FilterChips
        filters={state.filters} attributes={attributes} onChange={(filters) => update({ filters })}
        tagId={state.tagId}
        onClearTag={() => update({ tagId: null })}
      />
    </Stack>
  );
}
