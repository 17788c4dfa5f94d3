// Use-cases that change the unit tree: create, update (rename, move), merge, split. Each checks
// access first, writes the change, its history event and its audit row in one transaction.
import { foldVietnamese } from '../../shared/vn';
import type { TContext } from '../auth/access';
import { requireAccess } from '../auth/access';
import { diffFields, writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import type { TCreateUnitRequest, TMergeUnitsRequest, TSplitUnitRequest, TUpdateUnitRequest } from './units.schemas';
import { findUnit, findUnitByCode, insertUnit, insertUnitEvent, isDescendant, rebuildClosure, type TUnitRow } from './units.repository';

export async function createUnit(ctx: TContext, input: TCreateUnitRequest): Promise<TUnitRow> {
  await requireAccess(ctx, 'unit.structure', [input.parentId, input.profParentId]);
  return withTransaction(ctx, async (trx) => {
    const parent = await findUnit(trx, input.parentId);
    if (!parent || parent.status !== 'active') throw new AppError('VALIDATION', 'Đơn vị cấp trên không tồn tại hoặc đã ngừng hoạt động', { fields: [{ field: 'parentId', message: 'Không hợp lệ' }] });
    if (await findUnitByCode(trx, input.code.toUpperCase())) {
      throw new AppError('CONFLICT', `Mã đơn vị ${input.code.toUpperCase()} đã tồn tại`, { fields: [{ field: 'code', message: 'Đã tồn tại' }] });
    }
    const now = nowIso();
    const row: TUnitRow = {
      id: newId(), code: input.code.toUpperCase(), name: input.name, short_name: input.shortName ?? null, abbreviation: input.abbreviation ?? null,
      kind: input.kind as TUnitRow['kind'], province_code: parent.province_code, commune_code: input.communeCode ?? parent.commune_code,
      parent_id: parent.id, prof_parent_id: input.profParentId ?? null, address: input.address ?? null, phone: input.phone ?? null,
      email: input.email ?? null, status: 'active', valid_from: input.validFrom, valid_to: null, name_search: foldVietnamese(input.name),
      created_at: now, updated_at: now,
    };
    await insertUnit(trx, row);
    await insertUnitEvent(trx, { id: newId(), unit_id: row.id, event: 'created', effective_date: input.validFrom, related_unit_id: parent.id, details: { reason: input.reason ?? null }, actor_user_id: ctx.actor.userId, province_code: row.province_code, created_at: now });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'unit.create', entityType: 'unit', entityId: row.id, unitId: row.id, after: row, reason: input.reason });
    return row;
  });
}

export async function updateUnit(ctx: TContext, id: string, input: TUpdateUnitRequest): Promise<TUnitRow> {
  const current = await findUnit(ctx.db, id);
  if (!current) throw notFound('Không tìm thấy đơn vị');
  const structural = input.name !== undefined && input.name !== current.name || input.parentId !== undefined && input.parentId !== current.parent_id || input.profParentId !== undefined && input.profParentId !== current.prof_parent_id;
  await requireAccess(ctx, structural ? 'unit.structure' : 'unit.write', [id]);
  if (input.parentId) await requireAccess(ctx, 'unit.structure', [input.parentId]);
  if (input.profParentId) await requireAccess(ctx, 'unit.read', [input.profParentId]);
  if (current.status !== 'active') throw new AppError('INVALID_STATE', 'Đơn vị đã ngừng hoạt động, không sửa được');
  return withTransaction(ctx, async (trx) => {
    const now = nowIso();
    const next: TUnitRow = {
      ...current,
      name: input.name ?? current.name,
      name_search: foldVietnamese(input.name ?? current.name),
      short_name: input.shortName !== undefined ? input.shortName : current.short_name,
      abbreviation: input.abbreviation !== undefined ? input.abbreviation : current.abbreviation,
      parent_id: input.parentId ?? current.parent_id,
      prof_parent_id: input.profParentId !== undefined ? input.profParentId : current.prof_parent_id,
      address: input.address !== undefined ? input.address : current.address,
      phone: input.phone !== undefined ? input.phone : current.phone,
      email: input.email !== undefined ? input.email : current.email,
      updated_at: now,
    };
    for (const p of [next.parent_id, next.prof_parent_id]) {
      if (p && (p === id || (await isDescendant(trx, id, p)))) throw new AppError('VALIDATION', 'Không thể đặt đơn vị cấp dưới làm đơn vị cấp trên', { fields: [{ field: 'parentId', message: 'Tạo vòng lặp' }] });
    }
    const { id: _id, ...values } = next;
    await trx.updateTable('units').set(values).where('id', '=', id).execute();
    const moved = next.parent_id !== current.parent_id || next.prof_parent_id !== current.prof_parent_id;
    if (moved) await rebuildClosure(trx, [id]);
    const base = { unit_id: id, effective_date: input.effectiveDate, actor_user_id: ctx.actor.userId, province_code: current.province_code, created_at: now };
    if (next.name !== current.name) await insertUnitEvent(trx, { ...base, id: newId(), event: 'renamed', details: { from: current.name, to: next.name, reason: input.reason ?? null } });
    if (moved) await insertUnitEvent(trx, { ...base, id: newId(), event: 'moved', related_unit_id: next.parent_id, details: { fromParentId: current.parent_id, toParentId: next.parent_id, reason: input.reason ?? null } });
    if (next.name === current.name && !moved) await insertUnitEvent(trx, { ...base, id: newId(), event: 'updated', details: { reason: input.reason ?? null } });
    const d = diffFields(current, next);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'unit.update', entityType: 'unit', entityId: id, unitId: id, before: d.before, after: d.after, reason: input.reason });
    return next;
  });
}

