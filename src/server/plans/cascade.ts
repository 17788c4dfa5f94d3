// The cascade: an issued plan assigns subordinate units that must implement it by a due date (one
// task each); the upper unit watches a board (not started / drafting / issued / overdue, as a tree)
// and reminds the late units, by hand or through the daily job `plans.remind-overdue`.
import { compareVi, formatDateVi } from '../../shared/vn';
import { CASCADE_STATUS_LABELS, PLAN_STATE_LABELS, UNIT_KIND_LABELS } from '../../shared/labels';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, DbKind, Tx } from '../db/database';
import type { PlanState, UnitTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { enqueueJob } from '../jobs/queue';
import type { TJobHelpers } from '../jobs/worker';
import { notifyUser } from '../notifications/notifications';
import { withinSubtree } from '../units/units.repository';
import { loadReadablePlan } from './plan-access';
import { isIssuedState, ISSUED_STATES } from './plan-states';
import { numberTextOf } from './plan-units';
import {
  activeSubtreeUnitsOfKinds, childPlansOfTasks, clusterMemberUnits, descendantsAmong, findPlan, findUnitRow, findUnitsByIds,
  insertReminder, insertTasks, officersOfUnits, tasksOfPlan, type TPlanRow, type TTaskRow,
} from './plans.repository';
import type { TCascadeRequest } from './plans.schemas';

export const REMIND_JOB_TYPE = 'plans.remind-overdue';
export type TCascadeStatus = keyof typeof CASCADE_STATUS_LABELS;
type TCounts = Record<TCascadeStatus, number> & { total: number };

const emptyCounts = (): TCounts => ({ total: 0, not_started: 0, drafting: 0, issued: 0, overdue: 0 });

/** Resolves the selection to units strictly below the plan's unit; anything else is refused. */
async function resolveCascadeUnits(trx: Tx | Db, ctx: TContext, plan: TPlanRow, req: TCascadeRequest): Promise<{ id: string; name: string; province_code: string }[]> {
  if (req.mode === 'kinds') {
    if (!req.unitKinds?.length) throw new AppError('VALIDATION', 'Chọn ít nhất một loại đơn vị', { fields: [{ field: 'cascade.unitKinds', message: 'Bắt buộc' }] });
    // withinUnitId narrows the subtree (e.g. the schools of one commune, which the Sở guides but
    // whose UBND it cannot read); the result stays inside the plan's unit subtree, so nothing leaks.
    const units = await activeSubtreeUnitsOfKinds(trx, plan.unit_id, req.unitKinds, req.withinUnitId);
    if (!units.length) throw new AppError('VALIDATION', 'Không có đơn vị nào thuộc các loại đã chọn trong phạm vi của đơn vị ban hành', { fields: [{ field: 'cascade.unitKinds', message: 'Không có đơn vị' }] });
    return units;
  }
  let candidates: { id: string; name: string; province_code: string; status: string }[];
  if (req.mode === 'cluster') {
    if (!req.clusterId) throw new AppError('VALIDATION', 'Chọn cụm hoặc khối thi đua', { fields: [{ field: 'cascade.clusterId', message: 'Bắt buộc' }] });
    const cluster = await trx.selectFrom('clusters').select(['id', 'owner_unit_id', 'name']).where('id', '=', req.clusterId).executeTakeFirst();
    if (!cluster) throw new AppError('VALIDATION', 'Không tìm thấy cụm, khối thi đua', { fields: [{ field: 'cascade.clusterId', message: 'Không tìm thấy' }] });
    await requireAccess(ctx, 'cluster.read', [cluster.owner_unit_id]);
    candidates = await clusterMemberUnits(trx, cluster.id);
  } else {
    const ids = [...new Set(req.unitIds ?? [])];
    if (!ids.length) throw new AppError('VALIDATION', 'Chọn ít nhất một đơn vị', { fields: [{ field: 'cascade.unitIds', message: 'Bắt buộc' }] });
    candidates = (await findUnitsByIds(trx, ids)).map((u) => ({ id: u.id, name: u.name, province_code: u.province_code, status: u.status }));
    if (candidates.length < ids.length) throw new AppError('VALIDATION', `Có ${ids.length - candidates.length} đơn vị không tồn tại`, { fields: [{ field: 'cascade.unitIds', message: 'Không tồn tại' }] });
  }
  const inside = await descendantsAmong(trx, plan.unit_id, candidates.map((c) => c.id));
  const outside = candidates.filter((c) => !inside.has(c.id));
  if (outside.length) {
    throw new AppError('VALIDATION', `Không giao được cho ${outside.length} đơn vị không trực thuộc đơn vị ban hành kế hoạch: ${outside.slice(0, 5).map((o) => o.name).join(', ')}${outside.length > 5 ? '…' : ''}`, { fields: outside.map((o) => ({ field: 'cascade.unitIds', message: `${o.name} ngoài phạm vi` })) });
  }
  const inactive = candidates.filter((c) => c.status !== 'active');
  if (inactive.length) throw new AppError('VALIDATION', `Đơn vị đã ngừng hoạt động: ${inactive.map((u) => u.name).join(', ')}`);
  return candidates;
}

/** Adds the tasks (existing ones are kept), links subordinate plans already made from this plan. */
export async function applyCascade(trx: Tx, outer: TContext, plan: TPlanRow, req: TCascadeRequest) {
  // Every read inside goes through the transaction (SQLite has one connection: a read outside would wait forever).
  const ctx: TContext = { ...outer, db: trx };
  if (!isIssuedState(plan.state) || plan.state === 'closed') throw new AppError('INVALID_STATE', 'Chỉ giao triển khai kế hoạch đã ban hành và chưa kết thúc');
  if (plan.superseded_by_id) throw new AppError('INVALID_STATE', 'Kế hoạch đã được thay thế bằng bản điều chỉnh; giao triển khai trên bản mới');
  if (plan.issued_date && req.dueDate < plan.issued_date) throw new AppError('VALIDATION', `Hạn triển khai phải từ ngày ban hành (${formatDateVi(plan.issued_date)}) trở đi`, { fields: [{ field: 'cascade.dueDate', message: 'Trước ngày ban hành' }] });
  if (req.dueDate > plan.period_to) throw new AppError('VALIDATION', `Hạn triển khai phải trước khi kế hoạch kết thúc (${formatDateVi(plan.period_to)})`, { fields: [{ field: 'cascade.dueDate', message: 'Sau ngày kết thúc' }] });
  const units = await resolveCascadeUnits(trx, ctx, plan, req);
  const rootId = plan.root_plan_id;
  const existing = new Set((await tasksOfPlan(trx, rootId)).map((t) => t.unit_id));
  const now = nowIso();
  const selection = JSON.stringify({ mode: req.mode, unitKinds: req.unitKinds ?? null, withinUnitId: req.withinUnitId ?? null, clusterId: req.clusterId ?? null });
  const fresh = units.filter((u) => !existing.has(u.id));
  const rows: TTaskRow[] = fresh.map((u) => ({ id: newId(), plan_id: rootId, unit_id: u.id, province_code: u.province_code, due_date: req.dueDate, selection, reminder_count: 0, last_reminded_at: null, created_by: ctx.actor.userId, created_at: now }));
  await insertTasks(trx, rows);
  // Plans the subordinates already made from this plan (before being assigned) join their task.
  const versions = await trx.selectFrom('plans').select('id').where('root_plan_id', '=', rootId).execute();
  const early = await trx.selectFrom('plans').select(['id', 'unit_id']).where('cascade_task_id', 'is', null).where('parent_plan_id', 'in', versions.map((v) => v.id)).execute();
  const taskByUnit = new Map(rows.map((r) => [r.unit_id, r.id]));
  for (const p of early) {
    const taskId = taskByUnit.get(p.unit_id);
    if (taskId) await trx.updateTable('plans').set({ cascade_task_id: taskId }).where('id', '=', p.id).execute();
  }
  await writeAudit(trx, ctx.kind, {
    actorUserId: ctx.actor.userId, action: 'plan.cascade', entityType: 'plan', entityId: plan.id, unitId: plan.unit_id,
    after: { mode: req.mode, unitKinds: req.unitKinds ?? null, clusterId: req.clusterId ?? null, dueDate: req.dueDate, added: rows.length, existing: units.length - rows.length, unitIds: rows.map((r) => r.unit_id) },
  });
  if (rows.length) await ensureReminderJob(trx, nextRunAt(req.dueDate));
  return { added: rows.length, existing: units.length - rows.length, dueDate: req.dueDate, units: fresh.map((u) => ({ id: u.id, name: u.name })) };
}

export async function cascadePlan(ctx: TContext, planId: string, req: TCascadeRequest) {
  const plan = await loadReadablePlan(ctx, planId);
  await requireAccess(ctx, 'plan.write', [plan.unit_id]);
  return withTransaction(ctx, (trx) => applyCascade(trx, ctx, plan, req));
}

type TChild = Awaited<ReturnType<typeof childPlansOfTasks>>[number];

/** Board status of one task: issued when a version of its plan is issued; overdue after the due date. */
export function taskStatus(dueDate: string, children: Pick<TChild, 'state'>[], today: string): TCascadeStatus {
  if (children.some((c) => isIssuedState(c.state as PlanState))) return 'issued';
  if (dueDate < today) return 'overdue';
  return children.length ? 'drafting' : 'not_started';
}

function bestChild(children: TChild[]): TChild | null {
  if (!children.length) return null;
  const rank = (c: TChild) => (c.superseded_by_id ? 0 : 10) + (isIssuedState(c.state as PlanState) ? 5 : 0) + c.version / 100;
  return [...children].sort((a, b) => rank(b) - rank(a))[0];
}

async function boardRows(db: Db | Tx, rootPlanId: string, today: string) {
  const tasks = await tasksOfPlan(db, rootPlanId);
  const children = await childPlansOfTasks(db, rootPlanId);
  const byTask = new Map<string, TChild[]>();
  for (const c of children) {
    const list = byTask.get(c.cascade_task_id!) ?? [];
    list.push(c);
    byTask.set(c.cascade_task_id!, list);
  }
  const units = new Map((await findUnitsByIds(db, tasks.map((t) => t.unit_id))).map((u) => [u.id, u]));
  return tasks.map((t) => {
    const list = byTask.get(t.id) ?? [];
    const child = bestChild(list);
    return { task: t, unit: units.get(t.unit_id)!, status: taskStatus(t.due_date, list, today), child };
  });
}

export async function getCascadeBoard(ctx: TContext, planId: string, today = todayIso()) {
  const plan = await loadReadablePlan(ctx, planId);
  await requireAccess(ctx, 'plan.read', [plan.unit_id]);
  const root = plan.unit_id;
  const rootUnit = await findUnitRow(ctx.db, root);
  const rows = await boardRows(ctx.db, plan.root_plan_id, today);

  // The tree: each assigned unit under its parent_id chain, up to the plan's unit. A parent outside
  // the plan's unit subtree (the commune of a school guided by the Sở) becomes a top-level group.
  // Only the parents met on the way are looked up in the closure (not the Sở's whole subtree: 4.000 rows).
  const inSubtree = new Set<string>();
  const checked = new Set<string>();
  const known = new Map<string, Pick<UnitTable, 'id' | 'name' | 'parent_id'>>(rows.map((r) => [r.unit.id, r.unit]));
  const parentOf = new Map<string, string | null>();
  let frontier = rows.map((r) => r.unit.id);
  const stopAt = new Set<string>();
  while (frontier.length) {
    const parents = [...new Set(frontier.map((id) => known.get(id)!.parent_id).filter((p): p is string => !!p && !checked.has(p)))];
    for (const p of parents) checked.add(p);
    for (const id of await withinSubtree(ctx.db, root, parents)) inSubtree.add(id);
    const need: string[] = [];
    for (const id of frontier) {
      const u = known.get(id)!;
      const p = u.parent_id;
      if (!p || p === root || stopAt.has(id)) { parentOf.set(id, null); continue; }
      parentOf.set(id, p);
      if (!inSubtree.has(p)) stopAt.add(p);
      if (!known.has(p)) need.push(p);
      else if (!parentOf.has(p)) need.push(p);
    }
    const unique = [...new Set(need)];
    const fetched = await findUnitsByIds(ctx.db, unique.filter((id) => !known.has(id)));
    for (const u of fetched) known.set(u.id, u);
    frontier = unique.filter((id) => known.has(id) && !parentOf.has(id));
  }
  const taskIds = new Set(rows.map((r) => r.unit.id));
  const counts = new Map<string, TCounts>();
  const total = emptyCounts();
  for (const r of rows) {
    total.total++; total[r.status]++;
    let cur: string | null = r.unit.id;
    const seen = new Set<string>();
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const c = counts.get(cur) ?? emptyCounts();
      c.total++; c[r.status]++;
      counts.set(cur, c);
      cur = parentOf.get(cur) ?? null;
    }
  }
  const tree = [...counts.keys()].map((id) => ({ id, name: known.get(id)?.name ?? '', parentId: parentOf.get(id) ?? null, isTask: taskIds.has(id), counts: counts.get(id)! }))
    .sort((a, b) => Number(a.isTask) - Number(b.isTask) || compareVi(a.name, b.name));
  const items = rows
    .map((r) => ({
      taskId: r.task.id, unitId: r.unit.id, unitName: r.unit.name, unitKind: r.unit.kind, unitKindLabel: UNIT_KIND_LABELS[r.unit.kind] ?? r.unit.kind,
      groupId: parentOf.get(r.unit.id) ?? root, dueDate: r.task.due_date, status: r.status, statusLabel: CASCADE_STATUS_LABELS[r.status],
      childPlan: r.child ? { id: r.child.id, state: r.child.state, stateLabel: PLAN_STATE_LABELS[r.child.state as PlanState], numberText: numberTextOf(r.child), issuedDate: r.child.issued_date, title: r.child.title } : null,
      reminderCount: r.task.reminder_count, lastRemindedAt: r.task.last_reminded_at,
    }))
    .sort((a, b) => compareVi(a.unitName, b.unitName));
  return { planId: plan.id, rootPlanId: plan.root_plan_id, planTitle: plan.title, unitId: root, unitName: rootUnit?.name ?? '', today, counts: total, items, tree };
}

