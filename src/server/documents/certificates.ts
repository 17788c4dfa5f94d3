// Giấy khen in bulk: per-unit blank layouts (paper, field positions, fonts) stored and editable, and
// batches of hundreds of certificates rendered by a background job into one DOCX and one PDF.
import { z } from 'zod';
import { DocumentInputError, parseDocumentInput, renderBlankCertificatesDocx, renderCertificatesDocx, ZBlankLayout, ZCertificate, ZCertificateIssuer, type TBlankLayout } from '../../documents';
import type { RoleCode } from '../db/schema';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso } from '../ids';
import { enqueueJob, getJob } from '../jobs/queue';
import { PermanentJobError, type TJobHelpers } from '../jobs/worker';
import { notifyUser } from '../notifications/notifications';
import { findUnit } from '../units/units.repository';
import { ConverterUnavailableError, convertToPdf, generatedStorage, storeFile } from './document-files';
import { findBatch, findUnitSettings, insertBatch, updateBatch, upsertUnitSettings, type TBatchRow } from './documents.repository';

export const CERTIFICATE_JOB = 'documents.certificates';
export const MAX_BATCH = 2000;

// ---------------------------------------------------------------------------------------------
// Layouts of pre-printed blanks

export async function getCertificateLayout(ctx: TContext, unitId: string) {
  await requireAccess(ctx, 'document.read', [unitId]);
  if (!(await findUnit(ctx.db, unitId))) throw notFound('Không tìm thấy đơn vị');
  const s = await findUnitSettings(ctx.db, unitId);
  return { unitId, layout: s?.certificate_layout ? (JSON.parse(s.certificate_layout) as TBlankLayout) : null, updatedAt: s?.certificate_layout ? s.updated_at : null };
}

export async function putCertificateLayout(ctx: TContext, unitId: string, layoutInput: unknown) {
  await requireAccess(ctx, 'document.write', [unitId]);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  let layout: z.infer<typeof ZBlankLayout>;
  try {
    layout = parseDocumentInput(ZBlankLayout, layoutInput, 'mẫu in phôi giấy khen');
    // Renders one sheet with sample values: refuses fields outside the sheet or overlapping the edge.
    await renderBlankCertificatesDocx(layout, [Object.fromEntries(layout.fields.map((f) => [f.key, 'x']))]);
  } catch (e) {
    if (e instanceof DocumentInputError) throw new AppError('VALIDATION', e.message, { fields: e.issues.map((i) => ({ field: i.split(': ')[0] ?? 'layout', message: i.split(': ').slice(1).join(': ') || i })) });
    throw e;
  }
  return withTransaction(ctx, async (trx) => {
    const before = await findUnitSettings(trx, unitId);
    const now = nowIso();
    await upsertUnitSettings(trx, { unit_id: unitId, numbering: before?.numbering ?? 'shared', certificate_layout: JSON.stringify(layout), province_code: unit.province_code, updated_by: ctx.actor.userId, updated_at: now });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'certificate_layout.update', entityType: 'certificate_layout', entityId: unitId, unitId, before: before?.certificate_layout ? JSON.parse(before.certificate_layout) : null, after: layout });
    return { unitId, layout, updatedAt: now };
  });
}

// ---------------------------------------------------------------------------------------------
// Batches

export const ZCertificateBatchRequest = z.object({
  unitId: z.string().min(1),
  /** Full design: issuer + certificates. */
  issuer: ZCertificateIssuer.optional(),
  certificates: z.array(ZCertificate).max(MAX_BATCH).optional(),
  /** Pre-printed blanks: values per field key; the layout is the unit's stored one unless given. */
  entries: z.array(z.record(z.string(), z.string())).max(MAX_BATCH).optional(),
  layout: ZBlankLayout.optional(),
  pdf: z.boolean().default(true),
});
export type TCertificateBatchRequest = z.input<typeof ZCertificateBatchRequest>;

type TBatchInput = { mode: 'design'; issuer: unknown; certificates: unknown[]; pdf: boolean } | { mode: 'blank'; layout: unknown; entries: Record<string, string>[]; pdf: boolean };

