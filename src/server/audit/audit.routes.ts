import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonOk, pageOf, useCaseContext, ZPageQuery } from '../http';
import { inUnitScope, requireAccess } from '../auth/access';

const ZAuditRow = z.object({ seq: z.number(), at: z.string(), actorName: z.string().nullable(), action: z.string(), entityType: z.string(), entityId: z.string(), unitId: z.string().nullable(), before: z.any(), after: z.any(), reason: z.string().nullable() }).openapi('AuditRow');

export function auditRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/', tags: ['Nhật ký'], summary: 'Nhật ký thay đổi trong phạm vi được xem', request: { query: ZPageQuery.extend({ entityType: z.string().optional(), entityId: z.string().optional() }) }, responses: jsonOk(pageOf(ZAuditRow)) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const f = c.req.valid('query');
      await requireAccess(ctx, 'audit.read', []);
      let q = ctx.db.selectFrom('audit_log').where(inUnitScope(ctx.actor, 'audit.read', 'audit_log.unit_id'));
      if (f.entityType) q = q.where('audit_log.entity_type', '=', f.entityType);
      if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
      const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q.leftJoin('users', 'users.id', 'audit_log.actor_user_id').selectAll('audit_log').select('users.full_name as actor_name').orderBy('audit_log.seq', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
      return c.json({
        items: rows.map((a) => ({ seq: Number(a.seq), at: a.at, actorName: a.actor_name ?? null, action: a.action, entityType: a.entity_type, entityId: a.entity_id, unitId: a.unit_id, before: a.before_json ? JSON.parse(a.before_json) : null, after: a.after_json ? JSON.parse(a.after_json) : null, reason: a.reason })),
        total: Number(total.n), page: f.page, pageSize: f.pageSize,
      }, 200);
    },
  );
  return r;
}
