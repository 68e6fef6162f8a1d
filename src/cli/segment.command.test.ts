import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { testDialects } from '../db/testing.ts';
import { as, browserFrom, createTestApp, setupBody } from '../server/testing.ts';
import { systemClock } from '../shared/clock.ts';
import { rapport } from './testing.ts';

const FILTERS = ['tag = VIP', 'city = "munchen" or name contains "елкин"', 'tag = VIP and not city = munchen', 'revenue_365d > 500', 'kind = organisation', ''];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.RAPPORT_TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `rapport segment count|list` on a small workspace written through the API (SQLite file; PostgreSQL via DATABASE_URL when the suite has one). */
for (const dialect of testDialects) {
  describe(`rapport segment [${dialect}]`, () => {
    let dir: string;
    let env: Record<string, string>;
    let pgName: string | undefined;
    const expected: Record<string, number> = {};

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-segment-'));
      env = { RAPPORT_DATA_DIR: dir };
      let database: Database;
      if (dialect === 'postgres') {
        pgName = `rapport_test_${process.pid}_${randomBytes(4).toString('hex')}`;
        await admin((c) => c.query(`create database ${pgName}`));
        const url = new URL(process.env.RAPPORT_TEST_DATABASE_URL!);
        url.pathname = `/${pgName}`;
        env.DATABASE_URL = url.toString();
        database = openDatabase({ url: env.DATABASE_URL });
      } else {
        database = openDatabase({ sqlitePath: path.join(dir, 'rapport.db') });
      }
      await migrateToLatest(database);
      // The CLI runs on the real clock: so does this app, for the same "today".
      const app = await createTestApp(database, { clock: systemClock });
      const owner = browserFrom(await app.inject({ method: 'POST', url: '/api/v1/setup', payload: setupBody({ workspaceName: 'Blumen', baseCurrency: 'EUR' }) }));
      const call = async (method: 'POST' | 'DELETE', url: string, payload?: object) => (await app.inject({ method, url: `/api/v1${url}`, headers: as(owner), ...(payload && { payload }) })).json();
      const vip = (await call('POST', '/tags', { name: 'VIP' })).id;
      const people: [string, string, string, boolean, number][] = [
        ['Anna', 'Müller', 'München', true, 120_000],
        ['Пётр', 'Ёлкин', 'Москва', true, 40_000],
        ['Jürgen', 'Weiß', 'MÜNCHEN', false, 50_000],
        ['Lena', 'Schmidt', 'Berlin', false, 0],
        ['Kim', 'Lee', 'Berlin', true, 50_001],
        ['Dieter', 'Deleted', 'München', true, 900_000],
      ];
      for (const [i, [firstName, lastName, city, isVip, revenue]] of people.entries()) {
        const { id } = await call('POST', '/customers', { kind: 'person', firstName, lastName, address: { city }, contacts: [{ kind: 'email', value: `p${i}@example.com` }], ...(isVip && { tagIds: [vip] }) });
        await database.db.insertInto('customer_metrics').values({
          workspace_id: owner.workspaceId, customer_id: id, computed_at: new Date().toISOString(), revenue_30: 0, revenue_90: 0, revenue_365: revenue, revenue_lifetime: revenue, revenue_prior_365: 0, purchases: 1, tier: 'other',
        } as never).execute();
        if (lastName === 'Deleted' && (await app.inject({ method: 'DELETE', url: `/api/v1/customers/${id}`, headers: as(owner) })).statusCode !== 200) throw new Error('could not delete');
      }
      await call('POST', '/customers', { kind: 'organisation', name: 'Северная группа', address: { city: 'Санкт-Петербург' } });
      for (const filter of FILTERS) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/filters/check', headers: as(owner), payload: { filter } });
        if (response.statusCode !== 200) throw new Error(`${filter}: ${response.body}`);
        expected[filter] = response.json().count;
      }
      await app.close();
      await database.close();
    }, 180_000);
    afterAll(async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (pgName) await admin((c) => c.query(`drop database if exists ${pgName} with (force)`));
    });

    it('counts as POST /filters/check does, as JSON and as a sentence', async () => {
      expect(expected).toMatchObject({ 'tag = VIP': 3, 'city = "munchen" or name contains "елкин"': 3, 'tag = VIP and not city = munchen': 2, 'revenue_365d > 500': 2, 'kind = organisation': 1, '': 6 });
      // Each run starts Node afresh: a few filters in parallel.
      await Promise.all(FILTERS.slice(1, 5).map(async (filter) => {
        const { code, stdout, stderr } = await rapport(['segment', 'count', filter, '--json'], env);
        expect(code, stderr).toBe(0);
        expect(JSON.parse(stdout), filter).toEqual({ count: expected[filter] });
      }));
      const sentence = await rapport(['segment', 'count', 'tag=vip', '--workspace', 'Blumen'], env);
      expect(sentence.code, sentence.stderr).toBe(0);
      expect(sentence.stdout.trim()).toBe('3 customers match tag = vip.');
      expect((await rapport(['segment', 'count', 'kind = organisation'], env)).stdout.trim()).toBe('1 customer matches kind = organisation.');
    }, 180_000);

    it('prints a filter mistake with its position to stderr and exits non-zero', async () => {
      const [bad, ru, list, nope] = await Promise.all([
        rapport(['segment', 'count', 'tier = gold and citty = x'], env),
        rapport(['segment', 'count', 'city = "Berlin', '--lang', 'ru', '--json'], env),
        rapport(['segment', 'list', 'revenue_365d > "abc"', '--format', 'csv', '--out', path.join(dir, 'bad.csv')], env),
        rapport(['segment', 'count', 'tier = gold', '--workspace', 'Nope'], env),
      ]);
      expect(bad.code).toBe(3);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain('At character 17: there is no field "citty". Did you mean "city"?');
      expect(bad.stderr).toContain('filters.invalid');
      expect(ru.code).not.toBe(0);
      expect(ru.stderr).toContain('Позиция 8: кавычка не закрыта.');
      expect(list.code).toBe(3);
      expect(list.stderr).toContain('At character 16');
      expect(fs.existsSync(path.join(dir, 'bad.csv'))).toBe(false);
      expect(nope.stderr).toContain('No workspace with id or name "Nope"');
    }, 180_000);

    it('lists the matching customers as CSV, with the export’s columns', async () => {
      const out = path.join(dir, 'vip.csv');
      const { code, stdout, stderr } = await rapport(['segment', 'list', 'tag = VIP', '--format', 'csv', '--out', out], env);
      expect(code, stderr).toBe(0);
      expect(stdout.trim()).toBe(`Wrote 3 customers to ${out}`);
      const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toMatch(/^Name,Kind,Email,Phone,Organisation,City,Country,Tags,/);
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).concat(l.split(',')[5]!, l.split(',')[7]!))).toEqual([
        ['Anna Müller', 'person', 'p0@example.com', 'München', 'VIP'],
        ['Kim Lee', 'person', 'p4@example.com', 'Berlin', 'VIP'],
        ['Пётр Ёлкин', 'person', 'p1@example.com', 'Москва', 'VIP'],
      ]);
    }, 180_000);

    it('lists them as a readable XLSX file', async () => {
      const out = path.join(dir, 'munich.xlsx');
      const { code, stdout, stderr } = await rapport(['segment', 'list', 'city = munchen or name contains "елкин"', '--out', out], env);
      expect(code, stderr).toBe(0);
      expect(stdout.trim()).toBe(`Wrote 3 customers to ${out}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.getWorksheet('Customers')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['Name', 'Kind', 'Email', 'Phone', 'Organisation', 'City']);
      expect(sheet.rowCount).toBe(4);
      const rows = [2, 3, 4].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
      expect(rows.map((r) => [r[0], r[5]])).toEqual([['Anna Müller', 'München'], ['Jürgen Weiß', 'MÜNCHEN'], ['Пётр Ёлкин', 'Москва']]);
      const none = await rapport(['segment', 'list', 'city = Nowhere', '--format', 'xlsx', '--out', path.join(dir, 'none.xlsx')], env);
      expect(none.stdout.trim()).toBe(`Wrote 0 customers to ${path.join(dir, 'none.xlsx')}`);
    }, 180_000);
  });
}
