// Defining an assessment: create, edit settings (tiers, bands, tie rules, nominations), the criteria
// tree, the units assessed, reviewers per group; opening self-assessment and appraisal.
import { inUnitScope, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { findUnit } from '../units/units.repository';
import { bandProblems, DEFAULT_BANDS, DEFAULT_TIERS, levelOfCode, parentCode, treeProblems, type TBand, type TNominationRule, type TTier, type TTieRule } from './assessment-model';
import { assertState, requireOwner, viewerOf } from './assessment-access';
import { findAssessment, loadCriteria, loadUnits, unitsOfUser } from './assessments.repository';

export type TSettingsInput = {
  name?: string; year?: number; series?: string; periodLabel?: string | null; selfDeadline?: string | null;
  tiers?: TTier[]; bands?: TBand[]; tieRules?: TTieRule[]; nominationRules?: TNominationRule[]; reportPeriodId?: string | null;
};
export type TCriterionInput = {
  code: string; name: string; maxPoints: number; bonusPoints?: number; penaltyPoints?: number; guidance?: string | null;
  evidenceRequired?: boolean; evidenceTypes?: string[] | null; deadline?: string | null; indicatorCode?: string | null;
};

function checkSettings(s: TSettingsInput) {
  if (s.tiers && !s.tiers.length) throw invalid('Cần ít nhất một cấp phê duyệt');
  if (s.bands) {
    const p = bandProblems(s.bands);
    if (p.length) throw invalid(p[0], p.map((m) => ({ field: 'bands', message: m })));
  }
  for (const n of s.nominationRules ?? []) if (!(n.top >= 1)) throw invalid('Số đơn vị dẫn đầu được đề nghị phải từ 1 trở lên');
}

export async function listAssessments(ctx: TContext, f: { page: number; pageSize: number; year?: number; q?: string }) {
  await requireAccess(ctx, 'assessment.read', []);
  let q = ctx.db.selectFrom('assessments').innerJoin('units', 'units.id', 'assessments.owner_unit_id').where((eb) => eb.or([
    inUnitScope(ctx.actor, 'assessment.read', 'assessments.owner_unit_id'),
    eb.exists(eb.selectFrom('assessment_units as scope_u').select('scope_u.assessment_id').whereRef('scope_u.assessment_id', '=', 'assessments.id').where(inUnitScope(ctx.actor, 'assessment.read', 'scope_u.unit_id'))),
    eb('assessments.id', 'in', ctx.db.selectFrom('assessment_reviewers').select('assessment_id').where('user_id', '=', ctx.actor.userId)),
  ]));
  if (f.year) q = q.where('assessments.year', '=', f.year);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .select(['assessments.id', 'assessments.name', 'assessments.year', 'assessments.period_label', 'assessments.state', 'assessments.owner_unit_id', 'units.name as owner_name', 'assessments.published_at', 'assessments.created_at'])
    .select((eb) => eb.selectFrom('assessment_units').select((e2) => e2.fn.countAll<number>().as('n')).whereRef('assessment_units.assessment_id', '=', 'assessments.id').as('unit_count'))
    .orderBy('assessments.year', 'desc').orderBy('assessments.created_at', 'desc')
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows, total, page: f.page, pageSize: f.pageSize };
}

export async function createAssessment(ctx: TContext, input: TSettingsInput & { ownerUnitId: string; name: string; year: number }) {
  await requireAccess(ctx, 'assessment.write', [input.ownerUnitId]);
  checkSettings(input);
  const owner = await findUnit(ctx.db, input.ownerUnitId);
  if (!owner) throw notFound('Không tìm thấy đơn vị tổ chức đánh giá');
  const id = newId();
  const now = nowIso();
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('assessments').values({
      id, province_code: owner.province_code, owner_unit_id: owner.id, series: input.series?.trim() || 'cchc', name: input.name.trim(), year: input.year,
      period_label: input.periodLabel ?? null, self_deadline: input.selfDeadline ?? null, state: 'draft', current_tier: 0,
      tiers_json: JSON.stringify(input.tiers ?? DEFAULT_TIERS), bands_json: JSON.stringify(input.bands ?? DEFAULT_BANDS),
      tie_rules_json: JSON.stringify(input.tieRules ?? []), nomination_rules_json: JSON.stringify(input.nominationRules ?? [{ titleCode: 'GIAY_KHEN', top: 2 }, { titleCode: 'CO_THI_DUA', top: 1 }]),
      report_period_id: input.reportPeriodId ?? null, created_by: ctx.actor.userId, created_at: now, updated_at: now, published_at: null, published_by: null, nominated_at: null,
    }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.create', entityType: 'assessment', entityId: id, unitId: owner.id, after: input });
  });
  return id;
}

