import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { addUser, as, useSetUpApp } from '../../server/testing.ts';

describeEachDatabase('purchases on a profile', (db) => {
  const t = useSetUpApp(db);
  let customerId: string;
  const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/customers/${customerId}/transactions`, headers: as(t.owner), payload });

  beforeAll(async () => {
    customerId = (await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', name: 'Ada Buyer' } })).json().id;
  });

  it('records sales and refunds in exact minor units; refunds count negative', async () => {
    const sale = await post({ occurredAt: '2026-03-05T10:00:00Z', amountMinor: 72_100, externalId: 'A-1001', lines: [{ description: 'Tea', quantity: 2, unitPrice: '150.50', amountMinor: 30_100 }, { description: 'Coffee', quantity: 1, unitPrice: '420', amountMinor: 42_000 }] });
    expect(sale.statusCode).toBe(201);
    expect(sale.json()).toMatchObject({ kind: 'sale', amountMinor: 72_100, currency: 'EUR', source: 'manual', lines: [{ description: 'Tea', amountMinor: 30_100 }, { description: 'Coffee', amountMinor: 42_000 }] });
    const refund = await post({ kind: 'refund', occurredAt: '2026-04-01T09:00:00Z', amountMinor: 15_050, note: 'Returned one tea' });
    expect(refund.json()).toMatchObject({ kind: 'refund', amountMinor: -15_050 });
    await post({ occurredAt: '2026-04-20T09:00:00Z', amountMinor: 1_000 });

    const page = (await t.app.inject({ url: `/api/v1/customers/${customerId}/transactions?limit=2`, headers: as(t.owner) })).json();
    expect(page.items.map((i: { amountMinor: number }) => i.amountMinor)).toEqual([1_000, -15_050]);
    const next = (await t.app.inject({ url: `/api/v1/customers/${customerId}/transactions?limit=2&cursor=${page.nextCursor}`, headers: as(t.owner) })).json();
    expect(next.items.map((i: { amountMinor: number }) => i.amountMinor)).toEqual([72_100]);
    expect(next.nextCursor).toBeNull();

    const spend = (await t.app.inject({ url: `/api/v1/customers/${customerId}/spend`, headers: as(t.owner) })).json();
    expect(spend.items).toEqual([
      { month: '2026-03', currency: 'EUR', amountMinor: 72_100, purchases: 1 },
      { month: '2026-04', currency: 'EUR', amountMinor: -14_050, purchases: 1 },
    ]);
    const profile = (await t.app.inject({ url: `/api/v1/customers/${customerId}`, headers: as(t.owner) })).json();
    expect(profile).toMatchObject({ firstPurchaseAt: '2026-03-05T10:00:00.000Z', lastPurchaseAt: '2026-04-20T09:00:00.000Z' });
  });

  it('refuses lines that do not add up, a taken external id, and unknown currencies, naming the field', async () => {
    const mismatch = await post({ occurredAt: '2026-05-01T10:00:00Z', amountMinor: 500, lines: [{ description: 'x', amountMinor: 400 }] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details.fields[0]).toMatchObject({ path: 'lines', message: 'The lines must add up to the amount' });
    const taken = await post({ occurredAt: '2026-05-01T10:00:00Z', amountMinor: 500, externalId: 'A-1001' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('transactions.external_id_taken');
    const currency = await post({ occurredAt: '2026-05-01T10:00:00Z', amountMinor: 500, currency: 'XYZ' });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().error.details.fields[0].path).toBe('currency');
  });

  it('moves purchases to the survivor of a merge, and deleting one updates the key dates', async () => {
    const other = (await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', name: 'Ada B.' } })).json();
    const early = (await t.app.inject({ method: 'POST', url: `/api/v1/customers/${other.id}/transactions`, headers: as(t.owner), payload: { occurredAt: '2025-12-24T10:00:00Z', amountMinor: 2_500 } })).json();
    const survivor = (await t.app.inject({ url: `/api/v1/customers/${customerId}`, headers: as(t.owner) })).json();
    const merged = await t.app.inject({ method: 'POST', url: `/api/v1/customers/${customerId}/merge`, headers: as(t.owner), payload: { otherId: other.id, version: survivor.version, otherVersion: other.version } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ firstPurchaseAt: '2025-12-24T10:00:00.000Z' });
    const all = (await t.app.inject({ url: `/api/v1/customers/${customerId}/transactions`, headers: as(t.owner) })).json();
    expect(all.items).toHaveLength(4);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/transactions/${early.id}`, headers: as(t.owner) })).statusCode).toBe(200);
    const after = (await t.app.inject({ url: `/api/v1/customers/${customerId}`, headers: as(t.owner) })).json();
    expect(after.firstPurchaseAt).toBe('2026-03-05T10:00:00.000Z');
  });

  it('lets a viewer read purchases but not record them', async () => {
    const viewer = await addUser(t.app, t.owner, 'viewer');
    expect((await t.app.inject({ url: `/api/v1/customers/${customerId}/transactions`, headers: as(viewer) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/customers/${customerId}/transactions`, headers: as(viewer), payload: { occurredAt: '2026-05-01T10:00:00Z', amountMinor: 1 } })).statusCode).toBe(403);
  });
});
