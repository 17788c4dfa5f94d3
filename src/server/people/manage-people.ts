// Use-cases that change people: create, update (own record limited to contact fields), and the
// history records (employment, qualification, yearly rating, discipline). Audited, transactional.
import type { z } from '@hono/zod-openapi';
import { foldVietnamese } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { diffFields, writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit } from '../units/units.repository';
import { findDuplicates, findPerson, type TPersonRow } from './people.repository';
import type { TCreatePersonRequest, TUpdatePersonRequest, ZAddDiscipline, ZAddEmployment, ZAddQualification, ZSetRating } from './people.schemas';

const SELF_EDITABLE = new Set(['phone', 'email', 'ethnicity', 'reason']);

async function assertNoDuplicate(ctx: TContext, p: { cccd?: string | null; nameSearch: string; birthDate?: string | null }, excludeId?: string) {
  const dups = await findDuplicates(ctx.db, p, excludeId);
  const byCccd = p.cccd ? dups.find((d) => d.cccd === p.cccd) : undefined;
  if (byCccd) throw new AppError('CONFLICT', `Số CCCD ${p.cccd} đã có trong hồ sơ của ${byCccd.full_name}`, { fields: [{ field: 'cccd', message: 'Trùng số CCCD' }] });
  if (dups.length) throw new AppError('CONFLICT', `Đã có người cùng họ tên và ngày sinh (${dups[0].full_name}); kiểm tra để tránh tạo trùng hồ sơ`, { fields: [{ field: 'fullName', message: 'Có thể trùng hồ sơ' }], duplicateIds: dups.map((d) => d.id) });
}

export async function createPerson(ctx: TContext, input: TCreatePersonRequest & { allowSameNameBirth?: boolean }): Promise<TPersonRow> {
  await requireAccess(ctx, 'person.write', [input.unitId]);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit || unit.status !== 'active') throw new AppError('VALIDATION', 'Đơn vị không tồn tại hoặc đã ngừng hoạt động', { fields: [{ field: 'unitId', message: 'Không hợp lệ' }] });
  const nameSearch = foldVietnamese(input.fullName);
  await assertNoDuplicate(ctx, { cccd: input.cccd, nameSearch, birthDate: input.allowSameNameBirth ? null : input.birthDate });
  return withTransaction(ctx, async (trx) => {
    const now = nowIso();
    const row: TPersonRow = {
      id: newId(), full_name: input.fullName, name_search: nameSearch, birth_date: input.birthDate ?? null, gender: input.gender ?? null,
      ethnicity: input.ethnicity ?? null, cccd: input.cccd ?? null, phone: input.phone ?? null, email: input.email ?? null,
      unit_id: unit.id, position: input.position ?? null, staff_category: input.staffCategory ?? null, sector_start_date: input.sectorStartDate ?? null,
      province_code: unit.province_code, created_at: now, updated_at: now,
    };
    await trx.insertInto('people').values(row).execute();
    await trx.insertInto('employments').values({ id: newId(), person_id: row.id, unit_id: unit.id, position: input.position ?? 'Viên chức', from_date: input.startDate ?? todayIso(), to_date: null, province_code: unit.province_code }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.create', entityType: 'person', entityId: row.id, unitId: unit.id, after: row });
    return row;
  });
}

export async function updatePerson(ctx: TContext, id: string, input: TUpdatePersonRequest): Promise<TPersonRow> {
  const current = await findPerson(ctx.db, id);
  if (!current) throw notFound('Không tìm thấy cán bộ');
  const self = ctx.actor.personId === id;
  let mayWriteAll = false;
  try {
    await requireAccess(ctx, 'person.write', [current.unit_id]);
    mayWriteAll = true;
  } catch (e) {
    if (!self) throw e;
  }
  if (!mayWriteAll) {
    const forbidden = Object.keys(input).filter((k) => !SELF_EDITABLE.has(k) && (input as Record<string, unknown>)[k] !== undefined);
    if (forbidden.length) throw new AppError('FORBIDDEN', 'Cá nhân chỉ được sửa số điện thoại, thư điện tử và dân tộc của mình', { fields: forbidden.map((f) => ({ field: f, message: 'Không được sửa' })) });
  }
  if (input.unitId && input.unitId !== current.unit_id) await requireAccess(ctx, 'person.write', [input.unitId]);
  const { unit_name: _u, ...base } = current;
  const next: TPersonRow = {
    ...base,
    full_name: input.fullName ?? current.full_name,
    name_search: foldVietnamese(input.fullName ?? current.full_name),
    birth_date: input.birthDate !== undefined ? input.birthDate : current.birth_date,
    gender: input.gender !== undefined ? input.gender : current.gender,
    ethnicity: input.ethnicity !== undefined ? input.ethnicity : current.ethnicity,
    cccd: input.cccd !== undefined ? input.cccd : current.cccd,
    phone: input.phone !== undefined ? input.phone : current.phone,
    email: input.email !== undefined ? input.email : current.email,
    position: input.position !== undefined ? input.position : current.position,
    staff_category: input.staffCategory !== undefined ? input.staffCategory : current.staff_category,
    sector_start_date: input.sectorStartDate !== undefined ? input.sectorStartDate : current.sector_start_date,
    unit_id: input.unitId ?? current.unit_id,
    updated_at: nowIso(),
  };
  if (next.cccd !== current.cccd || next.name_search !== current.name_search || next.birth_date !== current.birth_date) {
    await assertNoDuplicate(ctx, { cccd: next.cccd !== current.cccd ? next.cccd : null, nameSearch: next.name_search, birthDate: next.birth_date }, id);
  }
  return withTransaction(ctx, async (trx) => {
    const { id: _id, ...values } = next;
    await trx.updateTable('people').set(values).where('id', '=', id).execute();
    if (next.unit_id !== current.unit_id) {
      const today = todayIso();
      await trx.updateTable('employments').set({ to_date: today }).where('person_id', '=', id).where('to_date', 'is', null).execute();
      await trx.insertInto('employments').values({ id: newId(), person_id: id, unit_id: next.unit_id, position: next.position ?? 'Viên chức', from_date: today, to_date: null, province_code: next.province_code }).execute();
    }
    const d = diffFields(base, next);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.update', entityType: 'person', entityId: id, unitId: next.unit_id, before: d.before, after: d.after, reason: input.reason });
    return next;
  });
}