export async function updateAssessment(ctx: TContext, id: string, input: TSettingsInput) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['draft', 'self_assessment', 'appraisal'], 'Chỉ sửa được thông tin đợt đánh giá trước khi trình phê duyệt');
  checkSettings(input);
  if (input.tieRules) {
    const codes = new Set((await loadCriteria(ctx.db, id)).map((c) => c.code));
    for (const t of input.tieRules) if (!codes.has(t.criterionCode)) throw invalid(`Quy tắc xếp hạng khi bằng điểm nêu tiêu chí ${t.criterionCode} không có trong bảng tiêu chí`);
  }
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('assessments').set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.year !== undefined ? { year: input.year } : {}),
      ...(input.series !== undefined ? { series: input.series } : {}),
      ...(input.periodLabel !== undefined ? { period_label: input.periodLabel } : {}),
      ...(input.selfDeadline !== undefined ? { self_deadline: input.selfDeadline } : {}),
      ...(input.tiers ? { tiers_json: JSON.stringify(input.tiers) } : {}),
      ...(input.bands ? { bands_json: JSON.stringify(input.bands) } : {}),
      ...(input.tieRules ? { tie_rules_json: JSON.stringify(input.tieRules) } : {}),
      ...(input.nominationRules ? { nomination_rules_json: JSON.stringify(input.nominationRules) } : {}),
      ...(input.reportPeriodId !== undefined ? { report_period_id: input.reportPeriodId } : {}),
      updated_at: nowIso(),
    }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.update', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, after: input });
  });
}

/** Replaces the criteria tree (only while drafting). Criteria keep their id by code, so reviewer assignments survive edits. */
export async function setCriteria(ctx: TContext, id: string, items: TCriterionInput[]) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['draft'], 'Chỉ sửa được bảng tiêu chí khi đang xây dựng');
  const norm = items.map((i) => ({ ...i, code: i.code.trim(), bonusPoints: i.bonusPoints ?? 0, penaltyPoints: i.penaltyPoints ?? 0 }));
  const problems = treeProblems(norm);
  if (problems.length) throw invalid(problems[0], problems.map((m) => ({ field: 'items', message: m })));
  const before = await loadCriteria(ctx.db, id);
  const byCode = new Map(before.map((c) => [c.code, c]));
  const ids = new Map(norm.map((n) => [n.code, byCode.get(n.code)?.id ?? newId()]));
  await withTransaction(ctx, async (trx) => {
    await trx.deleteFrom('assessment_criteria').where('assessment_id', '=', id).execute();
    const rows = norm.map((n, i) => ({
      id: ids.get(n.code)!, assessment_id: id, parent_id: parentCode(n.code) ? ids.get(parentCode(n.code)!)! : null, level: levelOfCode(n.code), code: n.code, name: n.name.trim(),
      max_points: n.maxPoints, bonus_points: n.bonusPoints, penalty_points: n.penaltyPoints, guidance: n.guidance ?? null, evidence_required: n.evidenceRequired ? 1 : 0,
      evidence_types: n.evidenceTypes?.length ? JSON.stringify(n.evidenceTypes) : null, deadline: n.deadline ?? null, indicator_code: n.indicatorCode?.trim() || null, sort_order: i + 1,
    }));
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('assessment_criteria').values(rows.slice(i, i + 200)).execute();
    const groupIds = rows.filter((r) => r.level === 1).map((r) => r.id);
    await trx.deleteFrom('assessment_reviewers').where('assessment_id', '=', id).where('group_id', 'not in', groupIds.length ? groupIds : ['-']).execute();
    const keptCodes = new Set(norm.map((n) => n.code));
    const tie = (JSON.parse(a.tie_rules_json) as TTieRule[]).filter((t) => keptCodes.has(t.criterionCode));
    await trx.updateTable('assessments').set({ tie_rules_json: JSON.stringify(tie), updated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.criteria.set', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: before.map((c) => ({ code: c.code, name: c.name, maxPoints: c.maxPoints })), after: norm });
  });
}

/** Sets the units assessed: the members of clusters/blocs (ranked inside their cluster) and hand-picked units. */
export async function setUnits(ctx: TContext, id: string, input: { clusterIds: string[]; unitIds: string[] }) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['draft'], 'Chỉ thay đổi danh sách đơn vị được đánh giá khi đang xây dựng');
  const rows = new Map<string, string | null>();
  for (const cid of input.clusterIds) {
    const c = await ctx.db.selectFrom('clusters').select(['id', 'owner_unit_id']).where('id', '=', cid).executeTakeFirst();
    if (!c) throw notFound('Không tìm thấy cụm/khối thi đua');
    await requireAccess(ctx, 'cluster.read', [c.owner_unit_id]);
    const members = await ctx.db.selectFrom('cluster_members').select('unit_id').where('cluster_id', '=', cid).execute();
    for (const m of members) if (!rows.has(m.unit_id)) rows.set(m.unit_id, cid);
  }
  for (const u of input.unitIds) if (!rows.has(u)) rows.set(u, null);
  if (!rows.size) throw invalid('Chưa chọn đơn vị nào để đánh giá');
  await requireAccess(ctx, 'assessment.read', [...rows.keys()]);
  const units = await ctx.db.selectFrom('units').select(['id', 'province_code']).where('id', 'in', [...rows.keys()]).execute();
  const before = await loadUnits(ctx.db, id);
  await withTransaction(ctx, async (trx) => {
    await trx.deleteFrom('assessment_self_scores').where('assessment_id', '=', id).where('unit_id', 'not in', [...rows.keys()]).execute();
    await trx.deleteFrom('assessment_units').where('assessment_id', '=', id).execute();
    const values = units.map((u) => ({ assessment_id: id, unit_id: u.id, cluster_id: rows.get(u.id) ?? null, province_code: u.province_code, self_state: 'draft' as const, submitted_at: null, submitted_by: null, self_total: null, final_total: null, band_code: null, rank: null }));
    for (let i = 0; i < values.length; i += 200) await trx.insertInto('assessment_units').values(values.slice(i, i + 200)).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.units.set', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: before.map((u) => u.unit_id), after: input });
  });
}

