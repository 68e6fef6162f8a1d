import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { systemClock } from '../../shared/clock.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import { createJobRunner, resumeJobs } from './import-job-runner.ts';
import { createImport } from './imports.usecases.ts';
import { inspectTransactionsFile } from './import-inspection.ts';
import { createImportsRepository } from './imports.repository.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-import-jobs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeEachDatabase('background imports when the app stops', (get, dialect) => {
  it('stop at a batch, keep what is committed, and go on from there at the next start', async () => {
    const db = get().db;
    const { workspaceId } = await createWorkspace({ db, dialect, clock: systemClock }, { workspaceName: 'Jobs', baseCurrency: 'EUR', locale: 'en', timeZone: 'UTC', ownerName: 'O', email: 'jobs@example.com', password: 'correct horse battery' });
    const file = path.join(dir, `orders-${dialect}.csv`);
    const rows = 100_000;
    fs.writeFileSync(file, `Order,Date,Amount,Customer ID\n${Array.from({ length: rows }, (_, i) => `O${i},2026-01-${String((i % 28) + 1).padStart(2, '0')},${(i % 500) + 1}.00,c${i % 3000}`).join('\n')}\n`);
    const deps = { db, clock: systemClock, dataDir: dir };
    const { settings } = await inspectTransactionsFile(deps, workspaceId, file);
    const record = await createImport(deps, workspaceId, null, file, settings);
    const imports = createImportsRepository(db);

    const first = createJobRunner();
    first.start({ ...deps, jobs: first }, workspaceId, record.id);
    for (let i = 0; i < 2000 && ((await imports.getImport(workspaceId, record.id))?.rows_done ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await first.stop();
    const stopped = (await imports.getImport(workspaceId, record.id))!;
    expect(stopped.status).toBe('queued');
    expect(stopped.rows_done).toBeGreaterThan(0);
    expect(stopped.rows_done).toBeLessThan(rows);
    const committed = await db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect(Number(committed.n)).toBe(stopped.rows_done); // one order a row: what is committed is what it counted

    const second = createJobRunner();
    expect(await resumeJobs({ ...deps, jobs: second })).toBe(1);
    for (let i = 0; i < 3000 && (await imports.getImport(workspaceId, record.id))?.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    await second.stop();
    const done = (await imports.getImport(workspaceId, record.id))!;
    expect(done).toMatchObject({ status: 'done', rows_done: rows });
    const all = await db.selectFrom('transactions').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_minor').as('total')]).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    const expected = Array.from({ length: rows }, (_, i) => ((i % 500) + 1) * 100).reduce((a, b) => a + b, 0);
    expect([Number(all.n), Number(all.total)]).toEqual([rows, expected]);
  }, 120_000);
});
