import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';

describeEachDatabase('campaigns and coupon codes', (db) => {
  const t = useSetUpApp(db);
  let w: Browser;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(w), ...(payload !== undefined && { payload: payload as object }) });
  const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
    const r = await call(method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const person = async (name: string) => (await ok('POST', '/customers', { kind: 'person', name })).id as string;
  const buy = (customerId: string, occurredAt: string, amountMinor: number, campaign?: string) => ok('POST', `/customers/${customerId}/transactions`, { occurredAt, amountMinor, ...(campaign && { campaign }) });

  beforeAll(async () => {
    w = await newWorkspace(t.app, db(), { baseCurrency: 'EUR', timeZone: 'Europe/Berlin' });
  });

  it('creates a campaign with cost lines and codes, and totals its cost', async () => {
    const c = await ok('POST', '/campaigns', {
      name: 'Summer market', startsOn: '2025-06-01', endsOn: '2025-08-31',
      costs: [{ spentOn: '2025-06-01', amountMinor: 15_000, description: 'Stand' }, { spentOn: '2025-07-01', amountMinor: 2_550, description: 'Gifts' }],
      codes: [{ code: 'SUN5', validFrom: '2025-06-01', validUntil: '2025-08-31', maxUses: 1 }],
    });
    expect(c).toMatchObject({ name: 'Summer market', costMinor: 17_550, currency: 'EUR', customers: 0, redemptions: 0 });
    expect(c.costs.map((k: { amountMinor: number }) => k.amountMinor)).toEqual([15_000, 2_550]);
    expect(c.codes).toEqual([expect.objectContaining({ code: 'SUN5', validFrom: '2025-06-01', validUntil: '2025-08-31', maxUses: 1, uses: 0, flagged: 0 })]);
    const again = await call('POST', '/campaigns', { name: 'summer  MARKET' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('campaigns.name_taken');
  });

  it('refuses a cost in a currency the workspace cannot convert, saying which and what to do', async () => {
    const r = await call('POST', '/campaigns', { name: 'Dollar ads', costs: [{ spentOn: '2025-06-01', amountMinor: 100, currency: 'EUR' }, { spentOn: '2025-06-02', amountMinor: 500, currency: 'USD' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'campaigns.currency_unconvertible', message: 'Cost line 2 is in USD, but this workspace keeps its money in EUR and has no rate to convert it: enter the cost in EUR' });
    expect(r.json().error.details.fields[0].path).toBe('costs.1.currency');
    // Nothing half-written: the campaign itself is not there either.
    expect((await ok('GET', '/campaigns')).items.map((c: { name: string }) => c.name)).not.toContain('Dollar ads');
  });

  it('records redemptions whatever the case, flags one past its limit or dates, and never loses one', async () => {
    const { id } = (await ok('GET', '/campaigns')).items.find((c: { name: string }) => c.name === 'Summer market');
    const [a, b, c] = [await person('Uma Early'), await person('Vic Second'), await person('Wes Late')];
    await buy(a, '2025-06-10T09:00:00Z', 4_000, 'sun5');
    await buy(b, '2025-06-11T09:00:00Z', 3_000, 'SUN5'); // the second use of a one-use code
    await buy(c, '2025-09-01T09:00:00Z', 2_000, ' Sun5 '); // after 2025-08-31 in Berlin: expired, which does not use up the limit
    const detail = await ok('GET', `/campaigns/${id}`);
    expect(detail).toMatchObject({ customers: 3, redemptions: 3 });
    expect(detail.codes[0]).toMatchObject({ uses: 3, flagged: 2 });
    const flags = (await ok('GET', `/campaigns/${id}/redemptions`)).items.map((r: { customerName: string; flag: string | null; amountMinor: number }) => [r.customerName, r.flag, r.amountMinor]);
    expect(flags).toEqual([['Wes Late', 'expired', 2_000], ['Vic Second', 'over_limit', 3_000], ['Uma Early', null, 4_000]]);
  });

  it('flags a use before the code is valid, and one after it expired', async () => {
    const c = await ok('POST', '/campaigns', { name: 'Autumn', codes: [{ code: 'FALL-1', validFrom: '2025-09-01', validUntil: '2025-09-30' }] });
    const x = await person('Xena Dates');
    // 2025-08-31T22:30Z is 00:30 on 09-01 in Berlin: valid. 2025-09-30T22:30Z is 10-01 there: expired.
    await buy(x, '2025-08-31T21:30:00Z', 1_000, 'FALL-1');
    await buy(x, '2025-08-31T22:30:00Z', 1_000, 'FALL-1');
    await buy(x, '2025-09-30T22:30:00Z', 1_000, 'FALL-1');
    const flags = (await ok('GET', `/campaigns/${c.id}/redemptions`)).items.map((r: { redeemedAt: string; flag: string | null }) => [r.redeemedAt, r.flag]);
    expect(flags).toEqual([['2025-09-30T22:30:00.000Z', 'expired'], ['2025-08-31T22:30:00.000Z', null], ['2025-08-31T21:30:00.000Z', 'not_yet_valid']]);
  });

  it('links purchases that carried a code before the code existed, and the customer to the campaign and its source', async () => {
    const y = await person('Yan Before');
    await buy(y, '2025-05-01T09:00:00Z', 2_500, 'RADIO-MAY');
    const flyer = ((await ok('GET', '/sources')).items as { id: string; name: string }[]).find((s) => s.name === 'Radio')!;
    const c = await ok('POST', '/campaigns', { name: 'Radio spot', sourceId: flyer.id });
    const added = await ok('POST', `/campaigns/${c.id}/codes`, { code: 'RADIO-MAY' });
    expect(added).toMatchObject({ added: ['RADIO-MAY'], linked: { redeemed: 1, overLimit: 0, unknown: [] } });
    expect(await ok('GET', `/customers/${y}/acquisition`)).toMatchObject({ source: { name: 'Radio', channel: 'Offline' } });
    const history = (await ok('GET', `/customers/${y}/history`)).items.map((h: { field: string | null; newValue: string | null }) => [h.field, h.newValue]);
    expect(history).toEqual(expect.arrayContaining([['campaign', 'Radio spot'], ['source', 'Offline → Radio']]));
  });

  it('generates a batch of unique codes, takes a list, and refuses codes that exist', async () => {
    const c = await ok('POST', '/campaigns', { name: 'Newsletter' });
    const batch = await ok('POST', `/campaigns/${c.id}/code-batches`, { count: 50, prefix: 'nl', maxUses: 1 });
    expect(batch.added).toHaveLength(50);
    expect(new Set(batch.added).size).toBe(50);
    for (const code of batch.added) expect(code).toMatch(/^NL-[A-HJKMNP-Z2-9]{6}$/);
    const list = await ok('POST', `/campaigns/${c.id}/code-batches`, { codes: ['LIST-A', 'LIST-B'] });
    expect(list.added).toEqual(['LIST-A', 'LIST-B']);
    const taken = await call('POST', `/campaigns/${c.id}/code-batches`, { codes: ['list-a', 'LIST-C'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'campaigns.code_taken', details: { codes: ['LIST-A'] } });
    const repeated = await call('POST', `/campaigns/${c.id}/code-batches`, { codes: ['DUP-1', 'dup-1'] });
    expect(repeated.json().error.message).toBe('Code dup-1 is in the list twice (items 1 and 2)');
    const detail = await ok('GET', `/campaigns/${c.id}`);
    expect(detail.codes).toHaveLength(52);
    expect(new Set(detail.codes.map((k: { batchId: string }) => k.batchId)).size).toBe(2);
  });

  it('links a purchase to a campaign by its name, and deletes a campaign keeping its purchases', async () => {
    const z = await person('Zoe Named');
    const c = await ok('POST', '/campaigns', { name: 'Open day' });
    const sale = await buy(z, '2025-10-01T09:00:00Z', 1_200, 'open day');
    expect((await ok('GET', '/campaigns')).items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ customers: 1, redemptions: 0 });
    await ok('DELETE', `/campaigns/${c.id}`);
    const purchases = (await ok('GET', `/customers/${z}/transactions`)).items;
    expect(purchases.map((p: { id: string; campaign: string }) => [p.id, p.campaign])).toEqual([[sale.id, 'open day']]);
    expect((await call('GET', `/campaigns/${c.id}`)).statusCode).toBe(404);
  });

  it('sets a customer\'s campaign by hand, with history, and refuses an unknown one', async () => {
    const c = await ok('POST', '/campaigns', { name: 'Shop window' });
    const q = await person('Quinn Manual');
    expect(await ok('PUT', `/customers/${q}/acquisition`, { sourceId: null, campaignId: c.id })).toEqual({ source: null, acquiredOn: null, campaign: { id: c.id, name: 'Shop window' } });
    const history = (await ok('GET', `/customers/${q}/history`)).items.map((h: { field: string | null; newValue: string | null }) => [h.field, h.newValue]);
    expect(history).toContainEqual(['campaign', 'Shop window']);
    const bad = await call('PUT', `/customers/${q}/acquisition`, { sourceId: null, campaignId: 'no-such' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('campaigns.unknown');
  });

  it('keeps each workspace to its own campaigns', async () => {
    const other = await newWorkspace(t.app, db(), { workspaceName: 'Other shop' });
    const mine = (await ok('GET', '/campaigns')).items[0];
    const r = await t.app.inject({ url: `/api/v1/campaigns/${mine.id}`, headers: as(other) });
    expect(r.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/campaigns', headers: as(other) })).json().items).toEqual([]);
  });
});
