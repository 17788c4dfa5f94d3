// All SQL for plans, their cascade tasks and reminders.
import type { Db, Tx } from '../db/database';
import type { DB, PlanCascadeTaskTable, PlanReminderTable, PlanState, PlanTable, UnitTable } from '../db/schema';
import type { ExpressionBuilder } from 'kysely';
import { grantRoots, inUnitScope, type TActor } from '../auth/access';
import { ISSUED_STATES } from './plan-states';

export type TPlanRow = PlanTable;
export type TTaskRow = PlanCascadeTaskTable;

export async function findPlan(db: Db | Tx, id: string): Promise<TPlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPlan(trx: Tx, row: TPlanRow): Promise<void> {
  await trx.insertInto('plans').values(row).execute();
}

/**
 * Moves a plan from one state to another only if it is still in `from` (a concurrent transition
 * loses: 0 rows). Returns whether this call made the change.
 */
export async function updatePlanGuarded(trx: Tx, id: string, from: PlanState, values: Partial<TPlanRow>): Promise<boolean> {
  const res = await trx.updateTable('plans').set(values).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0) === 1;
}

export async function findUnitRow(db: Db | Tx, id: string): Promise<UnitTable | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitsByIds(db: Db | Tx, ids: string[]): Promise<UnitTable[]> {
  const out: UnitTable[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await db.selectFrom('units').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()));
  return out;
}

/**
 * Plans the actor may read: those of units in its plan.read subtree, and issued plans of the units
 * above it (the plans it implements) or that cascade to a unit in its subtree.
 */
/**
 * The same rule as a condition on the outer `plans` row (the subtree checked with a correlated EXISTS on
 * the closure, `inUnitScope`, instead of building the actor's whole reach).
 */
export function planReadable(db: Db | Tx, actor: TActor) {
  const roots = grantRoots(actor, 'plan.read');
  const safeRoots = roots.length ? roots : ['-'];
  return (eb: ExpressionBuilder<DB, 'plans'>) =>
    eb.or([
      inUnitScope(actor, 'plan.read', 'plans.unit_id'),
      eb.and([
        eb('plans.state', 'in', ISSUED_STATES as PlanState[]),
        eb.or([
          eb('plans.unit_id', 'in', db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', 'in', safeRoots)),
          eb.exists(eb.selectFrom('plan_cascade_tasks as scope_t').select('scope_t.plan_id').whereRef('scope_t.plan_id', '=', 'plans.root_plan_id').where(inUnitScope(actor, 'plan.read', 'scope_t.unit_id'))),
        ]),
      ]),
    ]);
}

export type TPlanListFilter = { unitId?: string; schoolYear?: number; kind?: string; state?: string; q?: string; parentPlanId?: string; page: number; pageSize: number };

export async function listPlans(db: Db | Tx, actor: TActor, f: TPlanListFilter) {
  let q = db.selectFrom('plans').where(planReadable(db, actor));
  if (f.unitId) q = q.where('plans.unit_id', '=', f.unitId);
  if (f.schoolYear) q = q.where('plans.school_year', '=', f.schoolYear);
  if (f.kind) q = q.where('plans.kind', '=', f.kind as TPlanRow['kind']);
  if (f.state) q = q.where('plans.state', 'in', f.state.split(',') as PlanState[]);
  if (f.parentPlanId) q = q.where('plans.parent_plan_id', '=', f.parentPlanId);
  if (f.q) q = q.where('plans.title_search', 'like', `%${f.q}%`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .innerJoin('units', 'units.id', 'plans.unit_id')
    .selectAll('plans')
    .select(['units.name as unit_name'])
    .orderBy('plans.created_at', 'desc')
    .orderBy('plans.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/** Units strictly below `ancestorId` among `unitIds` (for cascade checks). */
export async function descendantsAmong(db: Db | Tx, ancestorId: string, unitIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestorId).where('depth', '>', 0).where('descendant_id', 'in', unitIds.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.descendant_id);
  }
  return found;
}

export async function activeSubtreeUnitsOfKinds(db: Db | Tx, rootId: string, kinds: string[], withinId?: string | null) {
  let q = db
    .selectFrom('unit_closure')
    .innerJoin('units', 'units.id', 'unit_closure.descendant_id')
    .select(['units.id', 'units.name', 'units.province_code'])
    .where('unit_closure.ancestor_id', '=', rootId)
    .where('unit_closure.depth', '>', 0)
    .where('units.status', '=', 'active')
    .where('units.kind', 'in', kinds as UnitTable['kind'][]);
  if (withinId) q = q.where('units.id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', withinId));
  return q.orderBy('units.name').execute();
}

export async function clusterMemberUnits(db: Db | Tx, clusterId: string) {
  return db.selectFrom('cluster_members').innerJoin('units', 'units.id', 'cluster_members.unit_id').select(['units.id', 'units.name', 'units.province_code', 'units.status']).where('cluster_members.cluster_id', '=', clusterId).execute();
}

export async function tasksOfPlan(db: Db | Tx, planId: string): Promise<TTaskRow[]> {
  return db.selectFrom('plan_cascade_tasks').selectAll().where('plan_id', '=', planId).execute();
}

export async function findTaskFor(db: Db | Tx, planId: string, unitId: string): Promise<TTaskRow | undefined> {
  return db.selectFrom('plan_cascade_tasks').selectAll().where('plan_id', '=', planId).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function insertTasks(trx: Tx, rows: TTaskRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('plan_cascade_tasks').values(rows.slice(i, i + 200)).execute();
}

/** Plans of subordinate units created for the tasks of `rootPlanId` (every version). */
export async function childPlansOfTasks(db: Db | Tx, rootPlanId: string) {
  return db
    .selectFrom('plans')
    .select(['plans.id', 'plans.unit_id', 'plans.state', 'plans.cascade_task_id', 'plans.issued_date', 'plans.doc_number', 'plans.doc_symbol', 'plans.title', 'plans.version', 'plans.superseded_by_id'])
    .where('plans.cascade_task_id', 'in', db.selectFrom('plan_cascade_tasks').select('id').where('plan_id', '=', rootPlanId))
    .execute();
}

export async function insertReminder(trx: Tx, row: PlanReminderTable): Promise<void> {
  await trx.insertInto('plan_reminders').values(row).execute();
}

/** Active accounts holding an officer or head role exactly at one of `unitIds`. */
export async function officersOfUnits(db: Db | Tx, unitIds: string[]) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as user_id', 'user_roles.unit_id'])
    .where('user_roles.unit_id', 'in', unitIds)
    .where('user_roles.role', 'in', ['officer', 'head'])
    .where('users.is_active', '=', 1)
    .distinct()
    .execute();
}
