// Read use-cases: list, one plan with what the actor may do with it, the catalogue, the timeline.
import { foldVietnamese, formatDateVi, schoolYearLabel } from '../../shared/vn';
import { CASCADE_STATUS_LABELS, PLAN_ACTION_LABELS, PLAN_KIND_LABELS, PLAN_STATE_LABELS, REPORT_SCHEDULE_LABELS } from '../../shared/labels';
import { requireAccess, ROLE_PERMISSIONS, type Permission, type TContext } from '../auth/access';
import type { PlanState } from '../db/schema';
import { todayIso } from '../ids';
import { ZPlanBody } from './plan-body';
import { PLAN_CATALOGUE } from './plan-catalogue';
import { allowedActions, isEditableState, isIssuedState, PLAN_STATES, PLAN_TRANSITIONS } from './plan-states';
import { loadReadablePlan } from './plan-access';
import { numberTextOf } from './plan-units';
import { taskStatus } from './cascade';
import { findUnitRow, listPlans, type TPlanListFilter, type TPlanRow } from './plans.repository';

export function presentPlanSummary(r: TPlanRow & { unit_name?: string }) {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name ?? '', kind: r.kind, kindLabel: PLAN_KIND_LABELS[r.kind], title: r.title, movementName: r.movement_name,
    schoolYear: r.school_year, schoolYearLabel: r.school_year ? `Năm học ${schoolYearLabel(r.school_year)}` : null, periodFrom: r.period_from, periodTo: r.period_to,
    state: r.state, stateLabel: PLAN_STATE_LABELS[r.state], catalogueCode: r.catalogue_code, parentPlanId: r.parent_plan_id, cascadeTaskId: r.cascade_task_id,
    amendsPlanId: r.amends_plan_id, rootPlanId: r.root_plan_id, version: r.version, supersededById: r.superseded_by_id,
    number: r.doc_number, symbol: r.doc_symbol, numberText: numberTextOf(r), issuedDate: r.issued_date, createdAt: r.created_at, updatedAt: r.updated_at, stateChangedAt: r.state_changed_at,
  };
}

export async function listPlansForActor(ctx: TContext, f: TPlanListFilter) {
  await requireAccess(ctx, 'plan.read', []);
  const { items, total } = await listPlans(ctx.db, ctx.actor, { ...f, q: f.q ? foldVietnamese(f.q) : undefined });
  return { items: items.map(presentPlanSummary), total, page: f.page, pageSize: f.pageSize };
}

/** Permissions the actor holds on a unit (through any of its roles whose subtree contains it). */
async function permissionsOn(ctx: TContext, unitId: string): Promise<Set<Permission>> {
  const perms = new Set<Permission>();
  const roots = [...new Set(ctx.actor.roles.map((r) => r.unitId))];
  if (!roots.length) return perms;
  const reach = await ctx.db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).where('ancestor_id', 'in', roots).execute();
  const reachable = new Set(reach.map((r) => r.ancestor_id));
  for (const role of ctx.actor.roles) if (reachable.has(role.unitId)) for (const p of ROLE_PERMISSIONS[role.role]) perms.add(p);
  return perms;
}

export async function getPlanDetail(ctx: TContext, id: string) {
  const plan = await loadReadablePlan(ctx, id);
  const unit = await findUnitRow(ctx.db, plan.unit_id);
  const perms = await permissionsOn(ctx, plan.unit_id);
  const actions = plan.superseded_by_id ? [] : allowedActions(plan.state, perms);
  let parentPlan = null;
  if (plan.parent_plan_id) {
    const p = await ctx.db.selectFrom('plans').innerJoin('units', 'units.id', 'plans.unit_id').select(['plans.id', 'plans.title', 'plans.doc_number', 'plans.doc_symbol', 'plans.issued_date', 'units.name']).where('plans.id', '=', plan.parent_plan_id).executeTakeFirst();
    if (p) parentPlan = { id: p.id, title: p.title, unitName: p.name, numberText: numberTextOf(p), issuedDate: p.issued_date };
  }
  let cascadeTask = null;
  if (plan.cascade_task_id) {
    const t = await ctx.db.selectFrom('plan_cascade_tasks').selectAll().where('id', '=', plan.cascade_task_id).executeTakeFirst();
    if (t) {
      const children = await ctx.db.selectFrom('plans').select('state').where('cascade_task_id', '=', t.id).execute();
      const status = taskStatus(t.due_date, children, todayIso());
      cascadeTask = { id: t.id, dueDate: t.due_date, status, statusLabel: CASCADE_STATUS_LABELS[status] };
    }
  }
  return {
    ...presentPlanSummary({ ...plan, unit_name: unit?.name ?? '' }),
    signer: plan.signer_name ? { name: plan.signer_name, title: plan.signer_title, authority: plan.signer_authority } : null,
    returnReason: plan.return_reason,
    parentPlan,
    cascadeTask,
    body: ZPlanBody.parse(JSON.parse(plan.body)),
    allowedActions: actions.map((a) => ({ action: a, label: PLAN_ACTION_LABELS[a], reasonRequired: PLAN_TRANSITIONS[a].reasonRequired, needsIssueData: !!PLAN_TRANSITIONS[a].needsIssueData })),
    canEdit: isEditableState(plan.state) && perms.has('plan.write'),
    canCascade: isIssuedState(plan.state) && plan.state !== 'closed' && !plan.superseded_by_id && perms.has('plan.write'),
  };
}

