import fs from 'node:fs';
import path from 'node:path';
import { toDbTime } from '../../db/dialect.ts';
import { purchasesChanged } from '../analytics/analytics-jobs.ts';
import type { ImportCounts } from './import-run.ts';
import { createImportsRepository } from './imports.repository.ts';
import { runImport, type ImportDeps, type ImportSettings } from './imports.usecases.ts';

export interface JobDeps extends ImportDeps {
  dataDir: string;
  log?: (message: string, error?: unknown) => void;
  /** Where the background imports run (and are stopped when the app closes). */
  jobs: JobRunner;
}

export type JobRunner = ReturnType<typeof createJobRunner>;

/**
 * The background imports of one app. Stopping asks each to stop at its next batch (what it has
 * committed stays; it is left running, to be resumed at the next start) and waits for them,
 * so that nothing writes to a database being closed.
 */
export function createJobRunner() {
  const running = new Map<Promise<void>, AbortController>();
  return {
    start(deps: JobDeps, workspaceId: string, importId: string): void {
      const controller = new AbortController();
      const job = runJob(deps, workspaceId, importId, controller.signal).finally(() => running.delete(job));
      running.set(job, controller);
    },
    async stop(): Promise<void> {
      for (const controller of running.values()) controller.abort();
      await Promise.allSettled(running.keys());
    },
  };
}

/** Settings as stored with a web import: a dry run is a job too. */
export type StoredSettings = ImportSettings & { dryRun?: boolean };

/** Runs a queued (or abandoned) job if no one else is running it. It never throws: a failure is the job's status. */
async function runJob(deps: JobDeps, workspaceId: string, importId: string, signal: AbortSignal): Promise<void> {
  const repo = createImportsRepository(deps.db);
  const now = deps.clock.now();
  if (!(await repo.claim(workspaceId, importId, toDbTime(now), toDbTime(new Date(now.getTime() - STALE_MS))))) return;
  const record = (await repo.getImport(workspaceId, importId))!;
  const settings = record.settings as StoredSettings;
  try {
    const outcome = await runImport(deps, { workspaceId, importId, actorId: record.created_by, filePath: record.file_path!, settings, dryRun: settings.dryRun ?? false, counts: record.counts as ImportCounts }, undefined, signal);
    if (outcome.status === 'stopped') {
      await repo.updateImport(workspaceId, importId, { status: 'queued' }); // the app is closing: the next start takes it up again
      return;
    }
    if (!settings.dryRun) await purchasesChanged(deps, workspaceId, null);
    // Imported: the file has done its work (its rejected rows are kept in the database).
    if (outcome.status === 'done' && !settings.dryRun && record.file_path?.startsWith(path.join(deps.dataDir, 'uploads'))) {
      fs.rmSync(record.file_path, { force: true });
      fs.rmSync(`${record.file_path}.json`, { force: true });
    }
  } catch (error) {
    deps.log?.(`import ${importId} failed`, error);
    try {
      await repo.updateImport(workspaceId, importId, { status: 'failed', error: error instanceof Error ? error.message : String(error), finished_at: toDbTime(deps.clock.now()) });
    } catch (recordError) {
      deps.log?.(`import ${importId}: its failure could not be recorded`, recordError); // a background job must not crash the process
    }
  }
}

const STALE_MS = 60_000;

/** After a restart: jobs that were queued, or running with no sign of life for a minute, go on. */
export async function resumeJobs(deps: JobDeps): Promise<number> {
  const stale = await createImportsRepository(deps.db).abandoned(toDbTime(new Date(deps.clock.now().getTime() - STALE_MS)));
  for (const job of stale) deps.jobs.start(deps, job.workspace_id, job.id);
  return stale.length;
}

/** A job left running by a process that died a moment ago looks alive for a minute: look again once it cannot. Returns a cancel. */
export function resumeJobsLater(deps: JobDeps): () => void {
  const timer = setTimeout(() => void resumeJobs(deps).catch((error) => deps.log?.('resuming imports failed', error)), STALE_MS + 1000);
  timer.unref();
  return () => clearTimeout(timer);
}

