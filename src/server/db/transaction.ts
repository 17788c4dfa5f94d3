import type { TContext } from '../auth/access';
import type { Tx } from './database';

/** Runs `fn` in a transaction; inside an existing one it reuses it. */
export async function withTransaction<T>(ctx: TContext, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx.db as Tx);
  return ctx.db.transaction().execute(fn);
}
