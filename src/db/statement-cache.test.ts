import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('withStatementCache', () => {
  it('reuses a prepared statement for the same SQL and gives right results for new parameters', () => {
    const connection = new SqliteDatabase(':memory:');
    const cached = withStatementCache(connection, 2);
    cached.prepare('create table t (n integer)').run([]);
    cached.prepare('insert into t values (?)').run([1]);
    cached.prepare('insert into t values (?)').run([2]);
    const first = cached.prepare('select n from t where n = ?');
    expect(cached.prepare('select n from t where n = ?')).toBe(first);
    expect(first.all([2])).toEqual([{ n: 2 }]);
    expect(first.all([1])).toEqual([{ n: 1 }]);
    cached.close();
    expect(connection.open).toBe(false);
  });

  it('forgets the least recently used statement beyond its capacity', () => {
    const connection = new SqliteDatabase(':memory:');
    const cached = withStatementCache(connection, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a); // a is now the most recent
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(a);
    const b2 = cached.prepare('select 2');
    expect(b2).not.toBe(b); // prepared again after eviction
    expect(b2.all([])).toEqual([{ 2: 2 }]);
    cached.close();
  });
});
