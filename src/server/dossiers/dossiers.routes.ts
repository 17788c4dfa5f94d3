// HTTP for dossiers: list (scoped), create (from a review session or by hand), items, the achievement
// report part, evidence, the workflow steps, the timeline, downloads (Tờ trình, reports, ZIP), and the
// installation's workflow setting.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, MIME, pageOf, uploadedFile, useCaseContext, ZIdParam } from '../http';
import { dossierZip, getItemReport, itemReportDocx, proposalDocx, putItemReport, uploadDossierFile } from './dossier-documents';
import {
  acceptDossier, addItems, assignDossier, checkDossier, createDossier, forwardDossier, getDossier, listDossiers, listMyItems, recallDossier, removeItem, returnDossier, submitDossier, updateItem,
} from './manage-dossiers';
import { getWorkflow, putWorkflow } from './workflow';
import {
  ZAddItems, ZAssign, ZCreateDossier, ZDossier, ZDossierDetail, ZItemParam, ZListDossiersQuery, ZNote, ZReason, ZReportPartAnswer, ZReportPartBody, ZUpdateItem, ZWorkflowBody,
} from './dossiers.schemas';

const tags = ['Hồ sơ khen thưởng'];

export function dossierRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({ method: 'get', path: '/workflow', tags, summary: 'Các bước xử lý hồ sơ ở đơn vị nhận (cấu hình của hệ thống)', responses: jsonOk(ZWorkflowBody) }),
    async (c) => c.json(await getWorkflow(useCaseContext(c)), 200),
  );
  r.openapi(
    createRoute({ method: 'put', path: '/workflow', tags, summary: 'Đổi các bước xử lý hồ sơ (quản trị; ghi nhật ký)', request: jsonBody(ZWorkflowBody), responses: jsonOk(ZWorkflowBody) }),
    async (c) => c.json(await putWorkflow(useCaseContext(c), c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/mine', tags, summary: 'Các dòng đề nghị của chính tôi (để viết báo cáo thành tích)',
      responses: jsonOk(z.object({ items: z.array(z.object({ itemId: z.string(), dossierId: z.string(), dossierTitle: z.string(), titleName: z.string(), schoolYearLabel: z.string(), status: z.string(), statusLabel: z.string(), edited: z.boolean(), editable: z.boolean() })) })),
    }),
    async (c) => c.json(await listMyItems(useCaseContext(c)), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Hồ sơ do đơn vị tôi gửi hoặc gửi đến đơn vị tôi', request: { query: ZListDossiersQuery }, responses: jsonOk(pageOf(ZDossier)) }),
    async (c) => c.json(await listDossiers(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Lập hồ sơ: từ phiên bình xét đã đóng (reviewSessionId) hoặc bằng tay (senderUnitId + items)', request: jsonBody(ZCreateDossier), responses: jsonOk(ZDossierDetail) }),
    async (c) => c.json(await createDossier(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết hồ sơ: danh sách, kết quả kiểm tra điều kiện, dòng thời gian, thao tác được phép', request: { params: ZIdParam }, responses: jsonOk(ZDossierDetail) }),
    async (c) => c.json(await getDossier(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/items', tags, summary: 'Thêm người, tập thể được đề nghị', request: { params: ZIdParam, ...jsonBody(ZAddItems) }, responses: jsonOk(ZDossierDetail) }),
    async (c) => c.json(await addItems(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').items), 200),
  );
  r.openapi(
    createRoute({ method: 'patch', path: '/{id}/items/{itemId}', tags, summary: 'Sửa danh hiệu hoặc tóm tắt thành tích của một dòng', request: { params: ZItemParam, ...jsonBody(ZUpdateItem) }, responses: jsonOk(ZDossierDetail) }),
    async (c) => { const p = c.req.valid('param'); return c.json(await updateItem(useCaseContext(c), p.id, p.itemId, c.req.valid('json')), 200); },
  );
  r.openapi(
    createRoute({ method: 'delete', path: '/{id}/items/{itemId}', tags, summary: 'Bỏ một dòng khỏi hồ sơ', request: { params: ZItemParam }, responses: jsonOk(ZDossierDetail) }),
    async (c) => { const p = c.req.valid('param'); return c.json(await removeItem(useCaseContext(c), p.id, p.itemId), 200); },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/items/{itemId}/report', tags, summary: 'Phần tự viết của báo cáo thành tích (chính người được đề nghị hoặc cán bộ đơn vị gửi)', request: { params: ZItemParam }, responses: jsonOk(ZReportPartAnswer) }),
    async (c) => { const p = c.req.valid('param'); return c.json(await getItemReport(useCaseContext(c), p.id, p.itemId), 200); },
  );
  r.openapi(
    createRoute({ method: 'put', path: '/{id}/items/{itemId}/report', tags, summary: 'Sửa phần tự viết của báo cáo thành tích', request: { params: ZItemParam, ...jsonBody(ZReportPartBody) }, responses: jsonOk(ZReportPartAnswer) }),
    async (c) => { const p = c.req.valid('param'); return c.json(await putItemReport(useCaseContext(c), p.id, p.itemId, c.req.valid('json')), 200); },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/items/{itemId}/report.docx', tags, summary: 'Tải báo cáo thành tích (Word)', request: { params: ZItemParam }, responses: fileOk('Word (.docx)', MIME.docx) }),
    async (c) => { const p = c.req.valid('param'); return fileResponse(await itemReportDocx(useCaseContext(c), p.id, p.itemId), MIME.docx, 'bao-cao-thanh-tich.docx'); },
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/{id}/files', tags, summary: 'Thêm tệp minh chứng (multipart: file, itemId)',
      request: { params: ZIdParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any(), itemId: z.string().max(64).optional() }) } } } },
      responses: jsonOk(z.object({ id: z.string(), itemId: z.string().nullable(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() })),
    }),
    async (c) => {
      const { bytes, fileName, fields } = await uploadedFile(c);
      return c.json(await uploadDossierFile(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id, { bytes, fileName, itemId: fields.itemId ? String(fields.itemId) : null }), 200);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/proposal.docx', tags, summary: 'Tải tờ trình kèm danh sách (Word)', request: { params: ZIdParam }, responses: fileOk('Word (.docx)', MIME.docx) }),
    async (c) => fileResponse(await proposalDocx(useCaseContext(c), c.req.valid('param').id), MIME.docx, 'to-trinh-de-nghi-khen-thuong.docx'),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/zip', tags, summary: 'Tải cả bộ hồ sơ (ZIP: tờ trình, biên bản, báo cáo thành tích, minh chứng)', request: { params: ZIdParam }, responses: fileOk('ZIP', MIME.zip) }),
    async (c) => {
      const z2 = await dossierZip(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return fileResponse(z2.bytes, MIME.zip, z2.name);
    },
  );

  const step = (path: string, summary: string, body: z.ZodType, fn: (ctx: ReturnType<typeof useCaseContext>, id: string, input: never) => Promise<unknown>) =>
    r.openapi(
      createRoute({ method: 'post', path: `/{id}/${path}`, tags, summary, request: { params: ZIdParam, ...jsonBody(body) }, responses: jsonOk(ZDossierDetail) }),
      async (c) => c.json((await fn(useCaseContext(c), c.req.valid('param').id, c.req.valid('json') as never)) as z.infer<typeof ZDossierDetail>, 200),
    );
  step('submit', 'Gửi hồ sơ lên đơn vị cấp trên', ZNote, submitDossier);
  step('recall', 'Thu hồi hồ sơ đã gửi (trước khi cấp trên tiếp nhận)', ZReason, recallDossier);
  step('accept', 'Tiếp nhận hồ sơ (đơn vị nhận)', ZNote, acceptDossier);
  step('assign', 'Phân công cán bộ thụ lý', ZAssign, assignDossier);
  step('check', 'Ghi kết quả thẩm định hồ sơ', ZNote, checkDossier);
  step('return', 'Trả lại hồ sơ (bắt buộc ghi lý do)', ZReason, returnDossier);
  step('forward', 'Chuyển hồ sơ lên cấp trên tiếp theo', ZNote, forwardDossier);

  return r;
}
