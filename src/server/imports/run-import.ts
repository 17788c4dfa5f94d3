// Imports of units and people from Excel. Always in two steps: validate every row and compute what
// would change (the dry run), then — only if no row has an error — apply it all in one transaction.
// Re-running the same file changes nothing: rows match existing records by unit code, or by CCCD /
// folded name + birth date for people.
import { foldVietnamese } from '../../shared/vn';
import { grantRoots, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Tx } from '../db/database';
import type { PersonTable, UnitTable } from '../db/schema';
import { newId, nowIso, todayIso } from '../ids';
import { insertUnit, insertUnitEvent, rebuildClosure } from '../units/units.repository';
import { normaliseRow, readWorkbook, type TCellError, type TImportKind } from './excel-format';

export type TImportReport = {
  kind: TImportKind;
  dryRun: boolean;
  applied: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: TCellError[];
  message: string;
};

type TProgress = (percent: number, message?: string) => Promise<void>;

async function scopeSet(ctx: TContext, permission: 'person.import' | 'unit.structure'): Promise<Set<string>> {
  const roots = grantRoots(ctx.actor, permission);
  if (!roots.length) return new Set();
  const rows = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

async function unitsByCode(ctx: TContext, codes: string[]) {
  const map = new Map<string, UnitTable>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await ctx.db.selectFrom('units').selectAll().where('code', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) map.set(r.code, r);
  }
  return map;
}

function summary(r: Omit<TImportReport, 'message'>): string {
  if (r.errors.length) {
    const rows = new Set(r.errors.map((e) => e.row)).size;
    return `Có ${r.errors.length} lỗi ở ${rows} dòng. ${r.dryRun ? 'Đây là chạy thử: chưa thay đổi dữ liệu.' : 'Chưa nhập dòng nào; sửa lỗi rồi nhập lại.'}`;
  }
  const what = `${r.created} thêm mới, ${r.updated} cập nhật, ${r.unchanged} không đổi`;
  return r.dryRun ? `Chạy thử: ${r.totalRows} dòng hợp lệ (${what}). Chưa thay đổi dữ liệu.` : `Đã nhập ${r.totalRows} dòng: ${what}.`;
}

export async function runImport(ctx: TContext, kind: TImportKind, bytes: Uint8Array, dryRun: boolean, progress: TProgress): Promise<TImportReport> {
  const { rows, errors } = await readWorkbook(kind, bytes);
  await progress(10, `Đã đọc ${rows.length} dòng`);
  const report = kind === 'people' ? await importPeople(ctx, rows, errors, dryRun, progress) : await importUnits(ctx, rows, errors, dryRun, progress);
  errors.sort((a, b) => a.row - b.row);
  const base = { kind, dryRun, totalRows: rows.length, errors, ...report, applied: !dryRun && errors.length === 0 };
  return { ...base, message: summary(base) };
}

type TPlanned<T> = { create: T[]; update: { id: string; before: Partial<T>; after: Partial<T> }[]; unchanged: number };

