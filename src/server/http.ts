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
