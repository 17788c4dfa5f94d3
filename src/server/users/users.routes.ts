import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonOk, pageOf, useCaseContext, ZIdParam, ZPageQuery } from '../http';
import { ZRoleCode } from '../auth/auth.schemas';
import { createUser, getUser, listUsers, resetUserPassword, updateUser } from './manage-users';

const tags = ['Tài khoản'];
const ZRoleInput = z.object({ role: ZRoleCode, unitId: z.string().min(1) });
const ZUser = z.object({
  id: z.string(), username: z.string(), fullName: z.string(), email: z.string().nullable(), personId: z.string().nullable(), personName: z.string().nullable(),
  isActive: z.boolean(), mustChangePassword: z.boolean(), lastLoginAt: z.string().nullable(), createdAt: z.string(),
  roles: z.array(z.object({ role: ZRoleCode, roleLabel: z.string(), unitId: z.string(), unitName: z.string() })),
}).openapi('User');

export function userRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Tài khoản trong phạm vi quản trị', request: { query: ZPageQuery.extend({ q: z.string().max(100).optional() }) }, responses: jsonOk(pageOf(ZUser)) }),
    async (c) => c.json(await listUsers(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/', tags, summary: 'Tạo tài khoản (mật khẩu tạm hiển thị một lần nếu để trống)',
      request: jsonBody(z.object({ username: z.string().min(3).max(50), fullName: z.string().trim().min(2).max(120), email: z.string().email().nullish(), personId: z.string().nullish(), password: z.string().max(200).nullish(), roles: z.array(ZRoleInput).min(1).max(20) })),
      responses: jsonOk(z.object({ user: ZUser, temporaryPassword: z.string().nullable() })),
    }),
    async (c) => c.json(await createUser(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết tài khoản', request: { params: ZIdParam }, responses: jsonOk(ZUser) }),
    async (c) => c.json(await getUser(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      method: 'patch', path: '/{id}', tags, summary: 'Sửa tài khoản, vai trò, khoá/mở',
      request: { params: ZIdParam, ...jsonBody(z.object({ fullName: z.string().trim().min(2).max(120).optional(), email: z.string().email().nullish(), isActive: z.boolean().optional(), personId: z.string().nullish(), roles: z.array(ZRoleInput).max(20).optional() })) },
      responses: jsonOk(ZUser),
    }),
    async (c) => c.json(await updateUser(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/reset-password', tags, summary: 'Đặt lại mật khẩu (mật khẩu tạm hiển thị một lần)', request: { params: ZIdParam }, responses: jsonOk(z.object({ temporaryPassword: z.string() })) }),
    async (c) => c.json(await resetUserPassword(useCaseContext(c), c.req.valid('param').id), 200),
  );
  return r;
}