/** Users who may be assigned as reviewers: officers at the owner unit or above it. */
export async function listReviewerCandidates(ctx: TContext, id: string) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.read');
  const ancestors = ctx.db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', a.owner_unit_id);
  return ctx.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.full_name', 'users.username']).distinct()
    .where('user_roles.role', 'in', ['officer', 'admin']).where('user_roles.unit_id', 'in', ancestors).where('users.is_active', '=', 1)
    .orderBy('users.full_name').limit(200).execute();
}

/** Assigns reviewers per group of criteria (replaces the list of each group given). */
export async function setReviewers(ctx: TContext, id: string, items: { groupId: string; userIds: string[] }[]) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['draft', 'self_assessment', 'appraisal'], 'Chỉ phân công người thẩm định trước khi trình phê duyệt');
  const groups = new Map((await loadCriteria(ctx.db, id)).filter((c) => c.level === 1).map((c) => [c.id, c]));
  const allowed = new Set((await listReviewerCandidates(ctx, id)).map((u) => u.id));
  for (const it of items) {
    if (!groups.has(it.groupId)) throw invalid('Nhóm tiêu chí không thuộc đợt đánh giá này');
    for (const u of it.userIds) if (!allowed.has(u)) throw invalid('Người thẩm định phải là cán bộ của đơn vị tổ chức đánh giá');
  }
  await withTransaction(ctx, async (trx) => {
    for (const it of items) {
      await trx.deleteFrom('assessment_reviewers').where('assessment_id', '=', id).where('group_id', '=', it.groupId).execute();
      const uniq = [...new Set(it.userIds)];
      if (uniq.length) await trx.insertInto('assessment_reviewers').values(uniq.map((u) => ({ id: newId(), assessment_id: id, group_id: it.groupId, user_id: u, created_at: nowIso() }))).execute();
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.reviewers.set', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, after: items });
  });
}

/** draft → self_assessment (needs criteria and units); self_assessment → appraisal (every unit submitted). */
export async function advanceAssessment(ctx: TContext, id: string, action: 'open' | 'start_appraisal') {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  if (action === 'open') {
    assertState(a, ['draft'], 'Chỉ mở tự đánh giá khi đang xây dựng');
    const criteria = await loadCriteria(ctx.db, id);
    if (!criteria.length) throw invalid('Bảng tiêu chí chưa có tiêu chí nào');
    const units = await loadUnits(ctx.db, id);
    if (!units.length) throw invalid('Chưa chọn đơn vị được đánh giá');
  } else {
    assertState(a, ['self_assessment'], 'Chỉ chuyển sang thẩm định khi các đơn vị đang tự đánh giá');
    const units = await loadUnits(ctx.db, id);
    const missing = units.filter((u) => u.self_state !== 'submitted');
    if (missing.length) throw new AppError('INVALID_STATE', `Còn ${missing.length} đơn vị chưa gửi tự đánh giá: ${missing.slice(0, 5).map((u) => u.unit_name).join('; ')}`);
    const groups = (await loadCriteria(ctx.db, id)).filter((c) => c.level === 1);
    const assigned = new Set((await ctx.db.selectFrom('assessment_reviewers').select('group_id').where('assessment_id', '=', id).execute()).map((r) => r.group_id));
    const bare = groups.filter((g) => !assigned.has(g.id));
    if (bare.length) throw new AppError('INVALID_STATE', `Nhóm tiêu chí ${bare.map((g) => g.code).join(', ')} chưa có người thẩm định`);
  }
  const to = action === 'open' ? 'self_assessment' as const : 'appraisal' as const;
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('assessments').set({ state: to, updated_at: nowIso() }).where('id', '=', id).where('state', '=', a.state).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: `assessment.${action}`, entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, before: { state: a.state }, after: { state: to } });
  });
}

export { viewerOf, unitsOfUser };
