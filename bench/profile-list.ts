// Ad-hoc: where does a customer-list request spend its time? (not a benchmark; prints only)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createWorkspace } from '../src/modules/workspaces/workspaces.usecases.ts';
import { buildApp } from '../src/server/app.ts';
import { systemClock } from '../src/shared/clock.ts';
import { generateCustomers } from './generate-customers.ts';
import { createCustomerListRepository } from '../src/modules/customers/customer-list.repository.ts';
import { summarize } from '../src/modules/customers/customer-views.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-prof-'));
const database = process.env.PG ? openDatabase({ url: process.env.PG }) : openDatabase({ sqlitePath: path.join(dir, 'p.db') });
await migrateToLatest(database);
const { workspaceId } = await createWorkspace({ db: database.db, dialect: database.dialect, clock: systemClock }, { workspaceName: 'P', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'P', email: `p${Date.now()}@example.com`, password: 'profile passphrase' });
const data = await generateCustomers(database.db, workspaceId, Number(process.env.N ?? 20000));
await sql`analyze`.execute(database.db);
const repo = createCustomerListRepository(database.db);
const spec = { workspaceId, deleted: false, words: [], kind: 'person' as const, filters: [{ type: 'tag' as const, op: 'eq' as const, value: [data.tagIds[0]!] }], sort: { type: 'column' as const, column: 'sort_name', valueType: 'text' as const, nullable: false }, order: 'asc' as const, limit: 50 };
const time = async (label: string, fn: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < 10; i++) await fn();
  console.log(label, ((performance.now() - t) / 10).toFixed(2), 'ms');
};
await time('page', () => repo.listPage(spec));
await time('count', () => repo.count(spec));
const rows = (await repo.listPage(spec)).slice(0, 50);
await time('summarize', () => summarize(database.db, workspaceId, rows));
const app = await buildApp({ database, clock: systemClock, config: { ...loadConfig({}), webDistDir: '/x', logLevel: 'silent' } });
await time('healthz inject', () => app.inject({ url: '/healthz' }));
await app.close();
await database.close();
// serialisation of one page through the response schema
const { customerPageSchema } = await import('../src/contracts/customers.ts');
const db2 = process.env.PG ? openDatabase({ url: process.env.PG }) : openDatabase({ sqlitePath: path.join(dir, 'p.db') });
const page = { items: await summarize(db2.db, workspaceId, rows), nextCursor: 'x', total: 1 };
await time('zod encode page', async () => customerPageSchema.encode(page));
await time('zod parse page', async () => customerPageSchema.parse(page));
await time('JSON.stringify page', async () => JSON.stringify(page));
await db2.close();
