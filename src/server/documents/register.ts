// The outgoing-document register (sổ văn bản đi): one register per issuing unit and calendar year.
// By default every type shares one sequence (NĐ 30/2020 Điều 15: the number is the order of the
// document among those the body issues in the year, registered at its văn thư); a unit can switch to
// one sequence per type code. A number is reserved, then issued or cancelled; it is never reused.
// Allocation runs inside the caller's transaction under a lock per register (PostgreSQL advisory lock;
// SQLite has one writer), and (register_id, number) is unique, so concurrent issuing cannot produce a
// duplicate or a gap.
import { formatDocumentNumber } from '../../documents';
import { requireAccess, type TContext } from '../auth/access';
import { diffFields, writeAudit } from '../audit/audit';
import type { DbKind, Tx } from '../db/database';
import { lockChain } from '../db/dialect';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit, type TUnitRow } from '../units/units.repository';
import { bumpRegister, findNumber, findRegister, findUnitSettings, insertNumber, insertRegister, listNumbers, updateNumber, upsertUnitSettings, type TNumberRow } from './documents.repository';

const REGISTER_LOCK_BASE = 2_000_000_000;

/** A stable lock key per (unit, year, series); a collision only makes two registers wait for each other. */
export function registerLockKey(unitId: string, year: number, series: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${unitId}|${year}|${series}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return REGISTER_LOCK_BASE + (h % 100_000_000);
}

/** The ký hiệu written after the number: the unit's abbreviation, optionally followed by "-<drafting unit>". */
export function resolveIssuerCode(unit: TUnitRow, given: string | null | undefined): string {
  const abbr = unit.abbreviation?.trim();
  const code = given?.trim();
  if (!abbr) {
    if (code) return code;
    throw new AppError('VALIDATION', `Đơn vị "${unit.name}" chưa có chữ viết tắt (dùng trong ký hiệu văn bản). Hãy cập nhật chữ viết tắt của đơn vị trước khi lấy số.`, { fields: [{ field: 'unitId', message: 'Thiếu chữ viết tắt' }] });
  }
  if (!code) return abbr;
  if (code !== abbr && !code.startsWith(`${abbr}-`)) {
    throw new AppError('VALIDATION', `Ký hiệu cơ quan ban hành "${code}" không khớp chữ viết tắt của đơn vị (${abbr}); dùng "${abbr}" hoặc "${abbr}-<đơn vị soạn thảo>".`, { fields: [{ field: 'issuing.issuerCode', message: `Phải là ${abbr} hoặc ${abbr}-…` }] });
  }
  return code;
}

/** "05/KH-SGDĐT" (without "Số: "). */
export function numberSymbol(n: number, typeCode: string | null, issuerCode: string): string {
  return formatDocumentNumber(n, typeCode, issuerCode).replace(/^Số:\s*/, '');
}

export type TAllocation = { unit: TUnitRow; year: number; typeCode: string | null; issuerCode: string; actorUserId: string; note?: string | null };

/** Takes the next number of the unit's register for `year`, inside `trx`. The row starts as 'reserved'. */
export async function allocateNumber(trx: Tx, kind: DbKind, a: TAllocation): Promise<TNumberRow> {
  const settings = await findUnitSettings(trx, a.unit.id);
  const series = settings?.numbering === 'per_type' ? (a.typeCode ?? 'CV') : '';
  await lockChain(trx, kind, registerLockKey(a.unit.id, a.year, series));
  let register = await findRegister(trx, a.unit.id, a.year, series);
  if (!register) {
    await insertRegister(trx, { id: newId(), unit_id: a.unit.id, year: a.year, series, province_code: a.unit.province_code, created_at: nowIso() });
    register = (await findRegister(trx, a.unit.id, a.year, series))!;
  }
  const number = register.last_number + 1;
  await bumpRegister(trx, register.id, number);
  const row: TNumberRow = {
    id: newId(), register_id: register.id, number, unit_id: a.unit.id, year: a.year, type_code: a.typeCode,
    symbol: numberSymbol(number, a.typeCode, a.issuerCode), status: 'reserved', document_id: null, summary: null,
    signer_name: null, issued_date: null, note: a.note ?? null, cancel_reason: null, reserved_by: a.actorUserId,
    reserved_at: nowIso(), issued_at: null, cancelled_at: null, province_code: a.unit.province_code,
  };
  await insertNumber(trx, row);
  return row;
}

export function presentNumber(r: TNumberRow) {
  return {
    id: r.id, unitId: r.unit_id, year: r.year, number: r.number, typeCode: r.type_code, symbol: r.symbol, numberText: `Số: ${r.symbol}`,
    status: r.status, documentId: r.document_id, summary: r.summary, signerName: r.signer_name, issuedDate: r.issued_date,
    note: r.note, cancelReason: r.cancel_reason, reservedAt: r.reserved_at, issuedAt: r.issued_at, cancelledAt: r.cancelled_at,
  };
}

async function loadUnit(ctx: TContext, unitId: string): Promise<TUnitRow> {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  return unit;
}

