// Who may do what on one assessment: the owner side (the unit that runs it), the assessed units
// (self-assessment, published results) and the assigned reviewers.
import { grantRoots, requireAccess, type Permission, type TContext } from '../auth/access';
import type { RoleCode } from '../db/schema';
import { AppError, notFound } from '../errors';
import { findAssessment, type TAssessmentRow } from './assessments.repository';

export const PUBLISHED_MESSAGE = 'Kết quả đánh giá đã công bố, không thể thay đổi';

export const STATE_LABELS: Record<TAssessmentRow['state'], string> = {
  draft: 'Đang xây dựng bảng tiêu chí',
  self_assessment: 'Các đơn vị tự đánh giá',
  appraisal: 'Thẩm định',
  approval: 'Trình phê duyệt',
  published: 'Đã công bố kết quả',
};

async function reaches(ctx: TContext, permission: Permission, unitIds: string[]): Promise<string[]> {
  const roots = grantRoots(ctx.actor, permission);
  if (!roots.length || !unitIds.length) return [];
  const rows = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).where('descendant_id', 'in', unitIds).distinct().execute();
  return rows.map((r) => r.descendant_id);
}

export type TViewer = {
  a: TAssessmentRow;
  ownerRead: boolean;
  ownerWrite: boolean;
  reviewerGroups: string[];
  /** Assessed units the actor may self-assess for (assessment.write over them). */
  writableUnits: string[];
  /** Assessed units the actor may read (assessment.read over them). */
  readableUnits: string[];
};

/** Loads the assessment and what the actor may see of it; 404 when the actor has no link to it at all. */
export async function viewerOf(ctx: TContext, id: string): Promise<TViewer> {
  const a = await findAssessment(ctx.db, id);
  const ownerRead = (await reaches(ctx, 'assessment.read', [a.owner_unit_id])).length > 0;
  const ownerWrite = (await reaches(ctx, 'assessment.write', [a.owner_unit_id])).length > 0;
  const reviewerGroups = (await ctx.db.selectFrom('assessment_reviewers').select('group_id').where('assessment_id', '=', id).where('user_id', '=', ctx.actor.userId).execute()).map((r) => r.group_id);
  const unitIds = (await ctx.db.selectFrom('assessment_units').select('unit_id').where('assessment_id', '=', id).execute()).map((r) => r.unit_id);
  const readableUnits = await reaches(ctx, 'assessment.read', unitIds);
  const writableUnits = await reaches(ctx, 'assessment.write', unitIds);
  if (!ownerRead && !reviewerGroups.length && !readableUnits.length) {
    if (!grantRoots(ctx.actor, 'assessment.read').length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem đánh giá, xếp hạng');
    throw notFound('Không tìm thấy đợt đánh giá');
  }
  return { a, ownerRead, ownerWrite, reviewerGroups, writableUnits, readableUnits };
}

export function assertNotPublished(a: TAssessmentRow) {
  if (a.state === 'published') throw new AppError('INVALID_STATE', PUBLISHED_MESSAGE);
}

export function assertState(a: TAssessmentRow, states: TAssessmentRow['state'][], message: string) {
  assertNotPublished(a);
  if (!states.includes(a.state)) throw new AppError('INVALID_STATE', `${message} (trạng thái hiện tại: ${STATE_LABELS[a.state]})`);
}

/** The owner-side gate: outside reach 404, inside without the permission 403. */
export async function requireOwner(ctx: TContext, a: TAssessmentRow, permission: Permission) {
  await requireAccess(ctx, permission, [a.owner_unit_id]);
}

/** Whether the actor holds `role` at the owner unit or above it (and the permission that role needs for the tier). */
export async function holdsRoleOver(ctx: TContext, role: RoleCode, unitId: string): Promise<boolean> {
  const units = ctx.actor.roles.filter((r) => r.role === role).map((r) => r.unitId);
  if (!units.length) return false;
  const row = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', units).where('descendant_id', '=', unitId).executeTakeFirst();
  return !!row;
}
