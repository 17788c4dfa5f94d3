// "Chuyển thành đề nghị bình xét": a unit's registrations under a plan become nominations for the
// unit's review (src/server/reviews/nominations.ts, source 'registration'), in one transaction. Rows
// already nominated are skipped; a registration once nominated can no longer be edited.
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { nowIso } from '../ids';
import { addNominations, type TNominationItem } from '../reviews/nominations';
import { planFamily } from './registrations';

export async function registrationsToNominations(ctx: TContext, input: { planId: string; unitId: string }) {
  await requireAccess(ctx, 'report.write', [input.unitId]);
  const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const family = await planFamily(ctx.db, input.planId);
  const regs = await ctx.db.selectFrom('registrations').innerJoin('unit_closure', 'unit_closure.descendant_id', 'registrations.unit_id')
    .selectAll('registrations').where('unit_closure.ancestor_id', '=', unit.id).where('registrations.plan_id', 'in', family)
    .where('registrations.nominated_at', 'is', null).orderBy('registrations.created_at').execute();
  if (!regs.length) throw new AppError('INVALID_STATE', 'Không còn đăng ký nào chưa chuyển thành đề nghị bình xét');
  const items: TNominationItem[] = regs.map((r) => ({
    unitId: unit.id, schoolYear: r.school_year, candidateKind: r.person_id ? 'ca_nhan' : 'tap_the', personId: r.person_id, candidateUnitId: r.person_id ? null : r.unit_id,
    titleCode: r.title_code, source: 'registration', sourceRef: r.id, note: r.commitment,
  }));
  const now = nowIso();
  const created = await withTransaction(ctx, async (trx) => {
    const rows = await addNominations(trx, ctx.kind, ctx.actor, items, { skipDuplicates: true });
    const ids = regs.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) await trx.updateTable('registrations').set({ nominated_at: now, nominated_by: ctx.actor.userId }).where('id', 'in', ids.slice(i, i + 500)).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'registration.to_nominations', entityType: 'plan', entityId: input.planId, unitId: unit.id, after: { registrations: regs.length, nominations: rows.length } });
    return rows;
  });
  return { registrations: regs.length, nominations: created.length };
}
