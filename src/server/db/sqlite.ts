// SQLite specifics: pragmas, online backup. Nothing else in the code base knows it runs on SQLite.
import SqliteDatabase from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

export function openSqlite(file: string): SqliteDatabase.Database {
  const conn = new SqliteDatabase(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('cache_size = -65536');
  return conn;
}

export function createSqliteDialect(file: string): SqliteDialect {
  return new SqliteDialect({ database: async () => openSqlite(file) });
}

/** Online backup of a live SQLite database into `target` (consistent even while the app writes). */
export async function backupSqlite(file: string, target: string): Promise<void> {
  const conn = openSqlite(file);
  try {
    await conn.backup(target);
  } finally {
    conn.close();
  }
}