export async function reserveNumber(ctx: TContext, input: { unitId: string; typeCode: string | null; year?: number; issuerCode?: string; note?: string }) {
  await requireAccess(ctx, 'document.write', [input.unitId]);
  const unit = await loadUnit(ctx, input.unitId);
  const issuerCode = resolveIssuerCode(unit, input.issuerCode);
  const year = input.year ?? Number(todayIso().slice(0, 4));
  return withTransaction(ctx, async (trx) => {
    const row = await allocateNumber(trx, ctx.kind, { unit, year, typeCode: input.typeCode, issuerCode, actorUserId: ctx.actor.userId, note: input.note });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document_number.reserve', entityType: 'document_number', entityId: row.id, unitId: unit.id, after: { symbol: row.symbol, year, status: row.status, note: row.note } });
    return presentNumber(row);
  });
}

/** Records as issued a reserved number used for a document drafted outside thidua. */
export async function issueReservedNumber(ctx: TContext, id: string, input: { issuedDate: string; signerName: string; summary: string }) {
  const current = await findNumber(ctx.db, id);
  if (!current) throw notFound('Không tìm thấy số văn bản');
  await requireAccess(ctx, 'document.write', [current.unit_id]);
  return withTransaction(ctx, async (trx) => {
    const row = await findNumber(trx, id);
    if (!row || row.status !== 'reserved') throw new AppError('INVALID_STATE', `Số ${current.symbol} không ở trạng thái giữ chỗ (đang: ${statusLabel(row?.status ?? current.status)}).`);
    if (Number(input.issuedDate.slice(0, 4)) !== row.year) throw new AppError('VALIDATION', `Ngày ban hành phải thuộc năm ${row.year} của sổ.`, { fields: [{ field: 'issuedDate', message: `Năm ${row.year}` }] });
    const next = { status: 'issued' as const, issued_date: input.issuedDate, signer_name: input.signerName, summary: input.summary, issued_at: nowIso() };
    await updateNumber(trx, id, next);
    const d = diffFields({ status: row.status, issued_date: row.issued_date, signer_name: row.signer_name, summary: row.summary }, { status: next.status, issued_date: next.issued_date, signer_name: next.signer_name, summary: next.summary });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document_number.issue', entityType: 'document_number', entityId: id, unitId: row.unit_id, before: d.before, after: d.after });
    return presentNumber({ ...row, ...next });
  });
}

export async function cancelNumber(ctx: TContext, id: string, input: { reason: string }) {
  const current = await findNumber(ctx.db, id);
  if (!current) throw notFound('Không tìm thấy số văn bản');
  await requireAccess(ctx, 'document.write', [current.unit_id]);
  return withTransaction(ctx, async (trx) => {
    const row = await findNumber(trx, id);
    if (!row || row.status !== 'reserved') {
      throw new AppError('INVALID_STATE', `Chỉ hủy được số đang giữ chỗ; số ${current.symbol} đang ở trạng thái ${statusLabel(row?.status ?? current.status)}.`);
    }
    const next = { status: 'cancelled' as const, cancel_reason: input.reason, cancelled_at: nowIso() };
    await updateNumber(trx, id, next);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document_number.cancel', entityType: 'document_number', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { status: 'cancelled' }, reason: input.reason });
    return presentNumber({ ...row, ...next });
  });
}

export async function listRegister(ctx: TContext, f: { unitId: string; year?: number; status?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'document.read', [f.unitId]);
  const year = f.year ?? Number(todayIso().slice(0, 4));
  const res = await listNumbers(ctx.db, { ...f, year });
  return { items: res.items.map(presentNumber), total: res.total, page: f.page, pageSize: f.pageSize };
}

export function statusLabel(s: TNumberRow['status']): string {
  return { reserved: 'giữ chỗ', issued: 'đã ban hành', cancelled: 'đã hủy' }[s];
}

export async function getDocumentSettings(ctx: TContext, unitId: string) {
  await requireAccess(ctx, 'document.read', [unitId]);
  await loadUnit(ctx, unitId);
  const s = await findUnitSettings(ctx.db, unitId);
  return { unitId, numbering: s?.numbering ?? 'shared', updatedAt: s?.updated_at ?? null };
}

export async function putDocumentSettings(ctx: TContext, unitId: string, input: { numbering: 'shared' | 'per_type' }) {
  await requireAccess(ctx, 'document.write', [unitId]);
  const unit = await loadUnit(ctx, unitId);
  return withTransaction(ctx, async (trx) => {
    const before = await findUnitSettings(trx, unitId);
    const now = nowIso();
    await upsertUnitSettings(trx, { unit_id: unitId, numbering: input.numbering, certificate_layout: before?.certificate_layout ?? null, province_code: unit.province_code, updated_by: ctx.actor.userId, updated_at: now });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document_settings.update', entityType: 'document_settings', entityId: unitId, unitId, before: { numbering: before?.numbering ?? 'shared' }, after: { numbering: input.numbering } });
    return { unitId, numbering: input.numbering, updatedAt: now };
  });
}
