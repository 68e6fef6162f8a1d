import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportUrl.ts';

describe('exportUrl', () => {
  it('carries the list query, without paging', () => {
    const url = new URL(exportUrl({ q: 'вера', kind: 'person', filters: '[{"field":"tag"}]', sort: 'name', order: 'desc', limit: 50, cursor: 'abc', tagId: undefined }, 'xlsx'), 'http://x');
    expect(url.pathname).toBe('/api/v1/customers/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'xlsx', q: 'вера', kind: 'person', filters: '[{"field":"tag"}]', sort: 'name', order: 'desc' });
  });
});
