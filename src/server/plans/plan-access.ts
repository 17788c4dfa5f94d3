// Reading one plan: visible when readablePlanIds allows it, else 404 (nothing about other units leaks).
import type { TContext } from '../auth/access';
import { notFound } from '../errors';
import { readablePlanIds, type TPlanRow } from './plans.repository';

export async function loadReadablePlan(ctx: TContext, id: string): Promise<TPlanRow> {
  const row = await ctx.db.selectFrom('plans').selectAll().where('id', '=', id).where('id', 'in', readablePlanIds(ctx.db, ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy kế hoạch');
  return row;
}
