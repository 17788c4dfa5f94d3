// SQL of the assessment feature: loads of an assessment with its tree, units, reviewers, scores.
import type { Db, Tx } from '../db/database';
import { notFound } from '../errors';
import type { TBand, TCriterion, TNominationRule, TTier, TTieRule } from './assessment-model';

type Q = Db | Tx;

export async function findAssessment(db: Q, id: string) {
  const a = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('Không tìm thấy đợt đánh giá');
  return a;
}
export type TAssessmentRow = Awaited<ReturnType<typeof findAssessment>>;

export function parseConfig(a: TAssessmentRow) {
  return {
    tiers: JSON.parse(a.tiers_json) as TTier[],
    bands: JSON.parse(a.bands_json) as TBand[],
    tieRules: JSON.parse(a.tie_rules_json) as TTieRule[],
    nominationRules: JSON.parse(a.nomination_rules_json) as TNominationRule[],
  };
}

export async function loadCriteria(db: Q, assessmentId: string): Promise<TCriterion[]> {
  const rows = await db.selectFrom('assessment_criteria').selectAll().where('assessment_id', '=', assessmentId).orderBy('sort_order').execute();
  return rows.map((r) => ({
    id: r.id, parentId: r.parent_id, level: r.level, code: r.code, name: r.name,
    maxPoints: Number(r.max_points), bonusPoints: Number(r.bonus_points), penaltyPoints: Number(r.penalty_points),
    guidance: r.guidance, evidenceRequired: !!r.evidence_required, evidenceTypes: r.evidence_types ? (JSON.parse(r.evidence_types) as string[]) : null,
    deadline: r.deadline, indicatorCode: r.indicator_code, sortOrder: r.sort_order,
  }));
}

export async function loadUnits(db: Q, assessmentId: string) {
  const rows = await db
    .selectFrom('assessment_units')
    .innerJoin('units', 'units.id', 'assessment_units.unit_id')
    .leftJoin('clusters', 'clusters.id', 'assessment_units.cluster_id')
    .selectAll('assessment_units')
    .select(['units.name as unit_name', 'units.code as unit_code', 'clusters.name as cluster_name'])
    .where('assessment_units.assessment_id', '=', assessmentId)
    .orderBy('units.name')
    .execute();
  return rows.map((r) => ({ ...r, self_total: r.self_total == null ? null : Number(r.self_total), final_total: r.final_total == null ? null : Number(r.final_total) }));
}
export type TUnitRow = Awaited<ReturnType<typeof loadUnits>>[number];

export async function loadReviewers(db: Q, assessmentId: string) {
  return db
    .selectFrom('assessment_reviewers')
    .innerJoin('users', 'users.id', 'assessment_reviewers.user_id')
    .select(['assessment_reviewers.group_id', 'assessment_reviewers.user_id', 'users.full_name', 'users.username'])
    .where('assessment_reviewers.assessment_id', '=', assessmentId)
    .orderBy('users.full_name')
    .execute();
}

export async function loadRecusals(db: Q, assessmentId: string) {
  return db
    .selectFrom('assessment_recusals')
    .innerJoin('users', 'users.id', 'assessment_recusals.user_id')
    .select(['assessment_recusals.id', 'assessment_recusals.group_id', 'assessment_recusals.unit_id', 'assessment_recusals.user_id', 'assessment_recusals.reason', 'assessment_recusals.created_at', 'users.full_name'])
    .where('assessment_recusals.assessment_id', '=', assessmentId)
    .execute();
}

export async function loadSelfScores(db: Q, assessmentId: string, unitId?: string) {
  let q = db.selectFrom('assessment_self_scores').selectAll().where('assessment_id', '=', assessmentId);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return (await q.execute()).map((r) => ({ ...r, score: Number(r.score), indicator_value: r.indicator_value == null ? null : Number(r.indicator_value) }));
}

export async function loadReviewerScores(db: Q, assessmentId: string, unitId?: string) {
  let q = db
    .selectFrom('assessment_scores')
    .innerJoin('users', 'users.id', 'assessment_scores.reviewer_id')
    .selectAll('assessment_scores')
    .select('users.full_name')
    .where('assessment_scores.assessment_id', '=', assessmentId);
  if (unitId) q = q.where('assessment_scores.unit_id', '=', unitId);
  return (await q.execute()).map((r) => ({ ...r, score: Number(r.score) }));
}

export async function loadEvidence(db: Q, assessmentId: string, unitId: string) {
  return db.selectFrom('assessment_evidence').selectAll().where('assessment_id', '=', assessmentId).where('unit_id', '=', unitId).orderBy('created_at').execute();
}

export async function loadResults(db: Q, assessmentId: string, unitId?: string) {
  let q = db.selectFrom('assessment_results').selectAll().where('assessment_id', '=', assessmentId);
  if (unitId) q = q.where('unit_id', '=', unitId);
  return (await q.execute()).map((r) => ({ ...r, self_score: r.self_score == null ? null : Number(r.self_score), final_score: Number(r.final_score) }));
}

export async function loadApprovals(db: Q, assessmentId: string) {
  return db
    .selectFrom('assessment_approvals')
    .innerJoin('users', 'users.id', 'assessment_approvals.actor_user_id')
    .selectAll('assessment_approvals')
    .select('users.full_name')
    .where('assessment_approvals.assessment_id', '=', assessmentId)
    .orderBy('assessment_approvals.created_at')
    .execute();
}

/** Units where the user holds a role (themselves or below), and the unit of the user's open employment. */
export async function unitsOfUser(db: Q, userId: string): Promise<{ roleUnits: string[]; personUnits: string[] }> {
  const roles = await db.selectFrom('user_roles').select('unit_id').where('user_id', '=', userId).execute();
  const user = await db.selectFrom('users').select('person_id').where('id', '=', userId).executeTakeFirst();
  const emp = user?.person_id ? await db.selectFrom('employments').select('unit_id').where('person_id', '=', user.person_id).where('to_date', 'is', null).execute() : [];
  return { roleUnits: roles.map((r) => r.unit_id), personUnits: emp.map((e) => e.unit_id) };
}

/** Ids of the ancestors (and itself) of a unit. */
export async function ancestorsOf(db: Q, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).execute();
  return rows.map((r) => r.ancestor_id);
}

/**
 * Which of `unitIds` are the user's own: the user holds a role at the unit or inside it, or works
 * there (open employment). One query for the whole grid.
 */
export async function ownUnitsAmong(db: Q, userId: string, unitIds: string[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const { roleUnits, personUnits } = await unitsOfUser(db, userId);
  const own = new Set(personUnits.filter((u) => unitIds.includes(u)));
  if (roleUnits.length) {
    const rows = await db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', 'in', roleUnits).where('ancestor_id', 'in', unitIds).distinct().execute();
    for (const r of rows) own.add(r.ancestor_id);
  }
  return own;
}
