import { createRoute, z } from '@hono/zod-openapi';
import { JOB_STATUS_LABELS } from '../../shared/labels';
import { createRouter, jsonOk, useCaseContext } from '../http';
import { notFound } from '../errors';
import { requireAccess } from '../auth/access';
import { getJob } from './queue';

const ZJob = z.object({ id: z.number(), type: z.string(), status: z.string(), statusLabel: z.string(), progress: z.number(), progressMessage: z.string().nullable(), result: z.any(), error: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable() }).openapi('Job');

export function jobRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['Tác vụ nền'], summary: 'Tiến độ và kết quả một tác vụ nền', request: { params: z.object({ id: z.coerce.number().int() }) }, responses: jsonOk(ZJob) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const job = await getJob(ctx.db, c.req.valid('param').id);
      if (!job) throw notFound('Không tìm thấy tác vụ');
      if (job.created_by !== ctx.actor.userId) await requireAccess(ctx, 'job.read', [job.unit_id ?? '-']);
      return c.json({
        id: Number(job.id), type: job.type, status: job.status, statusLabel: JOB_STATUS_LABELS[job.status], progress: job.progress, progressMessage: job.progress_message,
        result: job.result ? JSON.parse(job.result) : null, error: job.error, createdAt: job.created_at, finishedAt: job.finished_at,
      }, 200);
    },
  );
  return r;
}
