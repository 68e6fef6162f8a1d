import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { addUser, as, browserFrom, createTestApp, setupBody } from '../server/testing.ts';
import { systemClock } from '../shared/clock.ts';
import { addDays, dayIn } from '../shared/days.ts';
import { newId } from '../shared/ids.ts';
import { rapport } from './testing.ts';

/** `rapport today`: text, --json, --user, on a workspace made through the API. */
describe('rapport today', () => {
  let dir: string;
  let env: Record<string, string>;
  let memberEmail: string;
  const today = dayIn(new Date(), 'Europe/Berlin');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-today-cli-'));
    env = { RAPPORT_DATA_DIR: dir };
    const database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
    await migrateToLatest(database);
    const app = await createTestApp(database, { clock: systemClock });
    const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody() }));
    const member = await addUser(app, owner, 'member');
    memberEmail = member.email;
    const create = async (name: string) => (await app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(owner), payload: { kind: 'person', name } })).json().id as string;
    const nora = await create('Nora Fielding');
    const owen = await create('Owen Marsh');
    const at = new Date().toISOString();
    for (const [customer, assignee, due] of [[nora, owner.userId, today], [owen, member.userId, addDays(today, -3)]] as const) {
      await database.db.insertInto('follow_ups').values({
        workspace_id: owner.workspaceId, id: newId(), customer_id: customer, due_on: due, kind: 'call', assignee_id: assignee, note: null, status: 'open', skip_reason: null, rule: null,
        occasion_key: null, activity_id: null, done_at: null, done_by: null, done_activity_id: null, snoozed: 0, created_by: null, created_at: at, updated_at: at,
      }).execute();
    }
    await database.db.insertInto('customer_metrics').values({
      workspace_id: owner.workspaceId, customer_id: nora, computed_at: at, revenue_30: 0, revenue_90: 0, revenue_365: 120_000, revenue_lifetime: 300_000, revenue_prior_365: 0, purchases: 6,
      tier: 'gold', tier_value: 120_000, clv: null, lapse_state: 'at_risk', lapse_gap_days: 40, lapse_gap_source: 'own', days_since_last: 70,
      last_purchase_at: new Date(Date.now() - 70 * 86_400_000).toISOString(),
    } as never).execute();
    await app.close();
    await database.close();
  }, 60_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the queue by section, the owner’s follow-ups first', async () => {
    const text = await rapport(['today'], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Today, ${today} (Europe/Berlin), for Ann Owner`);
    expect(text.stdout).toMatch(/Follow-ups due \(2\)\ncustomer\s+why.*\nNora Fielding\s+Call due today[^\n]*\nOwen Marsh\s+Call overdue since/);
    expect(text.stdout).toMatch(/Gold and silver drifting \(1\)\n.*\nNora Fielding\s+Usually buys every 40 days; last bought \d+ days ago\.\s+\S+\s+1200\.00/);
    expect(text.stdout).toMatch(/New customers \(2\)/);
  });

  it('prints JSON lists per section, and puts --user’s follow-ups first', async () => {
    const json = JSON.parse((await rapport(['today', '--json', '--user', memberEmail.toUpperCase()], env)).stdout);
    expect(Object.keys(json)).toEqual(['followUpsDue', 'thanksOwed', 'goldDrifting', 'lapsedToAsk', 'keyDates', 'newCustomers']);
    expect(json.followUpsDue.map((i: { customerName: string }) => i.customerName)).toEqual(['Owen Marsh', 'Nora Fielding']);
    expect(json.followUpsDue[0]).toMatchObject({ section: 'followUpsDue', customerId: expect.any(String), reason: expect.stringContaining('Call overdue since'), followUp: { kind: 'call' } });
    expect(json.goldDrifting[0]).toMatchObject({ customerName: 'Nora Fielding', valueAtStakeMinor: 120_000, tier: 'gold' });
  });

  it('says so, with a non-zero exit code, for an unknown user', async () => {
    const result = await rapport(['today', '--user', 'nobody@example.com'], env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('No user with email "nobody@example.com"');
  });
});
