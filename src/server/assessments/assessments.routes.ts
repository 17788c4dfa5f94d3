// HTTP routes of /api/v1/assessments: thin, one use-case each.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOkOrConflict, MIME, uploadedFile, useCaseContext, ZIdParam } from '../http';
import { approveTier, publishAssessment, returnTier, submitForApproval } from './approval';
import { getCell, getGrid, recuse, scoreCell } from './appraisal';
import { exportCriteria, importCriteria } from './criteria-excel';
import { advanceAssessment, createAssessment, listAssessments, listReviewerCandidates, setCriteria, setReviewers, setUnits, updateAssessment } from './manage-assessments';
import { getAssessment } from './read-assessment';
import { getCharts, getRanking, getUnitResult, nominateLeaders } from './results';
import { addEvidence, getSelfAssessment, removeEvidence, reopenSelfAssessment, saveSelfAssessment, submitSelfAssessment } from './self-assessment';
import {
  ZAny, ZCreateAssessment, ZEvidenceParam, ZListQuery, ZReason, ZRecusal, ZRequiredReason, ZScoreCell, ZSelfItems, ZSetCriteria, ZSetReviewers, ZSetUnits, ZSettings, ZUnitParam,
} from './assessments.schemas';

const tags = ['Đánh giá, xếp hạng đơn vị'];
const ok = (description = 'OK') => jsonOkOrConflict(ZAny, description);

