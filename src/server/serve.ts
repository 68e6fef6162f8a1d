import type { AppConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createSessionsRepository } from '../modules/auth/sessions.repository.ts';
import { systemClock } from '../shared/clock.ts';
import { toDbTime } from '../db/dialect.ts';
import { buildApp } from './app.ts';
import { createJobRunner, resumeJobs, resumeJobsLater } from '../modules/imports/import-job-runner.ts';
import { startRecomputeScheduler } from '../modules/analytics/analytics-jobs.ts';
import { startEmailSender } from '../modules/email/email-sender.ts';
import { startDigestScheduler } from '../modules/reminders/digest.usecases.ts';
import type { App } from './types.ts';

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, and listens. `stop()` drains requests, then closes the database. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const database = openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath });
  await migrateToLatest(database);
  await createSessionsRepository(database.db).deleteExpiredSessions(toDbTime(new Date()));
  const app = await buildApp({
    database,
    config,
    clock: systemClock,
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
  });
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.location, dialect: database.dialect }, `Rapport is serving on ${address}`);
  const jobs = createJobRunner();
  const jobDeps = { db: database.db, clock: systemClock, dataDir: config.dataDir, log: (message: string, error?: unknown) => app.log.error({ err: error }, message), jobs };
  const resumed = await resumeJobs(jobDeps);
  const cancelResume = resumeJobsLater(jobDeps);
  if (resumed > 0) app.log.info(`Resuming ${resumed} unfinished import(s)`);
  const recomputes = startRecomputeScheduler({ db: database.db, clock: systemClock, log: (message, error) => app.log.error({ err: error }, message) });
  const emails = startEmailSender({ db: database.db, clock: systemClock, secretKey: config.secretKey, publicUrl: config.publicUrl, log: (message, error) => app.log.warn({ err: error }, message) });
  const digests = startDigestScheduler({ db: database.db, clock: systemClock, secretKey: config.secretKey, publicUrl: config.publicUrl, log: (message, error) => app.log.warn({ err: error }, message) });
  let stopping: Promise<void> | undefined;
  return {
    app,
    database,
    url: address,
    stop: () => {
      stopping ??= (async () => {
        cancelResume();
        await app.close();
        await jobs.stop();
        await recomputes.stop();
        await emails.stop();
        await digests.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
