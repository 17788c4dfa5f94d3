// HTTP routes of /api/v1/plans: thin, one use-case each.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, jsonOkOrConflict as ok, MIME, pageOf, useCaseContext, ZErrorResponse, ZIdParam } from '../http';
import { amendPlan, createPlan, createPlanFromCatalogue, createPlanFromParent, transitionPlan, updatePlan } from './manage-plans';
import { cascadePlan, getCascadeBoard, remindLateUnits } from './cascade';
import { getPlanDetail, getPlanTimeline, listCatalogue, listPlansForActor } from './read-plans';
import { PdfUnavailableError, renderPlanDocxFor, renderPlanPdfFor } from './plan-document';
import {
  ZAmendRequest, ZBoard, ZCascadeRequest, ZCascadeResult, ZCatalogueEntry, ZCreatePlanRequest, ZFromCatalogueRequest, ZFromParentRequest,
  ZPlan, ZPlanListQuery, ZPlanSummary, ZRemindRequest, ZRemindResult, ZTimelineItem, ZTransitionRequest, ZUpdatePlanRequest,
} from './plans.schemas';

const tags = ['Kế hoạch, phong trào thi đua'];

export function planRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách kế hoạch trong phạm vi được xem (kể cả kế hoạch cấp trên đã ban hành)', request: { query: ZPlanListQuery }, responses: jsonOk(pageOf(ZPlanSummary)) }),
    async (c) => c.json(await listPlansForActor(useCaseContext(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/catalogue', tags, summary: 'Danh mục phong trào thi đua thường gặp (thường xuyên, chuyên đề)', request: { query: z.object({ schoolYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Năm học (năm bắt đầu) để tính thời gian' }) }) }, responses: jsonOk(z.object({ items: z.array(ZCatalogueEntry) })) }),
    async (c) => {
      const now = new Date();
      const year = c.req.valid('query').schoolYear ?? (now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1);
      return c.json({ items: await listCatalogue(useCaseContext(c), year) }, 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Tạo kế hoạch mới (dự thảo)', request: jsonBody(ZCreatePlanRequest), responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const row = await createPlan(ctx, c.req.valid('json'));
      return c.json(await getPlanDetail(ctx, row.id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/from-catalogue', tags, summary: 'Tạo kế hoạch từ danh mục phong trào', request: jsonBody(ZFromCatalogueRequest), responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const row = await createPlanFromCatalogue(ctx, c.req.valid('json'));
      return c.json(await getPlanDetail(ctx, row.id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/from-parent', tags, summary: 'Xây dựng kế hoạch thực hiện từ kế hoạch cấp trên đã ban hành', request: jsonBody(ZFromParentRequest), responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const row = await createPlanFromParent(ctx, c.req.valid('json'));
      return c.json(await getPlanDetail(ctx, row.id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết kế hoạch và các thao tác được phép', request: { params: ZIdParam }, responses: jsonOk(ZPlan) }),
    async (c) => c.json(await getPlanDetail(useCaseContext(c), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa kế hoạch (chỉ khi là dự thảo)', request: { params: ZIdParam, ...jsonBody(ZUpdatePlanRequest) }, responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid('param');
      await updatePlan(ctx, id, c.req.valid('json'));
      return c.json(await getPlanDetail(ctx, id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/transitions', tags, summary: 'Chuyển trạng thái: trình, trả lại, ban hành (kèm số, ngày, người ký và giao triển khai), triển khai, sơ kết, tổng kết, kết thúc', request: { params: ZIdParam, ...jsonBody(ZTransitionRequest) }, responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id } = c.req.valid('param');
      await transitionPlan(ctx, id, c.req.valid('json'));
      return c.json(await getPlanDetail(ctx, id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/amend', tags, summary: 'Lập kế hoạch điều chỉnh cho kế hoạch đã ban hành (phiên bản mới)', request: { params: ZIdParam, ...jsonBody(ZAmendRequest) }, responses: ok(ZPlan) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const row = await amendPlan(ctx, c.req.valid('param').id, c.req.valid('json').reason);
      return c.json(await getPlanDetail(ctx, row.id), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/cascade', tags, summary: 'Giao đơn vị cấp dưới xây dựng kế hoạch thực hiện', request: { params: ZIdParam, ...jsonBody(ZCascadeRequest) }, responses: ok(ZCascadeResult) }),
    async (c) => c.json(await cascadePlan(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}/board', tags, summary: 'Bảng theo dõi triển khai của các đơn vị cấp dưới', request: { params: ZIdParam }, responses: jsonOk(ZBoard) }),
    async (c) => c.json(await getCascadeBoard(useCaseContext(c), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/remind', tags, summary: 'Nhắc các đơn vị chậm ban hành kế hoạch thực hiện (thông báo trong ứng dụng)', request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZRemindRequest } }, required: false } }, responses: ok(ZRemindResult) }),
    async (c) => c.json(await remindLateUnits(useCaseContext(c), c.req.valid('param').id, c.req.valid('json') ?? {}), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}/timeline', tags, summary: 'Các mốc thời gian và trạng thái của kế hoạch', request: { params: ZIdParam }, responses: jsonOk(z.object({ planId: z.string(), state: z.string(), stateLabel: z.string(), states: z.array(z.object({ state: z.string(), label: z.string(), reached: z.boolean() })), items: z.array(ZTimelineItem) })) }),
    async (c) => c.json(await getPlanTimeline(useCaseContext(c), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}/docx', tags, summary: 'Tải Kế hoạch (Word, thể thức NĐ 30/2020)', request: { params: ZIdParam }, responses: fileOk('Tệp DOCX', MIME.docx) }),
    async (c) => {
      const doc = await renderPlanDocxFor(useCaseContext(c), c.req.valid('param').id);
      return fileResponse(doc.bytes, MIME.docx, doc.fileName);
    },
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}/pdf', tags, summary: 'Tải Kế hoạch (PDF, cần LibreOffice trên máy chủ)', request: { params: ZIdParam }, responses: { ...fileOk('Tệp PDF', MIME.pdf), 503: { description: 'Máy chủ chưa cài LibreOffice', content: { 'application/json': { schema: ZErrorResponse } } } } }),
    async (c) => {
      try {
        const doc = await renderPlanPdfFor(useCaseContext(c), c.req.valid('param').id);
        return fileResponse(doc.bytes, MIME.pdf, doc.fileName);
      } catch (e) {
        if (e instanceof PdfUnavailableError) return c.json({ error: { code: 'PDF_UNAVAILABLE', message: e.message } }, 503);
        throw e;
      }
    },
  );

  return r;
}