export function presentBatch(b: TBatchRow, job?: { progress: number; progress_message: string | null; status: string; error: string | null } | null) {
  const base = `/api/v1/documents/certificates/${b.id}`;
  const status = job?.status === 'failed' ? 'failed' : b.status;
  return {
    id: b.id, unitId: b.unit_id, mode: b.mode, count: b.count, status, jobId: b.job_id,
    progress: status === 'done' ? 100 : job?.progress ?? 0,
    progressMessage: status === 'failed' ? (job?.error ?? b.message) : status === 'done' ? b.message : job?.progress_message ?? b.message,
    docxUrl: b.docx_sha256 ? `${base}/docx` : null, pdfUrl: b.pdf_sha256 ? `${base}/pdf` : null,
    createdAt: b.created_at, finishedAt: b.finished_at,
  };
}

export async function createCertificateBatch(ctx: TContext, input: z.infer<typeof ZCertificateBatchRequest>) {
  await requireAccess(ctx, 'document.write', [input.unitId]);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  let batch: TBatchInput;
  if (input.entries?.length) {
    let layout: unknown = input.layout;
    if (!layout) {
      const s = await findUnitSettings(ctx.db, unit.id);
      if (!s?.certificate_layout) throw new AppError('VALIDATION', `Đơn vị "${unit.name}" chưa khai báo mẫu in phôi giấy khen; gửi kèm "layout" hoặc lưu mẫu trước.`, { fields: [{ field: 'layout', message: 'Bắt buộc' }] });
      layout = JSON.parse(s.certificate_layout);
    }
    batch = { mode: 'blank', layout, entries: input.entries, pdf: input.pdf };
  } else if (input.certificates?.length && input.issuer) {
    batch = { mode: 'design', issuer: input.issuer, certificates: input.certificates, pdf: input.pdf };
  } else {
    throw new AppError('VALIDATION', 'Cần danh sách người được khen: "issuer" và "certificates" (mẫu đầy đủ) hoặc "entries" (in trên phôi).', { fields: [{ field: 'certificates', message: 'Bắt buộc' }] });
  }
  const count = batch.mode === 'blank' ? batch.entries.length : batch.certificates.length;
  const now = nowIso();
  const row: TBatchRow = {
    id: newId(), unit_id: unit.id, mode: batch.mode, count, input_json: JSON.stringify(batch), status: 'queued', job_id: null,
    docx_sha256: null, pdf_sha256: null, message: null, created_by: ctx.actor.userId, province_code: unit.province_code, created_at: now, finished_at: null,
  };
  return withTransaction(ctx, async (trx) => {
    await insertBatch(trx, row);
    const jobId = await enqueueJob(trx, { type: CERTIFICATE_JOB, payload: { batchId: row.id }, createdBy: ctx.actor.userId, unitId: unit.id, maxAttempts: 2 });
    await updateBatch(trx, row.id, { job_id: jobId });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'certificate_batch.create', entityType: 'certificate_batch', entityId: row.id, unitId: unit.id, after: { mode: batch.mode, count, pdf: batch.pdf, jobId } });
    return presentBatch({ ...row, job_id: jobId }, null);
  });
}

async function loadBatch(ctx: TContext, id: string): Promise<TBatchRow> {
  const b = await findBatch(ctx.db, id);
  if (!b) throw notFound('Không tìm thấy đợt in giấy khen');
  await requireAccess(ctx, 'document.read', [b.unit_id]);
  return b;
}

export async function getCertificateBatch(ctx: TContext, id: string) {
  const b = await loadBatch(ctx, id);
  const job = b.job_id ? await getJob(ctx.db, b.job_id) : undefined;
  return presentBatch(b, job ?? null);
}

export async function getCertificateBatchFile(ctx: TContext, storage: FileStorage, id: string, which: 'docx' | 'pdf') {
  const b = await loadBatch(ctx, id);
  const sha = which === 'docx' ? b.docx_sha256 : b.pdf_sha256;
  if (!sha) throw notFound(b.status === 'done' ? (which === 'pdf' ? `Đợt in không có tệp PDF${b.message ? `: ${b.message}` : ''}` : 'Đợt in không có tệp Word') : 'Đợt in chưa xong, hãy chờ tác vụ nền hoàn tất');
  return { batch: b, bytes: await storage.get(sha) };
}

