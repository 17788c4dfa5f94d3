import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonOk, opensInline, uploadedFile, useCaseContext, ZIdParam } from '../http';
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
      const { bytes, fileName, fields } = await uploadedFile(c);
      const att = await uploadAttachment(ctx, storage, { bytes, fileName, unitId: String(fields.unitId ?? ''), entityType: String(fields.entityType ?? 'general'), entityId: fields.entityId ? String(fields.entityId) : null });
      return c.json(att, 200);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Tải tệp về (chỉ người có quyền với đơn vị của tệp)', request: { params: ZIdParam }, responses: fileOk('Nội dung tệp') }),
    async (c) => {
      const { storage } = c.get('deps');
      const { att, bytes } = await downloadAttachment(useCaseContext(c), storage, c.req.valid('param').id);
      return fileResponse(bytes, att.mime, att.file_name, opensInline(att.mime));
    },
  );
  return r;
}
