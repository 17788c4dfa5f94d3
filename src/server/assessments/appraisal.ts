// Appraisal by the upper level: reviewers assigned per group of criteria score a grid of units ×
// criteria (autosaved cell by cell, every change with a reason, audited); a reviewer with a conflict
// steps aside for a unit; a reviewer never scores their own unit.
import type { TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, forbidden, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { finalScore, groupOf, leavesOf, scoreProblem } from './assessment-model';
import { assertState, viewerOf } from './assessment-access';
import { loadCriteria, loadRecusals, loadReviewers, loadUnits, ownUnitsAmong } from './assessments.repository';

/** A unit is the reviewer's own when the reviewer holds a role at it or inside it, or works there. */
async function isOwnUnit(ctx: TContext, unitId: string): Promise<boolean> {
  return (await ownUnitsAmong(ctx.db, ctx.actor.userId, [unitId])).has(unitId);
}

export async function getGrid(ctx: TContext, id: string, f: { groupId?: string }) {
  const v = await viewerOf(ctx, id);
  if (!v.ownerRead && !v.reviewerGroups.length) throw forbidden('Chỉ người thẩm định và đơn vị tổ chức đánh giá xem được bảng thẩm định');
  const all = await loadCriteria(ctx.db, id);
  const groups = groupOf(all);
  const leaves = leavesOf(all).filter((c) => !f.groupId || groups.get(c.id) === f.groupId);
  const units = await loadUnits(ctx.db, id);
  const recusals = await loadRecusals(ctx.db, id);
  const reviewers = await loadReviewers(ctx.db, id);
  // Two narrow queries instead of a join per cell: the grid of 100 × 40 opens in one round trip each.
  const self = await ctx.db.selectFrom('assessment_self_scores').select(['unit_id', 'criterion_id', 'score']).where('assessment_id', '=', id).execute();
  const rev = await ctx.db.selectFrom('assessment_scores').select(['unit_id', 'criterion_id', 'reviewer_id', 'score']).where('assessment_id', '=', id).execute();
  const selfMap = new Map(self.map((s) => [`${s.unit_id}|${s.criterion_id}`, Number(s.score)]));
  const recused = new Set(recusals.map((r) => `${r.user_id}|${r.unit_id}|${r.group_id}`));
  const revMap = new Map<string, { reviewerId: string; score: number }[]>();
  for (const r of rev) {
    const g = groups.get(r.criterion_id)!;
    if (recused.has(`${r.reviewer_id}|${r.unit_id}|${g}`)) continue;
    const k = `${r.unit_id}|${r.criterion_id}`;
    revMap.set(k, [...(revMap.get(k) ?? []), { reviewerId: r.reviewer_id, score: Number(r.score) }]);
  }
  const me = ctx.actor.userId;
  const editable = v.a.state === 'appraisal';
  const myRecusals = recusals.filter((r) => r.user_id === me);
  const ownUnits = v.reviewerGroups.length ? await ownUnitsAmong(ctx.db, me, units.map((u) => u.unit_id)) : new Set<string>();
  const cells = [] as { unitId: string; criterionId: string; self: number | null; final: number; mine: number | null; count: number; canEdit: boolean }[];
  for (const u of units) {
    for (const c of leaves) {
      const k = `${u.unit_id}|${c.id}`;
      const list = revMap.get(k) ?? [];
      const g = groups.get(c.id)!;
      const canEdit = editable && v.reviewerGroups.includes(g) && !recused.has(`${me}|${u.unit_id}|${g}`) && !ownUnits.has(u.unit_id);
      cells.push({ unitId: u.unit_id, criterionId: c.id, self: selfMap.get(k) ?? null, final: finalScore(selfMap.get(k) ?? null, list.map((x) => x.score)), mine: list.find((x) => x.reviewerId === me)?.score ?? null, count: list.length, canEdit });
    }
  }
  return {
    assessmentId: id, state: v.a.state, editable,
    groups: all.filter((c) => c.level === 1).map((g) => ({ id: g.id, code: g.code, name: g.name, mine: v.reviewerGroups.includes(g.id), reviewers: reviewers.filter((r) => r.group_id === g.id).map((r) => ({ userId: r.user_id, fullName: r.full_name })) })),
    criteria: leaves.map((c) => ({ id: c.id, code: c.code, name: c.name, groupId: groups.get(c.id)!, maxPoints: c.maxPoints, bonusPoints: c.bonusPoints, penaltyPoints: c.penaltyPoints })),
    units: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, clusterName: u.cluster_name ?? null, own: ownUnits.has(u.unit_id) })),
    cells,
    recusals: (v.ownerRead ? recusals : myRecusals).map((r) => ({ id: r.id, groupId: r.group_id, unitId: r.unit_id, userId: r.user_id, fullName: r.full_name, reason: r.reason, createdAt: r.created_at })),
  };
}