export async function listCatalogue(ctx: TContext, schoolYear: number) {
  await requireAccess(ctx, 'plan.read', []);
  return PLAN_CATALOGUE.map((e) => {
    const p = e.period(schoolYear);
    return { code: e.code, kind: e.kind, kindLabel: PLAN_KIND_LABELS[e.kind], movementName: e.movementName, summary: e.summary, periodFrom: p.from, periodTo: p.to };
  });
}

const STATE_OF_ACTION: Record<string, PlanState> = Object.fromEntries(Object.entries(PLAN_TRANSITIONS).map(([a, t]) => [`plan.${a}`, t.to]));

/** The plan's milestones (from its body and cascade) and the dates its state changed (from the audit log). */
export async function getPlanTimeline(ctx: TContext, id: string) {
  const plan = await loadReadablePlan(ctx, id);
  const body = ZPlanBody.parse(JSON.parse(plan.body));
  const today = todayIso();
  const items: { date: string; kind: string; label: string; state: string | null; done: boolean; detail: string | null }[] = [];
  const add = (date: string | null | undefined, kind: string, label: string, detail: string | null = null, state: PlanState | null = null) => {
    if (date) items.push({ date, kind, label, state, done: date <= today, detail });
  };
  add(plan.period_from, 'period_start', 'Bắt đầu thực hiện kế hoạch');
  add(body.timeline.registrationDeadline, 'registration', 'Hạn đăng ký thi đua');
  for (const r of body.timeline.reports) add(r.dueDate, 'report', `Hạn báo cáo ${r.period}`, REPORT_SCHEDULE_LABELS[r.schedule]);
  add(body.timeline.midtermReviewDate, 'midterm_review', 'Sơ kết phong trào thi đua', null, 'midterm_review');
  add(body.timeline.nominationDeadline, 'nomination', 'Hạn gửi hồ sơ đề nghị khen thưởng');
  add(body.timeline.finalReviewDate, 'final_review', 'Tổng kết phong trào thi đua', null, 'final_review');
  for (const m of body.timeline.milestones) add(m.date, 'milestone', m.task, m.owner ?? null);
  add(plan.period_to, 'period_end', 'Kết thúc kế hoạch');
  const dues = await ctx.db.selectFrom('plan_cascade_tasks').select(['due_date', (eb) => eb.fn.countAll<number>().as('n')]).where('plan_id', '=', plan.root_plan_id).groupBy('due_date').execute();
  for (const d of dues) add(d.due_date, 'cascade_due', 'Hạn đơn vị cấp dưới ban hành kế hoạch thực hiện', `${Number(d.n)} đơn vị`);
  const events = await ctx.db.selectFrom('audit_log').select(['at', 'action', 'reason']).where('entity_type', '=', 'plan').where('entity_id', '=', plan.id).where('action', 'in', ['plan.create', 'plan.amend', ...Object.keys(STATE_OF_ACTION)]).orderBy('seq').execute();
  for (const e of events) {
    const state = e.action === 'plan.create' || e.action === 'plan.amend' ? 'draft' : STATE_OF_ACTION[e.action];
    const label = e.action === 'plan.create' ? 'Tạo dự thảo' : e.action === 'plan.amend' ? 'Lập bản điều chỉnh' : `${PLAN_ACTION_LABELS[e.action.slice(5) as keyof typeof PLAN_ACTION_LABELS]} → ${PLAN_STATE_LABELS[state]}`;
    const detail = e.action === 'plan.issue' && plan.doc_number ? `Số ${numberTextOf(plan)} ngày ${formatDateVi(plan.issued_date)}` : e.reason;
    items.push({ date: e.at.slice(0, 10), kind: 'state', label, state, done: true, detail: detail ?? null });
  }
  items.sort((a, b) => a.date.localeCompare(b.date) || Number(b.kind === 'state') - Number(a.kind === 'state'));
  return { planId: plan.id, state: plan.state, stateLabel: PLAN_STATE_LABELS[plan.state], states: PLAN_STATES.map((s) => ({ state: s, label: PLAN_STATE_LABELS[s], reached: PLAN_STATES.indexOf(s) <= PLAN_STATES.indexOf(plan.state) })), items };
}
