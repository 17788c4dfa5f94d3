import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonOk, useCaseContext, ZIdParam } from '../http';
import { listNotifications, markRead } from './notifications';

const tags = ['Thông báo'];
const ZNotification = z.object({ id: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(), readAt: z.string().nullable(), createdAt: z.string() }).openapi('Notification');

export function notificationRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Thông báo của tôi', request: { query: z.object({ unreadOnly: z.enum(['0', '1']).optional() }) }, responses: jsonOk(z.object({ items: z.array(ZNotification), unread: z.number() })) }),
    async (c) => c.json(await listNotifications(useCaseContext(c), c.req.valid('query').unreadOnly === '1'), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/read', tags, summary: 'Đánh dấu đã đọc', request: { params: ZIdParam }, responses: jsonOk(z.object({ ok: z.boolean() })) }),
    async (c) => { await markRead(useCaseContext(c), c.req.valid('param').id); return c.json({ ok: true }, 200); },
  );
  return r;
}
