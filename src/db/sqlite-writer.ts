import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DB } from './schema.ts';

/**
 * A second connection to the same SQLite file, on its own thread, for bulk writes (imports).
 * better-sqlite3 runs every statement on the calling thread, so an import used to parse its
 * file and then wait for SQLite, in turn, on one core. Through this connection a write is
 * queued and the caller goes on at once while the other thread runs it; a read waits for the
 * writes queued before it (so a transaction sees its own rows). A commit is queued too, and
 * answered for by the next commit or by flush(). A failed write rolls its transaction back and
 * is thrown by the next read, commit or flush.
 *
 * The same repositories run on it: it is a Kysely instance like the app's. Only writes whose
 * callers do not read the number of rows they changed belong here (it is not known when the
 * write is queued).
 */
export interface SqliteWriter {
  db: Kysely<DB>;
  /** Waits for the last commit, and throws if it failed. */
  flush(): Promise<void>;
  /** Runs `then` once the last commit has held (not if it failed: flush or the next commit throws that). */
  afterCommit(then: () => void): void;
  close(): Promise<void>;
}

interface Answer {
  rows?: unknown[];
  failure?: { message: string; code?: string };
}

export function openSqliteWriter(file: string): SqliteWriter {
  // No loader flags: the worker is plain JavaScript and starts faster without them.
  const worker = new Worker(new URL('./sqlite-writer.worker.js', import.meta.url), { workerData: { file }, execArgv: [] });
  const waiting: { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }[] = [];
  let crashed: Error | null = null;
  worker.on('message', (answer: Answer) => {
    const next = waiting.shift()!;
    if (answer.failure) next.reject(Object.assign(new Error(answer.failure.message), { code: answer.failure.code }));
    else next.resolve(answer.rows ?? []);
  });
  let closing = false;
  const fail = (error: Error) => {
    crashed ??= error;
    for (const w of waiting.splice(0)) w.reject(crashed);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`The SQLite writer thread stopped (exit code ${code})`));
  });

  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      if (crashed) throw crashed;
      const answer = answers(query.sql);
      worker.postMessage({ sql: query.sql, params: query.parameters, answer });
      if (!answer) return { rows: [] };
      const rows = await new Promise<unknown[]>((resolve, reject) => waiting.push({ resolve, reject }));
      return { rows: rows as R[] };
    },
    streamQuery() {
      throw new Error('The SQLite writer does not stream');
    },
  };
  let closed: Promise<void> | null = null;
  /** Closes the thread's connection and waits for the thread to end (once, whether or not Kysely ever used the driver). */
  const closeWorker = () =>
    (closed ??= (async () => {
      if (crashed) return;
      closing = true;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ close: true });
      await exited;
    })());
  let lastCommit: Promise<unknown> = Promise.resolve();
  /** Waits for the last commit; its failure is thrown here, once. */
  const answerForLastCommit = async () => {
    const last = lastCommit;
    lastCommit = Promise.resolve();
    await last;
  };
  // One connection, held by one caller at a time: each waits for the one before to release it.
  let released: Promise<void> = Promise.resolve();
  let release: (() => void) | null = null;
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      const before = released;
      released = new Promise((resolve) => (release = resolve));
      await before;
      return connection;
    },
    async beginTransaction(c) {
      await c.executeQuery(CompiledQuery.raw('begin immediate'));
    },
    async commitTransaction(c) {
      // The caller goes on while this commit is written; the next commit (or flush) answers
      // for it, so a failure still stops the import before it commits anything after it.
      await answerForLastCommit();
      lastCommit = c.executeQuery(CompiledQuery.raw('commit'));
      lastCommit.catch(() => undefined); // thrown where it is answered for
    },
    async rollbackTransaction(c) {
      await c.executeQuery(CompiledQuery.raw('rollback'));
    },
    async releaseConnection() {
      release?.();
    },
    destroy: () => closeWorker(),
  };
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  return {
    db,
    flush: answerForLastCommit,
    afterCommit: (then) => {
      lastCommit.then(then, () => undefined);
    },
    // Kysely destroys a driver only if it was used: a writer an import never wrote to still has a thread to end.
    close: async () => {
      await db.destroy();
      await closeWorker();
    },
  };
}

/** Statements the caller waits for: those that return rows, and the ends of transactions. */
function answers(sql: string): boolean {
  return /^\s*(select|with|pragma|commit|rollback)\b/i.test(sql) || /\breturning\b/i.test(sql);
}
