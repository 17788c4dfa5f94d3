// Read use-cases for units: list, tree level, one unit with its history.
import { foldVietnamese } from '../../shared/vn';
import { UNIT_EVENT_LABELS } from '../../shared/labels';
import { grantRoots, requireAccess, type TContext } from '../auth/access';
import { notFound } from '../errors';
import { findUnit, listChildren, listUnitEvents, listUnits, type TUnitListFilter } from './units.repository';
import { presentUnit } from './present-unit';

export async function listUnitsForActor(ctx: TContext, f: Omit<TUnitListFilter, 'q'> & { q?: string }) {
  await requireAccess(ctx, 'unit.read', []);
  const { items, total } = await listUnits(ctx.db, ctx.actor, { ...f, q: f.q ? foldVietnamese(f.q) : undefined });
  return { items: items.map(presentUnit), total, page: f.page, pageSize: f.pageSize };
}

/** One level of the tree: the actor's root units when no parent is given, else the children of `parentId`; one page of it. */
export async function unitTreeLevel(ctx: TContext, parentId?: string, page: { page: number; pageSize: number } = { page: 1, pageSize: 2000 }) {
  await requireAccess(ctx, 'unit.read', parentId ? [parentId] : []);
  const window = { offset: (page.page - 1) * page.pageSize, limit: page.pageSize };
  if (parentId) {
    const { rows, total } = await listChildren(ctx.db, ctx.actor, { parentIds: [parentId] }, window);
    return { items: rows.map(presentUnit), total, page: page.page, pageSize: page.pageSize };
  }
  const roots = grantRoots(ctx.actor, 'unit.read');
  // Keep only the topmost roots (a root below another root is shown under it).
  const rows = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).where('descendant_id', 'in', roots).where('depth', '>', 0).execute();
  const nested = new Set(rows.map((r) => r.descendant_id));
  const top = roots.filter((r) => !nested.has(r));
  const level = await listChildren(ctx.db, ctx.actor, { ids: top }, window);
  return { items: level.rows.map(presentUnit), total: level.total, page: page.page, pageSize: page.pageSize };
}

export async function getUnitDetail(ctx: TContext, id: string) {
  await requireAccess(ctx, 'unit.read', [id]);
  const unit = await findUnit(ctx.db, id);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const parent = unit.parent_id ? await findUnit(ctx.db, unit.parent_id) : undefined;
  const profParent = unit.prof_parent_id ? await findUnit(ctx.db, unit.prof_parent_id) : undefined;
  const ancestors = await ctx.db
    .selectFrom('unit_closure')
    .innerJoin('units', 'units.id', 'unit_closure.ancestor_id')
    .select(['units.id', 'units.name', 'unit_closure.depth'])
    .where('unit_closure.descendant_id', '=', id)
    .where('unit_closure.depth', '>', 0)
    .orderBy('unit_closure.depth', 'desc')
    .execute();
  const peopleCount = await ctx.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', id).executeTakeFirstOrThrow();
  return {
    ...presentUnit({ ...unit, parent_name: parent?.name ?? null, people_count: Number(peopleCount.n) }),
    profParentName: profParent?.name ?? null,
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
  };
}

export async function getUnitHistory(ctx: TContext, id: string) {
  await requireAccess(ctx, 'unit.read', [id]);
  const events = await listUnitEvents(ctx.db, id);
  return events.map((e) => ({
    id: e.id, event: e.event, eventLabel: UNIT_EVENT_LABELS[e.event as keyof typeof UNIT_EVENT_LABELS] ?? e.event,
    effectiveDate: e.effective_date, relatedUnitId: e.related_unit_id, relatedUnitName: e.related_unit_name ?? null,
    details: e.details ? JSON.parse(e.details) : null, actorName: e.actor_name ?? null, createdAt: e.created_at,
  }));
}