export function assessmentRoutes() {
  const r = createRouter();
  const detail = async (c: Parameters<typeof useCaseContext>[0], id: string) => c.json(await getAssessment(useCaseContext(c), id), 200);

  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách đợt đánh giá trong phạm vi được xem', request: { query: ZListQuery }, responses: ok() }),
    async (c) => c.json(await listAssessments(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/', tags, summary: 'Tạo đợt đánh giá (bảng tiêu chí, đơn vị, mức xếp loại, cấp phê duyệt)', request: jsonBody(ZCreateAssessment), responses: ok() }),
    async (c) => detail(c, await createAssessment(useCaseContext(c), c.req.valid('json'))));
  r.openapi(createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết đợt đánh giá và các thao tác được phép', request: { params: ZIdParam }, responses: ok() }),
    async (c) => detail(c, c.req.valid('param').id));
  r.openapi(createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa thông tin, mức xếp loại, cấp phê duyệt, quy tắc xếp hạng khi bằng điểm, quy tắc đề nghị khen thưởng', request: { params: ZIdParam, ...jsonBody(ZSettings) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await updateAssessment(useCaseContext(c), id, c.req.valid('json')); return detail(c, id); });
  r.openapi(createRoute({ method: 'put', path: '/{id}/criteria', tags, summary: 'Thay bảng tiêu chí (nhóm → tiêu chí → tiêu chí thành phần)', request: { params: ZIdParam, ...jsonBody(ZSetCriteria) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await setCriteria(useCaseContext(c), id, c.req.valid('json').items); return detail(c, id); });
  r.openapi(createRoute({ method: 'get', path: '/{id}/criteria.xlsx', tags, summary: 'Xuất bảng tiêu chí ra Excel', request: { params: ZIdParam }, responses: fileOk('Tệp Excel', MIME.xlsx) }),
    async (c) => {
      const f = await exportCriteria(useCaseContext(c), c.req.valid('param').id);
      return fileResponse(f.bytes, MIME.xlsx, f.fileName);
    });
  r.openapi(createRoute({
    method: 'post', path: '/{id}/criteria/import', tags, summary: 'Nhập bảng tiêu chí từ Excel (dryRun=true: chỉ kiểm tra, báo mọi dòng lỗi)',
    request: { params: ZIdParam, query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }), body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any() }) } } } }, responses: ok(),
  }), async (c) => {
    const f = await uploadedFile(c);
    return c.json(await importCriteria(useCaseContext(c), c.req.valid('param').id, f.bytes, c.req.valid('query').dryRun === 'true'), 200);
  });
  r.openapi(createRoute({ method: 'put', path: '/{id}/units', tags, summary: 'Chọn đơn vị được đánh giá: theo cụm/khối thi đua và chọn riêng', request: { params: ZIdParam, ...jsonBody(ZSetUnits) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await setUnits(useCaseContext(c), id, c.req.valid('json')); return detail(c, id); });
  r.openapi(createRoute({ method: 'get', path: '/{id}/reviewer-candidates', tags, summary: 'Cán bộ có thể được phân công thẩm định', request: { params: ZIdParam }, responses: ok() }),
    async (c) => c.json({ items: await listReviewerCandidates(useCaseContext(c), c.req.valid('param').id) }, 200));
  r.openapi(createRoute({ method: 'put', path: '/{id}/reviewers', tags, summary: 'Phân công người thẩm định theo nhóm tiêu chí', request: { params: ZIdParam, ...jsonBody(ZSetReviewers) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await setReviewers(useCaseContext(c), id, c.req.valid('json').items); return detail(c, id); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/open', tags, summary: 'Mở cho các đơn vị tự đánh giá', request: { params: ZIdParam }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await advanceAssessment(useCaseContext(c), id, 'open'); return detail(c, id); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/start-appraisal', tags, summary: 'Chuyển sang thẩm định (mọi đơn vị đã gửi tự đánh giá)', request: { params: ZIdParam }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await advanceAssessment(useCaseContext(c), id, 'start_appraisal'); return detail(c, id); });

  r.openapi(createRoute({ method: 'get', path: '/{id}/units/{unitId}/self', tags, summary: 'Tự đánh giá của một đơn vị (điểm, giải trình, minh chứng, giá trị chỉ tiêu báo cáo)', request: { params: ZUnitParam }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); return c.json(await getSelfAssessment(useCaseContext(c), p.id, p.unitId), 200); });
  r.openapi(createRoute({ method: 'put', path: '/{id}/units/{unitId}/self', tags, summary: 'Lưu điểm tự đánh giá và giải trình (nháp)', request: { params: ZUnitParam, ...jsonBody(ZSelfItems) }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); const ctx = useCaseContext(c); await saveSelfAssessment(ctx, p.id, p.unitId, c.req.valid('json').items); return c.json(await getSelfAssessment(ctx, p.id, p.unitId), 200); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/units/{unitId}/submit', tags, summary: 'Gửi tự đánh giá (mọi tiêu chí đã chấm, kể cả điểm 0)', request: { params: ZUnitParam }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); const ctx = useCaseContext(c); await submitSelfAssessment(ctx, p.id, p.unitId); return c.json(await getSelfAssessment(ctx, p.id, p.unitId), 200); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/units/{unitId}/reopen', tags, summary: 'Trả lại tự đánh giá cho đơn vị (kèm lý do)', request: { params: ZUnitParam, ...jsonBody(ZRequiredReason) }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); const ctx = useCaseContext(c); await reopenSelfAssessment(ctx, p.id, p.unitId, c.req.valid('json').reason); return c.json(await getSelfAssessment(ctx, p.id, p.unitId), 200); });
  r.openapi(createRoute({
    method: 'post', path: '/{id}/units/{unitId}/evidence', tags, summary: 'Tải lên minh chứng cho một tiêu chí (multipart: file, criterionId)',
    request: { params: ZUnitParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any(), criterionId: z.string() }) } } } }, responses: ok(),
  }), async (c) => {
    const p = c.req.valid('param');
    const f = await uploadedFile(c);
    return c.json(await addEvidence(useCaseContext(c), c.get('deps').storage, p.id, p.unitId, { criterionId: String(f.fields.criterionId ?? ''), fileName: f.fileName, bytes: f.bytes }), 200);
  });
  r.openapi(createRoute({ method: 'delete', path: '/{id}/evidence/{evidenceId}', tags, summary: 'Gỡ một minh chứng', request: { params: ZEvidenceParam }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); await removeEvidence(useCaseContext(c), p.id, p.evidenceId); return c.json({ ok: true }, 200); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/evidence/{evidenceId}/remove', tags, summary: 'Gỡ một minh chứng (cho trình duyệt: như DELETE)', request: { params: ZEvidenceParam }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); await removeEvidence(useCaseContext(c), p.id, p.evidenceId); return c.json({ ok: true }, 200); });

  r.openapi(createRoute({ method: 'get', path: '/{id}/grid', tags, summary: 'Bảng thẩm định: đơn vị × tiêu chí (điểm tự chấm, điểm của tôi, điểm thẩm định)', request: { params: ZIdParam, query: z.object({ groupId: z.string().max(64).optional() }) }, responses: ok() }),
    async (c) => c.json(await getGrid(useCaseContext(c), c.req.valid('param').id, c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'patch', path: '/{id}/grid', tags, summary: 'Chấm một ô (tự lưu), kèm lý do thay đổi', request: { params: ZIdParam, ...jsonBody(ZScoreCell) }, responses: ok() }),
    async (c) => c.json(await scoreCell(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'get', path: '/{id}/grid/cell', tags, summary: 'Điểm và lý do của từng người thẩm định cho một ô', request: { params: ZIdParam, query: z.object({ unitId: z.string().max(64), criterionId: z.string().max(64) }) }, responses: ok() }),
    async (c) => { const q = c.req.valid('query'); return c.json(await getCell(useCaseContext(c), c.req.valid('param').id, q.unitId, q.criterionId), 200); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/recusals', tags, summary: 'Người thẩm định xin không tham gia thẩm định một đơn vị (xung đột lợi ích), kèm lý do', request: { params: ZIdParam, ...jsonBody(ZRecusal) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await recuse(useCaseContext(c), id, c.req.valid('json')); return detail(c, id); });

  r.openapi(createRoute({ method: 'post', path: '/{id}/submit', tags, summary: 'Trình phê duyệt (sang cấp phê duyệt đầu tiên)', request: { params: ZIdParam }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await submitForApproval(useCaseContext(c), id); return detail(c, id); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/approve', tags, summary: 'Đồng ý ở cấp hiện tại (cấp cuối cùng: công bố)', request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZReason } }, required: false } }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await approveTier(useCaseContext(c), id, c.req.valid('json')?.reason ?? null); return detail(c, id); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/return', tags, summary: 'Trả lại một cấp, kèm lý do', request: { params: ZIdParam, ...jsonBody(ZRequiredReason) }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await returnTier(useCaseContext(c), id, c.req.valid('json').reason); return detail(c, id); });
  r.openapi(createRoute({ method: 'post', path: '/{id}/publish', tags, summary: 'Công bố kết quả (cấp phê duyệt cuối cùng); sau đó kết quả không thay đổi được', request: { params: ZIdParam, body: { content: { 'application/json': { schema: ZReason } }, required: false } }, responses: ok() }),
    async (c) => { const { id } = c.req.valid('param'); await publishAssessment(useCaseContext(c), id, c.req.valid('json')?.reason ?? null); return detail(c, id); });

  r.openapi(createRoute({ method: 'get', path: '/{id}/ranking', tags, summary: 'Xếp hạng trong từng cụm/khối (quy tắc khi bằng điểm)', request: { params: ZIdParam }, responses: ok() }),
    async (c) => c.json(await getRanking(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'get', path: '/{id}/units/{unitId}/result', tags, summary: 'Kết quả của một đơn vị: điểm từng tiêu chí và lý do của người thẩm định', request: { params: ZUnitParam }, responses: ok() }),
    async (c) => { const p = c.req.valid('param'); return c.json(await getUnitResult(useCaseContext(c), p.id, p.unitId), 200); });
  r.openapi(createRoute({ method: 'get', path: '/{id}/charts', tags, summary: 'Số liệu biểu đồ: điểm theo nhóm so với bình quân cụm/khối, qua các năm; phân bố xếp loại', request: { params: ZIdParam, query: z.object({ unitId: z.string().max(64).optional() }) }, responses: ok() }),
    async (c) => c.json(await getCharts(useCaseContext(c), c.req.valid('param').id, c.req.valid('query').unitId), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/nominations', tags, summary: 'Đề nghị khen thưởng các đơn vị dẫn đầu (Giấy khen, Cờ thi đua) vào quy trình bình xét', request: { params: ZIdParam }, responses: ok() }),
    async (c) => c.json(await nominateLeaders(useCaseContext(c), c.req.valid('param').id), 200));
  return r;
}
