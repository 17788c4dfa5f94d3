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

/** Prepared statements kept per connection (least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely sees it, with its prepared statements cached by SQL text: Kysely asks for a new
 * prepare on every query, which on a small read (a person's record: 0,1 ms of SQL) cost more than the query.
 * A statement being iterated (a stream) cannot run again until it ends, so iterate() prepares its own.
 */
export function withStatementCache(conn: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => conn.close(),
    prepare(sql: string) {
      let st = cache.get(sql);
      if (st) {
        cache.delete(sql); // re-inserted below: most recently used last
      } else {
        st = conn.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, st);
      const statement = st;
      return {
        reader: statement.reader,
        all: (parameters: ReadonlyArray<unknown>) => statement.all(parameters),
        run: (parameters: ReadonlyArray<unknown>) => statement.run(parameters),
        iterate: (parameters: ReadonlyArray<unknown>) => conn.prepare(sql).iterate(parameters),
      };
    },
  };
}

export function createSqliteDialect(file: string): SqliteDialect {
  return new SqliteDialect({ database: async () => withStatementCache(openSqlite(file)) });
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
