// Self-assessment of one assessed unit: a score and an explanation per criterion, evidence files,
// values of report indicators shown beside the criteria that name one, submission when complete.
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import { withTransaction } from '../db/transaction';
import { AppError, invalid, notFound } from '../errors';
import { uploadAttachment } from '../files/attachments';
import { sniffType, type FileStorage } from '../files/storage';
import { newId, nowIso } from '../ids';
import { EVIDENCE_TYPES, evidenceTypesLabel, leavesOf, round2, scoreProblem, type TCriterion } from './assessment-model';
import { assertNotPublished, assertState, viewerOf } from './assessment-access';
import { findAssessment, loadCriteria, loadEvidence, loadSelfScores, type TAssessmentRow } from './assessments.repository';

async function assessedUnit(db: Db | Tx, assessmentId: string, unitId: string) {
  const u = await db.selectFrom('assessment_units').innerJoin('units', 'units.id', 'assessment_units.unit_id').selectAll('assessment_units').select('units.name as unit_name')
    .where('assessment_id', '=', assessmentId).where('unit_id', '=', unitId).executeTakeFirst();
  if (!u) throw notFound('Đơn vị không thuộc đợt đánh giá này');
  return u;
}

/**
 * The unit's value of a report indicator (periodic reports, src/server/reports): the assessment's
 * report period when set, else the latest submitted/accepted value of the assessment's year.
 * Returns null when no value exists (or when the reports tables are absent).
 */
export async function indicatorValues(db: Db | Tx, a: TAssessmentRow, unitId: string, codes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!codes.length) return out;
  try {
    let q = db.selectFrom('report_values').innerJoin('report_submissions', 'report_submissions.id', 'report_values.submission_id')
      .innerJoin('report_periods', 'report_periods.id', 'report_values.period_id')
      .select(['report_values.indicator_code', 'report_values.value_num', 'report_periods.period_to'])
      .where('report_values.unit_id', '=', unitId).where('report_values.indicator_code', 'in', codes)
      .where('report_submissions.state', 'in', ['submitted', 'accepted']).where('report_values.value_num', 'is not', null);
    q = a.report_period_id ? q.where('report_values.period_id', '=', a.report_period_id) : q.where('report_periods.period_to', '>=', `${a.year}-01-01`).where('report_periods.period_to', '<=', `${a.year + 1}-12-31`);
    const rows = await q.orderBy('report_periods.period_to', 'desc').execute();
    for (const r of rows) if (!out.has(r.indicator_code)) out.set(r.indicator_code, Number(r.value_num));
  } catch {
    return out;
  }
  return out;
}

