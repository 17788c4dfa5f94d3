// Reading one plan: visible when planReadable allows it, else 404 (nothing about other units leaks).
// The rule is evaluated on the one row (correlated), never as `id IN (every readable plan)`: SQLite
// materialised that subquery over the whole country's plans (350–550 ms a read on national data).
import type { TContext } from '../auth/access';
import { notFound } from '../errors';
import { planReadable, type TPlanRow } from './plans.repository';

export async function loadReadablePlan(ctx: TContext, id: string): Promise<TPlanRow> {
  const row = await ctx.db.selectFrom('plans').selectAll().where('plans.id', '=', id).where(planReadable(ctx.db, ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy kế hoạch');
  return row;
}
