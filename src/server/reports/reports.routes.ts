// HTTP routes of /api/v1/reports: thin, one use-case each.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, jsonOkOrConflict as ok, MIME, pageOf, uploadedFile, useCaseContext, ZIdParam } from '../http';
import { createForm, createPeriod, getForm, listCatalogue, listForms, saveIndicator, updateForm, updatePeriod } from './forms';
import { exportRollupXlsx, importFiguresXlsx } from './report-excel';
import { remindNow } from './reminders';
import { getBoard, getRollup } from './rollup';
import { acceptReport, attachEvidence, getSubmission, myReports, openSubmission, returnReport, saveValues, submitReport } from './submissions';
import { draftSummary } from './summaries';
import {
  ZBoardOut, ZBoardQuery, ZCatalogueOut, ZCreateFormRequest, ZFormOut, ZImportResult, ZIndicatorInput, ZListQuery, ZOpenRequest, ZPeriodCreate, ZPeriodUpdate,
  ZReasonRequest, ZRemindRequest, ZRollupOut, ZRollupQuery, ZSaveValuesRequest, ZSubmissionOut, ZSummaryRequest, ZUpdateFormRequest,
} from './reports.schemas';

const tags = ['Báo cáo định kỳ'];
const ZAnyObj = z.record(z.string(), z.any());
const ZCode = z.object({ code: z.string().min(1).max(60) });

