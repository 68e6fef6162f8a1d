/**
 * A customers spreadsheet imported into a fresh workspace: 100,000 people (BENCH_CUSTOMERS)
 * with an external id, name, email, phone, city, two tags and an organisation among 2,000
 * (made on first mention, then linked). Beside it, in the same run, the sqlite3 shell's
 * `.import` of the same CSV into a bare table (the floor: no checks, no keys, no relations).
 * No target is set in an issue; this keeps the figure honest. Writes docs/benchmarks.md.
 *
 *   npm run bench:customers-import
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createImport, runImport } from '../src/modules/imports/imports.usecases.ts';
import { inspectCustomersFile } from '../src/modules/imports/import-inspection.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { systemClock } from '../src/shared/clock.ts';
import { freshDatabase, postgresAnswers } from './databases.ts';
import { writeBenchmarkSection } from './report.ts';

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-customers-import-'));
const csv = path.join(dir, 'customers.csv');
const lines = ['Customer ID,Last name,First name,Email,Phone,Company,Job title,City,Tags'];
for (let i = 0; i < COUNT; i++) {
  lines.push(`C-${i},Surname${i % 997},Name${i % 101},person${i}@example.com,+7 912 ${String(1_000_000 + i).slice(-7)},Organisation ${i % 2000},Buyer,City ${i % 50},"${i % 3 === 0 ? 'VIP' : 'Regular'}, Group ${i % 20}"`);
}
fs.writeFileSync(csv, `${lines.join('\n')}\n`);

function floor(): number {
  const db = path.join(dir, `floor-${Date.now()}.db`);
  const started = performance.now();
  const result = spawnSync('sqlite3', [db, '-cmd', '.mode csv', `.import ${csv} lines`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr}`);
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(db, { force: true });
  return seconds;
}

async function importInto(dialect: 'sqlite' | 'postgres') {
  const { database, drop } = await freshDatabase(dialect);
  try {
    await migrateToLatest(database);
    const { workspaceId } = await createWorkspace({ db: database.db, dialect: database.dialect, clock: systemClock }, {
      workspaceName: 'Bench', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'Bench', email: 'bench@example.com', password: 'benchmark passphrase',
    });
    const deps = { db: database.db, clock: systemClock };
    const started = performance.now();
    const { settings } = await inspectCustomersFile(deps, workspaceId, csv);
    const record = await createImport(deps, workspaceId, null, csv, settings);
    const outcome = await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: csv, settings, dryRun: false });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.counts.customersCreated !== COUNT || outcome.counts.rejected !== 0) throw new Error(`unexpected outcome: ${JSON.stringify(outcome.counts)}`);
    const organisations = await database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'organisation').executeTakeFirstOrThrow();
    return { seconds, organisations: Number(organisations.n) };
  } finally {
    await drop();
  }
}

const floorSeconds = floor();
const sqlite = await importInto('sqlite');
console.log(`SQLite: ${sqlite.seconds.toFixed(2)} s; sqlite3 .import ${floorSeconds.toFixed(2)} s`);
const postgres = (await postgresAnswers()) ? await importInto('postgres') : null;
if (postgres) console.log(`PostgreSQL: ${postgres.seconds.toFixed(2)} s`);
fs.rmSync(dir, { recursive: true, force: true });

const rate = (s: number) => Math.round(COUNT / s).toLocaleString('en');
const body = [
  `${COUNT.toLocaleString('en')} people (external id, name, email, phone, city, two tags, a job title) at ${sqlite.organisations.toLocaleString('en')} organisations made from the file; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, one run.`,
  '',
  '| import | time | rows/s | ÷ sqlite3 .import |',
  '| --- | ---: | ---: | ---: |',
  `| sqlite3 shell \`.import\` of the CSV into a bare table (floor) | ${floorSeconds.toFixed(2)} s | ${rate(floorSeconds)} | 1.00× |`,
  `| Rapport, SQLite (checks every row as the API does, matches, creates people, organisations, contacts, tags, employments, history) | ${sqlite.seconds.toFixed(2)} s | ${rate(sqlite.seconds)} | ${(sqlite.seconds / floorSeconds).toFixed(1)}× |`,
  ...(postgres ? [`| Rapport, PostgreSQL (same import) | ${postgres.seconds.toFixed(2)} s | ${rate(postgres.seconds)} | ${(postgres.seconds / floorSeconds).toFixed(1)}× |`] : []),
  '',
  'No target is set. Rows that match a customer already in Rapport go through the update use case a row at a time (slower).',
].join('\n');
writeBenchmarkSection('customers-import', 'Import of a customers file (bench/customers-import.bench.ts)', body);
console.log(body);