type TTarget = { task: TTaskRow; unit: UnitTable };

async function sendReminders(trx: Tx, kind: DbKind, actorUserId: string | null, plan: TPlanRow, planUnitName: string, targets: TTarget[], source: 'manual' | 'job', today: string, message?: string) {
  const officers = await officersOfUnits(trx, targets.map((t) => t.unit.id));
  const byUnit = new Map<string, string[]>();
  for (const o of officers) byUnit.set(o.unit_id, [...(byUnit.get(o.unit_id) ?? []), o.user_id]);
  const now = nowIso();
  const out: { unitId: string; unitName: string; recipients: number }[] = [];
  let notifications = 0;
  for (const t of targets) {
    const users = [...new Set(byUnit.get(t.unit.id) ?? [])];
    const late = t.task.due_date < today;
    const days = late ? Math.round((Date.parse(today) - Date.parse(t.task.due_date)) / 86_400_000) : 0;
    for (const userId of users) {
      await notifyUser(trx, userId, {
        title: `Nhắc xây dựng kế hoạch thực hiện: ${plan.movement_name ?? plan.title}`,
        body: `${planUnitName} đề nghị ${t.unit.name} ban hành kế hoạch thực hiện Kế hoạch số ${numberTextOf(plan) ?? '…'} về việc ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)}, hạn ${formatDateVi(t.task.due_date)}${late ? ` (đã quá hạn ${days} ngày)` : ''}.${message ? ` ${message}` : ''}`,
        link: `/ke-hoach/${plan.id}`,
      });
      notifications++;
    }
    await insertReminder(trx, { id: newId(), plan_id: plan.root_plan_id, task_id: t.task.id, unit_id: t.unit.id, province_code: t.unit.province_code, source, recipients: users.length, message: message ?? null, sent_by: actorUserId, sent_at: now });
    await trx.updateTable('plan_cascade_tasks').set({ reminder_count: t.task.reminder_count + 1, last_reminded_at: now }).where('id', '=', t.task.id).execute();
    out.push({ unitId: t.unit.id, unitName: t.unit.name, recipients: users.length });
  }
  await writeAudit(trx, kind, { actorUserId, action: 'plan.remind', entityType: 'plan', entityId: plan.id, unitId: plan.unit_id, after: { source, units: out.map((o) => o.unitId), notifications } });
  return { remindedUnits: out.length, notifications, units: out };
}

