import { customerKindSchema, filterSchema, type CustomerKind, type Filter } from '@contracts/customers.ts';
import type { SavedView, ViewDefinition } from '@contracts/views.ts';
import type { CustomerListQuery } from '../../api/customersApi.ts';

/** What the customer list shows; kept in the address so a reload or a shared link keeps it. */
export interface ListState {
  q: string;
  kind: CustomerKind | null;
  tagId: string | null;
  filters: Filter[];
  /** A filter in the filter language (docs/filters.md); with the chips, both must hold. */
  filter: string;
  sort: string;
  order: 'asc' | 'desc';
  columns: string[];
  /** The saved view this state started from, if any. */
  viewId: string | null;
}

export const DEFAULT_COLUMNS: readonly string[] = ['name', 'kind', 'email', 'phone', 'organisation', 'tags', 'completeness'];

export const DEFAULT_LIST_STATE: ListState = {
  q: '',
  kind: null,
  tagId: null,
  filters: [],
  filter: '',
  sort: 'name',
  order: 'asc',
  columns: [...DEFAULT_COLUMNS],
  viewId: null,
};

const COLUMN_KEY = /^(?:attr\.)?[A-Za-z][\w]*$/;

export function parseListState(params: URLSearchParams): ListState {
  const kind = customerKindSchema.safeParse(params.get('kind'));
  const columns = (params.get('cols') ?? '').split(',').filter((key) => COLUMN_KEY.test(key));
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: kind.success ? kind.data : null,
    tagId: params.get('tag') || null,
    filters: parseFilters(params.get('filters')),
    filter: params.get('filter') ?? '',
    sort: COLUMN_KEY.test(sort) ? sort : DEFAULT_LIST_STATE.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    columns: columns.length > 0 ? unique(columns) : [...DEFAULT_COLUMNS],
    viewId: params.get('view') || null,
  };
}

/** The address for a state; defaults are left out so ordinary links stay short. */
export function listStateToParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.viewId) params.set('view', state.viewId);
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.kind) params.set('kind', state.kind);
  if (state.tagId) params.set('tag', state.tagId);
  if (state.filters.length > 0) params.set('filters', JSON.stringify(state.filters));
  if (state.filter.trim()) params.set('filter', state.filter.trim());
  if (state.sort !== DEFAULT_LIST_STATE.sort) params.set('sort', state.sort);
  if (state.order !== 'asc') params.set('order', state.order);
  if (!sameList(state.columns, DEFAULT_COLUMNS)) params.set('cols', state.columns.join(','));
  return params;
}

/** The API query for a state (the page size and cursor are added by the caller). */
export function toListQuery(state: ListState): CustomerListQuery {
  return {
    q: state.q.trim() || undefined,
    kind: state.kind ?? undefined,
    tagId: state.tagId ?? undefined,
    filters: state.filters.length > 0 ? JSON.stringify(state.filters) : undefined,
    filter: state.filter.trim() || undefined,
    sort: state.sort,
    order: state.order,
  };
}

export function stateFromView(view: SavedView): ListState {
  const { definition } = view;
  return {
    q: definition.q ?? '',
    kind: definition.kind ?? null,
    tagId: definition.tagId ?? null,
    filters: definition.filters,
    filter: definition.filter ?? '',
    sort: definition.sort,
    order: definition.order,
    columns: definition.columns.length > 0 ? [...definition.columns] : [...DEFAULT_COLUMNS],
    viewId: view.id,
  };
}

export function viewDefinition(state: ListState): ViewDefinition {
  return {
    columns: state.columns,
    filters: state.filters,
    sort: state.sort,
    order: state.order,
    ...(state.filter.trim() && { filter: state.filter.trim() }),
    ...(state.q.trim() && { q: state.q.trim() }),
    ...(state.kind && { kind: state.kind }),
    ...(state.tagId && { tagId: state.tagId }),
  };
}

/** Whether the list on screen still matches the saved view it came from. */
export function matchesView(state: ListState, view: SavedView): boolean {
  return JSON.stringify(viewDefinition(state)) === JSON.stringify(viewDefinition(stateFromView(view)));
}

/** Whether anything narrows the list (so an empty result means "no match", not "no customers"). */
export function isNarrowed(state: ListState): boolean {
  return state.q.trim() !== '' || state.kind !== null || state.tagId !== null || state.filters.length > 0 || state.filter.trim() !== '';
}

function parseFilters(raw: string | null): Filter[] {
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item) => {
      const filter = filterSchema.safeParse(item);
      return filter.success ? [filter.data] : [];
    });
  } catch {
    return [];
  }
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** A link to the customer list showing `patch` over the defaults, e.g. one filter and a few columns. */
export function listPath(patch: Partial<ListState>): string {
  const search = listStateToParams({ ...DEFAULT_LIST_STATE, ...patch }).toString();
  return search ? `/customers?${search}` : '/customers';
}
