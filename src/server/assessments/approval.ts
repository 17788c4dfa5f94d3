// Approval tiers (configurable, e.g. chuyên viên → trưởng phòng → hội đồng → giám đốc): each tier
// approves or returns one tier with a reason; the final tier publishes and the results freeze.
import { grantRoots, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, forbidden, invalid } from '../errors';
import { newId, nowIso } from '../ids';
import { ROLE_LABELS } from '../auth/access';
import { assertState, holdsRoleOver, requireOwner } from './assessment-access';
import { findAssessment, parseConfig, type TAssessmentRow } from './assessments.repository';
import { computeResults } from './compute-results';

/** Whether the actor may act at the assessment's current tier. */
export async function canActAtTier(ctx: TContext, a: TAssessmentRow): Promise<boolean> {
  if (a.state !== 'approval') return false;
  const tier = parseConfig(a).tiers[a.current_tier];
  if (!tier) return false;
  const permission = tier.role === 'officer' ? 'assessment.write' : 'assessment.approve';
  if (!grantRoots(ctx.actor, permission).length) return false;
  return holdsRoleOver(ctx, tier.role, a.owner_unit_id);
}

async function requireTier(ctx: TContext, a: TAssessmentRow) {
  assertState(a, ['approval'], 'Đợt đánh giá chưa được trình phê duyệt');
  const tier = parseConfig(a).tiers[a.current_tier];
  if (!(await canActAtTier(ctx, a))) throw forbidden(`Bước “${tier?.label ?? ''}” do ${ROLE_LABELS[tier?.role ?? 'head'].toLowerCase()} của đơn vị tổ chức đánh giá thực hiện`);
  return tier;
}

export async function submitForApproval(ctx: TContext, id: string) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['appraisal'], 'Chỉ trình phê duyệt sau khi thẩm định');
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('assessments').set({ state: 'approval', current_tier: 0, updated_at: nowIso() }).where('id', '=', id).where('state', '=', 'appraisal').execute();
    await trx.insertInto('assessment_approvals').values({ id: newId(), assessment_id: id, tier_index: 0, action: 'submit', reason: null, actor_user_id: ctx.actor.userId, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.submit', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: { state: a.state }, after: { state: 'approval', tier: 0 } });
  });
}

/** Approves at the current tier; at the final tier this publishes. */
export async function approveTier(ctx: TContext, id: string, reason: string | null) {
  const a = await findAssessment(ctx.db, id);
  await requireTier(ctx, a);
  const { tiers } = parseConfig(a);
  if (a.current_tier >= tiers.length - 1) return publishAssessment(ctx, id, reason);
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('assessments').set({ current_tier: a.current_tier + 1, updated_at: nowIso() }).where('id', '=', id).where('state', '=', 'approval').where('current_tier', '=', a.current_tier).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Đợt đánh giá vừa được xử lý ở nơi khác, hãy tải lại trang');
    await trx.insertInto('assessment_approvals').values({ id: newId(), assessment_id: id, tier_index: a.current_tier, action: 'approve', reason: reason?.trim() || null, actor_user_id: ctx.actor.userId, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.approve', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: { tier: a.current_tier }, after: { tier: a.current_tier + 1 }, reason });
  });
}

/** Returns one tier down with a reason; from the first tier back to appraisal. */
export async function returnTier(ctx: TContext, id: string, reason: string) {
  const a = await findAssessment(ctx.db, id);
  await requireTier(ctx, a);
  if (!reason || reason.trim().length < 3) throw invalid('Trả lại cần ghi rõ lý do', [{ field: 'reason', message: 'Bắt buộc' }]);
  const toAppraisal = a.current_tier === 0;
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('assessments').set(toAppraisal ? { state: 'appraisal', current_tier: 0, updated_at: nowIso() } : { current_tier: a.current_tier - 1, updated_at: nowIso() })
      .where('id', '=', id).where('state', '=', 'approval').where('current_tier', '=', a.current_tier).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Đợt đánh giá vừa được xử lý ở nơi khác, hãy tải lại trang');
    await trx.insertInto('assessment_approvals').values({ id: newId(), assessment_id: id, tier_index: a.current_tier, action: 'return', reason: reason.trim(), actor_user_id: ctx.actor.userId, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.return', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: { tier: a.current_tier }, after: toAppraisal ? { state: 'appraisal' } : { tier: a.current_tier - 1 }, reason: reason.trim() });
  });
}

/** The final tier publishes: per-criterion results, totals, bands and ranks are written once and never change. */
export async function publishAssessment(ctx: TContext, id: string, reason: string | null) {
  const a = await findAssessment(ctx.db, id);
  await requireTier(ctx, a);
  const { tiers } = parseConfig(a);
  if (a.current_tier !== tiers.length - 1) throw new AppError('INVALID_STATE', `Chỉ cấp phê duyệt cuối cùng (${tiers[tiers.length - 1].label}) mới công bố kết quả`);
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('assessments').set({ state: 'published', published_at: nowIso(), published_by: ctx.actor.userId, updated_at: nowIso() })
      .where('id', '=', id).where('state', '=', 'approval').where('current_tier', '=', a.current_tier).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Đợt đánh giá vừa được xử lý ở nơi khác, hãy tải lại trang');
    const { results } = await computeResults(trx, a, true);
    const rows = results.flatMap((r) => r.cells.map((c) => ({ assessment_id: id, unit_id: r.unitId, criterion_id: c.criterionId, self_score: c.self, final_score: c.final, reviewer_count: c.count, reasons_json: JSON.stringify(c.reasons) })));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('assessment_results').values(rows.slice(i, i + 500)).execute();
    for (const r of results) {
      await trx.updateTable('assessment_units').set({ final_total: r.total, band_code: r.bandCode, rank: r.rank }).where('assessment_id', '=', id).where('unit_id', '=', r.unitId).execute();
    }
    await trx.insertInto('assessment_approvals').values({ id: newId(), assessment_id: id, tier_index: a.current_tier, action: 'publish', reason: reason?.trim() || null, actor_user_id: ctx.actor.userId, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.publish', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, after: { units: results.length, ranking: results.map((r) => ({ unitId: r.unitId, total: r.total, rank: r.rank })) }, reason });
  });
}
