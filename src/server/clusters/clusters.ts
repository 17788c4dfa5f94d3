// Cụm/khối thi đua: groupings per school year, owned by the unit that organises them, with member roles.
import { CLUSTER_KIND_LABELS, CLUSTER_ROLE_LABELS } from '../../shared/labels';
import { schoolYearLabel } from '../../shared/vn';
import { grantRoots, inUnitScope, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import type { Db, Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { findUnit } from '../units/units.repository';

type TMemberInput = { unitId: string; role: 'truong' | 'pho' | 'thanh_vien' };

function validateMembers(members: TMemberInput[]) {
  const ids = new Set<string>();
  for (const m of members) {
    if (ids.has(m.unitId)) throw new AppError('VALIDATION', 'Một đơn vị chỉ được có một vai trò trong cụm/khối');
    ids.add(m.unitId);
  }
  if (members.filter((m) => m.role === 'truong').length > 1) throw new AppError('VALIDATION', 'Mỗi cụm/khối chỉ có một trưởng cụm/khối');
}

type TClusterRow = { id: string; name: string; kind: 'cum' | 'khoi'; school_year: number; owner_unit_id: string; owner_name: string | null; note: string | null };
type TMemberRow = { cluster_id: string; unit_id: string; role: 'truong' | 'pho' | 'thanh_vien'; name: string };
const ROLE_ORDER = { truong: 0, pho: 1, thanh_vien: 2 } as const;

/** Clusters with their owners and members in two queries, whatever their number (kept in the order of `ids`). */
async function loadClusters(db: Db | Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const [clusters, members] = await Promise.all([
    db.selectFrom('clusters').leftJoin('units', 'units.id', 'clusters.owner_unit_id')
      .select(['clusters.id', 'clusters.name', 'clusters.kind', 'clusters.school_year', 'clusters.owner_unit_id', 'clusters.note', 'units.name as owner_name'])
      .where('clusters.id', 'in', ids).execute() as Promise<TClusterRow[]>,
    db.selectFrom('cluster_members').innerJoin('units', 'units.id', 'cluster_members.unit_id')
      .select(['cluster_members.cluster_id', 'cluster_members.unit_id', 'cluster_members.role', 'units.name'])
      .where('cluster_members.cluster_id', 'in', ids).orderBy('units.name').execute() as Promise<TMemberRow[]>,
  ]);
  const byCluster = new Map<string, TMemberRow[]>();
  for (const m of members) {
    const list = byCluster.get(m.cluster_id);
    if (list) list.push(m);
    else byCluster.set(m.cluster_id, [m]);
  }
  const byId = new Map(clusters.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (!c) return [];
    const mine = (byCluster.get(id) ?? []).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    return [{
      id: c.id, name: c.name, kind: c.kind, kindLabel: CLUSTER_KIND_LABELS[c.kind], schoolYear: c.school_year, schoolYearLabel: schoolYearLabel(c.school_year),
      ownerUnitId: c.owner_unit_id, ownerUnitName: c.owner_name ?? null, note: c.note,
      members: mine.map((m) => ({ unitId: m.unit_id, unitName: m.name, role: m.role, roleLabel: CLUSTER_ROLE_LABELS[m.role] })),
    }];
  });
}

async function loadCluster(db: Db | Tx, id: string) {
  const [c] = await loadClusters(db, [id]);
  if (!c) throw notFound('Không tìm thấy cụm/khối');
  return c;
}

export async function listClusters(ctx: TContext, f: { schoolYear?: number; ownerUnitId?: string }) {
  await requireAccess(ctx, 'cluster.read', [f.ownerUnitId]);
  // Visible: clusters owned inside the actor's subtree, or having a member inside it.
  let q = ctx.db.selectFrom('clusters').select('id').where((eb) => eb.or([
    inUnitScope(ctx.actor, 'cluster.read', 'clusters.owner_unit_id'),
    eb.exists(eb.selectFrom('cluster_members as scope_m').select('scope_m.cluster_id').whereRef('scope_m.cluster_id', '=', 'clusters.id').where(inUnitScope(ctx.actor, 'cluster.read', 'scope_m.unit_id'))),
  ]));
  if (f.schoolYear) q = q.where('school_year', '=', f.schoolYear);
  if (f.ownerUnitId) q = q.where('owner_unit_id', '=', f.ownerUnitId);
  const rows = await q.orderBy('school_year', 'desc').orderBy('name').limit(500).execute();
  return loadClusters(ctx.db, rows.map((r) => r.id));
}

export async function getCluster(ctx: TContext, id: string) {
  const c = await loadCluster(ctx.db, id);
  try {
    await requireAccess(ctx, 'cluster.read', [c.ownerUnitId]);
  } catch {
    // Visible through a member inside the reach: probe the closure for the members, not the whole reach.
    const roots = grantRoots(ctx.actor, 'cluster.read');
    const memberIds = c.members.map((m) => m.unitId);
    const seen = roots.length && memberIds.length ? await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).where('descendant_id', 'in', memberIds).limit(1).executeTakeFirst() : undefined;
    if (!seen) throw notFound('Không tìm thấy cụm/khối');
  }
  return c;
}

export async function createCluster(ctx: TContext, input: { name: string; kind: 'cum' | 'khoi'; schoolYear: number; ownerUnitId: string; note?: string | null; members: TMemberInput[] }) {
  await requireAccess(ctx, 'cluster.write', [input.ownerUnitId]);
  await requireAccess(ctx, 'unit.read', input.members.map((m) => m.unitId));
  validateMembers(input.members);
  const owner = await findUnit(ctx.db, input.ownerUnitId);
  if (!owner) throw notFound('Không tìm thấy đơn vị tổ chức');
  const id = newId();
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('clusters').values({ id, name: input.name, kind: input.kind, school_year: input.schoolYear, owner_unit_id: owner.id, province_code: owner.province_code, note: input.note ?? null, created_at: nowIso() }).execute();
    if (input.members.length) await trx.insertInto('cluster_members').values(input.members.map((m) => ({ cluster_id: id, unit_id: m.unitId, role: m.role }))).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'cluster.create', entityType: 'cluster', entityId: id, unitId: owner.id, after: input });
  });
  return loadCluster(ctx.db, id);
}

export async function setClusterMembers(ctx: TContext, id: string, members: TMemberInput[]) {
  const c = await loadCluster(ctx.db, id);
  await requireAccess(ctx, 'cluster.write', [c.ownerUnitId]);
  await requireAccess(ctx, 'unit.read', members.map((m) => m.unitId));
  validateMembers(members);
  await withTransaction(ctx, async (trx) => {
    await trx.deleteFrom('cluster_members').where('cluster_id', '=', id).execute();
    if (members.length) await trx.insertInto('cluster_members').values(members.map((m) => ({ cluster_id: id, unit_id: m.unitId, role: m.role }))).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'cluster.members.set', entityType: 'cluster', entityId: id, unitId: c.ownerUnitId, before: c.members.map((m) => ({ unitId: m.unitId, role: m.role })), after: members });
  });
  return loadCluster(ctx.db, id);
}
