import type { Attribute } from '@contracts/attributes.ts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconBookmarkPlus, IconCode, IconLayoutList } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { can } from '../auth/permissions.ts';
import { useSession } from '../auth/useSession.ts';
import { SegmentFormModal } from '../segments/SegmentFormModal.tsx';
import { useFilterLang } from '../segments/useSegments.ts';
import { SavedViewsControl } from '../views/SavedViewsControl.tsx';
import { AddFilterPopover } from './AddFilterPopover.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { FilterChips } from './FilterChips.tsx';
import { parseFilterText } from './filterErrors.ts';
import { chipsToFilterText, combineFilterTexts, filterTextToChips, type FilterTextLookups } from './filterText.ts';
import { FilterTextEditor } from './FilterTextEditor.tsx';
import { KindFilter } from './KindFilter.tsx';
import { ListSearchInput } from './ListSearchInput.tsx';
import { toListQuery, type ListState } from './listState.ts';
import { useFilterTextLookups } from './useFilterTextLookups.ts';

interface ListToolbarProps {
  state: ListState;
  attributes: readonly Attribute[];
  update: (patch: Partial<ListState>, options?: { replace?: boolean }) => void;
  replaceAll: (state: ListState) => void;
}

type Notice = 'textOnly' | 'kept' | null;

/** Search, kind, filters (chips or text), columns, saved views, export and "save as segment" of the customer list. */
export function ListToolbar({ state, attributes, update, replaceAll }: ListToolbarProps) {
  const t = useT();
  const lang = useFilterLang();
  const { user } = useSession();
  const lookups = useFilterTextLookups(state.filters);
  const [textMode, setTextMode] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  // A text filter (from a link, a segment) is shown as text until it turns into chips.
  const showText = textMode || state.filter.trim() !== '';
  const query = { ...toListQuery(state), ...(state.filter.trim() ? { lang } : {}) };

  const toText = () => {
    const { text, kept } = chipsToFilterText(state.filters, lookups);
    update({ filters: kept, filter: combineFilterTexts([text, state.filter]) });
    setNotice(kept.length > 0 ? 'kept' : null);
    setTextMode(true);
  };
  const toVisual = () => {
    if (state.filter.trim() === '') {
      setNotice(null);
      setTextMode(false);
      return;
    }
    const { tree, mistake } = parseFilterText(state.filter, lang);
    const chips = mistake ? null : filterTextToChips(tree, lookups);
    if (!chips) {
      setNotice('textOnly');
      return;
    }
    update({ filters: [...state.filters, ...chips], filter: '' });
    setNotice(null);
    setTextMode(false);
  };
  const active = state.filters.length > 0 || state.filter.trim() !== '' || state.tagId !== null || state.kind !== null;

  return (
    <Stack gap="sm" mb="md">
      <Group justify="space-between" gap="sm" align="flex-end">
        <Group gap="sm">
          <ListSearchInput value={state.q} onChange={(q) => update({ q }, { replace: true })} />
          <KindFilter value={state.kind} onChange={(kind) => update({ kind })} />
          <AddFilterPopover attributes={attributes} onAdd={(filter) => update({ filters: [...state.filters, filter] })} />
          <Button
            variant={showText ? 'light' : 'default'}
            leftSection={showText ? <IconLayoutList size={16} aria-hidden /> : <IconCode size={16} aria-hidden />}
            onClick={showText ? toVisual : toText}
            title={t(showText ? 'filterText.toVisualHint' : 'filterText.toTextHint')}
          >
            {t(showText ? 'filterText.toVisual' : 'filterText.toText')}
          </Button>
          <ColumnChooser columns={state.columns} attributes={attributes} onChange={(columns) => update({ columns })} />
        </Group>
        <Group gap="sm" align="flex-end">
          {can(user.role, 'writeCustomers') && active && (
            <Button variant="default" leftSection={<IconBookmarkPlus size={16} aria-hidden />} onClick={() => setSaving(true)}>
              {t('filterText.saveAsSegment')}
            </Button>
          )}
          <SavedViewsControl state={state} onApply={replaceAll} />
          <ExportMenu query={query} />
        </Group>
      </Group>
      {showText && <FilterTextEditor key={state.filter} value={state.filter} onApply={(filter) => update({ filter })} />}
      {notice && (
        <Alert variant="light" color={notice === 'textOnly' ? 'yellow' : 'gray'} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} py="xs">
          {t(`filterText.${notice}`)}
        </Alert>
      )}
      <FilterChips
        filters={state.filters} attributes={attributes} onChange={(filters) => update({ filters })}
        tagId={state.tagId}
        onClearTag={() => update({ tagId: null })}
      />
      {saving && (
        <SegmentFormModal
          opened
          onClose={() => setSaving(false)}
          segment={null}
          initialFilter={segmentFilterOf(state, lookups)}
          searchLeftOut={state.q.trim() !== ''}
        />
      )}
    </Stack>
  );
}

/** Everything that narrows the list, as one filter: kind, the tag, the chips and the text. */
function segmentFilterOf(state: ListState, lookups: FilterTextLookups): string {
  const tag = state.tagId ? lookups.tags.find((candidate) => candidate.id === state.tagId) : undefined;
  const extra = [...(state.kind ? [{ field: 'kind', op: 'eq' as const, value: state.kind }] : []), ...(tag ? [{ field: 'tag', op: 'eq' as const, value: tag.id }] : [])];
  const { text } = chipsToFilterText([...extra, ...state.filters], lookups);
  return combineFilterTexts([text, state.filter]);
}
