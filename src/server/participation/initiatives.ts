// Sáng kiến: a person submits one with evidence; the unit's council scores it (0–100, mean shown); the
// head recognises it at cơ sở level with a decision number, or rejects it with a reason. Recognised rows
// feed the eligibility check for Chiến sĩ thi đua cơ sở. Every write is audited in its own transaction.
import { foldVietnamese, schoolYearLabel, schoolYearOf } from '../../shared/vn';
import { grantRoots, inUnitScope, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { InitiativeTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso, todayIso } from '../ids';
import { isUniqueViolation, ownPerson, pageArgs } from './common';

export const INITIATIVE_STATUS_LABELS = { submitted: 'Đã nộp', scoring: 'Đang chấm', recognised: 'Đã công nhận', rejected: 'Không công nhận' } as const;
export const INITIATIVE_LEVEL_LABELS = { co_so: 'Cấp cơ sở', tinh: 'Cấp tỉnh', toan_quoc: 'Toàn quốc' } as const;
/** Evidence: PDF, Word, images; at most 10 MB each, 10 files per initiative. */
export const EVIDENCE_TYPES = ['pdf', 'docx', 'doc', 'jpg', 'png'];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const EVIDENCE_MAX_FILES = 10;

type TRow = InitiativeTable & { person_name: string | null; unit_name: string | null };

async function loadRow(ctx: TContext, id: string): Promise<TRow> {
  const row = await ctx.db.selectFrom('initiatives').leftJoin('people', 'people.id', 'initiatives.person_id').leftJoin('units', 'units.id', 'initiatives.unit_id')
    .selectAll('initiatives').select(['people.full_name as person_name', 'units.name as unit_name']).where('initiatives.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy sáng kiến');
  return row;
}

const isOwner = (ctx: TContext, row: { person_id: string }) => !!ctx.actor.personId && ctx.actor.personId === row.person_id;

/** The initiative, readable by its author or by whoever holds report.read on its unit (else 403/404). */
async function loadReadable(ctx: TContext, id: string): Promise<TRow> {
  const row = await loadRow(ctx, id);
  if (!isOwner(ctx, row)) await requireAccess(ctx, 'report.read', [row.unit_id]);
  return row;
}

function present(r: TRow) {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, personId: r.person_id, personName: r.person_name, title: r.title, summary: r.summary, field: r.field,
    schoolYear: r.school_year, schoolYearLabel: schoolYearLabel(r.school_year), level: r.level, levelLabel: INITIATIVE_LEVEL_LABELS[r.level],
    status: r.status, statusLabel: INITIATIVE_STATUS_LABELS[r.status], score: r.score === null ? null : Math.round(Number(r.score) * 10) / 10,
    scoreCount: Number(r.score_count), decisionNumber: r.decision_number, decisionDate: r.decision_date, recognisedAt: r.recognised_at,
    rejectReason: r.reject_reason, createdAt: r.created_at,
  };
}

export async function submitInitiative(ctx: TContext, input: { personId?: string; title: string; summary: string; field?: string | null; schoolYear?: number }) {
  let person: { id: string; unit_id: string; province_code: string; full_name: string };
  if (!input.personId || input.personId === ctx.actor.personId) {
    person = await ownPerson(ctx);
  } else {
    const p = await ctx.db.selectFrom('people').select(['id', 'unit_id', 'province_code', 'full_name']).where('id', '=', input.personId).executeTakeFirst();
    if (!p) throw notFound('Không tìm thấy cán bộ');
    await requireAccess(ctx, 'report.write', [p.unit_id]);
    person = p;
  }
  const now = nowIso();
  const row: InitiativeTable = {
    id: newId(), province_code: person.province_code, unit_id: person.unit_id, person_id: person.id, title: input.title.trim(), summary: input.summary.trim(),
    field: input.field?.trim() || null, school_year: input.schoolYear ?? schoolYearOf(todayIso()), level: 'co_so', status: 'submitted', score: null, score_count: 0,
    recognised_at: null, recognised_by: null, decision_number: null, decision_date: null, reject_reason: null, created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('initiatives').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'initiative.submit', entityType: 'initiative', entityId: row.id, unitId: row.unit_id, after: { title: row.title, personId: row.person_id, schoolYear: row.school_year } });
  });
  return getInitiative(ctx, row.id);
}

