// Đăng ký thi đua: a unit officer registers the unit's staff (and the unit's own collective title) in
// bulk for a plan in progress; an individual registers themself. Totals by title per unit, rolled up the
// unit tree through the closure table. Every write is one transaction with its audit row.
import { PLAN_STATE_LABELS } from '../../shared/labels';
import { foldVietnamese } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { PlanTable, RegistrationTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound, type TFieldError } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit } from '../units/units.repository';
import { isUniqueViolation, ownPerson, pageArgs } from './common';
import { registrableTitles, titleExists, type TRegistrableTitle } from './titles';

export type TRegistrationItem = { personId?: string | null; unitId?: string | null; titleCode: string | null; commitment?: string | null };

/** The plan a unit may register under: issued by the unit itself or by a unit above it, and in progress. */
export async function planForUnit(db: Db | Tx, planId: string, unitId: string): Promise<PlanTable> {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  const above = plan ? await db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', plan.unit_id).where('descendant_id', '=', unitId).executeTakeFirst() : undefined;
  if (!plan || !above) throw notFound('Không tìm thấy kế hoạch thi đua của đơn vị');
  if (plan.state !== 'in_progress') {
    throw new AppError('INVALID_STATE', `Kế hoạch "${plan.title}" đang ở trạng thái "${PLAN_STATE_LABELS[plan.state]}"; chỉ đăng ký thi đua khi kế hoạch đang thực hiện`);
  }
  return plan;
}

/** The plan and the implementing plans below it (up to three levels): registrations under any of them count for it. */
export async function planFamily(db: Db | Tx, planId: string): Promise<string[]> {
  const ids = [planId];
  let frontier = [planId];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const kids = await db.selectFrom('plans').select('id').where('parent_plan_id', 'in', frontier).where('superseded_by_id', 'is', null).execute();
    frontier = kids.map((k) => k.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

function findTitle(titles: TRegistrableTitle[], code: string, kind: 'individual' | 'collective', field: string): TRegistrableTitle | TFieldError {
  const t = titles.find((x) => x.code === code && x.kind === kind);
  if (t) return t;
  const other = titles.find((x) => x.code === code);
  if (other) return { field, message: kind === 'individual' ? `"${other.name}" là danh hiệu tập thể, không đăng ký cho cá nhân` : `"${other.name}" là danh hiệu cá nhân, không đăng ký cho tập thể` };
  return { field, message: titleExists(code) ? `"${code}" là hình thức khen thưởng, không phải danh hiệu thi đua để đăng ký` : `Danh hiệu "${code}" không có trong bộ quy tắc thi đua` };
}

const isFieldError = (x: TRegistrableTitle | TFieldError): x is TFieldError => 'message' in x;

function rowFor(plan: PlanTable, t: TRegistrableTitle, r: { unitId: string; personId: string | null; provinceCode: string; commitment: string | null; source: 'unit' | 'self' }, actorId: string, now: string): RegistrationTable {
  return {
    id: newId(), province_code: r.provinceCode, plan_id: plan.id, unit_id: r.unitId, person_id: r.personId,
    recipient_kind: r.personId ? 'individual' : 'collective', recipient_key: r.personId ?? `unit:${r.unitId}`,
    school_year: plan.school_year ?? Number(plan.period_from.slice(0, 4)), title_code: t.code, title_name: t.name,
    commitment: r.commitment?.trim() || null, source: r.source, nominated_at: null, nominated_by: null,
    created_by: actorId, created_at: now, updated_at: now,
  };
}

/** Writes (or replaces, or removes) the registrations of the given recipients; refuses to touch ones already turned into nominations. */
async function upsertRegistrations(trx: Tx, planId: string, rows: { key: string; row: RegistrationTable | null }[]) {
  const keys = rows.map((r) => r.key);
  const existing = new Map<string, RegistrationTable>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const e of await trx.selectFrom('registrations').selectAll().where('plan_id', '=', planId).where('recipient_key', 'in', keys.slice(i, i + 500)).execute()) existing.set(e.recipient_key, e);
  }
  let created = 0, updated = 0, removed = 0;
  for (const { key, row } of rows) {
    const old = existing.get(key);
    if (old?.nominated_at) throw new AppError('INVALID_STATE', 'Đăng ký đã được chuyển thành đề nghị bình xét, không sửa được nữa');
    if (!row) {
      if (old) { await trx.deleteFrom('registrations').where('id', '=', old.id).execute(); removed++; }
      continue;
    }
    if (old) {
      if (old.title_code === row.title_code && old.commitment === row.commitment) continue;
      await trx.updateTable('registrations').set({ title_code: row.title_code, title_name: row.title_name, commitment: row.commitment, source: row.source, updated_at: row.updated_at }).where('id', '=', old.id).execute();
      updated++;
    } else {
      await trx.insertInto('registrations').values(row).execute();
      created++;
    }
  }
  return { created, updated, removed };
}

