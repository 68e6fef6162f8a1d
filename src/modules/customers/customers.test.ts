import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';

describeEachDatabase('customer list pagination', (db) => {
  const t = useSetUpApp(db);
  // Deliberate ties on the name: the cursor must still visit each customer exactly once.
  const names = ['Zoe', 'Adam', 'Adam', 'Adam', 'Bella', 'Chen', 'Chen', 'Dmitri', 'Eve', 'Farida', 'Gus'];

  beforeAll(async () => {
    for (const displayName of names) {
      await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', name: displayName } });
    }
  });

  it('walks every customer once, in name order, three at a time', async () => {
    const seen: { id: string; displayName: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = (await t.app.inject({ url: `/api/v1/customers${query}`, headers: as(t.owner) })).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.map((c) => c.displayName)).toEqual(names.toSorted());
    expect(new Set(seen.map((c) => c.id)).size).toBe(names.length);
  });

  it('refuses a cursor it did not issue, and a limit out of range', async () => {
    const bad = await t.app.inject({ url: '/api/v1/customers?cursor=garbage', headers: as(t.owner) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('pagination.bad_cursor');
    const limit = await t.app.inject({ url: '/api/v1/customers?limit=5000', headers: as(t.owner) });
    expect(limit.json().error.details.fields[0]).toMatchObject({ path: 'limit', code: 'too_big', params: { maximum: 500 } });
  });
});
