// Opens the database chosen by the configuration: SQLite (better-sqlite3, WAL) by default, PostgreSQL
// when DATABASE_URL is postgres://…. Everything above this file speaks Kysely only.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';
import { createSqliteDialect } from './sqlite';
import { createPostgresDialect } from './postgres';

export type DbKind = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Database = { db: Db; kind: DbKind; close: () => Promise<void>; sqliteFile?: string };

export function openDatabase(opts: { url: string; dataDir: string; poolMax?: number }): Database {
  if (/^postgres(ql)?:\/\//.test(opts.url)) {
    const dialect = createPostgresDialect(opts.url, opts.poolMax);
    const db = new Kysely<DB>({ dialect });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const file = opts.url.startsWith('sqlite:') ? opts.url.slice('sqlite:'.length) : path.join(opts.dataDir, 'thidua.sqlite');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const dialect = createSqliteDialect(file);
  const db = new Kysely<DB>({ dialect });
  return { db, kind: 'sqlite', close: () => db.destroy(), sqliteFile: path.resolve(file) };
}
