import type { Database } from 'better-sqlite3';

export function configureSqlite(connection: Database): void;
