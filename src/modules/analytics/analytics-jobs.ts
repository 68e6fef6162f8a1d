import { toDbTime } from '../../db/dialect.ts';
import { createAnalyticsRepository } from './analytics.repository.ts';
import { recomputeWorkspace, refreshCustomers, type AnalyticsDeps, type RecomputeOutcome } from './recompute.usecases.ts';
import { repeatEvery } from '../../shared/repeat.ts';
import { evaluateOwed } from '../thanks/thanks.usecases.ts';
import { evaluateFollowUps } from '../followups/follow-up-rules.ts';

/**
 * Recompute as a background job. Anything that changes value marks the workspace stale;
 * the scheduler runs the recompute once changes have been quiet for a moment (so an import
 * of many batches, or a burst of edits, is counted once), when a runner died, and daily
 * (the windows move with the calendar). The claim in the database keeps it to one instance.
 */
export interface JobsDeps extends AnalyticsDeps {
  log?: (message: string, error?: unknown) => void;
}

const QUIET_MS = 2_000;
const HEARTBEAT_STALE_MS = 120_000;
const DAILY_MS = 24 * 3600 * 1000;

/** Purchases of these customers changed (or, with none given, of many): refresh them now, recompute soon. */
export async function purchasesChanged(deps: JobsDeps, workspaceId: string, customerIds: string[] | null): Promise<void> {
  await createAnalyticsRepository(deps.db).markStale(workspaceId, toDbTime(deps.clock.now()), false);
  if (customerIds && customerIds.length > 0 && customerIds.length <= 50) {
    try {
      await refreshCustomers(deps, workspaceId, customerIds);
    } catch (error) {
      deps.log?.('Refreshing customer value failed; the full recompute will correct it', error);
    }
  }
}

/**
 * Claims and runs one workspace's recompute (the scheduler, `rapport recompute`, `rapport demo`):
 * null when another runner has it. A failure is recorded on the job, then thrown.
 */
export async function runRecompute(deps: JobsDeps, workspaceId: string, options: { refit?: boolean } = {}): Promise<RecomputeOutcome | null> {
  const repo = createAnalyticsRepository(deps.db);
  const now = deps.clock.now();
  await repo.ensureState(workspaceId);
  if (!(await repo.claim(workspaceId, toDbTime(now), toDbTime(new Date(now.getTime() - HEARTBEAT_STALE_MS))))) return null;
  try {
    const outcome = await recomputeWorkspace(deps, workspaceId, { ...options, onProgress: (share) => repo.heartbeat(workspaceId, toDbTime(deps.clock.now()), share) });
    // Tiers just moved: record who entered gold before the next recompute forgets the previous tier.
    await evaluateOwed(deps, workspaceId).catch((error: unknown) => deps.log?.('Finding the thanks owed failed; the next look will find them', error));
    // The rhythms just moved: raise what the follow-up rules say is due.
    await evaluateFollowUps(deps, workspaceId).catch((error: unknown) => deps.log?.('Raising the follow-ups due failed; the next recompute will raise them', error));
    return outcome;
  } catch (error) {
    await repo.fail(workspaceId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** One pass of the scheduler: every due workspace, one after another. */
export async function runDueRecomputes(deps: JobsDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  const due = await createAnalyticsRepository(deps.db).due(toDbTime(new Date(now - QUIET_MS)), toDbTime(new Date(now - HEARTBEAT_STALE_MS)), toDbTime(new Date(now - DAILY_MS)));
  let ran = 0;
  for (const workspaceId of due) {
    try {
      if (await runRecompute(deps, workspaceId)) ran++;
    } catch (error) {
      deps.log?.(`Recomputing customer value of workspace ${workspaceId} failed`, error);
    }
  }
  return ran;
}

/** Checks every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function startRecomputeScheduler(deps: JobsDeps, intervalMs = 1_000): { stop(): Promise<void> } {
  return repeatEvery(intervalMs, () => runDueRecomputes(deps), (error) => deps.log?.('The customer-value scheduler failed a pass', error));
}