/** Every reviewer's score and reason for one cell (what the reviewers' reasons column shows). */
export async function getCell(ctx: TContext, id: string, unitId: string, criterionId: string) {
  const v = await viewerOf(ctx, id);
  const published = v.a.state === 'published';
  if (!v.ownerRead && !v.reviewerGroups.length && !(published && v.readableUnits.includes(unitId))) throw notFound('Không tìm thấy dữ liệu');
  const rows = await ctx.db.selectFrom('assessment_scores').innerJoin('users', 'users.id', 'assessment_scores.reviewer_id')
    .select(['assessment_scores.reviewer_id', 'users.full_name', 'assessment_scores.score', 'assessment_scores.reason', 'assessment_scores.updated_at'])
    .where('assessment_id', '=', id).where('unit_id', '=', unitId).where('criterion_id', '=', criterionId).execute();
  return { items: rows.map((r) => ({ reviewerId: r.reviewer_id, fullName: r.full_name, score: Number(r.score), reason: r.reason, updatedAt: r.updated_at })) };
}

/** One reviewer's score of one cell, with the reason of the change (null score withdraws it). */
export async function scoreCell(ctx: TContext, id: string, input: { unitId: string; criterionId: string; score: number | null; reason: string }) {
  const v = await viewerOf(ctx, id);
  assertState(v.a, ['appraisal'], 'Chỉ chấm thẩm định khi đợt đánh giá đang ở bước thẩm định');
  const all = await loadCriteria(ctx.db, id);
  const c = leavesOf(all).find((x) => x.id === input.criterionId);
  if (!c) throw invalid('Tiêu chí không thuộc bảng tiêu chí hoặc là nhóm tiêu chí');
  const g = groupOf(all).get(c.id)!;
  if (!v.reviewerGroups.includes(g)) throw forbidden(`Bạn không được phân công thẩm định nhóm tiêu chí ${all.find((x) => x.id === g)?.code ?? ''}`);
  const unit = await ctx.db.selectFrom('assessment_units').select('unit_id').where('assessment_id', '=', id).where('unit_id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw notFound('Đơn vị không thuộc đợt đánh giá này');
  if (await isOwnUnit(ctx, input.unitId)) throw forbidden('Người thẩm định không được chấm điểm đơn vị của chính mình');
  const rec = await ctx.db.selectFrom('assessment_recusals').select('id').where('assessment_id', '=', id).where('group_id', '=', g).where('unit_id', '=', input.unitId).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (rec) throw new AppError('INVALID_STATE', 'Bạn đã xin không tham gia thẩm định đơn vị này');
  const reason = input.reason.trim();
  if (reason.length < 3) throw invalid('Mỗi lần thay đổi điểm thẩm định cần ghi lý do', [{ field: 'reason', message: 'Bắt buộc' }]);
  if (input.score != null) { const p = scoreProblem(c, input.score); if (p) throw invalid(p, [{ field: 'score', message: p }]); }
  const before = await ctx.db.selectFrom('assessment_scores').select(['id', 'score']).where('assessment_id', '=', id).where('unit_id', '=', input.unitId).where('criterion_id', '=', c.id).where('reviewer_id', '=', ctx.actor.userId).executeTakeFirst();
  await withTransaction(ctx, async (trx) => {
    if (before) await trx.deleteFrom('assessment_scores').where('id', '=', before.id).execute();
    if (input.score != null) await trx.insertInto('assessment_scores').values({ id: newId(), assessment_id: id, unit_id: input.unitId, criterion_id: c.id, reviewer_id: ctx.actor.userId, score: input.score, reason, updated_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.score', entityType: 'assessment', entityId: id, unitId: input.unitId, before: { criterion: c.code, score: before ? Number(before.score) : null }, after: { criterion: c.code, score: input.score }, reason });
  });
  const list = await ctx.db.selectFrom('assessment_scores').select('score').where('assessment_id', '=', id).where('unit_id', '=', input.unitId).where('criterion_id', '=', c.id).execute();
  const self = await ctx.db.selectFrom('assessment_self_scores').select('score').where('assessment_id', '=', id).where('unit_id', '=', input.unitId).where('criterion_id', '=', c.id).executeTakeFirst();
  return { unitId: input.unitId, criterionId: c.id, mine: input.score, final: finalScore(self ? Number(self.score) : null, list.map((x) => Number(x.score))), count: list.length };
}

/** A reviewer with a conflict of interest steps aside for one unit in one group; their scores there are withdrawn. */
export async function recuse(ctx: TContext, id: string, input: { groupId: string; unitId: string; reason: string }) {
  const v = await viewerOf(ctx, id);
  assertState(v.a, ['self_assessment', 'appraisal'], 'Chỉ xin không tham gia thẩm định trước khi trình phê duyệt');
  if (!v.reviewerGroups.includes(input.groupId)) throw forbidden('Bạn không được phân công thẩm định nhóm tiêu chí này');
  const units = await loadUnits(ctx.db, id);
  if (!units.some((u) => u.unit_id === input.unitId)) throw notFound('Đơn vị không thuộc đợt đánh giá này');
  const reason = input.reason.trim();
  if (reason.length < 3) throw invalid('Cần nêu lý do không tham gia thẩm định', [{ field: 'reason', message: 'Bắt buộc' }]);
  const exists = await ctx.db.selectFrom('assessment_recusals').select('id').where('assessment_id', '=', id).where('group_id', '=', input.groupId).where('unit_id', '=', input.unitId).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (exists) throw new AppError('CONFLICT', 'Bạn đã xin không tham gia thẩm định đơn vị này');
  const all = await loadCriteria(ctx.db, id);
  const groups = groupOf(all);
  const inGroup = all.filter((c) => groups.get(c.id) === input.groupId).map((c) => c.id);
  await withTransaction(ctx, async (trx) => {
    const withdrawn = await trx.selectFrom('assessment_scores').select(['criterion_id', 'score']).where('assessment_id', '=', id).where('unit_id', '=', input.unitId).where('reviewer_id', '=', ctx.actor.userId).where('criterion_id', 'in', inGroup).execute();
    await trx.deleteFrom('assessment_scores').where('assessment_id', '=', id).where('unit_id', '=', input.unitId).where('reviewer_id', '=', ctx.actor.userId).where('criterion_id', 'in', inGroup).execute();
    await trx.insertInto('assessment_recusals').values({ id: newId(), assessment_id: id, group_id: input.groupId, unit_id: input.unitId, user_id: ctx.actor.userId, reason, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.recuse', entityType: 'assessment', entityId: id, unitId: input.unitId, before: withdrawn.map((w) => ({ criterionId: w.criterion_id, score: Number(w.score) })), after: { groupId: input.groupId }, reason });
  });
}
