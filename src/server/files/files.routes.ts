import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonOk, useCaseContext, ZIdParam } from '../http';
import { AppError } from '../errors';
import { downloadAttachment, uploadAttachment } from './attachments';

const tags = ['Tệp đính kèm'];
const ZAttachment = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), entityType: z.string(), entityId: z.string().nullable(), unitId: z.string(), createdAt: z.string() }).openapi('Attachment');

export function fileRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'post', path: '/', tags, summary: 'Tải lên tệp minh chứng (multipart: file, unitId, entityType, entityId)',
      request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any(), unitId: z.string(), entityType: z.string().max(40), entityId: z.string().max(64).optional() }) } } } },
      responses: jsonOk(ZAttachment),
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { storage } = c.get('deps');
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new AppError('VALIDATION', 'Chưa chọn tệp', { fields: [{ field: 'file', message: 'Bắt buộc' }] });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const att = await uploadAttachment(ctx, storage, { bytes, fileName: file.name, unitId: String(form.unitId ?? ''), entityType: String(form.entityType ?? 'general'), entityId: form.entityId ? String(form.entityId) : null });
      return c.json(att, 200);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Tải tệp về (chỉ người có quyền với đơn vị của tệp)', request: { params: ZIdParam }, responses: { 200: { description: 'Nội dung tệp' } } }),
    async (c) => {
      const { storage } = c.get('deps');
      const { att, bytes } = await downloadAttachment(useCaseContext(c), storage, c.req.valid('param').id);
      const inline = att.mime === 'application/pdf' || att.mime.startsWith('image/');
      return new Response(new Uint8Array(bytes), {
        headers: {
          'Content-Type': att.mime,
          'Content-Length': String(bytes.length),
          'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(att.file_name)}`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        },
      });
    },
  );
  return r;
}
