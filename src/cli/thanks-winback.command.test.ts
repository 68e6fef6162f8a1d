import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { as, browserFrom, createTestApp, setupBody } from '../server/testing.ts';
import { rapport } from './testing.ts';

/** `rapport thanks owed` and `rapport winback`, text and --json, on a workspace made through the API. */
describe('rapport thanks owed / rapport winback', () => {
  let dir: string;
  let env: Record<string, string>;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-thanks-cli-'));
    env = { RAPPORT_DATA_DIR: dir };
    const database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrateToLatest(database);
    const app = await createTestApp(database);
    const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    const create = async (name: string) => (await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', name } })).json().id as string;
    const nora = await create('Nora Fielding');
    const owen = await create('Owen Marsh');
    await database.db.updateTable('customers').set({ referred_by_id: nora }).where('id', '=', owen).execute();
    await app.inject({ method: 'POST', url: `/api/v1/customers/${owen}/transactions`, headers: as(owner), payload: { occurredAt: yesterday, amountMinor: 2_500 } });
    await database.db.insertInto('customer_metrics').values({
      workspace_id: owner.workspaceId, customer_id: nora, computed_at: new Date().toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: 120_000, revenue_lifetime: 300_000,
      revenue_prior_365: 0, purchases: 6, tier: 'gold', previous_tier: 'gold', tier_value: 120_000, clv: null, lapse_state: 'lapsed', lapse_gap_days: 40, lapse_gap_source: 'own', days_since_last: 130,
    } as never).execute();
    await app.close();
    await database.close();
  }, 60_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the thanks owed', async () => {
    const text = await rapport(['thanks', 'owed'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Nora Fielding\s+referral bought\s+\d{4}-\d{2}-\d{2}\s+referred Owen Marsh/);
    expect(text.stdout).toMatch(/Owen Marsh\s+first purchase/);
    expect(text.stdout).toContain('2 owed');
    const json = await rapport(['thanks', 'owed', '--json'], env);
    expect(JSON.parse(json.stdout).items.map((o: { customerName: string; rule: string }) => `${o.customerName}/${o.rule}`).toSorted()).toEqual(['Nora Fielding/referral_bought', 'Owen Marsh/first_purchase']);
  });

  it('prints the win-back queue', async () => {
    const text = await rapport(['winback'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Nora Fielding\s+gold\s+lapsed\s+40 d\s+130/);
    expect(text.stdout).toContain('1 customers, 1200.00 EUR at stake');
    const json = JSON.parse((await rapport(['winback', '--json'], env)).stdout);
    expect(json).toMatchObject({ currency: 'EUR', valueAtStakeMinor: 120_000, items: [{ name: 'Nora Fielding', tier: 'gold', lapseState: 'lapsed', valueBasis: 'revenue' }] });
  });
});
