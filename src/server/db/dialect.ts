// The few statements whose SQL differs between the two databases.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { DbKind, Tx } from './database';
import { advisoryXactLock } from './postgres';

/** Adds an auto-increment integer primary key column. */
export function addSerialId<T extends string>(table: CreateTableBuilder<T, any>, kind: DbKind, column = 'id') {
  return kind === 'postgres'
    ? table.addColumn(column, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn(column, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/** Serialises writers that must see each other's rows (hash chains, document numbers). SQLite already has one writer. */
export async function lockChain(trx: Tx, kind: DbKind, key: number): Promise<void> {
  if (kind === 'postgres') await advisoryXactLock(trx, key);
}

/** Case-insensitive LIKE that works on both databases for already-folded columns. */
export const likeOp = 'like' as const;

export const nowSql = sql`CURRENT_TIMESTAMP`;

/** Atomically claims the oldest runnable job: SKIP LOCKED on PostgreSQL; SQLite has one writer, so a plain UPDATE … RETURNING is atomic. */
export async function claimNextJobRow(db: import('./database').Db, kind: DbKind, workerId: string, now: string, types: string[]) {
  const lock = kind === 'postgres' ? sql`for update skip locked` : sql``;
  const typeList = sql.join(types.map((t) => sql`${t}`));
  const res = await sql<import('./schema').JobTable & { id: number }>`
    update jobs set status = 'running', locked_by = ${workerId}, heartbeat_at = ${now}, attempts = attempts + 1
    where id = (
      select id from jobs where status = 'queued' and run_after <= ${now} and type in (${typeList})
      order by id limit 1 ${lock}
    )
    returning *`.execute(db);
  return res.rows[0] ?? null;
}

/**
 * A trigram index for `LIKE '%…%'` on an already-folded text column: GIN + pg_trgm on PostgreSQL
 * (inside a savepoint, so a server without the extension keeps working without the index); SQLite has
 * no such index and scans the narrower (unit, name) indexes instead. Returns whether it was created.
 */
export async function createTrigramIndex(trx: import('kysely').Kysely<any>, kind: DbKind, name: string, table: string, column: string): Promise<boolean> {
  if (kind !== 'postgres') return false;
  await sql`savepoint thidua_trgm`.execute(trx);
  try {
    await sql`create extension if not exists pg_trgm`.execute(trx);
    await sql.raw(`create index if not exists ${name} on ${table} using gin (${column} gin_trgm_ops)`).execute(trx);
    await sql`release savepoint thidua_trgm`.execute(trx);
    return true;
  } catch {
    await sql`rollback to savepoint thidua_trgm`.execute(trx);
    return false;
  }
}