/** Merges the source units into `targetId`: people and sub-units move to the target; sources close. */
export async function mergeUnits(ctx: TContext, targetId: string, input: TMergeUnitsRequest): Promise<{ movedPeople: number; movedChildren: number }> {
  const sourceIds = [...new Set(input.sourceIds)].filter((s) => s !== targetId);
  if (!sourceIds.length) throw new AppError('VALIDATION', 'Chọn ít nhất một đơn vị khác để sáp nhập');
  await requireAccess(ctx, 'unit.structure', [targetId, ...sourceIds]);
  return withTransaction(ctx, async (trx) => {
    const target = await findUnit(trx, targetId);
    if (!target || target.status !== 'active') throw new AppError('INVALID_STATE', 'Đơn vị tiếp nhận không còn hoạt động');
    const now = nowIso();
    let movedPeople = 0;
    const movedChildIds: string[] = [];
    for (const sid of sourceIds) {
      const src = await findUnit(trx, sid);
      if (!src) throw notFound('Không tìm thấy đơn vị sáp nhập');
      if (src.status !== 'active') throw new AppError('INVALID_STATE', `${src.name} đã ngừng hoạt động`);
      if (await isDescendant(trx, sid, targetId)) throw new AppError('VALIDATION', `Không thể sáp nhập ${src.name} vào đơn vị cấp dưới của nó`);
      const people = await trx.selectFrom('people').select('id').where('unit_id', '=', sid).execute();
      movedPeople += people.length;
      await trx.updateTable('people').set({ unit_id: targetId, updated_at: now }).where('unit_id', '=', sid).execute();
      await trx.updateTable('employments').set({ to_date: input.effectiveDate }).where('unit_id', '=', sid).where('to_date', 'is', null).execute();
      for (let i = 0; i < people.length; i += 500) {
        const chunk = people.slice(i, i + 500);
        const emps = await trx.selectFrom('employments').select(['person_id', 'position']).where('unit_id', '=', sid).where('to_date', '=', input.effectiveDate).where('person_id', 'in', chunk.map((p) => p.id)).execute();
        if (emps.length) await trx.insertInto('employments').values(emps.map((e) => ({ id: newId(), person_id: e.person_id, unit_id: targetId, position: e.position, from_date: input.effectiveDate, to_date: null, province_code: target.province_code }))).execute();
      }
      const children = await trx.selectFrom('units').select('id').where((eb) => eb.or([eb('parent_id', '=', sid), eb('prof_parent_id', '=', sid)])).where('status', '=', 'active').execute();
      movedChildIds.push(...children.map((ch) => ch.id));
      await trx.updateTable('units').set({ parent_id: targetId, updated_at: now }).where('parent_id', '=', sid).where('status', '=', 'active').execute();
      await trx.updateTable('units').set({ prof_parent_id: targetId, updated_at: now }).where('prof_parent_id', '=', sid).where('status', '=', 'active').execute();
      await trx.updateTable('units').set({ status: 'merged', valid_to: input.effectiveDate, updated_at: now }).where('id', '=', sid).execute();
      await trx.updateTable('cluster_members').set({ unit_id: targetId }).where('unit_id', '=', sid).where('cluster_id', 'not in', trx.selectFrom('cluster_members').select('cluster_id').where('unit_id', '=', targetId)).execute();
      await trx.deleteFrom('cluster_members').where('unit_id', '=', sid).execute();
      await insertUnitEvent(trx, { id: newId(), unit_id: sid, event: 'merged_into', effective_date: input.effectiveDate, related_unit_id: targetId, details: { reason: input.reason, people: people.length }, actor_user_id: ctx.actor.userId, province_code: src.province_code, created_at: now });
      await insertUnitEvent(trx, { id: newId(), unit_id: targetId, event: 'merged_from', effective_date: input.effectiveDate, related_unit_id: sid, details: { reason: input.reason, people: people.length }, actor_user_id: ctx.actor.userId, province_code: target.province_code, created_at: now });
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'unit.merge', entityType: 'unit', entityId: sid, unitId: targetId, before: { status: src.status }, after: { status: 'merged', mergedInto: targetId, movedPeople: people.length }, reason: input.reason });
    }
    // The moved sub-units (and everything below them) take their new ancestors.
    await rebuildClosure(trx, movedChildIds);
    return { movedPeople, movedChildren: movedChildIds.length };
  });
}

