// HTTP for /api/v1/reader: read one document now (nothing stored), read many as a background job,
// and turn a (possibly corrected) parsed plan into a draft plan.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ZParsedDocument } from '../../importer/schema';
import { createRouter, jsonBody, jsonOk, useCaseContext, type AppEnv } from '../http';
import { AppError } from '../errors';
import { hasPermissionSomewhere, type TContext } from '../auth/access';
import { enqueueJob } from '../jobs/queue';
import { createPlan } from '../plans/manage-plans';
import { MAX_READER_BATCH, READER_JOB } from './reader-job';
import { READER_TYPES, ReaderFailure, asAppError, readUploadedDocument } from './read-upload';
import { planRequestFromParsed } from './to-plan';

const tags = ['Đọc văn bản'];
const err = (description: string) => ({ description });
const readErrors = { 413: err('Tệp quá lớn'), 415: err('Không phải .txt, .docx, .doc, .pdf'), 422: err('PDF quét không có lớp chữ, hoặc đọc quá thời gian'), 503: err('Tệp .doc cần LibreOffice mà máy chủ chưa cài') };
const multipart = { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } };

export const ZToPlanRequest = z.object({
  unitId: z.string().min(1).openapi({ description: 'Đơn vị ban hành kế hoạch (cần quyền plan.write)' }),
  parsed: z.any().openapi({ description: 'Kết quả đọc văn bản (POST /reader/parse), có thể đã sửa' }),
}).openapi('ReaderToPlanRequest');
export const ZToPlanResult = z.object({ planId: z.string(), title: z.string(), warnings: z.array(z.string()) }).openapi('ReaderToPlanResult');

function requireReader(ctx: TContext): void {
  if (!hasPermissionSomewhere(ctx.actor, 'plan.read') && !hasPermissionSomewhere(ctx.actor, 'document.read')) {
    throw new AppError('FORBIDDEN', 'Bạn không có quyền đọc văn bản');
  }
}

async function uploadedFiles(c: Context<AppEnv>): Promise<File[]> {
  const form = await c.req.parseBody({ all: true });
  const raw = form.file ?? form['file[]'];
  const files = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((f): f is File => f instanceof File);
  if (files.length === 0) throw new AppError('VALIDATION', 'Chưa chọn tệp văn bản (.txt, .docx, .doc, .pdf)', { fields: [{ field: 'file', message: 'Bắt buộc' }] });
  return files;
}

export function readerRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({ method: 'post', path: '/parse', tags, summary: 'Đọc một văn bản (.txt, .docx, .doc, .pdf) thành dữ liệu có cấu trúc; không lưu gì', request: multipart, responses: { ...jsonOk(z.any().openapi({ description: 'Kết quả đọc (lược đồ trong docs/importer.md)' })), ...readErrors } }),
    async (c) => {
      const ctx = useCaseContext(c);
      requireReader(ctx);
      const [file] = await uploadedFiles(c);
      const maxBytes = c.get('deps').config.THIDUA_MAX_UPLOAD_MB * 1024 * 1024;
      try {
        const parsed = await readUploadedDocument(new Uint8Array(await file.arrayBuffer()), file.name, maxBytes);
        return c.json(parsed, 200);
      } catch (e) {
        if (e instanceof ReaderFailure) return c.json({ error: { code: e.code, message: e.message } }, e.status);
        throw e;
      }
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/batch', tags, summary: `Đọc nhiều văn bản (tối đa ${MAX_READER_BATCH} tệp, trường file lặp lại) — chạy nền, trả mã tác vụ; kết quả ở GET /jobs/{id}`, request: multipart, responses: { ...jsonOk(z.object({ jobId: z.number(), files: z.number() })), ...readErrors } }),
    async (c) => {
      const ctx = useCaseContext(c);
      requireReader(ctx);
      const files = await uploadedFiles(c);
      if (files.length > MAX_READER_BATCH) throw new AppError('VALIDATION', `Mỗi lần đọc tối đa ${MAX_READER_BATCH} tệp (đã chọn ${files.length})`, { fields: [{ field: 'file', message: 'Quá nhiều tệp' }] });
      const { storage } = c.get('deps');
      const stored: { sha256: string; fileName: string }[] = [];
      for (const f of files) {
        const put = await storage.put(new Uint8Array(await f.arrayBuffer()), [...READER_TYPES]).catch((e) => {
          if (e instanceof AppError && e.code === 'UNSUPPORTED_TYPE') throw asAppError(new ReaderFailure(415, 'UNSUPPORTED_TYPE', `Tệp "${f.name}" không phải văn bản đọc được. Chỉ nhận: văn bản (.txt), Word (.docx, .doc), PDF.`));
          if (e instanceof AppError) throw new AppError(e.code, `${f.name}: ${e.message}`);
          throw e;
        });
        stored.push({ sha256: put.sha256, fileName: f.name });
      }
      const jobId = await enqueueJob(ctx.db, { type: READER_JOB, payload: { userId: ctx.actor.userId, files: stored }, createdBy: ctx.actor.userId, maxAttempts: 2 });
      return c.json({ jobId, files: stored.length }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/to-plan', tags, summary: 'Tạo dự thảo kế hoạch từ văn bản đã đọc (căn cứ, mục đích, nội dung, khen thưởng, hồ sơ, thời hạn)', request: jsonBody(ZToPlanRequest), responses: jsonOk(ZToPlanResult) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { unitId, parsed } = c.req.valid('json');
      const doc = ZParsedDocument.safeParse(parsed);
      if (!doc.success) {
        const fields = doc.error.issues.map((i) => ({ field: `parsed.${i.path.join('.')}`, message: i.message }));
        throw new AppError('VALIDATION', `Dữ liệu văn bản không hợp lệ: ${fields[0].field} — ${fields[0].message}`, { fields });
      }
      const { request, warnings } = planRequestFromParsed(doc.data, unitId);
      const row = await createPlan(ctx, request);
      return c.json({ planId: row.id, title: row.title, warnings }, 200);
    },
  );

  return r;
}