export async function addEvidence(ctx: TContext, storage: FileStorage, id: string, file: { bytes: Uint8Array; fileName: string }) {
  const row = await loadRow(ctx, id);
  if (!isOwner(ctx, row)) await requireAccess(ctx, 'report.write', [row.unit_id]);
  if (row.status === 'recognised' || row.status === 'rejected') throw new AppError('INVALID_STATE', 'Sáng kiến đã có kết quả, không bổ sung minh chứng được');
  if (file.bytes.length > EVIDENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp minh chứng quá lớn (${(file.bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB): tối đa 10 MB`);
  const count = await ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'initiative').where('entity_id', '=', id).executeTakeFirst();
  if (Number(count?.n ?? 0) >= EVIDENCE_MAX_FILES) throw new AppError('VALIDATION', `Mỗi sáng kiến đính kèm tối đa ${EVIDENCE_MAX_FILES} tệp minh chứng`);
  let stored: Awaited<ReturnType<FileStorage['put']>>;
  try {
    stored = await storage.put(file.bytes, EVIDENCE_TYPES);
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNSUPPORTED_TYPE') throw new AppError('UNSUPPORTED_TYPE', 'Minh chứng phải là tệp PDF, Word (.docx, .doc) hoặc ảnh JPEG/PNG');
    throw e;
  }
  const att = {
    id: newId(), sha256: stored.sha256, file_name: file.fileName.replace(/[\\/\u0000-\u001f"<>|:*?]/g, '_').slice(-150) || 'minh-chung', mime: stored.type.mime, size: stored.size,
    entity_type: 'initiative', entity_id: id, unit_id: row.unit_id, uploaded_by: ctx.actor.userId, province_code: row.province_code, created_at: nowIso(),
  };
  await withTransaction(ctx, async (trx) => {
    const known = await trx.selectFrom('files').select('sha256').where('sha256', '=', stored.sha256).executeTakeFirst();
    if (!known) await trx.insertInto('files').values({ sha256: stored.sha256, size: stored.size, mime: stored.type.mime, created_at: att.created_at }).execute();
    await trx.insertInto('attachments').values(att).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'initiative.evidence', entityType: 'initiative', entityId: id, unitId: row.unit_id, after: { attachmentId: att.id, fileName: att.file_name, size: att.size } });
  });
  return { id: att.id, fileName: att.file_name, mime: att.mime, size: att.size, createdAt: att.created_at };
}

export async function getInitiative(ctx: TContext, id: string) {
  const row = await loadReadable(ctx, id);
  const scores = await ctx.db.selectFrom('initiative_scores').select(['user_id', 'scorer_name', 'score', 'comment', 'updated_at']).where('initiative_id', '=', id).orderBy('created_at').execute();
  const evidence = await ctx.db.selectFrom('attachments').select(['id', 'file_name', 'mime', 'size', 'created_at']).where('entity_type', '=', 'initiative').where('entity_id', '=', id).orderBy('created_at').execute();
  const open = row.status === 'submitted' || row.status === 'scoring';
  const can = async (perm: 'review.vote' | 'commendation.decide' | 'report.write') => {
    if (!grantRoots(ctx.actor, perm).length) return false;
    try { await requireAccess(ctx, perm, [row.unit_id]); return true; } catch { return false; }
  };
  const canScore = open && await can('review.vote');
  const canDecide = open && await can('commendation.decide');
  return {
    ...present(row),
    scores: scores.map((s) => ({ scorerName: s.scorer_name, score: Number(s.score), comment: s.comment, mine: s.user_id === ctx.actor.userId, at: s.updated_at })),
    evidence: evidence.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: Number(a.size), createdAt: a.created_at })),
    canScore, canRecognise: canDecide && row.status === 'scoring' && Number(row.score_count) > 0, canReject: canDecide,
    canAddEvidence: open && (isOwner(ctx, row) || await can('report.write')),
  };
}

export async function listInitiatives(ctx: TContext, q: { unitId?: string; mine?: string; schoolYear?: number; status?: InitiativeTable['status']; q?: string; page: number; pageSize: number }) {
  let base = ctx.db.selectFrom('initiatives');
  if (q.mine === 'true' || !grantRoots(ctx.actor, 'report.read').length) {
    const person = await ownPerson(ctx);
    base = base.where('initiatives.person_id', '=', person.id);
  } else if (q.unitId) {
    await requireAccess(ctx, 'report.read', [q.unitId]);
    base = base.where('initiatives.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId));
  } else {
    base = base.where(inUnitScope(ctx.actor, 'report.read', 'initiatives.unit_id'));
  }
  if (q.schoolYear) base = base.where('initiatives.school_year', '=', q.schoolYear);
  if (q.status) base = base.where('initiatives.status', '=', q.status);
  if (q.q) {
    const like = `%${foldVietnamese(q.q)}%`;
    base = base.where('initiatives.id', 'in', ctx.db.selectFrom('initiatives as i2').innerJoin('people', 'people.id', 'i2.person_id').select('i2.id').where('people.name_search', 'like', like));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.leftJoin('people', 'people.id', 'initiatives.person_id').leftJoin('units', 'units.id', 'initiatives.unit_id')
    .selectAll('initiatives').select(['people.full_name as person_name', 'units.name as unit_name'])
    .orderBy('initiatives.school_year', 'desc').orderBy('initiatives.created_at', 'desc').orderBy('initiatives.id')
    .limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function scoreInitiative(ctx: TContext, id: string, input: { score: number; comment?: string | null }) {
  const row = await loadRow(ctx, id);
  await requireAccess(ctx, 'review.vote', [row.unit_id]);
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) throw new AppError('VALIDATION', 'Điểm chấm phải là số nguyên từ 0 đến 100', { fields: [{ field: 'score', message: 'Từ 0 đến 100' }] });
  if (row.status !== 'submitted' && row.status !== 'scoring') throw new AppError('INVALID_STATE', `Sáng kiến đã "${INITIATIVE_STATUS_LABELS[row.status].toLowerCase()}", không chấm điểm được nữa`);
  if (isOwner(ctx, row)) throw new AppError('FORBIDDEN', 'Tác giả không tự chấm sáng kiến của mình');
  const now = nowIso();
  try {
    await withTransaction(ctx, async (trx) => {
      const mine = await trx.selectFrom('initiative_scores').select(['id', 'score']).where('initiative_id', '=', id).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
      if (mine) await trx.updateTable('initiative_scores').set({ score: input.score, comment: input.comment?.trim() || null, updated_at: now }).where('id', '=', mine.id).execute();
      else await trx.insertInto('initiative_scores').values({ id: newId(), initiative_id: id, province_code: row.province_code, user_id: ctx.actor.userId, scorer_name: ctx.actor.fullName, score: input.score, comment: input.comment?.trim() || null, created_at: now, updated_at: now }).execute();
      const agg = await trx.selectFrom('initiative_scores').select([(eb) => eb.fn.avg<number>('score').as('mean'), (eb) => eb.fn.countAll<number>().as('n')]).where('initiative_id', '=', id).executeTakeFirstOrThrow();
      await trx.updateTable('initiatives').set({ status: 'scoring', score: Number(agg.mean), score_count: Number(agg.n), updated_at: now }).where('id', '=', id).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'initiative.score', entityType: 'initiative', entityId: id, unitId: row.unit_id, before: mine ? { score: Number(mine.score) } : null, after: { score: input.score, comment: input.comment ?? null, mean: Number(agg.mean) } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Điểm của bạn vừa được ghi ở cửa sổ khác; tải lại trang');
    throw e;
  }
  return getInitiative(ctx, id);
}

export async function recogniseInitiative(ctx: TContext, id: string, input: { decisionNumber: string; decisionDate?: string | null }) {
  const row = await loadRow(ctx, id);
  await requireAccess(ctx, 'commendation.decide', [row.unit_id]);
  if (row.status === 'recognised') throw new AppError('INVALID_STATE', `Sáng kiến đã được công nhận theo Quyết định số ${row.decision_number}`);
  if (row.status === 'rejected') throw new AppError('INVALID_STATE', 'Sáng kiến đã bị từ chối công nhận');
  if (row.status !== 'scoring' || Number(row.score_count) === 0) throw new AppError('INVALID_STATE', 'Sáng kiến chưa được Hội đồng chấm điểm; chưa công nhận được');
  const now = nowIso();
  const decisionDate = input.decisionDate ?? todayIso();
  await withTransaction(ctx, async (trx) => {
    const n = await trx.updateTable('initiatives').set({ status: 'recognised', level: 'co_so', recognised_at: now, recognised_by: ctx.actor.userId, decision_number: input.decisionNumber.trim(), decision_date: decisionDate, updated_at: now })
      .where('id', '=', id).where('status', '=', 'scoring').executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Sáng kiến vừa được người khác xử lý; tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'initiative.recognise', entityType: 'initiative', entityId: id, unitId: row.unit_id, before: { status: row.status, score: row.score }, after: { status: 'recognised', level: 'co_so', decisionNumber: input.decisionNumber.trim(), decisionDate } });
  });
  return getInitiative(ctx, id);
}

export async function rejectInitiative(ctx: TContext, id: string, reason: string) {
  const row = await loadRow(ctx, id);
  await requireAccess(ctx, 'commendation.decide', [row.unit_id]);
  if (row.status !== 'submitted' && row.status !== 'scoring') throw new AppError('INVALID_STATE', `Sáng kiến đã "${INITIATIVE_STATUS_LABELS[row.status].toLowerCase()}", không từ chối được`);
  const now = nowIso();
  await withTransaction(ctx, async (trx) => {
    const n = await trx.updateTable('initiatives').set({ status: 'rejected', reject_reason: reason.trim(), updated_at: now }).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Sáng kiến vừa được người khác xử lý; tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'initiative.reject', entityType: 'initiative', entityId: id, unitId: row.unit_id, before: { status: row.status }, after: { status: 'rejected' }, reason: reason.trim() });
  });
  return getInitiative(ctx, id);
}

/** Downloads one evidence file: the author, or report.read on the initiative's unit. */
export async function evidenceFile(ctx: TContext, storage: FileStorage, id: string, attachmentId: string) {
  await loadReadable(ctx, id);
  const att = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).where('entity_type', '=', 'initiative').where('entity_id', '=', id).executeTakeFirst();
  if (!att) throw notFound('Không tìm thấy tệp minh chứng');
  return { att, bytes: await storage.get(att.sha256) };
}
