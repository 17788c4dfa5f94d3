// All SQL for units, their closure table and their history.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { UnitTable } from '../db/schema';
import type { TActor } from '../auth/access';
import { inUnitScope } from '../auth/access';

export type TUnitRow = UnitTable;

/** How a level of the tree is ordered: administration first, then schools from upper to lower level. */
const KIND_ORDER: UnitTable['kind'][] = ['bo', 'ubnd_tinh', 'so', 'ubnd_xa', 'phong_vhxh', 'phong_ban', 'thpt', 'gdtx', 'lien_cap', 'thcs', 'th', 'mn', 'truong_khac', 'to_chuyen_mon', 'doan_the'];

export async function findUnit(db: Db | Tx, id: string): Promise<TUnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitByCode(db: Db | Tx, code: string): Promise<TUnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertUnit(trx: Tx, row: TUnitRow): Promise<void> {
  await trx.insertInto('units').values(row).execute();
  await insertClosureFor(trx, row);
}

/** Closure rows of one unit from its (already closed) parents: itself at depth 0, each ancestor at min depth. */
async function insertClosureFor(trx: Tx, row: Pick<TUnitRow, 'id' | 'parent_id' | 'prof_parent_id' | 'province_code'>): Promise<void> {
  const parents = [row.parent_id, row.prof_parent_id].filter((p): p is string => !!p);
  const depthByAncestor = new Map<string, number>([[row.id, 0]]);
  if (parents.length) {
    const rows = await trx.selectFrom('unit_closure').select(['ancestor_id', 'depth']).where('descendant_id', 'in', parents).execute();
    for (const r of rows) {
      const d = r.depth + 1;
      const cur = depthByAncestor.get(r.ancestor_id);
      if (cur === undefined || d < cur) depthByAncestor.set(r.ancestor_id, d);
    }
  }
  const values = [...depthByAncestor].map(([ancestor_id, depth]) => ({ ancestor_id, descendant_id: row.id, depth, province_code: row.province_code }));
  for (let i = 0; i < values.length; i += 500) await trx.insertInto('unit_closure').values(values.slice(i, i + 500)).execute();
}