export async function registerBulk(ctx: TContext, input: { planId: string; unitId: string; items: TRegistrationItem[] }) {
  await requireAccess(ctx, 'report.write', [input.unitId]);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const plan = await planForUnit(ctx.db, input.planId, unit.id);
  const titles = registrableTitles(todayIso());
  const fields: TFieldError[] = [];
  const personIds = [...new Set(input.items.map((i) => i.personId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(input.items.filter((i) => !i.personId).map((i) => i.unitId ?? unit.id))];
  const inside = new Set<string>();
  const people = new Map<string, { id: string; full_name: string; unit_id: string; province_code: string }>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await ctx.db.selectFrom('people').innerJoin('unit_closure', 'unit_closure.descendant_id', 'people.unit_id')
      .select(['people.id', 'people.full_name', 'people.unit_id', 'people.province_code'])
      .where('unit_closure.ancestor_id', '=', unit.id).where('people.id', 'in', personIds.slice(i, i + 500)).execute();
    for (const p of rows) people.set(p.id, p);
  }
  if (unitIds.length) {
    for (const u of await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unit.id).where('descendant_id', 'in', unitIds).execute()) inside.add(u.descendant_id);
  }
  const seen = new Set<string>();
  const now = nowIso();
  const rows: { key: string; row: RegistrationTable | null }[] = [];
  input.items.forEach((item, i) => {
    const field = `items.${i}`;
    let recipient: { unitId: string; personId: string | null; provinceCode: string };
    if (item.personId) {
      const p = people.get(item.personId);
      if (!p) { fields.push({ field: `${field}.personId`, message: `Cán bộ ở dòng ${i + 1} không thuộc ${unit.name}` }); return; }
      recipient = { unitId: p.unit_id, personId: p.id, provinceCode: p.province_code };
    } else {
      const uid = item.unitId ?? unit.id;
      if (!inside.has(uid)) { fields.push({ field: `${field}.unitId`, message: `Tập thể ở dòng ${i + 1} không thuộc ${unit.name}` }); return; }
      recipient = { unitId: uid, personId: null, provinceCode: unit.province_code };
    }
    const key = recipient.personId ?? `unit:${recipient.unitId}`;
    if (seen.has(key)) { fields.push({ field, message: `Dòng ${i + 1} trùng người/tập thể đã có ở dòng trên` }); return; }
    seen.add(key);
    if (!item.titleCode) { rows.push({ key, row: null }); return; }
    const t = findTitle(titles, item.titleCode, recipient.personId ? 'individual' : 'collective', `${field}.titleCode`);
    if (isFieldError(t)) { fields.push({ ...t, message: `Dòng ${i + 1}: ${t.message}` }); return; }
    rows.push({ key, row: rowFor(plan, t, { ...recipient, commitment: item.commitment ?? null, source: 'unit' }, ctx.actor.userId, now) });
  });
  if (fields.length) throw new AppError('VALIDATION', fields[0].message, { fields });
  try {
    const counts = await withTransaction(ctx, async (trx) => {
      const c = await upsertRegistrations(trx, plan.id, rows);
      await writeAudit(trx, ctx.kind, {
        actorUserId: ctx.actor.userId, action: 'registration.bulk', entityType: 'plan', entityId: plan.id, unitId: unit.id,
        after: { ...c, items: rows.map((r) => ({ recipient: r.key, title: r.row?.title_code ?? null })) },
      });
      return c;
    });
    return { ...counts, totals: await registrationTotals(ctx, { planId: plan.id, unitId: unit.id }) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Danh sách đăng ký vừa được người khác cập nhật; tải lại và thử lại');
    throw e;
  }
}

export async function registerSelf(ctx: TContext, input: { planId: string; titleCode: string; commitment?: string | null }) {
  const person = await ownPerson(ctx);
  const plan = await planForUnit(ctx.db, input.planId, person.unit_id);
  const t = findTitle(registrableTitles(todayIso()), input.titleCode, 'individual', 'titleCode');
  if (isFieldError(t)) throw new AppError('VALIDATION', t.message, { fields: [t] });
  const row = rowFor(plan, t, { unitId: person.unit_id, personId: person.id, provinceCode: person.province_code, commitment: input.commitment ?? null, source: 'self' }, ctx.actor.userId, nowIso());
  try {
    await withTransaction(ctx, async (trx) => {
      await upsertRegistrations(trx, plan.id, [{ key: person.id, row }]);
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'registration.self', entityType: 'person', entityId: person.id, unitId: person.unit_id, after: { planId: plan.id, title: t.code, commitment: row.commitment } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Bạn vừa đăng ký ở một cửa sổ khác; tải lại trang');
    throw e;
  }
  return (await myRegistrations(ctx)).items.find((r) => r.planId === plan.id)!;
}

function present(r: RegistrationTable & { person_name?: string | null; unit_name?: string | null; plan_title?: string | null }) {
  return {
    id: r.id, planId: r.plan_id, planTitle: r.plan_title ?? null, unitId: r.unit_id, unitName: r.unit_name ?? null, personId: r.person_id,
    personName: r.person_name ?? null, recipientKind: r.recipient_kind, schoolYear: r.school_year, titleCode: r.title_code, titleName: r.title_name,
    commitment: r.commitment, source: r.source, nominated: !!r.nominated_at, updatedAt: r.updated_at,
  };
}

export async function myRegistrations(ctx: TContext) {
  const person = await ownPerson(ctx);
  const rows = await ctx.db.selectFrom('registrations').innerJoin('plans', 'plans.id', 'registrations.plan_id').innerJoin('units', 'units.id', 'registrations.unit_id')
    .selectAll('registrations').select(['plans.title as plan_title', 'units.name as unit_name'])
    .where('registrations.person_id', '=', person.id).orderBy('registrations.school_year', 'desc').orderBy('registrations.created_at', 'desc').limit(100).execute();
  return { items: rows.map((r) => present({ ...r, person_name: person.full_name })) };
}

/** Plans in progress a unit (default: the individual's own unit) may register under: its own and those of the units above it. */
export async function registrablePlans(ctx: TContext, q: { unitId?: string }) {
  let unitId = q.unitId;
  if (unitId) await requireAccess(ctx, 'report.read', [unitId]);
  else unitId = (await ownPerson(ctx)).unit_id;
  const rows = await ctx.db.selectFrom('plans').innerJoin('unit_closure', 'unit_closure.ancestor_id', 'plans.unit_id').innerJoin('units', 'units.id', 'plans.unit_id')
    .select(['plans.id', 'plans.title', 'plans.school_year', 'plans.kind', 'plans.unit_id', 'units.name as unit_name', 'unit_closure.depth', 'plans.period_from', 'plans.period_to'])
    .where('unit_closure.descendant_id', '=', unitId).where('plans.state', '=', 'in_progress').where('plans.superseded_by_id', 'is', null)
    .orderBy('unit_closure.depth').orderBy('plans.kind').orderBy('plans.period_from', 'desc').limit(100).execute();
  return {
    unitId,
    items: rows.map((p) => ({ id: p.id, title: p.title, schoolYear: p.school_year, kind: p.kind, unitId: p.unit_id, unitName: p.unit_name, own: p.depth === 0, periodFrom: p.period_from, periodTo: p.period_to })),
    titles: registrableTitles(todayIso()),
  };
}

export async function listRegistrations(ctx: TContext, q: { planId: string; unitId: string; titleCode?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  const family = await planFamily(ctx.db, q.planId);
  let base = ctx.db.selectFrom('registrations').innerJoin('unit_closure', 'unit_closure.descendant_id', 'registrations.unit_id')
    .where('unit_closure.ancestor_id', '=', q.unitId).where('registrations.plan_id', 'in', family);
  if (q.titleCode) base = base.where('registrations.title_code', '=', q.titleCode);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.innerJoin('units', 'units.id', 'registrations.unit_id').leftJoin('people', 'people.id', 'registrations.person_id')
    .selectAll('registrations').select(['units.name as unit_name', 'people.full_name as person_name'])
    .orderBy('unit_closure.depth').orderBy('units.name').orderBy('registrations.recipient_kind', 'desc').orderBy('people.name_search').orderBy('registrations.id')
    .limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** Staff of a unit (its subtree) with their registration under the plan: the bulk table's rows. */
export async function registrationRoster(ctx: TContext, q: { planId: string; unitId: string; q?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  const unit = await findUnit(ctx.db, q.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const plan = await ctx.db.selectFrom('plans').select(['id', 'title', 'state']).where('id', '=', q.planId).executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  let base = ctx.db.selectFrom('people').where('people.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId));
  if (q.q) base = base.where('people.name_search', 'like', `%${foldVietnamese(q.q)}%`);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.innerJoin('units', 'units.id', 'people.unit_id')
    .leftJoin('registrations', (j) => j.onRef('registrations.recipient_key', '=', 'people.id').on('registrations.plan_id', '=', q.planId))
    .select(['people.id', 'people.full_name', 'people.position', 'people.unit_id', 'units.name as unit_name', 'registrations.title_code', 'registrations.commitment', 'registrations.source', 'registrations.nominated_at'])
    .orderBy('people.name_search').orderBy('people.id').limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  const own = await ctx.db.selectFrom('registrations').select(['title_code', 'commitment', 'nominated_at']).where('plan_id', '=', q.planId).where('recipient_key', '=', `unit:${unit.id}`).executeTakeFirst();
  return {
    unit: { id: unit.id, name: unit.name, titleCode: own?.title_code ?? null, commitment: own?.commitment ?? null, nominated: !!own?.nominated_at },
    items: rows.map((r) => ({ personId: r.id, fullName: r.full_name, position: r.position, unitId: r.unit_id, unitName: r.unit_name, titleCode: r.title_code ?? null, commitment: r.commitment ?? null, source: r.source ?? null, nominated: !!r.nominated_at })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** Totals by title for the unit's subtree and for each direct sub-unit's subtree (the roll-up). */
export async function registrationTotals(ctx: TContext, q: { planId: string; unitId: string }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  const unit = await findUnit(ctx.db, q.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const family = await planFamily(ctx.db, q.planId);
  const children = await ctx.db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', unit.id).where('status', '=', 'active').orderBy('name').limit(1000).execute();
  const roots = [unit.id, ...children.map((c) => c.id)];
  const counts = await ctx.db.selectFrom('registrations').innerJoin('unit_closure', 'unit_closure.descendant_id', 'registrations.unit_id')
    .select(['unit_closure.ancestor_id as root', 'registrations.title_code', 'registrations.recipient_kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_closure.ancestor_id', 'in', roots).where('registrations.plan_id', 'in', family)
    .groupBy(['unit_closure.ancestor_id', 'registrations.title_code', 'registrations.recipient_kind']).execute();
  const titles = registrableTitles(todayIso());
  const nameOf = (code: string, kind: string) => titles.find((t) => t.code === code && t.kind === kind)?.name ?? code;
  const byRoot = (root: string) => {
    const list = counts.filter((c) => c.root === root).map((c) => ({ titleCode: c.title_code, titleName: nameOf(c.title_code, c.recipient_kind), recipientKind: c.recipient_kind, count: Number(c.n) }));
    list.sort((a, b) => titles.findIndex((t) => t.code === a.titleCode) - titles.findIndex((t) => t.code === b.titleCode));
    return { titles: list, total: list.reduce((s, t) => s + t.count, 0) };
  };
  return {
    unitId: unit.id, unitName: unit.name, planId: q.planId, ...byRoot(unit.id),
    children: children.map((c) => ({ unitId: c.id, unitName: c.name, ...byRoot(c.id) })).filter((c) => c.total > 0),
  };
}