async function importPeople(ctx: TContext, rows: Awaited<ReturnType<typeof readWorkbook>>['rows'], errors: TCellError[], dryRun: boolean, progress: TProgress) {
  const scope = await scopeSet(ctx, 'person.import');
  const normalised = rows.map((r) => ({ row: r.row, v: normaliseRow('people', r, errors) }));
  const units = await unitsByCode(ctx, normalised.map((n) => (n.v.unitCode ?? '').toUpperCase()).filter(Boolean));
  const seenCccd = new Map<string, number>();
  const seenNameBirth = new Map<string, number>();
  const plan: TPlanned<PersonTable> = { create: [], update: [], unchanged: 0 };
  const now = nowIso();
  for (let i = 0; i < normalised.length; i++) {
    const { row, v } = normalised[i];
    if (i % 2000 === 0) await progress(10 + Math.round((i / Math.max(1, normalised.length)) * 60), `Đang kiểm tra dòng ${row}`);
    const unit = v.unitCode ? units.get(v.unitCode.toUpperCase()) : undefined;
    if (v.unitCode && !unit) errors.push({ row, column: 'Mã đơn vị', message: `Không có đơn vị mã "${v.unitCode}"` });
    else if (unit && !scope.has(unit.id)) errors.push({ row, column: 'Mã đơn vị', message: `Bạn không có quyền nhập cán bộ cho đơn vị "${unit.name}"` });
    else if (unit && unit.status !== 'active') errors.push({ row, column: 'Mã đơn vị', message: `Đơn vị "${unit.name}" đã ngừng hoạt động` });
    if (v.cccd && v.cccd.length !== 12) errors.push({ row, column: 'Số CCCD', message: 'Số CCCD phải có đúng 12 chữ số' });
    if (v.birthDate && (v.birthDate > todayIso() || v.birthDate < '1940-01-01')) errors.push({ row, column: 'Ngày sinh', message: 'Ngày sinh không hợp lý' });
    if (v.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)) errors.push({ row, column: 'Thư điện tử', message: `"${v.email}" không phải địa chỉ thư hợp lệ` });
    const nameSearch = v.fullName ? foldVietnamese(v.fullName) : '';
    if (v.cccd) {
      const prev = seenCccd.get(v.cccd);
      if (prev) errors.push({ row, column: 'Số CCCD', message: `Trùng số CCCD với dòng ${prev}` });
      else seenCccd.set(v.cccd, row);
    }
    if (nameSearch && v.birthDate && !v.cccd) {
      const key = `${nameSearch}|${v.birthDate}`;
      const prev = seenNameBirth.get(key);
      if (prev) errors.push({ row, column: 'Họ và tên', message: `Trùng họ tên và ngày sinh với dòng ${prev}` });
      else seenNameBirth.set(key, row);
    }
    if (errors.some((e) => e.row === row) || !unit) continue;
    let existing = v.cccd ? await ctx.db.selectFrom('people').selectAll().where('cccd', '=', v.cccd).executeTakeFirst() : undefined;
    if (!existing && v.birthDate) {
      // Same name and birth date is the same person unless both records carry different CCCD numbers.
      const candidates = await ctx.db.selectFrom('people').selectAll().where('name_search', '=', nameSearch).where('birth_date', '=', v.birthDate).limit(5).execute();
      existing = candidates.find((c) => !v.cccd || !c.cccd || c.cccd === v.cccd);
    }
    const fields = {
      full_name: v.fullName!, name_search: nameSearch, birth_date: v.birthDate, gender: v.gender as PersonTable['gender'], ethnicity: v.ethnicity,
      cccd: v.cccd, phone: v.phone, email: v.email, unit_id: unit.id, position: v.position, staff_category: v.staffCategory, sector_start_date: v.sectorStartDate,
      province_code: unit.province_code,
    };
    if (existing) {
      if (!scope.has(existing.unit_id)) { errors.push({ row, column: 'Họ và tên', message: 'Hồ sơ này đã có ở đơn vị ngoài phạm vi của bạn' }); continue; }
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(fields)) {
        if (val === null || val === undefined) continue; // an empty cell never erases data
        if ((existing as Record<string, unknown>)[k] !== val) { before[k] = (existing as Record<string, unknown>)[k]; after[k] = val; }
      }
      if (Object.keys(after).length) plan.update.push({ id: existing.id, before, after });
      else plan.unchanged++;
    } else {
      plan.create.push({ id: newId(), ...fields, created_at: now, updated_at: now });
    }
  }
  if (!dryRun && errors.length === 0) {
    await progress(75, 'Đang ghi dữ liệu');
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < plan.create.length; i += 200) {
        const chunk = plan.create.slice(i, i + 200);
        await trx.insertInto('people').values(chunk).execute();
        await trx.insertInto('employments').values(chunk.map((p) => ({ id: newId(), person_id: p.id, unit_id: p.unit_id, position: p.position ?? 'Viên chức', from_date: todayIso(), to_date: null, province_code: p.province_code }))).execute();
      }
      for (const u of plan.update) {
        await trx.updateTable('people').set({ ...u.after, updated_at: now }).where('id', '=', u.id).execute();
        if (u.after.unit_id) {
          await trx.updateTable('employments').set({ to_date: todayIso() }).where('person_id', '=', u.id).where('to_date', 'is', null).execute();
          await trx.insertInto('employments').values({ id: newId(), person_id: u.id, unit_id: u.after.unit_id as string, position: (u.after.position as string) ?? 'Viên chức', from_date: todayIso(), to_date: null, province_code: (u.after.province_code as string) ?? '' }).execute();
        }
      }
      await auditImport(trx, ctx, 'people', plan.create.length, plan.update.length, plan.update.map((u) => u.id), grantRoots(ctx.actor, 'person.import')[0]);
    });
  }
  return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged };
}

async function auditImport(trx: Tx, ctx: TContext, kind: TImportKind, created: number, updated: number, updatedIds: string[], unitId: string | undefined) {
  await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: `import.${kind}`, entityType: 'import', entityId: newId(), unitId: unitId ?? null, after: { created, updated, updatedIds: updatedIds.slice(0, 1000) } });
}

