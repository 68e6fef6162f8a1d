import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, browserFrom, createTestApp, setupBody, type Browser } from '../../server/testing.ts';
import type { App } from '../../server/types.ts';

describeEachDatabase('customer list pagination', (db) => {
  let app: App;
  let owner: Browser;
  // Deliberate ties on the name: the cursor must still visit each customer exactly once.
  const names = ['Zoe', 'Adam', 'Adam', 'Adam', 'Bella', 'Chen', 'Chen', 'Dmitri', 'Eve', 'Farida', 'Gus'];

  beforeAll(async () => {
    app = await createTestApp(db());
    owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    for (const displayName of names) {
      await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', displayName } });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('walks every customer once, in name order, three at a time', async () => {
    const seen: { id: string; displayName: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = (await app.inject({ url: `/api/v1/customers${query}`, headers: as(owner) })).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.map((c) => c.displayName)).toEqual([...names].sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(names.length);
  });

  it('refuses a cursor it did not issue, and a limit out of range', async () => {
    const bad = await app.inject({ url: '/api/v1/customers?cursor=garbage', headers: as(owner) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('pagination.bad_cursor');
    const limit = await app.inject({ url: '/api/v1/customers?limit=5000', headers: as(owner) });
    expect(limit.json().error.details.fields[0]).toMatchObject({ path: 'limit', code: 'too_big', params: { maximum: 500 } });
  });
});
