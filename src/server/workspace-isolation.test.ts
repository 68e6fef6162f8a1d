import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.ts';
import { addUser, as, createTestApp, newWorkspace, setupBody, browserFrom, type Browser } from './testing.ts';
import type { App } from './types.ts';

/**
 * A user of workspace A must get 404 — not 403, not B's data — for every record of
 * workspace B, on every route that takes a record id.
 */
/** Bodies that pass validation, so the request reaches the workspace check. */
let aCustomerId = '';
function validBody(route: string): Record<string, unknown> {
  const bodies: Record<string, Record<string, unknown>> = {
    'PATCH /api/v1/customers/:customerId': { version: 1, notes: 'from A' },
    'POST /api/v1/customers/:customerId/employments': { organisationId: aCustomerId },
    'POST /api/v1/customers/:customerId/merge': { otherId: aCustomerId, version: 1, otherVersion: 1 },
    'POST /api/v1/customers/:customerId/activities': { kind: 'note', body: 'from A' },
    'POST /api/v1/customers/:customerId/transactions': { occurredAt: '2026-01-02T10:00:00Z', amountMinor: 100 },
    'PUT /api/v1/customers/:customerId/acquisition': { sourceId: null },
    'POST /api/v1/sources/:sourceId/merge': { intoId: 'nothing' },
    'PUT /api/v1/customers/:customerId/referrer': { referrerId: null },
    'POST /api/v1/customers/:customerId/reasons': { reasonId: 'nothing' },
    'PUT /api/v1/customers/:customerId/lost': { reasonId: 'nothing' },
    'PATCH /api/v1/reasons/:reasonId': { name: 'from A' },
    'POST /api/v1/reasons/:reasonId/merge': { intoId: 'nothing' },
    'PATCH /api/v1/campaigns/:campaignId': { name: 'from A' },
    'POST /api/v1/campaigns/:campaignId/costs': { spentOn: '2026-01-02', amountMinor: 100 },
    'POST /api/v1/campaigns/:campaignId/codes': { code: 'FROM-A' },
    'POST /api/v1/campaigns/:campaignId/code-batches': { count: 1 },
    'POST /api/v1/imports/:importId/resubmit': { rows: [{ row: 2, cells: ['A1', '2026-01-02', '1.00'] }] },
    'POST /api/v1/customers/:customerId/thank-yous': { kind: 'note', occasion: 'other' },
    'POST /api/v1/thanks/owed/:owedId/dismiss': { reason: 'from A' },
    'POST /api/v1/customers/:customerId/winback': { action: 'call' },
    'POST /api/v1/customers/:customerId/surveys': { kind: 'choose' },
    'PUT /api/v1/activities/:activityId/complaint': { status: 'open' },
    'PATCH /api/v1/follow-ups/:followUpId': { note: 'from A' },
    'POST /api/v1/follow-ups/:followUpId/skip': { reason: 'from A' },
    'POST /api/v1/follow-ups/:followUpId/snooze': { days: 1 },
    'POST /api/v1/customers/:customerId/follow-ups': { dueOn: '2026-01-02' },
    'PATCH /api/v1/segments/:segmentId': { name: 'from A' },
  };
  return bodies[route] ?? {};
}

