import type { Kysely } from 'kysely';
import { toDbTime } from '../../db/dialect.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { createLoginAttemptsRepository } from './login-attempts.repository.ts';

/**
 * A fixed-window counter for public pages (unsubscribe, survey), kept in the sign-in
 * throttle's table so it holds across instances: at most `max` requests per key a window.
 */
export async function throttlePublic(deps: { db: Kysely<DB>; clock: Clock }, key: string, max: number, windowMs: number): Promise<void> {
  const repo = createLoginAttemptsRepository(deps.db);
  const now = deps.clock.now();
  const [attempt] = await repo.getAttempts([key]);
  const fresh = !attempt || Date.parse(attempt.window_start) + windowMs <= now.getTime();
  if (!fresh && attempt.failures >= max) {
    const retryAfterSeconds = Math.ceil((Date.parse(attempt.window_start) + windowMs - now.getTime()) / 1000);
    throw new AppError('public.rate_limited', 429, 'Too many requests from this address. Try again later.', { retryAfterSeconds });
  }
  await repo.saveAttempt({ key, window_start: fresh ? toDbTime(now) : attempt.window_start, failures: fresh ? 1 : attempt.failures + 1 });
}