async function importUnits(ctx: TContext, rows: Awaited<ReturnType<typeof readWorkbook>>['rows'], errors: TCellError[], dryRun: boolean, progress: TProgress) {
  const scope = await scopeSet(ctx, 'unit.structure');
  const normalised = rows.map((r) => ({ row: r.row, v: normaliseRow('units', r, errors) }));
  const codes = normalised.flatMap((n) => [n.v.code, n.v.parentCode, n.v.profParentCode]).filter((c): c is string => !!c).map((c) => c.toUpperCase());
  const known = await unitsByCode(ctx, codes);
  const inFile = new Map<string, number>();
  for (const n of normalised) {
    if (!n.v.code) continue;
    const code = n.v.code.toUpperCase();
    if (!/^[A-Z0-9_.-]+$/.test(code)) errors.push({ row: n.row, column: 'Mã đơn vị', message: `Mã "${n.v.code}" chỉ được gồm chữ không dấu, số, dấu chấm, gạch` });
    const prev = inFile.get(code);
    if (prev) errors.push({ row: n.row, column: 'Mã đơn vị', message: `Trùng mã với dòng ${prev}` });
    else inFile.set(code, n.row);
  }
  const plan: TPlanned<UnitTable> & { order: UnitTable[] } = { create: [], update: [], unchanged: 0, order: [] };
  const now = nowIso();
  const pendingCodes = new Set(normalised.filter((n) => n.v.code && !known.has(n.v.code.toUpperCase())).map((n) => n.v.code!.toUpperCase()));
  for (const { row, v } of normalised) {
    if (errors.some((e) => e.row === row)) continue;
    const code = v.code!.toUpperCase();
    const parentCode = v.parentCode!.toUpperCase();
    const parent = known.get(parentCode);
    const parentInFile = pendingCodes.has(parentCode);
    if (!parent && !parentInFile) { errors.push({ row, column: 'Mã đơn vị cấp trên', message: `Không có đơn vị mã "${v.parentCode}"` }); continue; }
    if (parent && !scope.has(parent.id)) { errors.push({ row, column: 'Mã đơn vị cấp trên', message: `Bạn không có quyền thêm đơn vị dưới "${parent.name}"` }); continue; }
    const profCode = v.profParentCode?.toUpperCase();
    if (profCode && !known.has(profCode) && !pendingCodes.has(profCode)) { errors.push({ row, column: 'Mã đơn vị chỉ đạo chuyên môn', message: `Không có đơn vị mã "${v.profParentCode}"` }); continue; }
    const existing = known.get(code);
    const fields = { name: v.name!, name_search: foldVietnamese(v.name!), kind: v.kind as UnitTable['kind'], abbreviation: v.abbreviation, commune_code: v.communeCode, address: v.address, phone: v.phone, email: v.email };
    if (existing) {
      if (!scope.has(existing.id)) { errors.push({ row, column: 'Mã đơn vị', message: `Đơn vị "${existing.name}" ngoài phạm vi của bạn` }); continue; }
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(fields)) {
        if (val === null || val === undefined) continue;
        if ((existing as Record<string, unknown>)[k] !== val) { before[k] = (existing as Record<string, unknown>)[k]; after[k] = val; }
      }
      if (Object.keys(after).length) plan.update.push({ id: existing.id, before, after });
      else plan.unchanged++;
    } else {
      const u: UnitTable = {
        id: newId(), code, ...fields, short_name: null, province_code: parent?.province_code ?? '', parent_id: parent?.id ?? `code:${parentCode}`,
        prof_parent_id: profCode ? known.get(profCode)?.id ?? `code:${profCode}` : null, status: 'active', valid_from: v.validFrom ?? todayIso(), valid_to: null, created_at: now, updated_at: now,
      };
      plan.create.push(u);
    }
  }
  // Resolve parents that are created by the same file (in file order, parents first).
  const createdByCode = new Map(plan.create.map((u) => [u.code, u]));
  const ordered: UnitTable[] = [];
  const placed = new Set<string>();
  const visit = (u: UnitTable, depth = 0) => {
    if (placed.has(u.code) || depth > 50) return;
    for (const link of [u.parent_id, u.prof_parent_id]) {
      if (link?.startsWith('code:')) { const p = createdByCode.get(link.slice(5)); if (p) visit(p, depth + 1); }
    }
    placed.add(u.code);
    ordered.push(u);
  };
  plan.create.forEach((u) => visit(u));
  for (const u of ordered) {
    if (u.parent_id?.startsWith('code:')) { const p = createdByCode.get(u.parent_id.slice(5))!; u.parent_id = p.id; u.province_code = p.province_code; }
    if (u.prof_parent_id?.startsWith('code:')) u.prof_parent_id = createdByCode.get(u.prof_parent_id.slice(5))!.id;
  }
  await progress(70, 'Đã kiểm tra xong');
  if (!dryRun && errors.length === 0) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const u of ordered) {
        await insertUnit(trx, u);
        await insertUnitEvent(trx, { id: newId(), unit_id: u.id, event: 'created', effective_date: u.valid_from, related_unit_id: u.parent_id, details: { source: 'import' }, actor_user_id: ctx.actor.userId, province_code: u.province_code, created_at: now });
      }
      for (const up of plan.update) await trx.updateTable('units').set({ ...up.after, updated_at: now }).where('id', '=', up.id).execute();
      if (plan.update.length) await rebuildClosure(trx, []);
      await auditImport(trx, ctx, 'units', ordered.length, plan.update.length, plan.update.map((u) => u.id), grantRoots(ctx.actor, 'unit.structure')[0]);
    });
  }
  return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged };
}