/** Reminds the late units (overdue by default, or the listed units that have not issued yet). */
export async function remindLateUnits(ctx: TContext, planId: string, input: { unitIds?: string[]; message?: string }, today = todayIso()) {
  const plan = await loadReadablePlan(ctx, planId);
  await requireAccess(ctx, 'plan.write', [plan.unit_id]);
  const rows = await boardRows(ctx.db, plan.root_plan_id, today);
  let targets = rows.filter((r) => r.status === 'overdue');
  if (input.unitIds?.length) {
    const wanted = new Set(input.unitIds);
    const unknown = input.unitIds.filter((id) => !rows.some((r) => r.unit.id === id));
    if (unknown.length) throw new AppError('VALIDATION', `Có ${unknown.length} đơn vị không được giao triển khai kế hoạch này`, { fields: [{ field: 'unitIds', message: 'Không được giao' }] });
    targets = rows.filter((r) => wanted.has(r.unit.id) && r.status !== 'issued');
  }
  if (!targets.length) throw new AppError('VALIDATION', input.unitIds?.length ? 'Các đơn vị đã chọn đều đã ban hành kế hoạch' : 'Không có đơn vị nào quá hạn để nhắc');
  const unitName = (await findUnitRow(ctx.db, plan.unit_id))?.name ?? '';
  return withTransaction(ctx, (trx) => sendReminders(trx, ctx.kind, ctx.actor.userId, plan, unitName, targets.map((t) => ({ task: t.task, unit: t.unit })), 'manual', today, input.message));
}

