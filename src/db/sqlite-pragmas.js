// How every SQLite connection of Rapport is set up: the app's own and the import writer's
// thread (sqlite-writer.worker.js). Plain JavaScript, so that the worker loads it as it is.

/** @param {import('better-sqlite3').Database} connection */
export function configureSqlite(connection) {
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('synchronous = NORMAL');
  // 32 MiB of page cache (the default is 2 MiB): big imports and lists touch many index pages.
  connection.pragma('cache_size = -32768');
  // Checkpoint every 64 MiB of WAL rather than every 4 MiB: an import's commits rewrite the
  // same index pages, which then reach the database file once, not once per commit. The WAL
  // file is cut back to that size after a checkpoint.
  connection.pragma('wal_autocheckpoint = 16384');
  connection.pragma('journal_size_limit = 67108864');
  // SQLite's own lower() folds only ASCII; PostgreSQL's folds every letter. Make them agree.
  connection.function('lower', { deterministic: true }, (text) => (typeof text === 'string' ? text.toLowerCase() : text));
}
