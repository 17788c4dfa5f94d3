// Điển hình tiên tiến: each quarter of the school year a unit nominates one (a person or the collective)
// with a short write-up; the level above accepts or rejects it; consent to publish is recorded.
// One nomination per unit per quarter (unique index); a rejected one may be replaced.
import { schoolYearLabel } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { ExemplarTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { isUniqueViolation, pageArgs, quarterOf } from './common';

export const EXEMPLAR_STATUS_LABELS = { nominated: 'Đã đề cử', accepted: 'Được công nhận', rejected: 'Không công nhận' } as const;
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
export const quarterLabel = (schoolYear: number, quarter: number) => `Quý ${ROMAN[quarter]} năm học ${schoolYearLabel(schoolYear)}`;

type TRow = ExemplarTable & { unit_name: string | null; person_name: string | null };

function present(r: TRow) {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, personId: r.person_id, personName: r.person_name, schoolYear: r.school_year, quarter: r.quarter,
    quarterLabel: quarterLabel(r.school_year, r.quarter), title: r.title, writeUp: r.write_up, consentPublic: !!r.consent_public,
    status: r.status, statusLabel: EXEMPLAR_STATUS_LABELS[r.status], rejectReason: r.reject_reason, decidedAt: r.decided_at, createdAt: r.created_at,
  };
}

function withNames(db: Db | Tx) {
  return db.selectFrom('exemplars').leftJoin('units', 'units.id', 'exemplars.unit_id').leftJoin('people', 'people.id', 'exemplars.person_id')
    .selectAll('exemplars').select(['units.name as unit_name', 'people.full_name as person_name']);
}

async function loadRow(db: Db | Tx, id: string): Promise<TRow> {
  const r = await withNames(db).where('exemplars.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Không tìm thấy điển hình tiên tiến');
  return r;
}

