// PostgreSQL specifics: the pool and advisory locks. Nothing else in the code base knows it runs on PostgreSQL.
import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { Kysely } from 'kysely';

// Keep BIGINT (count(*), sequences) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function createPostgresDialect(url: string, poolMax = 10, onIdleError?: (err: Error) => void): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle client can be cut off by the server (restart, failover, admin): drop it, never crash the process.
  pool.on('error', (err) => onIdleError?.(err));
  return new PostgresDialect({ pool });
}

/** Transaction-scoped advisory lock: serialises writers of one chain (e.g. the audit log). */
export async function advisoryXactLock(trx: Kysely<any>, key: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
