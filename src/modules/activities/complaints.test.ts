import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, useSetUpApp, type Browser } from '../../server/testing.ts';

describeEachDatabase('complaints on the timeline', (db) => {
  const t = useSetUpApp(db);
  let member: Browser;
  let customerId: string;
  beforeAll(async () => {
    member = await addUser(t.app, t.owner, 'member');
    customerId = (await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', name: 'Cora Complains' } })).json().id;
  });

  it('opens as open, is resolved by any writer with the resolution, and can be reopened', async () => {
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${customerId}/activities`, headers: as(t.owner), payload: { kind: 'complaint', body: 'The roses wilted in a day' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().complaint).toEqual({ status: 'open', resolution: null, resolvedAt: null, resolvedBy: null });
    const id = created.json().id;
    const bare = await t.app.inject({ method: 'PUT', url: `/api/v1/activities/${id}/complaint`, headers: as(member), payload: { status: 'resolved' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.fields[0]).toMatchObject({ path: 'resolution' });
    const resolved = await t.app.inject({ method: 'PUT', url: `/api/v1/activities/${id}/complaint`, headers: as(member), payload: { status: 'resolved', resolution: 'Replaced the bouquet' } });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().complaint).toMatchObject({ status: 'resolved', resolution: 'Replaced the bouquet', resolvedBy: expect.any(String) });
    expect(resolved.json().complaint.resolvedAt).toMatch(/^\d{4}-/);
    const timeline = (await t.app.inject({ url: `/api/v1/customers/${customerId}/activities`, headers: as(t.owner) })).json().items;
    expect(timeline[0].complaint.status).toBe('resolved');
    const reopened = await t.app.inject({ method: 'PUT', url: `/api/v1/activities/${id}/complaint`, headers: as(t.owner), payload: { status: 'open' } });
    expect(reopened.json().complaint).toEqual({ status: 'open', resolution: null, resolvedAt: null, resolvedBy: null });
  });

  it('has no status on other kinds', async () => {
    const note = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${customerId}/activities`, headers: as(t.owner), payload: { kind: 'note', body: 'Likes tulips' } });
    expect(note.json().complaint).toBeNull();
    const refused = await t.app.inject({ method: 'PUT', url: `/api/v1/activities/${note.json().id}/complaint`, headers: as(t.owner), payload: { status: 'resolved', resolution: 'x' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('activities.not_complaint');
  });
});
