// The assessment as its page shows it: settings, criteria tree, units, reviewers, approval history,
// and what the actor may do now.
import type { TContext } from '../auth/access';
import { ROLE_LABELS } from '../auth/access';
import { formatDateVi } from '../../shared/vn';
import { canActAtTier } from './approval';
import { STATE_LABELS, viewerOf } from './assessment-access';
import { leavesOf } from './assessment-model';
import { loadApprovals, loadCriteria, loadRecusals, loadReviewers, loadUnits, parseConfig } from './assessments.repository';

const ACTION_LABELS = { submit: 'Trình phê duyệt', approve: 'Đồng ý', return: 'Trả lại', publish: 'Công bố kết quả' } as const;

export async function getAssessment(ctx: TContext, id: string) {
  const v = await viewerOf(ctx, id);
  const a = v.a;
  const cfg = parseConfig(a);
  const criteria = await loadCriteria(ctx.db, id);
  const leaves = new Set(leavesOf(criteria).map((c) => c.id));
  const allUnits = await loadUnits(ctx.db, id);
  const published = a.state === 'published';
  // Before publication an assessed unit sees only itself; the owner side sees every unit.
  const units = v.ownerRead || published ? allUnits : allUnits.filter((u) => v.readableUnits.includes(u.unit_id));
  const reviewers = await loadReviewers(ctx.db, id);
  const recusals = v.ownerRead ? await loadRecusals(ctx.db, id) : [];
  const approvals = await loadApprovals(ctx.db, id);
  const owner = await ctx.db.selectFrom('units').select('name').where('id', '=', a.owner_unit_id).executeTakeFirst();
  const canAct = await canActAtTier(ctx, a);
  const tier = cfg.tiers[a.current_tier];
  return {
    id: a.id, name: a.name, year: a.year, series: a.series, periodLabel: a.period_label, selfDeadline: a.self_deadline, state: a.state, stateLabel: STATE_LABELS[a.state],
    ownerUnitId: a.owner_unit_id, ownerUnitName: owner?.name ?? '', reportPeriodId: a.report_period_id,
    currentTier: a.current_tier, currentTierLabel: a.state === 'approval' ? tier?.label ?? null : null,
    tiers: cfg.tiers.map((t) => ({ ...t, roleLabel: ROLE_LABELS[t.role] })), bands: cfg.bands, tieRules: cfg.tieRules, nominationRules: cfg.nominationRules,
    publishedAt: a.published_at, nominatedAt: a.nominated_at,
    maxTotal: criteria.filter((c) => leaves.has(c.id)).reduce((s, c) => s + c.maxPoints, 0),
    criteria: criteria.map((c) => ({ ...c, scorable: leaves.has(c.id) })),
    units: units.map((u) => ({
      unitId: u.unit_id, unitName: u.unit_name, unitCode: u.unit_code, clusterId: u.cluster_id, clusterName: u.cluster_name ?? null, selfState: u.self_state,
      selfStateLabel: u.self_state === 'submitted' ? 'Đã gửi' : 'Chưa gửi', submittedAt: u.submitted_at, selfTotal: u.self_total,
      finalTotal: published ? u.final_total : null, bandCode: published ? u.band_code : null, rank: published ? u.rank : null,
      canSelfAssess: v.writableUnits.includes(u.unit_id),
    })),
    reviewers: reviewers.map((r) => ({ groupId: r.group_id, userId: r.user_id, fullName: r.full_name, username: r.username })),
    recusals: recusals.map((r) => ({ groupId: r.group_id, unitId: r.unit_id, userId: r.user_id, fullName: r.full_name, reason: r.reason })),
    approvals: approvals.map((p) => ({ tierIndex: p.tier_index, tierLabel: cfg.tiers[p.tier_index]?.label ?? '', action: p.action, actionLabel: ACTION_LABELS[p.action], reason: p.reason, fullName: p.full_name, at: p.created_at, atLabel: formatDateVi(p.created_at.slice(0, 10)) })),
    can: {
      edit: v.ownerWrite && ['draft', 'self_assessment', 'appraisal'].includes(a.state),
      editCriteria: v.ownerWrite && a.state === 'draft',
      open: v.ownerWrite && a.state === 'draft',
      startAppraisal: v.ownerWrite && a.state === 'self_assessment',
      submitForApproval: v.ownerWrite && a.state === 'appraisal',
      approve: canAct,
      publish: canAct && a.current_tier === cfg.tiers.length - 1,
      appraise: a.state === 'appraisal' && v.reviewerGroups.length > 0,
      viewGrid: v.ownerRead || v.reviewerGroups.length > 0,
      viewRanking: v.ownerRead || published,
      nominate: v.ownerWrite && published,
    },
    myReviewerGroups: v.reviewerGroups,
  };
}
