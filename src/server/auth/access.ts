// The one authorization gate. Every use-case calls requireAccess first; every list query narrows
// itself with unitScope (the closure-table subtree of the units where the actor holds the permission).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { RoleCode } from '../db/schema';
import { AppError } from '../errors';

export type Permission =
  | 'unit.read' | 'unit.write' | 'unit.structure'
  | 'cluster.read' | 'cluster.write'
  | 'person.read' | 'person.write' | 'person.import'
  | 'user.manage' | 'audit.read' | 'file.write' | 'job.read'
  | 'document.read' | 'document.write'
  | 'plan.read' | 'plan.write' | 'plan.approve'
  | 'rules.manage'
  | 'commendation.read' | 'commendation.write' | 'commendation.decide' | 'review.vote'
  | 'report.read' | 'report.write'
  | 'assessment.read' | 'assessment.write' | 'assessment.approve';

export const ROLE_LABELS: Record<RoleCode, string> = {
  admin: 'Quản trị',
  officer: 'Cán bộ TĐKT',
  head: 'Thủ trưởng',
  council: 'Thành viên Hội đồng TĐKT',
  individual: 'Cá nhân',
};

/** What each role may do inside the subtree of the unit it is assigned to. */
export const ROLE_PERMISSIONS: Record<RoleCode, readonly Permission[]> = {
  admin: ['unit.read', 'unit.write', 'unit.structure', 'cluster.read', 'cluster.write', 'person.read', 'person.write', 'person.import', 'user.manage', 'audit.read', 'file.write', 'job.read', 'document.read', 'document.write', 'plan.read', 'plan.write', 'rules.manage', 'commendation.read', 'commendation.write', 'report.read', 'report.write', 'assessment.read', 'assessment.write'],
  officer: ['unit.read', 'unit.write', 'cluster.read', 'cluster.write', 'person.read', 'person.write', 'person.import', 'audit.read', 'file.write', 'job.read', 'document.read', 'document.write', 'plan.read', 'plan.write', 'commendation.read', 'commendation.write', 'report.read', 'report.write', 'assessment.read', 'assessment.write'],
  head: ['unit.read', 'cluster.read', 'person.read', 'audit.read', 'file.write', 'job.read', 'document.read', 'document.write', 'plan.read', 'plan.approve', 'commendation.read', 'commendation.decide', 'review.vote', 'report.read', 'assessment.read', 'assessment.approve'],
  council: ['unit.read', 'cluster.read', 'person.read', 'document.read', 'plan.read', 'commendation.read', 'review.vote', 'report.read', 'assessment.read', 'assessment.approve'],
  individual: [],
};

export type TActorRole = { role: RoleCode; unitId: string };
export type TActor = {
  userId: string;
  username: string;
  fullName: string;
  personId: string | null;
  roles: TActorRole[];
};

export type TContext = { db: Db | Tx; actor: TActor; kind: 'sqlite' | 'postgres' };

/** Units at which the actor holds `permission` (the roots of what it may reach). */
export function grantRoots(actor: TActor, permission: Permission): string[] {
  return [...new Set(actor.roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission)).map((r) => r.unitId))];
}

/**
 * Which of `unitIds` the actor reaches with each of `permissions`, in one closure query — for a page that shows
 * several "can …" flags about the same units (a report: read, write, receive).
 */
export async function reachByPermission<P extends Permission>(db: Db | Tx, actor: TActor, permissions: readonly P[], unitIds: string[]): Promise<Record<P, Set<string>>> {
  const rootsBy = permissions.map((p) => [p, new Set(grantRoots(actor, p))] as const);
  const roots = [...new Set(rootsBy.flatMap(([, r]) => [...r]))];
  const out = Object.fromEntries(permissions.map((p) => [p, new Set<string>()])) as Record<P, Set<string>>;
  const wanted = [...new Set(unitIds)];
  if (!roots.length || !wanted.length) return out;
  const rows = await db.selectFrom('unit_closure').select(['ancestor_id', 'descendant_id']).where('ancestor_id', 'in', roots).where('descendant_id', 'in', wanted).execute();
  for (const r of rows) for (const [p, rs] of rootsBy) if (rs.has(r.ancestor_id)) out[p].add(r.descendant_id);
  return out;
}

export function hasPermissionSomewhere(actor: TActor, permission: Permission): boolean {
  return grantRoots(actor, permission).length > 0;
}

/**
 * Subquery of every unit id the actor may reach with `permission`; use as `.where('x.unit_id', 'in', unitScope(...))`.
 * For a wide reach (a Bộ-level actor: ≈ 200.000 units) prefer `inUnitScope(actor, permission, 'x.unit_id')`, which
 * the database checks row by row through the closure's descendant index instead of building the whole set.
 */
export function unitScope(db: Db | Tx, actor: TActor, permission: Permission) {
  const roots = grantRoots(actor, permission);
  // No DISTINCT: `IN (…)` is a semi-join, duplicates cannot change its answer, and sorting them away cost a
  // pass over the whole reach on every request.
  return db
    .selectFrom('unit_closure')
    .select('unit_closure.descendant_id')
    .where('unit_closure.ancestor_id', 'in', roots.length ? roots : ['-']);
}

/**
 * The same reach as `unitScope`, as a correlated `EXISTS` on `column` (a unit id column of the outer query):
 * `.where(inUnitScope(actor, 'person.read', 'people.unit_id'))`. Each candidate row costs one probe of
 * `unit_closure_desc_idx` (descendant_id, ancestor_id), however many units the actor reaches — so the
 * database can walk another index (name order, trigram, one unit) and check the scope as it goes.
 */
export function inUnitScope(actor: TActor, permission: Permission, column: string): RawBuilder<SqlBool> {
  const roots = grantRoots(actor, permission);
  if (!roots.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from unit_closure as scope_c where scope_c.descendant_id = ${sql.ref(column)} and scope_c.ancestor_id in (${sql.join(roots)}))`;
}

/**
 * Throws unless the actor holds `permission` on every unit in `unitIds` (directly or through an ancestor).
 * Outside the actor's reach the answer is 404, so that ids of other units reveal nothing.
 */
export async function requireAccess(ctx: TContext, permission: Permission, unitIds: (string | null | undefined)[]): Promise<void> {
  const roots = grantRoots(ctx.actor, permission);
  if (roots.length === 0) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này');
  const wanted = [...new Set(unitIds.filter((u): u is string => !!u))];
  if (wanted.length === 0) return;
  const rows = await ctx.db
    .selectFrom('unit_closure')
    .select('descendant_id')
    .where('ancestor_id', 'in', roots)
    .where('descendant_id', 'in', wanted)
    .distinct()
    .execute();
  if (rows.length < wanted.length) {
    const canSee = await canReadAny(ctx, wanted);
    // Seeing a unit but lacking the right to act on it: 403. Not seeing it at all: 404.
    if (canSee) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này với đơn vị này');
    throw new AppError('NOT_FOUND', 'Không tìm thấy dữ liệu');
  }
}

async function canReadAny(ctx: TContext, unitIds: string[]): Promise<boolean> {
  const roots = grantRoots(ctx.actor, 'unit.read');
  if (roots.length === 0) return false;
  const row = await ctx.db
    .selectFrom('unit_closure')
    .select('descendant_id')
    .where('ancestor_id', 'in', roots)
    .where('descendant_id', 'in', unitIds)
    .executeTakeFirst();
  return !!row;
}
