/**
 * The whole Online Retail file (541,909 invoice lines, gzipped CSV) imported into a fresh
 * SQLite workspace — lines grouped into invoices, refunds recorded, customers created — and,
 * in the same run, the same CSV loaded by the sqlite3 shell's `.import` into a bare table
 * (the practical floor: no parsing of values, no keys, no grouping). Then the same import on
 * PostgreSQL when it answers. Writes docs/benchmarks.md.
 *
 *   npm run bench:import          (BENCH_RUNS=3 by default; the median is reported)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { missingDataReason, sharedDataFile } from '../src/shared/shared-data.ts';
import { writeBenchmarkSection } from './report.ts';

const RELATIVE = 'online-retail/online_retail.csv.gz';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PG_URL = process.env.RAPPORT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const file = sharedDataFile(RELATIVE);
if (!file) {
  console.log(`Import benchmark ${missingDataReason(RELATIVE)}`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-bench-'));
const csv = path.join(dir, 'online_retail.csv');
fs.writeFileSync(csv, gunzipSync(fs.readFileSync(file)));

interface Run {
  seconds: number;
  peakMiB: number;
  counts: { rows: number; transactionsCreated: number; refundsCreated: number; customersCreated: number; rejected: number };
}

function importRun(target: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'import-run.ts'), file!, target], { encoding: 'utf8', maxBuffer: 10 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

function sqliteShellImport(): number {
  const db = path.join(dir, `floor-${randomBytes(3).toString('hex')}.db`);
  const started = performance.now();
  const result = spawnSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${csv} lines`], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  fs.rmSync(db, { force: true });
  return seconds;
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sqliteRuns: Run[] = [];
const floors: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so both see the same machine.
  floors.push(sqliteShellImport());
  const db = path.join(dir, `rapport-${i}.db`);
  sqliteRuns.push(importRun(db));
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  console.log(`run ${i + 1}: Rapport ${sqliteRuns.at(-1)!.seconds.toFixed(2)} s (peak ${sqliteRuns.at(-1)!.peakMiB.toFixed(0)} MiB), sqlite3 .import ${floors.at(-1)!.toFixed(2)} s`);
}

let pgRun: Run | null = null;
try {
  const name = `rapport_import_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    pgRun = importRun(url.toString());
    console.log(`PostgreSQL: ${pgRun.seconds.toFixed(2)} s (peak ${pgRun.peakMiB.toFixed(0)} MiB)`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
} catch (error) {
  console.log(`PostgreSQL at ${PG_URL}: skipped (${(error as Error).message})`);
}
fs.rmSync(dir, { recursive: true, force: true });

const ours = median(sqliteRuns.map((r) => r.seconds));
const floor = median(floors);
const peak = Math.max(...sqliteRuns.map((r) => r.peakMiB));
const c = sqliteRuns[0]!.counts;
const body = [
  `Online Retail: ${c.rows.toLocaleString('en')} invoice lines → ${c.transactionsCreated.toLocaleString('en')} transactions (${c.refundsCreated.toLocaleString('en')} refunds), ${c.customersCreated.toLocaleString('en')} customers created, ${c.rejected} rejected. Median of ${RUNS} runs, interleaved; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores.`,
  '',
  '| import | time | peak memory | ÷ sqlite3 .import |',
  '| --- | ---: | ---: | ---: |',
  `| sqlite3 shell \`.import\` of the unpacked CSV into a bare table (floor) | ${floor.toFixed(2)} s | — | 1.00× |`,
  `| Rapport, SQLite (reads the .gz, groups invoices, matches and creates customers, line items, keys) | ${ours.toFixed(2)} s | ${peak.toFixed(0)} MiB | ${(ours / floor).toFixed(2)}× |`,
  ...(pgRun ? [`| Rapport, PostgreSQL (same import) | ${pgRun.seconds.toFixed(2)} s | ${pgRun.peakMiB.toFixed(0)} MiB | ${(pgRun.seconds / floor).toFixed(2)}× |`] : []),
  '',
  'Time is wall clock from reading the file to the last commit, in a fresh process per run (peak memory is that',
  'process\'s maximum resident set, its reader and writer threads included). Goal (issue 4): within 3× of `.import`, under 400 MB:',
  `${ours / floor <= 3 && peak < 400 ? 'met' : 'not met'} on this run (${(ours / floor).toFixed(2)}×; per run ${sqliteRuns.map((r, i) => (r.seconds / floors[i]!).toFixed(2)).join(', ')}; peak ${peak.toFixed(0)} MiB).`,
].join('\n');
writeBenchmarkSection('import', 'Import of the Online Retail file (bench/import.bench.ts)', body);
console.log(body);