function nextRunAt(afterDate: string): string {
  // 01:00 UTC (08:00 in Việt Nam) of the day after the due date, or tomorrow if that has passed.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const day = new Date(`${afterDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  const d = day.toISOString().slice(0, 10);
  return `${d > tomorrow ? d : tomorrow}T01:00:00.000Z`;
}

/** One queued reminder job at a time; the job re-schedules itself while tasks remain open. */
export async function ensureReminderJob(db: Db | Tx, runAfter: string): Promise<void> {
  const queued = await db.selectFrom('jobs').select(['id', 'run_after']).where('type', '=', REMIND_JOB_TYPE).where('status', '=', 'queued').executeTakeFirst();
  if (queued) {
    if (queued.run_after > runAfter) await db.updateTable('jobs').set({ run_after: runAfter }).where('id', '=', queued.id).execute();
    return;
  }
  await enqueueJob(db, { type: REMIND_JOB_TYPE, payload: {}, runAfter });
}

/**
 * The scheduled job: reminds the officers of every overdue unit of every active plan, at most once a
 * day per task (safe to run again), then schedules itself for the next morning if tasks remain open.
 */
export async function runRemindOverdueJob(payload: { today?: string }, h: Pick<TJobHelpers, 'database' | 'progress'>) {
  const { db, kind } = h.database;
  const today = payload.today ?? todayIso();
  const activeStates = ISSUED_STATES.filter((s) => s !== 'closed') as PlanState[];
  const issuedChild = db.selectFrom('plans as c').select('c.cascade_task_id').where('c.state', 'in', ISSUED_STATES as PlanState[]).where('c.cascade_task_id', 'is not', null);
  const open = await db
    .selectFrom('plan_cascade_tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .selectAll('t')
    .where('p.state', 'in', activeStates)
    .where('t.id', 'not in', issuedChild as any)
    .execute();
  const due = open.filter((t) => t.due_date < today && (!t.last_reminded_at || t.last_reminded_at.slice(0, 10) < today));
  const byPlan = new Map<string, TTaskRow[]>();
  for (const t of due) byPlan.set(t.plan_id, [...(byPlan.get(t.plan_id) ?? []), t]);
  let units = 0;
  let notifications = 0;
  let done = 0;
  for (const [planId, tasks] of byPlan) {
    const plan = await findPlan(db, planId);
    if (!plan) continue;
    // The newest issued version speaks for the movement (its number in the message).
    const latest = (await db.selectFrom('plans').selectAll().where('root_plan_id', '=', planId).where('superseded_by_id', 'is', null).where('state', 'in', ISSUED_STATES as PlanState[]).orderBy('version', 'desc').executeTakeFirst()) ?? plan;
    const unitName = (await findUnitRow(db, plan.unit_id))?.name ?? '';
    const unitRows = new Map((await findUnitsByIds(db, tasks.map((t) => t.unit_id))).map((u) => [u.id, u]));
    const res = await db.transaction().execute((trx) => sendReminders(trx, kind, null, latest, unitName, tasks.map((t) => ({ task: t, unit: unitRows.get(t.unit_id)! })).filter((t) => t.unit), 'job', today));
    units += res.remindedUnits;
    notifications += res.notifications;
    done++;
    await h.progress((done / byPlan.size) * 100, `Đã nhắc ${units} đơn vị`);
  }
  if (open.length && !payload.today) {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await ensureReminderJob(db, `${tomorrow}T01:00:00.000Z`);
  }
  return { plans: byPlan.size, remindedUnits: units, notifications };
}