/** The background job: render all certificates into one DOCX, then one PDF. Safe to run again. */
export async function runCertificateJob(payload: { batchId: string }, h: TJobHelpers) {
  const { db, kind } = h.database;
  const batch = await findBatch(db, payload.batchId);
  if (!batch) throw new PermanentJobError('Không tìm thấy đợt in giấy khen');
  const user = await db.selectFrom('users').select(['id', 'username', 'full_name', 'person_id', 'is_active']).where('id', '=', batch.created_by).executeTakeFirst();
  if (!user || user.is_active !== 1) throw new PermanentJobError('Tài khoản yêu cầu in giấy khen không còn hoạt động');
  const roles = await db.selectFrom('user_roles').select(['role', 'unit_id']).where('user_id', '=', user.id).execute();
  const ctx: TContext = { db, kind, actor: { userId: user.id, username: user.username, fullName: user.full_name, personId: user.person_id, roles: roles.map((r) => ({ role: r.role as RoleCode, unitId: r.unit_id })) } };
  await requireAccess(ctx, 'document.write', [batch.unit_id]).catch(() => { throw new PermanentJobError('Tài khoản không còn quyền in giấy khen cho đơn vị này'); });
  const input = JSON.parse(batch.input_json) as TBatchInput;
  const gen = generatedStorage(h.storage);
  await updateBatch(db, batch.id, { status: 'running' });
  await h.progress(5, `Đang dựng ${batch.count} giấy khen`);
  let docxSha = batch.docx_sha256;
  let docx: Buffer;
  if (docxSha) {
    docx = await h.storage.get(docxSha);
  } else {
    try {
      docx = input.mode === 'blank'
        ? await renderBlankCertificatesDocx(input.layout as TBlankLayout, input.entries)
        : await renderCertificatesDocx(input.issuer as never, input.certificates as never);
    } catch (e) {
      if (e instanceof DocumentInputError) {
        await updateBatch(db, batch.id, { status: 'failed', message: e.message, finished_at: nowIso() });
        throw new PermanentJobError(e.message);
      }
      throw e;
    }
    docxSha = await storeFile(db, gen, docx, ['docx']);
    await updateBatch(db, batch.id, { docx_sha256: docxSha });
  }
  await h.progress(40, `Đã dựng tệp Word ${batch.count} giấy khen`);
  let pdfSha = batch.pdf_sha256;
  let message: string | null = null;
  if (input.pdf && !pdfSha) {
    await h.progress(45, `Đang chuyển ${batch.count} giấy khen sang PDF`);
    // One LibreOffice run for the whole batch; keep the heartbeat going so the job is not taken as dead.
    const heartbeat = setInterval(() => { void h.progress(45, `Đang chuyển ${batch.count} giấy khen sang PDF`).catch(() => undefined); }, 15_000);
    try {
      const [pdf] = await convertToPdf([docx]);
      pdfSha = await storeFile(db, gen, pdf, ['pdf']);
    } catch (e) {
      if (!(e instanceof ConverterUnavailableError)) throw e;
      message = e.message;
    } finally {
      clearInterval(heartbeat);
    }
  }
  const finishedAt = nowIso();
  await withTransaction(ctx, async (trx) => {
    await updateBatch(trx, batch.id, { status: 'done', docx_sha256: docxSha, pdf_sha256: pdfSha, message: message ?? `Đã in ${batch.count} giấy khen`, finished_at: finishedAt });
    await writeAudit(trx, kind, { actorUserId: user.id, action: 'certificate_batch.complete', entityType: 'certificate_batch', entityId: batch.id, unitId: batch.unit_id, after: { count: batch.count, docxSha256: docxSha, pdfSha256: pdfSha } });
  });
  await notifyUser(db, user.id, { title: `Đã in xong ${batch.count} giấy khen`, body: message ?? 'Tải tệp Word hoặc PDF trong mục Văn bản.', link: null });
  return { batchId: batch.id, count: batch.count, docx: !!docxSha, pdf: !!pdfSha, message };
}
