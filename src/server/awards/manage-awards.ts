// Use-cases of the award history: list (scoped), manual entry, void with a reason, and the import of
// a Quyết định's confirmed rows (one transaction, all or nothing, idempotent). Every write is audited.
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { findPerson } from '../people/people.repository';
import { loadReadablePerson } from '../people/read-people';
import { findUnit } from '../units/units.repository';
import { awardDedupeKey, findAward, findAwardsByKeys, insertAward, listAwardsOf, voidAwardRow, type TAwardRow } from './awards.repository';
import type { TCreateAward, TImportDecision } from './awards.schemas';
import { presentAward } from './present-award';

const codeName = (code: string, name?: string | null) => (name && name.trim()) || AWARD_CODE_LABELS[code as keyof typeof AWARD_CODE_LABELS] || code;

function duplicateMessage(a: { name: string; school_year: number; decision_number: string | null }, who: string): string {
  const decision = a.decision_number ? ` theo Quyết định số ${a.decision_number}` : '';
  return `${who} đã có khen thưởng "${a.name}" năm học ${schoolYearLabel(a.school_year)}${decision}; không ghi trùng`;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

export async function listAwards(ctx: TContext, q: { personId?: string; unitId?: string; includeVoided?: string }) {
  if (!q.personId && !q.unitId) throw new AppError('VALIDATION', 'Cần chọn cá nhân (personId) hoặc tập thể (unitId)', { fields: [{ field: 'personId', message: 'Bắt buộc' }] });
  if (q.personId) await loadReadablePerson(ctx, q.personId);
  else await requireAccess(ctx, 'person.read', [q.unitId]);
  const rows = await listAwardsOf(ctx.db, { personId: q.personId, unitId: q.personId ? undefined : q.unitId, includeVoided: q.includeVoided === 'true' });
  return { items: rows.map(presentAward) };
}

export async function createAward(ctx: TContext, input: TCreateAward) {
  let recipient: { personId: string | null; unitId: string; provinceCode: string; who: string };
  if (input.personId) {
    const p = await findPerson(ctx.db, input.personId);
    if (!p) throw notFound('Không tìm thấy cán bộ');
    await requireAccess(ctx, 'person.write', [p.unit_id]);
    recipient = { personId: p.id, unitId: p.unit_id, provinceCode: p.province_code, who: p.full_name };
  } else {
    await requireAccess(ctx, 'person.write', [input.unitId]);
    const u = await findUnit(ctx.db, input.unitId as string);
    if (!u) throw notFound('Không tìm thấy đơn vị');
    recipient = { personId: null, unitId: u.id, provinceCode: u.province_code, who: u.name };
  }
  const name = codeName(input.code, input.name);
  const decisionNumber = input.decisionNumber || null;
  const dedupe = awardDedupeKey({ personId: recipient.personId, unitId: recipient.unitId, code: input.code, name, schoolYear: input.schoolYear, decisionNumber });
  const [existing] = await findAwardsByKeys(ctx.db, [dedupe]);
  if (existing) throw new AppError('CONFLICT', duplicateMessage(existing, recipient.who), { existingId: existing.id });
  const row: TAwardRow = {
    id: newId(), province_code: recipient.provinceCode, person_id: recipient.personId, unit_id: recipient.unitId,
    recipient_kind: recipient.personId ? 'individual' : 'collective', code: input.code, name, school_year: input.schoolYear,
    decision_number: decisionNumber, decision_date: input.decisionDate ?? null, authority: input.authority || null,
    amount: input.amount ?? null, thematic: input.thematic ? 1 : 0, source: 'manual', dedupe_key: dedupe,
    voided_at: null, voided_by: null, void_reason: null, created_by: ctx.actor.userId, created_at: nowIso(),
  };
  try {
    await withTransaction(ctx, async (trx) => {
      await insertAward(trx, row);
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'award.create', entityType: recipient.personId ? 'person' : 'unit', entityId: recipient.personId ?? recipient.unitId, unitId: recipient.unitId, after: row });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', duplicateMessage(row, recipient.who));
    throw e;
  }
  return presentAward({ ...row, unit_name: null });
}

export async function voidAward(ctx: TContext, id: string, reason: string) {
  const a = await findAward(ctx.db, id);
  if (!a) throw notFound('Không tìm thấy khen thưởng');
  await requireAccess(ctx, 'person.write', [a.unit_id]);
  if (a.voided_at) throw new AppError('INVALID_STATE', 'Khen thưởng này đã bị hủy trước đó');
  const at = nowIso();
  await withTransaction(ctx, async (trx) => {
    await voidAwardRow(trx, id, ctx.actor.userId, reason, at);
    await writeAudit(trx, ctx.kind, {
      actorUserId: ctx.actor.userId, action: 'award.void', entityType: a.person_id ? 'person' : 'unit', entityId: a.person_id ?? a.unit_id, unitId: a.unit_id,
      before: { awardId: id, name: a.name, schoolYear: a.school_year, decisionNumber: a.decision_number }, after: { voidedAt: at }, reason,
    });
  });
  return presentAward({ ...a, voided_at: at, voided_by: ctx.actor.userId, void_reason: reason, dedupe_key: null });
}

/** Writes the confirmed rows of one decision; rows already recorded are counted, not written again. */
export async function importDecision(ctx: TContext, input: TImportDecision) {
  const personIds = [...new Set(input.rows.map((r) => r.personId))];
  const people = new Map<string, NonNullable<Awaited<ReturnType<typeof findPerson>>>>();
  for (const id of personIds) {
    const p = await findPerson(ctx.db, id);
    if (!p) throw notFound('Không tìm thấy cán bộ');
    people.set(id, p);
  }
  await requireAccess(ctx, 'person.write', [...new Set([...people.values()].map((p) => p.unit_id))]);
  const at = nowIso();
  const rows = new Map<string, TAwardRow>();
  for (const r of input.rows) {
    const p = people.get(r.personId)!;
    const name = codeName(r.code, r.name);
    const key = awardDedupeKey({ personId: p.id, unitId: p.unit_id, code: r.code, name, schoolYear: r.schoolYear, decisionNumber: input.decision.number });
    if (rows.has(key)) continue;
    rows.set(key, {
      id: newId(), province_code: p.province_code, person_id: p.id, unit_id: p.unit_id, recipient_kind: 'individual', code: r.code, name,
      school_year: r.schoolYear, decision_number: input.decision.number, decision_date: input.decision.date ?? null,
      authority: input.decision.authority || null, amount: r.amount ?? null, thematic: r.thematic ? 1 : 0, source: 'decision_import',
      dedupe_key: key, voided_at: null, voided_by: null, void_reason: null, created_by: ctx.actor.userId, created_at: at,
    });
  }
  const write = () => withTransaction(ctx, async (trx) => {
    const existing = new Set((await findAwardsByKeys(trx, [...rows.keys()])).map((a) => a.dedupe_key));
    const fresh = [...rows.values()].filter((r) => !existing.has(r.dedupe_key));
    for (const row of fresh) {
      await insertAward(trx, row);
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'award.import', entityType: 'person', entityId: row.person_id!, unitId: row.unit_id, after: row });
    }
    return { fresh, already: rows.size - fresh.length };
  });
  let result: Awaited<ReturnType<typeof write>>;
  try {
    result = await write();
  } catch (e) {
    // Another import of the same decision committed first: nothing of this one was written.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `Quyết định số ${input.decision.number} đang được ghi đồng thời bởi người khác; tải lại và thử lại`);
    throw e;
  }
  return {
    created: result.fresh.length,
    alreadyRecorded: result.already + (input.rows.length - rows.size),
    awards: result.fresh.map((r) => presentAward({ ...r, unit_name: people.get(r.person_id!)?.unit_name ?? null })),
  };
}
