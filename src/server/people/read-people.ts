// Read use-cases for people: search (unaccented, inside the actor's subtree) and one record with its history.
import { DISCIPLINE_LABELS, RATING_LABELS } from '../../shared/labels';
import { foldVietnamese, schoolYearLabel } from '../../shared/vn';
import { hasPermissionSomewhere, reachByPermission, requireAccess, type TContext } from '../auth/access';
import { AppError, notFound } from '../errors';
import { todayIso } from '../ids';
import { findPerson, personHistory, searchPeople, type TPeopleFilter } from './people.repository';
import { presentPerson } from './present-person';

export async function listPeople(ctx: TContext, f: TPeopleFilter) {
  if (!hasPermissionSomewhere(ctx.actor, 'person.read')) {
    // A person-role user sees only their own record.
    if (!ctx.actor.personId) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem danh sách cán bộ');
    const own = await findPerson(ctx.db, ctx.actor.personId);
    const matches = own && (!f.unitId || f.unitId === own.unit_id) && (!f.q || own.name_search.includes(foldVietnamese(f.q)));
    return { items: matches ? [presentPerson(own)] : [], total: matches ? 1 : 0, totalCapped: false, page: 1, pageSize: f.pageSize };
  }
  await requireAccess(ctx, 'person.read', [f.unitId, f.withinId]);
  const { items, total, totalCapped } = await searchPeople(ctx.db, ctx.actor, { ...f, q: f.q ? foldVietnamese(f.q) : undefined });
  return { items: items.map(presentPerson), total, totalCapped, page: f.page, pageSize: f.pageSize };
}

/**
 * A person the actor may read (own record, or inside the subtree), else 404 (403 when the unit is visible but
 * not the people in it), and whether the actor may edit them: both rights in one closure query.
 */
async function readablePerson(ctx: TContext, id: string) {
  const p = await findPerson(ctx.db, id);
  if (!p) throw notFound('Không tìm thấy cán bộ');
  if (ctx.actor.personId === id) return { person: p, canEdit: true };
  const reach = await reachByPermission(ctx.db, ctx.actor, ['person.read', 'person.write'], [p.unit_id]);
  if (!reach['person.read'].has(p.unit_id)) {
    if (hasPermissionSomewhere(ctx.actor, 'person.read')) await requireAccess(ctx, 'person.read', [p.unit_id]);
    throw notFound('Không tìm thấy cán bộ');
  }
  return { person: p, canEdit: reach['person.write'].has(p.unit_id) };
}

/** Loads a person the actor may read (own record, or inside the subtree), else 404. */
export async function loadReadablePerson(ctx: TContext, id: string) {
  return (await readablePerson(ctx, id)).person;
}

export async function getPersonDetail(ctx: TContext, id: string) {
  // The history is read alongside the rights; nothing is returned unless they allow it.
  const [{ person: p, canEdit }, h] = await Promise.all([readablePerson(ctx, id), personHistory(ctx.db, id)]);
  const today = todayIso();
  return {
    ...presentPerson(p),
    canEdit,
    employments: h.employments.map((e) => ({ id: e.id, unitId: e.unit_id, unitName: e.unit_name ?? null, position: e.position, fromDate: e.from_date, toDate: e.to_date })),
    qualifications: h.qualifications.map((q) => ({ id: q.id, kind: q.kind, name: q.name, year: q.year })),
    ratings: h.ratings.map((r) => ({ id: r.id, schoolYear: r.school_year, schoolYearLabel: schoolYearLabel(r.school_year), rating: r.rating, ratingLabel: RATING_LABELS[r.rating], unitName: r.unit_name ?? null })),
    disciplines: h.disciplines.map((d) => ({ id: d.id, form: d.form, formLabel: DISCIPLINE_LABELS[d.form], decisionNumber: d.decision_number, fromDate: d.from_date, toDate: d.to_date, reason: d.reason, active: d.from_date <= today && (!d.to_date || d.to_date >= today) })),
  };
}
