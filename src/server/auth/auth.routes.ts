import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { setCookie, deleteCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createRouter, jsonBody, jsonOk, useCaseContext, type AppEnv } from '../http';
import { SESSION_COOKIE, createSession, deleteSession } from './sessions';
import { login, changeOwnPassword, describeActor } from './login';
import { ZMe } from './auth.schemas';

function clientIp(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export function authRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/login', tags: ['Đăng nhập'], summary: 'Đăng nhập, đặt cookie phiên',
      request: jsonBody(z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })),
      responses: { ...jsonOk(ZMe), 429: { description: 'Tạm khoá do đăng nhập sai nhiều lần' } },
    }),
    async (c) => {
      const { database, config } = c.get('deps');
      const body = c.req.valid('json');
      const ip = clientIp(c);
      const user = await login(database, body.username, body.password, ip);
      const s = await createSession(database.db, user.id, config.THIDUA_SESSION_HOURS, { ip, userAgent: c.req.header('user-agent') });
      setCookie(c, SESSION_COOKIE, s.token, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: config.THIDUA_SECURE_COOKIES === '1', expires: s.expiresAt,
      });
      const me = await describeActor(database.db, user.id);
      return c.json({ ...me, csrfToken: s.csrfToken }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/logout', tags: ['Đăng nhập'], summary: 'Đăng xuất', responses: jsonOk(z.object({ ok: z.boolean() })) }),
    async (c) => {
      const session = c.get('session');
      if (session) await deleteSession(c.get('deps').database.db, session.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/me', tags: ['Đăng nhập'], summary: 'Người dùng hiện tại, vai trò và mã CSRF', responses: jsonOk(ZMe) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const me = await describeActor(c.get('deps').database.db, ctx.actor.userId);
      return c.json({ ...me, csrfToken: c.get('session')!.csrfToken }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/change-password', tags: ['Đăng nhập'], summary: 'Đổi mật khẩu của chính mình',
      request: jsonBody(z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })),
      responses: jsonOk(z.object({ ok: z.boolean() })),
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const body = c.req.valid('json');
      await changeOwnPassword(c.get('deps').database, ctx.actor, c.get('session')!.sessionId, body.currentPassword, body.newPassword);
      return c.json({ ok: true }, 200);
    },
  );

  return r;
}