export async function getSelfAssessment(ctx: TContext, id: string, unitId: string) {
  const v = await viewerOf(ctx, id);
  if (!v.ownerRead && !v.readableUnits.includes(unitId) && !v.reviewerGroups.length) throw notFound('Không tìm thấy tự đánh giá của đơn vị');
  const u = await assessedUnit(ctx.db, id, unitId);
  const criteria = await loadCriteria(ctx.db, id);
  const scores = new Map((await loadSelfScores(ctx.db, id, unitId)).map((s) => [s.criterion_id, s]));
  const evidence = await loadEvidence(ctx.db, id, unitId);
  const indicators = await indicatorValues(ctx.db, v.a, unitId, criteria.map((c) => c.indicatorCode).filter((x): x is string => !!x));
  const leaves = new Set(leavesOf(criteria).map((c) => c.id));
  const canEdit = v.a.state === 'self_assessment' && u.self_state === 'draft' && v.writableUnits.includes(unitId);
  return {
    assessmentId: id, unitId, unitName: u.unit_name, selfState: u.self_state, submittedAt: u.submitted_at, selfTotal: u.self_total == null ? null : Number(u.self_total), canEdit,
    items: criteria.map((c) => {
      const s = scores.get(c.id);
      const value = c.indicatorCode ? indicators.get(c.indicatorCode) ?? null : null;
      return {
        criterionId: c.id, code: c.code, name: c.name, level: c.level, scorable: leaves.has(c.id), maxPoints: c.maxPoints, bonusPoints: c.bonusPoints, penaltyPoints: c.penaltyPoints,
        guidance: c.guidance, evidenceRequired: c.evidenceRequired, evidenceTypes: c.evidenceTypes ?? [...EVIDENCE_TYPES], deadline: c.deadline, indicatorCode: c.indicatorCode,
        indicatorValue: value, suggestedScore: value != null && leaves.has(c.id) ? round2(Math.min(100, Math.max(0, value)) / 100 * c.maxPoints) : null,
        score: s ? s.score : null, explanation: s?.explanation ?? null,
        evidence: evidence.filter((e) => e.criterion_id === c.id).map((e) => ({ id: e.id, attachmentId: e.attachment_id, fileName: e.file_name })),
      };
    }),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

async function requireSelfWriter(ctx: TContext, a: TAssessmentRow, unitId: string) {
  await requireAccess(ctx, 'assessment.write', [unitId]);
  assertState(a, ['self_assessment'], 'Chỉ tự đánh giá khi đợt đánh giá đang mở cho các đơn vị');
  const u = await assessedUnit(ctx.db, a.id, unitId);
  if (u.self_state === 'submitted') throw new AppError('INVALID_STATE', 'Đơn vị đã gửi tự đánh giá, không sửa được nữa');
  if (a.self_deadline && a.self_deadline < today()) throw new AppError('DEADLINE_PASSED', `Đã quá hạn tự đánh giá (${a.self_deadline.split('-').reverse().join('/')})`);
  return u;
}


/** Saves some criteria's scores and explanations (a draft; null clears a score). Every score is checked; nothing is saved if one is wrong. */
export async function saveSelfAssessment(ctx: TContext, id: string, unitId: string, items: { criterionId: string; score: number | null; explanation?: string | null }[]) {
  const a = await findAssessment(ctx.db, id);
  await requireSelfWriter(ctx, a, unitId);
  const criteria = await loadCriteria(ctx.db, id);
  const leaves = new Map(leavesOf(criteria).map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const it of items) {
    const c = leaves.get(it.criterionId);
    if (!c) { problems.push('Tiêu chí không thuộc bảng tiêu chí hoặc là nhóm tiêu chí (không chấm trực tiếp)'); continue; }
    if (c.deadline && c.deadline < today()) problems.push(`Tiêu chí ${c.code} đã quá hạn tự đánh giá (${c.deadline.split('-').reverse().join('/')})`);
    if (it.score != null) { const p = scoreProblem(c, it.score); if (p) problems.push(p); }
  }
  if (problems.length) throw invalid(problems[0], problems.map((m) => ({ field: 'items', message: m })));
  const indicators = await indicatorValues(ctx.db, a, unitId, criteria.map((c) => c.indicatorCode).filter((x): x is string => !!x));
  const before = await loadSelfScores(ctx.db, id, unitId);
  await withTransaction(ctx, async (trx) => {
    for (const it of items) {
      const c = leaves.get(it.criterionId)!;
      await trx.deleteFrom('assessment_self_scores').where('assessment_id', '=', id).where('unit_id', '=', unitId).where('criterion_id', '=', it.criterionId).execute();
      if (it.score == null) continue;
      await trx.insertInto('assessment_self_scores').values({
        id: newId(), assessment_id: id, unit_id: unitId, criterion_id: it.criterionId, score: it.score, explanation: it.explanation?.trim() || null,
        indicator_value: c.indicatorCode ? indicators.get(c.indicatorCode) ?? null : null, updated_by: ctx.actor.userId, updated_at: nowIso(),
      }).execute();
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.self.save', entityType: 'assessment', entityId: id, unitId, before: before.filter((b) => items.some((i) => i.criterionId === b.criterion_id)).map((b) => ({ criterionId: b.criterion_id, score: b.score })), after: items });
  });
}

/** Submits the self-assessment: every scorable criterion answered (zero counts), evidence where required. */
export async function submitSelfAssessment(ctx: TContext, id: string, unitId: string) {
  const a = await findAssessment(ctx.db, id);
  await requireSelfWriter(ctx, a, unitId);
  const criteria = await loadCriteria(ctx.db, id);
  const leaves = leavesOf(criteria);
  const scores = new Map((await loadSelfScores(ctx.db, id, unitId)).map((s) => [s.criterion_id, s.score]));
  const evidence = await loadEvidence(ctx.db, id, unitId);
  const missing = leaves.filter((c) => !scores.has(c.id));
  if (missing.length) throw invalid(`Chưa chấm ${missing.length} tiêu chí: ${missing.slice(0, 8).map((c) => c.code).join(', ')}${missing.length > 8 ? '…' : ''}. Điểm 0 cũng cần được nhập.`, missing.map((c) => ({ field: c.code, message: 'Chưa chấm điểm' })));
  const noEvidence = leaves.filter((c) => c.evidenceRequired && !evidence.some((e) => e.criterion_id === c.id));
  if (noEvidence.length) throw invalid(`Tiêu chí ${noEvidence.map((c) => c.code).join(', ')} yêu cầu tệp minh chứng`, noEvidence.map((c) => ({ field: c.code, message: 'Thiếu minh chứng' })));
  const total = round2(leaves.reduce((s, c) => s + (scores.get(c.id) ?? 0), 0));
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('assessment_units').set({ self_state: 'submitted', submitted_at: nowIso(), submitted_by: ctx.actor.userId, self_total: total })
      .where('assessment_id', '=', id).where('unit_id', '=', unitId).where('self_state', '=', 'draft').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Tự đánh giá vừa được gửi ở nơi khác');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.self.submit', entityType: 'assessment', entityId: id, unitId, after: { total } });
  });
  return { total };
}