export function reportRoutes() {
  const r = createRouter();

  r.openapi(createRoute({ method: 'get', path: '/indicators', tags, summary: 'Danh mục chỉ tiêu CCHC của tỉnh (có trích dẫn căn cứ)', responses: jsonOk(ZCatalogueOut) }),
    async (c) => c.json(await listCatalogue(useCaseContext(c)), 200));
  r.openapi(createRoute({ method: 'post', path: '/indicators', tags, summary: 'Thêm chỉ tiêu vào danh mục của tỉnh', request: jsonBody(ZIndicatorInput), responses: ok(ZAnyObj) }),
    async (c) => c.json(await saveIndicator(useCaseContext(c), null, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'patch', path: '/indicators/{code}', tags, summary: 'Sửa chỉ tiêu trong danh mục của tỉnh (ghi nhật ký)', request: { params: ZCode, ...jsonBody(ZIndicatorInput) }, responses: ok(ZAnyObj) }),
    async (c) => c.json(await saveIndicator(useCaseContext(c), c.req.valid('param').code, c.req.valid('json')), 200));

  r.openapi(createRoute({ method: 'get', path: '/forms', tags, summary: 'Mẫu báo cáo định kỳ trong phạm vi', request: { query: ZListQuery }, responses: jsonOk(pageOf(ZAnyObj)) }),
    async (c) => c.json(await listForms(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/forms', tags, summary: 'Đặt mẫu báo cáo cho kế hoạch (các phần, chỉ tiêu, lịch báo cáo)', request: jsonBody(ZCreateFormRequest), responses: ok(ZFormOut) }),
    async (c) => c.json(await createForm(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'get', path: '/forms/{id}', tags, summary: 'Chi tiết mẫu báo cáo, các kỳ và đơn vị báo cáo', request: { params: ZIdParam }, responses: jsonOk(ZFormOut) }),
    async (c) => c.json(await getForm(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'patch', path: '/forms/{id}', tags, summary: 'Sửa mẫu báo cáo', request: { params: ZIdParam, ...jsonBody(ZUpdateFormRequest) }, responses: ok(ZFormOut) }),
    async (c) => c.json(await updateForm(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'patch', path: '/periods/{id}', tags, summary: 'Sửa hạn nộp, ngày mở của một kỳ báo cáo', request: { params: ZIdParam, ...jsonBody(ZPeriodUpdate) }, responses: ok(ZAnyObj) }),
    async (c) => c.json(await updatePeriod(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/forms/{id}/periods', tags, summary: 'Thêm một kỳ báo cáo (ngoài lịch định kỳ) cho mẫu báo cáo', request: { params: ZIdParam, ...jsonBody(ZPeriodCreate) }, responses: ok(ZAnyObj) }),
    async (c) => c.json(await createPeriod(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));

  r.openapi(createRoute({ method: 'get', path: '/my', tags, summary: 'Các kỳ báo cáo đơn vị tôi phải nộp', request: { query: ZListQuery }, responses: jsonOk(pageOf(ZAnyObj)) }),
    async (c) => c.json(await myReports(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/submissions', tags, summary: 'Mở (tạo nếu chưa có) báo cáo của đơn vị cho một kỳ', request: jsonBody(ZOpenRequest), responses: ok(ZSubmissionOut) }),
    async (c) => c.json(await openSubmission(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'get', path: '/submissions/{id}', tags, summary: 'Báo cáo của một đơn vị trong một kỳ', request: { params: ZIdParam }, responses: jsonOk(ZSubmissionOut) }),
    async (c) => c.json(await getSubmission(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'put', path: '/submissions/{id}/values', tags, summary: 'Lưu số liệu (kiểm tra toàn bộ; có lỗi thì không lưu gì)', request: { params: ZIdParam, ...jsonBody(ZSaveValuesRequest) }, responses: ok(ZSubmissionOut) }),
    async (c) => { const body = c.req.valid('json'); return c.json(await saveValues(useCaseContext(c), c.req.valid('param').id, body.values, body.notes ?? {}), 200); });
  r.openapi(createRoute({
    method: 'post', path: '/submissions/{id}/evidence', tags, summary: 'Đính kèm minh chứng (PDF, ảnh, DOCX, XLSX; tối đa 10 MB)',
    request: { params: ZIdParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any(), indicatorCode: z.string().max(60).optional() }) } } } }, responses: ok(ZAnyObj),
  }), async (c) => {
    const { bytes, fileName, fields } = await uploadedFile(c);
    return c.json(await attachEvidence(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id, { bytes, fileName }, fields.indicatorCode ? String(fields.indicatorCode) : null), 200);
  });
  r.openapi(createRoute({ method: 'post', path: '/submissions/{id}/submit', tags, summary: 'Gửi báo cáo (quá hạn thì đánh dấu nộp muộn)', request: { params: ZIdParam }, responses: ok(ZSubmissionOut) }),
    async (c) => c.json(await submitReport(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'post', path: '/submissions/{id}/accept', tags, summary: 'Đơn vị nhận tiếp nhận báo cáo', request: { params: ZIdParam }, responses: ok(ZSubmissionOut) }),
    async (c) => c.json(await acceptReport(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'post', path: '/submissions/{id}/return', tags, summary: 'Trả lại báo cáo kèm lý do', request: { params: ZIdParam, ...jsonBody(ZReasonRequest) }, responses: ok(ZSubmissionOut) }),
    async (c) => c.json(await returnReport(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason), 200));

  r.openapi(createRoute({ method: 'get', path: '/rollup', tags, summary: 'Tổng hợp số liệu một kỳ theo đơn vị, tổng, xếp hạng, diễn biến qua các kỳ', request: { query: ZRollupQuery }, responses: jsonOk(ZRollupOut) }),
    async (c) => c.json(await getRollup(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/board', tags, summary: 'Bảng theo dõi đơn vị chưa báo cáo', request: { query: ZBoardQuery }, responses: jsonOk(ZBoardOut) }),
    async (c) => c.json(await getBoard(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/periods/{id}/remind', tags, summary: 'Nhắc ngay các đơn vị chưa gửi báo cáo (trong ứng dụng và thư điện tử)', request: { params: ZIdParam, ...jsonBody(ZRemindRequest) }, responses: ok(ZAnyObj) }),
    async (c) => c.json(await remindNow(useCaseContext(c), c.get('deps').config, c.req.valid('param').id, c.req.valid('json')), 200));

  r.openapi(createRoute({
    method: 'get', path: '/rollup.xlsx', tags, summary: 'Xuất tổng hợp ra Excel (cùng mẫu với tệp nhập)', request: { query: ZRollupQuery },
    responses: fileOk('Tệp XLSX', MIME.xlsx),
  }), async (c) => {
    const { bytes, fileName } = await exportRollupXlsx(useCaseContext(c), c.req.valid('query'));
    return fileResponse(bytes, MIME.xlsx, fileName) as any;
  });
  r.openapi(createRoute({
    method: 'post', path: '/import', tags, summary: 'Nhập số liệu từ Excel (chạy thử trước, báo mọi dòng lỗi)',
    request: { query: z.object({ formId: z.string().min(1), periodId: z.string().min(1), dryRun: z.enum(['0', '1']).default('1') }), body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any() }) } } } },
    responses: ok(ZImportResult),
  }), async (c) => {
    const q = c.req.valid('query');
    const { bytes } = await uploadedFile(c);
    return c.json(await importFiguresXlsx(useCaseContext(c), { formId: q.formId, periodId: q.periodId, dryRun: q.dryRun === '1' }, bytes), 200);
  });
  r.openapi(createRoute({ method: 'post', path: '/summaries', tags, summary: 'Soạn dự thảo báo cáo sơ kết/tổng kết từ số liệu (sửa được trước khi ban hành)', request: jsonBody(ZSummaryRequest), responses: ok(ZAnyObj) }),
    async (c) => c.json(await draftSummary(useCaseContext(c), c.get('deps').storage, c.req.valid('json')), 200));

  return r;
}
