import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { CODE_LEDGER_SQL, EXPECTED_CODES, seedCodes, writeCodedShopifyOrders } from './coded-orders.testing.ts';
import { inspectTransactionsFile } from './import-inspection.ts';
import { createImport, runImport } from './imports.usecases.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-codes-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeEachDatabase('the codes on an imported Shopify orders export', (db) => {
  const t = useSetUpApp(db, { timeZone: 'America/New_York', baseCurrency: 'USD' });
  const clock = fixedClock(new Date('2024-04-01T10:00:00Z'));
  const file = path.join(dir, `orders-${Math.random().toString(36).slice(2)}.csv`);
  beforeAll(async () => {
    writeCodedShopifyOrders(file);
    await seedCodes(db().db, clock, t.owner.workspaceId);
  });

  it('records the redemptions with their flags, links campaigns and the referral, and lists the unknown code with its purchases', async () => {
    const deps = { db: db().db, clock };
    const { settings, source } = await inspectTransactionsFile(deps, t.owner.workspaceId, file);
    expect(source?.id).toBe('shopify-orders');
    expect(settings.read.mapping.campaign).toBe('Discount Code');
    const record = await createImport(deps, t.owner.workspaceId, t.owner.userId, file, settings);
    const outcome = await runImport(deps, { workspaceId: t.owner.workspaceId, importId: record.id, actorId: t.owner.userId, filePath: file, settings, dryRun: false });
    expect(outcome.status).toBe('done');
    expect(outcome.counts.codes).toEqual(EXPECTED_CODES);
    const job = (await t.app.inject({ url: `/api/v1/imports/${record.id}`, headers: as(t.owner) })).json();
    expect(job.counts.codes).toEqual(EXPECTED_CODES);

    const redemptions = (await sql<{ order: string; code: string; flag: string | null }>`${sql.raw(CODE_LEDGER_SQL.redemptions)}`.execute(db().db)).rows;
    expect(redemptions).toEqual([{ order: '#1002', code: 'SPRING10', flag: null }, { order: '#1008', code: 'WINTER5', flag: 'expired' }]);
    const customers = (await sql<Record<string, string | null>>`${sql.raw(CODE_LEDGER_SQL.customers)}`.execute(db().db)).rows;
    expect(customers).toEqual([
      { name: 'Daniel Okafor', campaign: 'Spring', source: 'Instagram', referredBy: null },
      { name: 'Hannah Cho', campaign: 'Winter', source: null, referredBy: null },
      { name: 'Priya Nair', campaign: null, source: null, referredBy: 'Erin Referrer' },
    ]);
    // The codes stay on the purchases as written; the voided order redeemed nothing.
    const written = await db().db.selectFrom('transactions').select(['external_id', 'campaign']).where('workspace_id', '=', t.owner.workspaceId).where('campaign', 'is not', null).orderBy('external_id').execute();
    expect(written.filter((w) => w.external_id?.startsWith('#1001') || w.external_id?.startsWith('#1007'))).toEqual([{ external_id: '#1001', campaign: 'NOSUCH' }, { external_id: '#1007', campaign: 'nosuch' }]);
    expect(written.some((w) => w.external_id?.startsWith('#1006'))).toBe(false);
  });
});