describeEachDatabase('workspace isolation', (db) => {
  let app: App;
  let a: Browser;
  const bRecords: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp(db());
    a = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    const b = await newWorkspace(app, db(), { workspaceName: 'Other business' });
    const bMember = await addUser(app, b, 'member');
    bRecords.userId = bMember.userId;
    const key = await app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: as(b), payload: { name: 'B key', scope: 'read' } });
    bRecords.apiKeyId = key.json().id;
    const customer = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(b), payload: { kind: 'person', name: 'B customer' } });
    bRecords.customerId = customer.json().id;
    const org = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(b), payload: { kind: 'organisation', name: 'B org' } });
    const employment = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/employments`, headers: as(b), payload: { organisationId: org.json().id } });
    bRecords.employmentId = employment.json().id;
    const tag = await app.inject({ method: 'POST', url: '/api/v1/tags', headers: as(b), payload: { name: 'B tag' } });
    bRecords.tagId = tag.json().id;
    bRecords.sourceId = (await app.inject({ url: '/api/v1/sources', headers: as(b) })).json().items[0].id;
    bRecords.reasonId = (await app.inject({ url: '/api/v1/reasons', headers: as(b) })).json().items[0].id;
    const reasons = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/reasons`, headers: as(b), payload: { reasonId: bRecords.reasonId, words: 'B secret words' } });
    bRecords.entryId = reasons.json().items[0].id;
    const campaign = (await app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: as(b), payload: { name: 'B campaign', costs: [{ spentOn: '2026-01-01', amountMinor: 500 }], codes: [{ code: 'B-CODE' }] } })).json();
    bRecords.campaignId = campaign.id;
    bRecords.costId = campaign.costs[0].id;
    bRecords.codeId = campaign.codes[0].id;
    const attributes = await app.inject({ url: '/api/v1/attributes', headers: as(b) });
    bRecords.attributeId = attributes.json().items[0].id;
    const activity = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/activities`, headers: as(b), payload: { kind: 'note', body: 'B secret note' } });
    bRecords.activityId = activity.json().id;
    const view = await app.inject({ method: 'POST', url: '/api/v1/views', headers: as(b), payload: { name: 'B view', shared: true, definition: { columns: ['name'] } } });
    bRecords.viewId = view.json().id;
    const sale = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/transactions`, headers: as(b), payload: { occurredAt: '2026-01-02T10:00:00Z', amountMinor: 12345 } });
    bRecords.transactionId = sale.json().id;
    const uploaded = await app.inject({ method: 'POST', url: '/api/v1/imports/uploads?name=b.csv', headers: { ...as(b), 'content-type': 'application/octet-stream' }, payload: Buffer.from('Customer ID,Date,Amount\nB1,2026-01-02,10.00\n') });
    const { settings } = (await app.inject({ method: 'POST', url: '/api/v1/imports/inspect', headers: as(b), payload: { uploadId: uploaded.json().uploadId } })).json();
    const job = await app.inject({ method: 'POST', url: '/api/v1/imports', headers: as(b), payload: { uploadId: uploaded.json().uploadId, settings } });
    bRecords.importId = job.json().id;
    for (const [name, id] of Object.entries(bRecords)) if (!id) throw new Error(`could not create B's ${name}`);
    const thanks = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/thank-yous`, headers: as(b), payload: { kind: 'gift', occasion: 'purchase', note: 'B secret gift' } });
    bRecords.thankYouId = thanks.json().id;
    bRecords.owedId = (await app.inject({ url: '/api/v1/thanks/owed', headers: as(b) })).json().items[0]?.id;
    if (!bRecords.owedId) {
      bRecords.owedId = '01900000-0000-7000-8000-00000000b0ed';
      await db().db.insertInto('owed_thanks').values({
        workspace_id: b.workspaceId, id: bRecords.owedId, customer_id: bRecords.customerId!, rule: 'first_purchase', occasion_key: `first:${bRecords.customerId}`, occurred_on: '2026-01-02',
        detail: '{}', status: 'owed', dismiss_reason: null, thank_you_id: null, resolved_at: null, resolved_by: null, created_at: new Date().toISOString(),
      }).execute();
    }
    const followUp = await app.inject({ method: 'POST', url: `/api/v1/customers/${bRecords.customerId}/follow-ups`, headers: as(b), payload: { dueOn: '2026-01-02', note: 'B secret follow-up' } });
    bRecords.followUpId = followUp.json().id;
    const segment = await app.inject({ method: 'POST', url: '/api/v1/segments', headers: as(b), payload: { name: 'B secret segment', filter: 'name contains secret' } });
    bRecords.segmentId = segment.json().id;
    // A has records of its own, so an empty answer cannot pass for isolation.
    aCustomerId = (await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(a), payload: { kind: 'person', name: 'A customer' } })).json().id;
  });
  afterAll(async () => {
    await app.close();
  });

  /**
   * Route parameters that name no record: a template's purpose and language (every workspace has
   * its own, chosen by the caller's workspace), and the public unsubscribe token (the token is the
   * capability; its workspace comes from the token's row — tested in email.test.ts).
   */
  const NOT_RECORD_PARAMS = new Set(['purpose', 'locale', 'token']);

  it('has a workspace-B record for every kind of id a route takes', () => {
    const params = new Set(app.routeTable.flatMap((r) => [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)));
    const missing = [...params].filter((p) => !(p in bRecords) && !NOT_RECORD_PARAMS.has(p));
    expect(missing).toEqual([]);
  });

  it("answers 404 to A for each of B's records on every route with an id", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, url } of app.routeTable) {
      if (!url.includes(':') || method === 'HEAD' || [...url.matchAll(/:([A-Za-z]+)/g)].some((m) => NOT_RECORD_PARAMS.has(m[1]!))) continue;
      const target = url.replace(/:([A-Za-z]+)/g, (_, name: string) => bRecords[name]!);
      const response = await app.inject({ method: method as 'GET', url: target, headers: as(a), payload: method === 'GET' || method === 'DELETE' ? undefined : validBody(`${method} ${url}`) });
      checked++;
      if (response.statusCode !== 404) failures.push(`${method} ${url} → ${response.statusCode} ${response.body.slice(0, 120)}`);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(failures).toEqual([]);
  });

  it("never lists B's records to A", async () => {
    const customers = (await app.inject({ url: '/api/v1/customers', headers: as(a) })).json();
    expect(customers.items.map((c: { displayName: string }) => c.displayName)).toEqual(['A customer']);
    const users = (await app.inject({ url: '/api/v1/users', headers: as(a) })).json();
    expect(users.items).toHaveLength(1);
    expect(users.items[0].id).toBe(a.userId);
    expect((await app.inject({ url: '/api/v1/api-keys', headers: as(a) })).json().items).toEqual([]);
    expect((await app.inject({ url: '/api/v1/workspace', headers: as(a) })).json().name).toBe('Acme Flowers');
  });

  it("leaves B's records untouched after A's attempts", async () => {
    const b = await db().db.selectFrom('customers').select('display_name').where('id', '=', bRecords.customerId!).executeTakeFirstOrThrow();
    expect(b.display_name).toBe('B customer');
    const key = await db().db.selectFrom('api_keys').select('revoked_at').where('id', '=', bRecords.apiKeyId!).executeTakeFirstOrThrow();
    expect(key.revoked_at).toBeNull();
  });
});