async function loadWritablePerson(ctx: TContext, personId: string) {
  const p = await findPerson(ctx.db, personId);
  if (!p) throw notFound('Không tìm thấy cán bộ');
  await requireAccess(ctx, 'person.write', [p.unit_id]);
  return p;
}

export async function addEmployment(ctx: TContext, personId: string, input: z.infer<typeof ZAddEmployment>) {
  const p = await loadWritablePerson(ctx, personId);
  await requireAccess(ctx, 'person.write', [input.unitId]);
  if (input.toDate && input.toDate < input.fromDate) throw new AppError('VALIDATION', 'Ngày kết thúc phải sau ngày bắt đầu', { fields: [{ field: 'toDate', message: 'Trước ngày bắt đầu' }] });
  return withTransaction(ctx, async (trx) => {
    const row = { id: newId(), person_id: personId, unit_id: input.unitId, position: input.position, from_date: input.fromDate, to_date: input.toDate ?? null, province_code: p.province_code };
    if (input.moveCurrent && !input.toDate) {
      await trx.updateTable('employments').set({ to_date: input.fromDate }).where('person_id', '=', personId).where('to_date', 'is', null).execute();
      await trx.updateTable('people').set({ unit_id: input.unitId, position: input.position, updated_at: nowIso() }).where('id', '=', personId).execute();
    }
    await trx.insertInto('employments').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.employment.add', entityType: 'person', entityId: personId, unitId: input.unitId, after: row });
    return row;
  });
}

export async function addQualification(ctx: TContext, personId: string, input: z.infer<typeof ZAddQualification>) {
  const p = await loadWritablePerson(ctx, personId);
  return withTransaction(ctx, async (trx) => {
    const row = { id: newId(), person_id: personId, kind: input.kind, name: input.name, year: input.year ?? null, province_code: p.province_code };
    await trx.insertInto('qualifications').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.qualification.add', entityType: 'person', entityId: personId, unitId: p.unit_id, after: row });
    return row;
  });
}

export async function setRating(ctx: TContext, personId: string, input: z.infer<typeof ZSetRating>) {
  const p = await loadWritablePerson(ctx, personId);
  return withTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('performance_ratings').selectAll().where('person_id', '=', personId).where('school_year', '=', input.schoolYear).executeTakeFirst();
    if (existing) {
      await trx.updateTable('performance_ratings').set({ rating: input.rating }).where('id', '=', existing.id).execute();
    } else {
      await trx.insertInto('performance_ratings').values({ id: newId(), person_id: personId, school_year: input.schoolYear, rating: input.rating, unit_id: p.unit_id, province_code: p.province_code }).execute();
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.rating.set', entityType: 'person', entityId: personId, unitId: p.unit_id, before: existing ? { schoolYear: input.schoolYear, rating: existing.rating } : null, after: input });
    return input;
  });
}

export async function addDiscipline(ctx: TContext, personId: string, input: z.infer<typeof ZAddDiscipline>) {
  const p = await loadWritablePerson(ctx, personId);
  if (input.toDate && input.toDate < input.fromDate) throw new AppError('VALIDATION', 'Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu', { fields: [{ field: 'toDate', message: 'Trước ngày bắt đầu' }] });
  return withTransaction(ctx, async (trx) => {
    const row = { id: newId(), person_id: personId, form: input.form, decision_number: input.decisionNumber ?? null, from_date: input.fromDate, to_date: input.toDate ?? null, reason: input.reason ?? null, province_code: p.province_code };
    await trx.insertInto('disciplines').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'person.discipline.add', entityType: 'person', entityId: personId, unitId: p.unit_id, after: row });
    return row;
  });
}