/** Owner side sends a submitted self-assessment back to the unit (before appraisal), with a reason. */
export async function reopenSelfAssessment(ctx: TContext, id: string, unitId: string, reason: string) {
  const a = await findAssessment(ctx.db, id);
  await requireAccess(ctx, 'assessment.write', [a.owner_unit_id]);
  assertState(a, ['self_assessment'], 'Chỉ trả lại tự đánh giá khi các đơn vị đang tự đánh giá');
  await assessedUnit(ctx.db, id, unitId);
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('assessment_units').set({ self_state: 'draft', submitted_at: null, submitted_by: null }).where('assessment_id', '=', id).where('unit_id', '=', unitId).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.self.reopen', entityType: 'assessment', entityId: id, unitId, reason });
  });
}

/** Uploads one evidence file for a criterion; its type (read from the bytes) must be one the criterion accepts. */
export async function addEvidence(ctx: TContext, storage: FileStorage, id: string, unitId: string, input: { criterionId: string; fileName: string; bytes: Uint8Array }) {
  const a = await findAssessment(ctx.db, id);
  await requireSelfWriter(ctx, a, unitId);
  const c: TCriterion | undefined = leavesOf(await loadCriteria(ctx.db, id)).find((x) => x.id === input.criterionId);
  if (!c) throw invalid('Tiêu chí không thuộc bảng tiêu chí hoặc là nhóm tiêu chí');
  const allowed = c.evidenceTypes ?? [...EVIDENCE_TYPES];
  const type = await sniffType(input.bytes);
  if (!type || !allowed.includes(type.ext)) throw new AppError('UNSUPPORTED_TYPE', `Minh chứng của tiêu chí ${c.code} phải là tệp ${evidenceTypesLabel(allowed)}${type ? ` (tệp đã chọn là ${type.label})` : ''}`);
  return withTransaction(ctx, async (trx) => {
    const att = await uploadAttachment({ ...ctx, db: trx }, storage, { bytes: input.bytes, fileName: input.fileName, unitId, entityType: 'assessment_evidence', entityId: id });
    const evId = newId();
    await trx.insertInto('assessment_evidence').values({ id: evId, assessment_id: id, unit_id: unitId, criterion_id: c.id, attachment_id: att.id, file_name: att.fileName, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.evidence.add', entityType: 'assessment', entityId: id, unitId, after: { criterion: c.code, fileName: att.fileName, attachmentId: att.id } });
    return { id: evId, attachmentId: att.id, fileName: att.fileName };
  });
}

export async function removeEvidence(ctx: TContext, id: string, evidenceId: string) {
  const a = await findAssessment(ctx.db, id);
  assertNotPublished(a);
  const ev = await ctx.db.selectFrom('assessment_evidence').selectAll().where('id', '=', evidenceId).where('assessment_id', '=', id).executeTakeFirst();
  if (!ev) throw notFound('Không tìm thấy minh chứng');
  await requireSelfWriter(ctx, a, ev.unit_id);
  await withTransaction(ctx, async (trx) => {
    await trx.deleteFrom('assessment_evidence').where('id', '=', evidenceId).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.evidence.remove', entityType: 'assessment', entityId: id, unitId: ev.unit_id, before: { fileName: ev.file_name, attachmentId: ev.attachment_id } });
  });
}