export async function nominateExemplar(ctx: TContext, input: { unitId: string; schoolYear?: number; quarter?: number; personId?: string | null; title: string; writeUp: string; consentPublic?: boolean }) {
  await requireAccess(ctx, 'report.write', [input.unitId]);
  const unit = await ctx.db.selectFrom('units').select(['id', 'name', 'province_code']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const current = quarterOf(todayIso());
  const schoolYear = input.schoolYear ?? current.schoolYear;
  const quarter = input.quarter ?? current.quarter;
  if (input.personId) {
    const p = await ctx.db.selectFrom('people').innerJoin('unit_closure', 'unit_closure.descendant_id', 'people.unit_id').select('people.id')
      .where('people.id', '=', input.personId).where('unit_closure.ancestor_id', '=', unit.id).executeTakeFirst();
    if (!p) throw new AppError('VALIDATION', `Cá nhân được đề cử không thuộc ${unit.name}`, { fields: [{ field: 'personId', message: 'Không thuộc đơn vị' }] });
  }
  const existing = await ctx.db.selectFrom('exemplars').select(['id', 'status', 'title']).where('unit_id', '=', unit.id).where('school_year', '=', schoolYear).where('quarter', '=', quarter).executeTakeFirst();
  const dup = () => new AppError('CONFLICT', `${unit.name} đã đề cử điển hình tiên tiến ${quarterLabel(schoolYear, quarter).replace(/^Q/, 'q')}; mỗi quý một điển hình`);
  if (existing && existing.status !== 'rejected') throw dup();
  const now = nowIso();
  const row: ExemplarTable = {
    id: existing?.id ?? newId(), province_code: unit.province_code, unit_id: unit.id, person_id: input.personId ?? null, school_year: schoolYear, quarter,
    title: input.title.trim(), write_up: input.writeUp.trim(), consent_public: input.consentPublic ? 1 : 0, status: 'nominated',
    decided_by: null, decided_at: null, reject_reason: null, created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  try {
    await withTransaction(ctx, async (trx) => {
      if (existing) {
        const n = await trx.updateTable('exemplars').set({ ...row, id: undefined }).where('id', '=', existing.id).where('status', '=', 'rejected').executeTakeFirst();
        if (Number(n.numUpdatedRows) !== 1) throw dup();
      } else {
        await trx.insertInto('exemplars').values(row).execute();
      }
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'exemplar.nominate', entityType: 'exemplar', entityId: row.id, unitId: unit.id, before: existing ? { replaced: existing.title } : null, after: { schoolYear, quarter, title: row.title, personId: row.person_id, consentPublic: !!row.consent_public } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw dup();
    throw e;
  }
  return present(await loadRow(ctx.db, row.id));
}

export async function listExemplars(ctx: TContext, q: { unitId: string; schoolYear?: number; quarter?: number; status?: ExemplarTable['status']; page: number; pageSize: number }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  let base = ctx.db.selectFrom('exemplars').where('exemplars.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId));
  if (q.schoolYear) base = base.where('exemplars.school_year', '=', q.schoolYear);
  if (q.quarter) base = base.where('exemplars.quarter', '=', q.quarter);
  if (q.status) base = base.where('exemplars.status', '=', q.status);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.leftJoin('units', 'units.id', 'exemplars.unit_id').leftJoin('people', 'people.id', 'exemplars.person_id')
    .selectAll('exemplars').select(['units.name as unit_name', 'people.full_name as person_name'])
    .orderBy('exemplars.school_year', 'desc').orderBy('exemplars.quarter', 'desc').orderBy('units.name').orderBy('exemplars.id')
    .limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  const canDecideFor = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'nominated') continue;
    try { await upperUnitCheck(ctx, r.unit_id); canDecideFor.add(r.id); } catch { /* not the level above */ }
  }
  return { items: rows.map((r) => ({ ...present(r), canDecide: canDecideFor.has(r.id) })), total, page: q.page, pageSize: q.pageSize };
}

/** The level above: report.write on the parent unit of the nominating unit. */
async function upperUnitCheck(ctx: TContext, unitId: string) {
  const u = await ctx.db.selectFrom('units').select(['parent_id']).where('id', '=', unitId).executeTakeFirst();
  if (!u?.parent_id) throw new AppError('FORBIDDEN', 'Đơn vị không có cấp trên để công nhận điển hình');
  await requireAccess(ctx, 'report.write', [u.parent_id]);
}

export async function decideExemplar(ctx: TContext, id: string, input: { decision: 'accept' | 'reject'; reason?: string | null }) {
  const r = await loadRow(ctx.db, id);
  await requireAccess(ctx, 'report.read', [r.unit_id]);
  try {
    await upperUnitCheck(ctx, r.unit_id);
  } catch (e) {
    if (e instanceof AppError) throw new AppError('FORBIDDEN', 'Chỉ cấp trên của đơn vị đề cử mới công nhận điển hình tiên tiến');
    throw e;
  }
  if (r.status !== 'nominated') throw new AppError('INVALID_STATE', `Điển hình đã "${EXEMPLAR_STATUS_LABELS[r.status].toLowerCase()}"`);
  if (input.decision === 'reject' && !input.reason?.trim()) throw new AppError('VALIDATION', 'Nhập lý do không công nhận', { fields: [{ field: 'reason', message: 'Bắt buộc' }] });
  const now = nowIso();
  const status = input.decision === 'accept' ? 'accepted' as const : 'rejected' as const;
  await withTransaction(ctx, async (trx) => {
    const n = await trx.updateTable('exemplars').set({ status, decided_by: ctx.actor.userId, decided_at: now, reject_reason: status === 'rejected' ? input.reason!.trim() : null, updated_at: now })
      .where('id', '=', id).where('status', '=', 'nominated').executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Điển hình vừa được người khác xử lý; tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: `exemplar.${input.decision}`, entityType: 'exemplar', entityId: id, unitId: r.unit_id, before: { status: r.status }, after: { status }, reason: input.reason ?? null });
  });
  return present(await loadRow(ctx.db, id));
}

export async function setExemplarConsent(ctx: TContext, id: string, consentPublic: boolean) {
  const r = await loadRow(ctx.db, id);
  await requireAccess(ctx, 'report.write', [r.unit_id]);
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('exemplars').set({ consent_public: consentPublic ? 1 : 0, updated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'exemplar.consent', entityType: 'exemplar', entityId: id, unitId: r.unit_id, before: { consentPublic: !!r.consent_public }, after: { consentPublic } });
  });
  return present(await loadRow(ctx.db, id));
}

/** Accepted exemplars whose publication was consented to (for the public page; no login needed). */
export async function publicExemplars(db: Db | Tx, q: { provinceCode?: string; schoolYear?: number; page: number; pageSize: number }) {
  let base = db.selectFrom('exemplars').where('exemplars.status', '=', 'accepted').where('exemplars.consent_public', '=', 1);
  if (q.provinceCode) base = base.where('exemplars.province_code', '=', q.provinceCode);
  if (q.schoolYear) base = base.where('exemplars.school_year', '=', q.schoolYear);
  const rows = await base.leftJoin('units', 'units.id', 'exemplars.unit_id').leftJoin('people', 'people.id', 'exemplars.person_id')
    .selectAll('exemplars').select(['units.name as unit_name', 'people.full_name as person_name'])
    .orderBy('exemplars.school_year', 'desc').orderBy('exemplars.quarter', 'desc').orderBy('exemplars.id').limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  return rows.map(present);
}
