import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { missingDataReason, sharedDataFile } from '../../shared/shared-data.ts';
import { createImport, runImport } from '../imports/imports.usecases.ts';
import { inspectTransactionsFile } from '../imports/import-inspection.ts';
import { createWorkspace } from '../workspaces/workspaces.usecases.ts';
import { runRecompute } from './analytics-jobs.ts';
import { modelReport } from './value-reports.usecases.ts';

const CDNOW = 'cdnow/CDNOW_sample.txt';
const close = (actual: number, expected: number) => expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(0.005);
const sample = sharedDataFile(CDNOW);
if (!sample) console.log(`CDNOW workspace recompute test ${missingDataReason(CDNOW)}`);

/**
 * The whole server path on real data: the CDNOW sample imported into a workspace, and the
 * workspace recomputed as of 1997-09-30 (later purchases are in the future then, and not
 * counted). The fitted models must be the published ones.
 */
describeEachDatabase('customer value of the imported CDNOW sample, as of 1997-09-30', (db, dialect) => {
  const clock = fixedClock(new Date('1997-09-30T18:00:00Z'));
  let workspaceId: string;

  beforeAll(async () => {
    if (!sample) return;
    workspaceId = (await createWorkspace({ db: db().db, dialect, clock }, { workspaceName: 'CDNOW', baseCurrency: 'USD', locale: 'en', timeZone: 'UTC', ownerName: 'Owner', email: 'owner-cdnow@example.com', password: 'correct horse battery' })).workspaceId;
    const deps = { db: db().db, clock };
    const inspection = await inspectTransactionsFile(deps, workspaceId, sample);
    const record = await createImport(deps, workspaceId, null, sample, inspection.settings);
    await runImport(deps, { workspaceId, importId: record.id, actorId: null, filePath: sample, settings: inspection.settings, dryRun: false });
    await runRecompute(deps, workspaceId);
  }, 120_000);

  it.skipIf(!sample)('fits the published BG/NBD and Gamma-Gamma parameters, and scores every customer', async () => {
    const actor = { workspaceId, userId: 'test', role: 'owner' as const, via: 'session' as const, scope: 'read_write' as const };
    const model = await modelReport({ db: db().db, clock }, actor);
    expect(model).toMatchObject({ available: true, customers: 2357, repeatCustomers: 946, observationEnd: '1997-09-30' });
    close(model.bgnbd!.r, 0.243);
    close(model.bgnbd!.alpha, 4.414);
    close(model.bgnbd!.a, 0.793);
    close(model.bgnbd!.b, 2.426);
    expect(model.bgnbd!.logLikelihood).toBeCloseTo(-9582.4, 0);
    // Gamma in dollars, as published (stored in cents).
    expect(model.currency).toBe('USD');
    close(model.gammaGamma!.p, 6.25);
    close(model.gammaGamma!.q, 3.74);
    close(model.gammaGamma!.gamma, 15.44);
    const scored = await db().db.selectFrom('customer_metrics').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('p_alive').as('alive'), eb.fn.count<number>('clv').as('clv')]).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
    expect({ n: Number(scored.n), alive: Number(scored.alive), clv: Number(scored.clv) }).toEqual({ n: 2357, alive: 2357, clv: 2357 });
    // The tracking chart: a model fitted on the first two thirds, against the weeks held out.
    expect(model.tracking).not.toBeNull();
    expect(model.tracking!.weeks.length).toBeGreaterThan(30);
    expect(model.tracking!.weeks.at(-1)!.weekStart).toBe('1997-09-24'); // whole weeks, the last ending on 30 September
    expect(model.tracking!.holdoutEnd).toBe('1997-09-30');
  }, 60_000);
});