/** Splits a unit into new units under the same parents; people follow the assignment (default: first part). */
export async function splitUnit(ctx: TContext, id: string, input: TSplitUnitRequest): Promise<TUnitRow[]> {
  await requireAccess(ctx, 'unit.structure', [id]);
  return withTransaction(ctx, async (trx) => {
    const src = await findUnit(trx, id);
    if (!src) throw notFound('Không tìm thấy đơn vị');
    if (src.status !== 'active') throw new AppError('INVALID_STATE', 'Đơn vị đã ngừng hoạt động');
    const now = nowIso();
    const parts: TUnitRow[] = [];
    for (const [i, p] of input.parts.entries()) {
      const code = p.code.toUpperCase();
      if (await findUnitByCode(trx, code)) throw new AppError('CONFLICT', `Mã đơn vị ${code} đã tồn tại`, { fields: [{ field: `parts.${i}.code`, message: 'Đã tồn tại' }] });
      const row: TUnitRow = { ...src, id: newId(), code, name: p.name, name_search: foldVietnamese(p.name), kind: p.kind as TUnitRow['kind'], short_name: null, abbreviation: null, status: 'active', valid_from: input.effectiveDate, valid_to: null, created_at: now, updated_at: now };
      await insertUnit(trx, row);
      await insertUnitEvent(trx, { id: newId(), unit_id: row.id, event: 'split_from', effective_date: input.effectiveDate, related_unit_id: id, details: { reason: input.reason }, actor_user_id: ctx.actor.userId, province_code: row.province_code, created_at: now });
      parts.push(row);
    }
    const people = await trx.selectFrom('people').select(['id', 'position']).where('unit_id', '=', id).execute();
    for (const person of people) {
      const idx = input.personAssignments?.[person.id] ?? 0;
      const part = parts[idx];
      if (!part) throw new AppError('VALIDATION', 'Phân công người sang đơn vị mới không hợp lệ');
      await trx.updateTable('people').set({ unit_id: part.id, updated_at: now }).where('id', '=', person.id).execute();
      await trx.updateTable('employments').set({ to_date: input.effectiveDate }).where('person_id', '=', person.id).where('unit_id', '=', id).where('to_date', 'is', null).execute();
      await trx.insertInto('employments').values({ id: newId(), person_id: person.id, unit_id: part.id, position: person.position ?? 'Viên chức', from_date: input.effectiveDate, to_date: null, province_code: part.province_code }).execute();
    }
    const children = await trx.selectFrom('units').select('id').where('parent_id', '=', id).where('status', '=', 'active').execute();
    await trx.updateTable('units').set({ parent_id: parts[0].id, updated_at: now }).where('parent_id', '=', id).where('status', '=', 'active').execute();
    await trx.updateTable('units').set({ status: 'split', valid_to: input.effectiveDate, updated_at: now }).where('id', '=', id).execute();
    await rebuildClosure(trx, children.map((c) => c.id));
    await insertUnitEvent(trx, { id: newId(), unit_id: id, event: 'split_into', effective_date: input.effectiveDate, details: { reason: input.reason, parts: parts.map((p) => ({ id: p.id, name: p.name })) }, actor_user_id: ctx.actor.userId, province_code: src.province_code, created_at: now });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'unit.split', entityType: 'unit', entityId: id, unitId: id, before: { status: 'active' }, after: { status: 'split', parts: parts.map((p) => p.code) }, reason: input.reason });
    return parts;
  });
}
