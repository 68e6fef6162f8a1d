import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { toDbTime } from '../../db/dialect.ts';
import type { Clock } from '../../shared/clock.ts';
import { rateLimited } from './auth.errors.ts';
import { createLoginAttemptsRepository } from './login-attempts.repository.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per window: per account (guessing one password) and per address (spraying many). */
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export function throttleKeys(email: string, ip: string): { account: string; address: string } {
  return { account: `account:${email}`, address: `address:${ip}` };
}

function limitFor(key: string): number {
  return key.startsWith('account:') ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS;
}

/** Throws auth.rate_limited when either key has used up its failures in the current window. */
export async function assertNotThrottled(deps: { db: Kysely<DB>; clock: Clock }, keys: string[]): Promise<void> {
  const now = deps.clock.now().getTime();
  const attempts = await createLoginAttemptsRepository(deps.db).getAttempts(keys);
  for (const attempt of attempts) {
    const windowEnds = Date.parse(attempt.window_start) + THROTTLE_WINDOW_MS;
    if (windowEnds > now && attempt.failures >= limitFor(attempt.key)) {
      throw rateLimited(Math.ceil((windowEnds - now) / 1000));
    }
  }
}

export async function recordFailure(deps: { db: Kysely<DB>; clock: Clock }, keys: string[]): Promise<void> {
  const repo = createLoginAttemptsRepository(deps.db);
  const now = deps.clock.now();
  const existing = new Map((await repo.getAttempts(keys)).map((a) => [a.key, a]));
  for (const key of keys) {
    const attempt = existing.get(key);
    const fresh = !attempt || Date.parse(attempt.window_start) + THROTTLE_WINDOW_MS <= now.getTime();
    await repo.saveAttempt({
      key,
      window_start: fresh ? toDbTime(now) : attempt.window_start,
      failures: fresh ? 1 : attempt.failures + 1,
    });
  }
}

export async function clearFailures(deps: { db: Kysely<DB> }, keys: string[]): Promise<void> {
  await createLoginAttemptsRepository(deps.db).clearAttempts(keys);
}
