import type { Database as SqliteConnection, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely prepares every SQLite statement anew; preparing costs about as much as running a
 * small query. Queries are built from a bounded set of shapes, so a small LRU of prepared
 * statements, keyed by SQL text, removes that cost. Safe because Kysely runs one statement at
 * a time on the connection.
 */
export function withStatementCache(connection: SqliteConnection, capacity = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      connection.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert: most recently used last
      } else {
        statement = connection.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