/** Recomputes the closure rows of `rootIds` and everything below them (after a parent link changed). */
export async function rebuildClosure(trx: Tx, rootIds: string[]): Promise<void> {
  if (!rootIds.length) return;
  const below = await trx.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', rootIds).distinct().execute();
  const ids = [...new Set([...rootIds, ...below.map((r) => r.descendant_id)])];
  const units: Pick<TUnitRow, 'id' | 'parent_id' | 'prof_parent_id' | 'province_code'>[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    units.push(...(await trx.selectFrom('units').select(['id', 'parent_id', 'prof_parent_id', 'province_code']).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('unit_closure').where('descendant_id', 'in', ids.slice(i, i + 500)).execute();
  // Topological order: a unit after every parent of it that is also being rebuilt.
  const pending = new Map(units.map((u) => [u.id, u]));
  const done = new Set<string>();
  while (pending.size) {
    let progressed = false;
    for (const [id, u] of pending) {
      const waits = [u.parent_id, u.prof_parent_id].some((p) => p && pending.has(p) && !done.has(p));
      if (waits) continue;
      await insertClosureFor(trx, u);
      done.add(id);
      pending.delete(id);
      progressed = true;
    }
    if (!progressed) throw new Error('Cây đơn vị có vòng lặp');
  }
}

export async function isDescendant(db: Db | Tx, ancestorId: string, descendantId: string): Promise<boolean> {
  const r = await db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', ancestorId).where('descendant_id', '=', descendantId).executeTakeFirst();
  return !!r;
}

/** Units (ids) among `unitIds` inside the subtree of `ancestorId` (itself included). */
export async function withinSubtree(db: Db | Tx, ancestorId: string, unitIds: string[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const out = new Set<string>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestorId).where('descendant_id', 'in', unitIds.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.descendant_id);
  }
  return out;
}

export type TUnitListFilter = {
  q?: string;
  kinds?: string[];
  parentId?: string;
  withinId?: string;
  status?: string;
  page: number;
  pageSize: number;
};

export async function listUnits(db: Db | Tx, actor: TActor, f: TUnitListFilter) {
  let q = db.selectFrom('units').where(inUnitScope(actor, 'unit.read', 'units.id'));
  if (f.q) q = q.where((eb) => eb.or([eb('units.name_search', 'like', `%${f.q}%`), eb('units.code', '=', f.q!.toUpperCase())]));
  if (f.kinds?.length) q = q.where('units.kind', 'in', f.kinds as TUnitRow['kind'][]);
  if (f.parentId) q = q.where((eb) => eb.or([eb('units.parent_id', '=', f.parentId!), eb('units.prof_parent_id', '=', f.parentId!)]));
  if (f.withinId) q = q.where('units.id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', f.withinId));
  if (f.status) q = q.where('units.status', '=', f.status as TUnitRow['status']);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .leftJoin('units as p', 'p.id', 'units.parent_id')
    .selectAll('units')
    .select(['p.name as parent_name'])
    .orderBy('units.name')
    .orderBy('units.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

/** Children of a unit (either parent link), or the units `ids` themselves (the tree's root level), one page at a time,
 *  with how many children and people each has. Ordered administration first, then schools from upper to lower level. */
export async function listChildren(db: Db | Tx, actor: TActor, level: { parentIds: string[] } | { ids: string[] }, page = { offset: 0, limit: 2000 }) {
  let q = db.selectFrom('units').where(inUnitScope(actor, 'unit.read', 'units.id')).where('units.status', '=', 'active');
  if ('parentIds' in level) q = q.where((eb) => eb.or([eb('units.parent_id', 'in', level.parentIds), eb('units.prof_parent_id', 'in', level.parentIds)]));
  else q = q.where('units.id', 'in', level.ids.length ? level.ids : ['-']);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const kindRank = sql<number>`case units.kind ${sql.join(KIND_ORDER.map((k, i) => sql`when ${sql.lit(k)} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(KIND_ORDER.length)} end`;
  const rows = await q.selectAll('units').orderBy(kindRank).orderBy('units.name').orderBy('units.id').limit(page.limit).offset(page.offset).execute();
  if (!rows.length) return { rows: [], total };
  const ids = rows.map((r) => r.id);
  const childCounts = await db
    .selectFrom('units')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids)
    .where('status', '=', 'active')
    .groupBy('parent_id')
    .execute();
  const profCounts = await db
    .selectFrom('units')
    .select(['prof_parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('prof_parent_id', 'in', ids)
    .where('status', '=', 'active')
    .groupBy('prof_parent_id')
    .execute();
  const peopleCounts = await db
    .selectFrom('people')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', ids)
    .groupBy('unit_id')
    .execute();
  const cc = new Map<string, number>();
  for (const c of childCounts) cc.set(c.parent_id!, Number(c.n));
  for (const c of profCounts) cc.set(c.prof_parent_id!, (cc.get(c.prof_parent_id!) ?? 0) + Number(c.n));
  const pc = new Map(peopleCounts.map((p) => [p.unit_id, Number(p.n)]));
  return { rows: rows.map((r) => ({ ...r, child_count: cc.get(r.id) ?? 0, people_count: pc.get(r.id) ?? 0 })), total };
}

export async function insertUnitEvent(trx: Tx, e: { id: string; unit_id: string; event: any; effective_date: string; related_unit_id?: string | null; details?: unknown; actor_user_id: string | null; province_code: string; created_at: string }) {
  await trx
    .insertInto('unit_events')
    .values({ ...e, related_unit_id: e.related_unit_id ?? null, details: e.details === undefined ? null : JSON.stringify(e.details) })
    .execute();
}

export async function listUnitEvents(db: Db | Tx, unitId: string) {
  return db
    .selectFrom('unit_events')
    .leftJoin('units as r', 'r.id', 'unit_events.related_unit_id')
    .leftJoin('users', 'users.id', 'unit_events.actor_user_id')
    .select(['unit_events.id', 'unit_events.event', 'unit_events.effective_date', 'unit_events.related_unit_id', 'r.name as related_unit_name', 'unit_events.details', 'users.full_name as actor_name', 'unit_events.created_at'])
    .where('unit_events.unit_id', '=', unitId)
    .orderBy('unit_events.effective_date', 'desc')
    .orderBy('unit_events.created_at', 'desc')
    .execute();
}
