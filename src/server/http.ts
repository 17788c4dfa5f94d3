// HTTP plumbing shared by every feature router: the Hono env, the OpenAPI app factory with Vietnamese
// validation messages, and the helpers that turn a request into a use-case context.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { TConfig } from './config';
import type { Database } from './db/database';
import type { TContext } from './auth/access';
import type { TSessionInfo } from './auth/sessions';
import type { FileStorage } from './files/storage';
import { AppError } from './errors';

z.config(z.locales.vi());

export type TAppDeps = { database: Database; config: TConfig; log: Logger; storage: FileStorage };
export type AppEnv = { Variables: { deps: TAppDeps; session: TSessionInfo | null } };

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
        const first = fields[0];
        throw new AppError('VALIDATION', first ? `Dữ liệu không hợp lệ: ${first.field} — ${first.message}` : 'Dữ liệu không hợp lệ', { fields });
      }
    },
  });
}

/** The use-case context of an authenticated request (401 without a session). */
export function useCaseContext(c: Context<AppEnv>): TContext {
  const session = c.get('session');
  if (!session) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập');
  const { database } = c.get('deps');
  return { db: database.db, actor: session.actor, kind: database.kind };
}

export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Dữ liệu không hợp lệ', content: { 'application/json': { schema: ZErrorResponse } } },
  401: { description: 'Chưa đăng nhập', content: { 'application/json': { schema: ZErrorResponse } } },
  403: { description: 'Không có quyền', content: { 'application/json': { schema: ZErrorResponse } } },
  404: { description: 'Không tìm thấy', content: { 'application/json': { schema: ZErrorResponse } } },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
export const jsonOk = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: 'Trang, từ 1' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).openapi({ description: 'Số dòng mỗi trang (tối đa 200)' }),
});
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const ZIdParam = z.object({ id: z.string().min(1).max(64) });

// --- Shared by the feature routers: 409 answers, downloads, uploads ---

/** The 409 answer of a state change that the aggregate's state or a duplicate forbids. */
export const conflictResponses = {
  409: { description: 'Trạng thái không cho phép hoặc trùng (INVALID_STATE, CONFLICT, DEADLINE_PASSED, QUOTA_EXCEEDED)', content: { 'application/json': { schema: ZErrorResponse } } },
} as const;
/** jsonOk plus the 409 of a state change. */
export const jsonOkOrConflict = <T extends z.ZodType>(schema: T, description = 'OK') => ({ ...jsonOk(schema, description), ...conflictResponses });

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  zip: 'application/zip',
} as const;

/** The OpenAPI answers of a download: the file (described by `mime` when given) or the usual errors. */
export const fileOk = (description: string, mime?: string) => ({
  200: mime ? { description, content: { [mime]: { schema: z.string().openapi({ format: 'binary' }) } } } : { description },
  ...errorResponses,
});

/** "Báo cáo (1).xlsx" → "Bao-cao-1-.xlsx": the plain-ASCII name for clients that ignore filename*. */
function asciiFileName(fileName: string): string {
  return fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-') || 'tep';
}

/**
 * Content-Disposition with the Vietnamese name (RFC 6266/5987 `filename*`, first, which is the one the
 * web client reads) and an ASCII fallback.
 */
export function contentDisposition(fileName: string, inline = false): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encoded}; filename="${asciiFileName(fileName)}"`;
}

/**
 * A download answer: type, Vietnamese-aware name, nosniff, not cached. No Content-Length here: the
 * Node adapter sets it from the bytes, and a second one (its "Content-Length" beside our lower-cased
 * copy) made HTTP clients such as Playwright's reject the answer.
 */
export function fileResponse(bytes: Uint8Array, mime: string, fileName: string, inline = false): Response {
  // A Buffer is a Uint8Array over a plain ArrayBuffer (never a shared one): no copy needed.
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': mime,
      'Content-Disposition': contentDisposition(fileName, inline),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

/** PDF and images open in the browser; other files download. */
export const opensInline = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');

/** The `file` part of a multipart upload and the other fields; 400 with `message` when no file came. */
export async function uploadedFile(c: Context<AppEnv>, message = 'Chưa chọn tệp'): Promise<{ bytes: Uint8Array; fileName: string; fields: Record<string, unknown> }> {
  const form = await c.req.parseBody();
  const file = form.file;
  if (!(file instanceof File)) throw new AppError('VALIDATION', message, { fields: [{ field: 'file', message: 'Bắt buộc' }] });
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, fields: form };
}
