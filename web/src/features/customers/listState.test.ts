import { describe, expect, it } from 'vitest';
import type { SavedView } from '../../../../src/contracts/views.ts';
import {
  DEFAULT_COLUMNS,
  DEFAULT_LIST_STATE,
  isNarrowed,
  listStateToParams,
  matchesView,
  parseListState,
  stateFromView,
  toListQuery,
  viewDefinition,
  type ListState,
} from './listState.ts';

const state: ListState = {
  q: 'иванов',
  kind: 'person',
  tagId: 'tag1',
  filters: [
    { field: 'city', op: 'contains', value: 'Berlin' },
    { field: 'attr.industry', op: 'in', value: ['opt1', 'opt2'] },
  ],
  filter: '',
  sort: 'attr.size',
  order: 'desc',
  columns: ['name', 'attr.industry', 'completeness'],
  viewId: 'view1',
};

describe('list state in the address', () => {
  it('survives a round trip through the query string', () => {
    const query = listStateToParams(state).toString();
    expect(parseListState(new URLSearchParams(query))).toEqual(state);
  });

  it('leaves the defaults out of the address', () => {
    expect(listStateToParams(DEFAULT_LIST_STATE).toString()).toBe('');
    expect(parseListState(new URLSearchParams(''))).toEqual(DEFAULT_LIST_STATE);
  });

  it('ignores what it cannot read', () => {
    const parsed = parseListState(
      new URLSearchParams({ kind: 'robot', filters: '[{"field":"city","op":"near"},{"field":"name","op":"eq","value":"Ann"}]', sort: 'x;drop', cols: ',,' }),
    );
    expect(parsed.kind).toBeNull();
    expect(parsed.filters).toEqual([{ field: 'name', op: 'eq', value: 'Ann' }]);
    expect(parsed.sort).toBe('name');
    expect(parsed.columns).toEqual(DEFAULT_COLUMNS);
    expect(parseListState(new URLSearchParams({ filters: 'not json' })).filters).toEqual([]);
  });
});

describe('the text filter', () => {
  it('travels as `filter` in the address and the query, and narrows the list', () => {
    const withText: ListState = { ...DEFAULT_LIST_STATE, filter: 'segment = "Big spenders"' };
    expect(listStateToParams(withText).toString()).toBe('filter=segment+%3D+%22Big+spenders%22');
    expect(parseListState(listStateToParams(withText))).toEqual(withText);
    expect(toListQuery(withText).filter).toBe('segment = "Big spenders"');
    expect(toListQuery(DEFAULT_LIST_STATE).filter).toBeUndefined();
    expect(isNarrowed(withText)).toBe(true);
  });
});

describe('toListQuery', () => {
  it('sends filters as one JSON parameter and drops empty parts', () => {
    expect(toListQuery({ ...DEFAULT_LIST_STATE, q: '  ', filters: [{ field: 'kind', op: 'eq', value: 'person' }] })).toEqual({
      q: undefined,
      kind: undefined,
      tagId: undefined,
      filters: '[{"field":"kind","op":"eq","value":"person"}]',
      sort: 'name',
      order: 'asc',
    });
  });
});

describe('saved views', () => {
  const view: SavedView = { id: 'view1', name: 'Berlin', shared: false, mine: true, owner: null, definition: viewDefinition(state) };

  it('restores the state a view was saved from', () => {
    expect(stateFromView(view)).toEqual(state);
    expect(matchesView(state, view)).toBe(true);
    expect(matchesView({ ...state, order: 'asc' }, view)).toBe(false);
  });

  it('keeps a text filter in the view', () => {
    const withText = { ...state, filter: 'tier = gold or referred_by is set' };
    const saved: SavedView = { ...view, definition: viewDefinition(withText) };
    expect(saved.definition.filter).toBe('tier = gold or referred_by is set');
    expect(stateFromView(saved)).toEqual(withText);
    expect(matchesView(state, saved)).toBe(false);
  });

  it('knows when the list is narrowed', () => {
    expect(isNarrowed(DEFAULT_LIST_STATE)).toBe(false);
    expect(isNarrowed({ ...DEFAULT_LIST_STATE, kind: 'organisation' })).toBe(true);
  });
});
