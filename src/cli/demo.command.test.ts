import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../modules/auth/password.ts';
import { normalizeText } from '../shared/text.ts';
import { rapport } from './testing.ts';

const DAY = 86_400_000;

describe('rapport demo (SQLite file)', () => {
  let dir: string;
  let env: Record<string, string>;
  let db: SqliteDatabase.Database;
  let first: { code: number; stdout: string; stderr: string };
  const started = Date.now();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-demo-'));
    env = { RAPPORT_DATA_DIR: dir };
    first = await rapport(['demo', '--customers', '300', '--password-stdin'], env, 'demo passphrase\n');
    db = new SqliteDatabase(path.join(dir, 'rapport.db'), { readonly: true });
  }, 60_000);
  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const workspaceId = () => (db.prepare('select id from workspaces where name = ?').get('Demo shop') as { id: string }).id;
  const ledger = (name: string) =>
    db.prepare('select t.external_id, t.amount_minor, t.cost_minor, c.display_name from transactions t join customers c on c.id = t.customer_id join workspaces w on w.id = t.workspace_id where w.name = ? order by t.external_id').all(name);
  const count = (query: string, ...params: unknown[]) => (db.prepare(query).get(workspaceId(), ...params) as { n: number }).n;

  it('creates a new workspace and its owner, and says how to sign in', async () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Created demo workspace "Demo shop"');
    expect(first.stdout).toContain('Sign in as demo@rapport.example');
    expect(first.stdout).not.toContain('password');
    const owner = db.prepare('select role, password_hash, workspace_id from users where email = ?').get('demo@rapport.example') as { role: string; password_hash: string; workspace_id: string };
    expect(owner).toMatchObject({ role: 'owner', workspace_id: workspaceId() });
    expect(await verifyPassword(owner.password_hash, 'demo passphrase')).toBe(true);
  });

  it('stores the customers, purchases and refunds it reports', () => {
    const reported = /(\d[\d,]*) customers \((\d+) organisations\), (\d[\d,]*) purchases and (\d[\d,]*) refunds/.exec(first.stdout)!;
    const [customers, organisations, sales, refunds] = reported.slice(1).map((v) => Number(v.replace(/,/g, '')));
    expect(customers).toBe(300);
    expect(count('select count(*) n from customers where workspace_id = ?')).toBe(300);
    expect(count("select count(*) n from customers where workspace_id = ? and kind = 'organisation'")).toBe(organisations);
    expect(organisations).toBe(30);
    expect(count("select count(*) n from transactions where workspace_id = ? and kind = 'sale'")).toBe(sales);
    expect(count("select count(*) n from transactions where workspace_id = ? and kind = 'refund'")).toBe(refunds);
    expect(sales).toBeGreaterThan(600);
    expect(count('select count(*) n from tags where workspace_id = ?')).toBe(3);
    expect(count('select count(*) n from employments where workspace_id = ?')).toBeGreaterThan(20);
    expect(count('select count(*) n from customers where workspace_id = ? and parent_id is not null')).toBeGreaterThan(0);
  });

  it('says where the customers came from, as stored', () => {
    const [sourced, referred, campaigns, redemptions, flagged] = /Acquisition: (\d+) customers with a known source, (\d+) referred by another; (\d+) campaigns, (\d+) coupon redemptions \((\d+) flagged\)/.exec(first.stdout)!.slice(1).map(Number);
    expect(count('select count(*) n from customers where workspace_id = ? and source_id is not null')).toBe(sourced);
    expect(count('select count(*) n from customers where workspace_id = ? and referred_by_id is not null')).toBe(referred);
    expect(count('select count(*) n from campaigns where workspace_id = ?')).toBe(campaigns);
    expect(count('select count(*) n from coupon_redemptions where workspace_id = ?')).toBe(redemptions);
    expect(count('select count(*) n from coupon_redemptions where workspace_id = ? and flag is not null')).toBe(flagged);
    expect(flagged).toBeGreaterThan(0);
  });

  it('dates every purchase within the last two years, and keeps each customer’s purchase dates and search text as the app does', () => {
    const range = db.prepare('select min(occurred_at) first, max(occurred_at) last from transactions where workspace_id = ?').get(workspaceId()) as { first: string; last: string };
    expect(Date.parse(range.first)).toBeGreaterThan(started - 731 * DAY);
    expect(Date.parse(range.last)).toBeLessThanOrEqual(Date.now());
    const wrongDates = count(`select count(*) n from customers c where c.workspace_id = ? and (
      c.first_purchase_at is not (select min(occurred_at) from transactions t where t.customer_id = c.id and t.kind = 'sale') or
      c.last_purchase_at is not (select max(occurred_at) from transactions t where t.customer_id = c.id and t.kind = 'sale'))`);
    expect(wrongDates).toBe(0);
    const rows = db.prepare('select display_name, search_text, completeness from customers where workspace_id = ?').all(workspaceId()) as { display_name: string; search_text: string; completeness: number }[];
    for (const r of rows) {
      expect(r.search_text.startsWith(normalizeText(r.display_name))).toBe(true);
      expect(r.completeness).toBeGreaterThan(0);
    }
    // An employee is found by the organisation's name.
    const employee = db.prepare('select c.search_text, o.display_name org from employments e join customers c on c.id = e.person_id join customers o on o.id = e.organisation_id where e.workspace_id = ? limit 1').get(workspaceId()) as { search_text: string; org: string };
    expect(employee.search_text).toContain(normalizeText(employee.org));
  });

  it('computes customer value and fits the models, with a holdout to track them', () => {
    const state = db.prepare('select status, model, summary from analytics_state where workspace_id = ?').get(workspaceId()) as { status: string; model: string; summary: string };
    expect(state.status).toBe('idle');
    const model = JSON.parse(state.model);
    expect(model).toMatchObject({ available: true, reason: null, bgnbd: { converged: true }, gammaGamma: { converged: true } });
    expect(model.repeatCustomers).toBeGreaterThanOrEqual(20);
    expect(model.tracking.weeks.length).toBeGreaterThan(10);
    const summary = JSON.parse(state.summary);
    expect(count('select count(*) n from customer_metrics where workspace_id = ?')).toBe(summary.buyers);
    expect(count("select count(*) n from customer_metrics where workspace_id = ? and tier = 'gold'")).toBeGreaterThan(0);
    expect(count('select count(*) n from customer_metrics where workspace_id = ? and clv is not null')).toBe(summary.buyers);
    expect(first.stdout).toMatch(/Predictions available, models fitted \(\d+ buyers, \d+ repeat\): BG\/NBD r=[\d.]+ alpha=[\d.]+ a=[\d.]+ b=[\d.]+ \(weeks\); Gamma-Gamma p=[\d.]+ q=[\d.]+ gamma=[\d.]+ GBP/);
  });

  it('makes the same business again from the same seed, in a second workspace with a second owner', async () => {
    const again = await rapport(['demo', '--customers', '300'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Created demo workspace "Demo shop 2"');
    expect(again.stdout).toContain('Sign in as demo2@rapport.example');
    expect(again.stdout).toMatch(/Owner password \(shown once\): \S{20}/);
    expect(ledger('Demo shop 2')).toEqual(ledger('Demo shop'));
  }, 60_000);

  it('refuses a bad count', async () => {
    const bad = await rapport(['demo', '--customers', 'many'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a whole number');
  });
});
