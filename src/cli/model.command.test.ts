import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingDataReason, sharedDataFile } from '../shared/shared-data.ts';
import { rapport } from './testing.ts';

const CDNOW = 'cdnow/CDNOW_sample.txt';
const sample = sharedDataFile(CDNOW);
if (!sample) console.log(`rapport model fit test ${missingDataReason(CDNOW)}`);

const within = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(0.005);

describe.skipIf(!sample)('rapport model fit on the CDNOW sample', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-model-'));
    env = { RAPPORT_DATA_DIR: dir };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reproduces the published parameters with the command as written in the issue', async () => {
    const { code, stdout, stderr } = await rapport(['model', 'fit', '--file', sample!, '--until', '1997-09-30', '--unit', 'week', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ unit: 'week', customers: 2357, repeatCustomers: 946, bgnbd: { converged: true }, gammaGamma: { converged: true, customers: 946 } });
    within(out.bgnbd.r, 0.243);
    within(out.bgnbd.alpha, 4.414);
    within(out.bgnbd.a, 0.793);
    within(out.bgnbd.b, 2.426);
    expect(out.bgnbd.logLikelihood).toBeCloseTo(-9582.4, 0);
    within(out.gammaGamma.p, 6.25);
    within(out.gammaGamma.q, 3.74);
    within(out.gammaGamma.gamma, 15.44);
  }, 60_000);

  it('compares predicted and actual purchases over a holdout, per customer and in total', async () => {
    // Actual repeat purchase days from 1997-10-01 to 1998-06-30, counted by a plain reader.
    const days = new Set<string>();
    for (const line of fs.readFileSync(sample!, 'utf8').split('\n')) {
      const c = line.trim().split(/\s+/);
      if (c.length >= 5 && c[2]! > '19970930' && c[2]! <= '19980630') days.add(`${c[0]} ${c[2]}`);
    }
    const { code, stdout } = await rapport(['model', 'fit', '--file', sample!, '--until', '1997-09-30', '--holdout-until', '1998-06-30', '--json', '--per-customer'], env);
    expect(code).toBe(0);
    const { holdout } = JSON.parse(stdout);
    expect(holdout).toMatchObject({ until: '1998-06-30', days: 273, customers: 2357, actual: days.size });
    expect(holdout.perCustomer).toHaveLength(2357);
    expect(holdout.perCustomer.reduce((s: number, c: { actual: number }) => s + c.actual, 0)).toBe(days.size);
    // The model tracks the held-out purchases to within 15% in total.
    expect(Math.abs(holdout.predicted / days.size - 1)).toBeLessThan(0.15);
    const table = await rapport(['model', 'fit', '--file', sample!, '--until', '1997-09-30', '--holdout-until', '1998-06-30'], env);
    expect(table.stdout).toMatch(/r\s+0\.24/);
    expect(table.stdout).toContain(`actual ${days.size}`);
  }, 60_000);

  it('fits on a workspace as well, after the file is imported, with the same result', async () => {
    const created = await rapport(['workspace', 'create', '--name', 'CDNOW', '--owner-email', 'owner@example.com', '--owner-name', 'Owner', '--currency', 'USD', '--time-zone', 'UTC', '--password-stdin'], env, 'a long enough passphrase\n');
    expect(created.code, created.stderr).toBe(0);
    const imported = await rapport(['import', sample!, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const { code, stdout, stderr } = await rapport(['model', 'fit', '--workspace', 'CDNOW', '--until', '1997-09-30', '--json'], env);
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.customers).toBe(2357);
    within(out.bgnbd.r, 0.243);
    within(out.bgnbd.b, 2.426);
    within(out.gammaGamma.p, 6.25);
    const recomputed = await rapport(['recompute', '--workspace', 'CDNOW'], env);
    expect(recomputed.code, recomputed.stderr).toBe(0);
    expect(recomputed.stdout).toContain('Recomputed 2,357 customers (2,357 with purchases)');
  }, 120_000);

  it('says what is wrong with its arguments', async () => {
    const date = await rapport(['model', 'fit', '--file', sample!, '--until', '1997-02-30'], env);
    expect(date.code).not.toBe(0);
    expect(date.stderr).toContain('--until 1997-02-30: expected a date as YYYY-MM-DD');
    const missing = await rapport(['model', 'fit', '--file', path.join(dir, 'nope.csv')], env);
    expect(missing.stderr).toContain('No file at');
    const order = await rapport(['model', 'fit', '--file', sample!, '--until', '1997-09-30', '--holdout-until', '1997-01-01'], env);
    expect(order.stderr).toContain('--holdout-until must come after --until');
  }, 60_000);
});
