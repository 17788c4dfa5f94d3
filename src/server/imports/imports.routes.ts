import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonOk, MIME, useCaseContext } from '../http';
import { AppError } from '../errors';
import { hasPermissionSomewhere, requireAccess } from '../auth/access';
import { enqueueJob } from '../jobs/queue';
import { buildWorkbook, type TImportKind } from './excel-format';
import { exportRows } from './export-rows';

const tags = ['Nhập, xuất Excel'];
const ZKind = z.object({ kind: z.enum(['units', 'people']) });
const FILE_NAMES: Record<TImportKind, string> = { units: 'don-vi', people: 'can-bo' };

const xlsxResponse = (bytes: Buffer, name: string) => fileResponse(bytes, MIME.xlsx, `${name}.xlsx`);

export function importRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/templates/{kind}', tags, summary: 'Tải tệp mẫu Excel', request: { params: ZKind }, responses: fileOk('Tệp .xlsx', MIME.xlsx) }),
    async (c) => {
      useCaseContext(c);
      const kind = c.req.valid('param').kind;
      return xlsxResponse(await buildWorkbook(kind), `mau-nhap-${FILE_NAMES[kind]}`);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/export/{kind}', tags, summary: 'Xuất Excel cùng định dạng với tệp nhập', request: { params: ZKind, query: z.object({ withinId: z.string().optional(), q: z.string().max(100).optional() }) }, responses: fileOk('Tệp .xlsx', MIME.xlsx) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const kind = c.req.valid('param').kind;
      const rows = await exportRows(ctx, kind, c.req.valid('query'));
      return xlsxResponse(await buildWorkbook(kind, rows), `${FILE_NAMES[kind]}-${new Date().toISOString().slice(0, 10)}`);
    },
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/{kind}', tags, summary: 'Nhập Excel (chạy thử hoặc nhập thật) — chạy nền, trả mã tác vụ',
      request: { params: ZKind, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any(), dryRun: z.enum(['0', '1']).default('1') }) } } } },
      responses: jsonOk(z.object({ jobId: z.number() })),
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { storage } = c.get('deps');
      const kind = c.req.valid('param').kind;
      const permission = kind === 'people' ? 'person.import' : 'unit.structure';
      if (!hasPermissionSomewhere(ctx.actor, permission)) await requireAccess(ctx, permission, []);
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new AppError('VALIDATION', 'Chưa chọn tệp Excel', { fields: [{ field: 'file', message: 'Bắt buộc' }] });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const stored = await storage.put(bytes, ['xlsx']).catch((e) => {
        if (e instanceof AppError && e.code === 'UNSUPPORTED_TYPE') throw new AppError('UNSUPPORTED_TYPE', `Tệp "${file.name}" không phải bảng tính Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu và lưu dưới dạng .xlsx.`);
        throw e;
      });
      const dryRun = form.dryRun !== '0';
      const jobId = await enqueueJob(ctx.db, { type: 'import', payload: { kind, sha256: stored.sha256, fileName: file.name, dryRun, userId: ctx.actor.userId }, createdBy: ctx.actor.userId, maxAttempts: 2 });
      return c.json({ jobId }, 200);
    },
  );
  return r;
}
