// HTTP for participation: /registrations, /pacts, /initiatives, /outreach, /exemplars. Thin routes,
// one use-case each.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, jsonOkOrConflict as ok, opensInline, pageOf, uploadedFile, useCaseContext, ZErrorResponse, ZIdParam } from '../http';
import { decideExemplar, listExemplars, nominateExemplar, setExemplarConsent } from './exemplars';
import { addEvidence, evidenceFile, getInitiative, listInitiatives, recogniseInitiative, rejectInitiative, scoreInitiative, submitInitiative } from './initiatives';
import { createOutreach, deleteOutreach, listOutreach, outreachSummary } from './outreach';
import { createPact, getPact, listPacts, openPact, pactCandidates, signPact, updatePact } from './pacts';
import { listRegistrations, myRegistrations, registerBulk, registerSelf, registrablePlans, registrationRoster, registrationTotals } from './registrations';
import { registrationsToNominations } from './to-nominations';
import {
  ZBulkRegistration, ZBulkResult, ZConsent, ZCreateOutreach, ZCreatePact, ZDecideExemplar, ZEvidence, ZExemplar, ZExemplarListQuery, ZInitiative, ZInitiativeListQuery,
  ZInitiativeSummary, ZNominateExemplar, ZOutreach, ZOutreachListQuery, ZOutreachSummary, ZOutreachSummaryQuery, ZPact, ZPactCandidates, ZPactListQuery, ZPactSummary,
  ZPlanUnitQuery, ZReason, ZRecogniseInitiative, ZRegistrablePlans, ZRegistration, ZRegistrationListQuery, ZRosterQuery, ZRoster, ZScoreInitiative, ZSelfRegistration,
  ZSignPact, ZSubmitInitiative, ZToNominations, ZTotals, ZUpdatePact,
} from './participation.schemas';

export function registrationRoutes() {
  const r = createRouter();
  const tags = ['Đăng ký thi đua'];
  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách đăng ký của một đơn vị (và đơn vị trực thuộc) theo kế hoạch', request: { query: ZRegistrationListQuery }, responses: jsonOk(pageOf(ZRegistration)) }),
    async (c) => c.json(await listRegistrations(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/mine', tags, summary: 'Đăng ký thi đua của chính mình', responses: jsonOk(z.object({ items: z.array(ZRegistration) })) }),
    async (c) => c.json(await myRegistrations(useCaseContext(c)), 200));
  r.openapi(createRoute({ method: 'get', path: '/plans', tags, summary: 'Kế hoạch đang thực hiện mà đơn vị (mặc định: đơn vị của mình) đăng ký được, và các danh hiệu', request: { query: z.object({ unitId: z.string().max(64).optional() }) }, responses: jsonOk(ZRegistrablePlans) }),
    async (c) => c.json(await registrablePlans(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/roster', tags, summary: 'Cán bộ của đơn vị kèm đăng ký hiện có (bảng đăng ký hàng loạt)', request: { query: ZRosterQuery }, responses: jsonOk(ZRoster) }),
    async (c) => c.json(await registrationRoster(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/totals', tags, summary: 'Tổng số đăng ký theo danh hiệu của đơn vị, cộng dồn theo cây đơn vị (kèm từng đơn vị trực thuộc)', request: { query: ZPlanUnitQuery }, responses: jsonOk(ZTotals) }),
    async (c) => c.json(await registrationTotals(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/bulk', tags, summary: 'Đăng ký hàng loạt cho cán bộ và tập thể của đơn vị (titleCode null = bỏ đăng ký); một giao dịch', request: jsonBody(ZBulkRegistration), responses: ok(ZBulkResult) }),
    async (c) => c.json(await registerBulk(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/self', tags, summary: 'Cá nhân tự đăng ký danh hiệu thi đua', request: jsonBody(ZSelfRegistration), responses: ok(ZRegistration) }),
    async (c) => c.json(await registerSelf(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/to-nominations', tags, summary: 'Chuyển đăng ký của đơn vị thành đề nghị bình xét', request: jsonBody(ZToNominations), responses: ok(z.object({ registrations: z.number(), nominations: z.number() })) }),
    async (c) => c.json(await registrationsToNominations(useCaseContext(c), c.req.valid('json')), 200));
  return r;
}

export function pactRoutes() {
  const r = createRouter();
  const tags = ['Giao ước thi đua'];
  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Giao ước thi đua của các cụm/khối trong phạm vi', request: { query: ZPactListQuery }, responses: jsonOk(pageOf(ZPactSummary)) }),
    async (c) => c.json(await listPacts(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/candidates', tags, summary: 'Cụm/khối do đơn vị mình làm trưởng, chưa có giao ước', responses: jsonOk(ZPactCandidates) }),
    async (c) => c.json(await pactCandidates(useCaseContext(c)), 200));
  r.openapi(createRoute({ method: 'post', path: '/', tags, summary: 'Trưởng cụm soạn giao ước thi đua của năm học (dự thảo)', request: jsonBody(ZCreatePact), responses: ok(ZPact) }),
    async (c) => c.json(await createPact(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'get', path: '/{id}', tags, summary: 'Giao ước và tình trạng ký của từng đơn vị', request: { params: ZIdParam }, responses: jsonOk(ZPact) }),
    async (c) => c.json(await getPact(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa nội dung giao ước (khi còn dự thảo)', request: { params: ZIdParam, ...jsonBody(ZUpdatePact) }, responses: ok(ZPact) }),
    async (c) => c.json(await updatePact(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/open', tags, summary: 'Mở giao ước để các đơn vị ký', request: { params: ZIdParam }, responses: ok(ZPact) }),
    async (c) => c.json(await openPact(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/sign', tags, summary: 'Đơn vị thành viên ký giao ước', request: { params: ZIdParam, ...jsonBody(ZSignPact) }, responses: ok(ZPact) }),
    async (c) => c.json(await signPact(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  return r;
}

export function initiativeRoutes() {
  const r = createRouter();
  const tags = ['Sáng kiến'];
  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách sáng kiến (cá nhân: của mình)', request: { query: ZInitiativeListQuery }, responses: jsonOk(pageOf(ZInitiativeSummary)) }),
    async (c) => c.json(await listInitiatives(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/', tags, summary: 'Nộp sáng kiến', request: jsonBody(ZSubmitInitiative), responses: ok(ZInitiative) }),
    async (c) => c.json(await submitInitiative(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết sáng kiến, điểm chấm, minh chứng', request: { params: ZIdParam }, responses: jsonOk(ZInitiative) }),
    async (c) => c.json(await getInitiative(useCaseContext(c), c.req.valid('param').id), 200));
  r.openapi(createRoute({
    method: 'post', path: '/{id}/evidence', tags, summary: 'Đính kèm minh chứng (multipart: file; PDF, Word, ảnh; tối đa 10 MB)',
    request: { params: ZIdParam, body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any() }) } } } }, responses: { ...ok(ZEvidence), 413: { description: 'Tệp quá lớn', content: { 'application/json': { schema: ZErrorResponse } } }, 415: { description: 'Loại tệp không nhận', content: { 'application/json': { schema: ZErrorResponse } } } },
  }), async (c) => {
    const ctx = useCaseContext(c);
    const { bytes, fileName } = await uploadedFile(c, 'Chưa chọn tệp minh chứng');
    return c.json(await addEvidence(ctx, c.get('deps').storage, c.req.valid('param').id, { bytes, fileName }), 200);
  });
  r.openapi(createRoute({ method: 'get', path: '/{id}/evidence/{attachmentId}', tags, summary: 'Tải tệp minh chứng', request: { params: z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) }) }, responses: fileOk('Nội dung tệp') }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const { att, bytes } = await evidenceFile(useCaseContext(c), c.get('deps').storage, id, attachmentId);
      return fileResponse(bytes, att.mime, att.file_name, opensInline(att.mime));
    });
  r.openapi(createRoute({ method: 'post', path: '/{id}/scores', tags, summary: 'Thành viên Hội đồng chấm điểm (0–100) kèm nhận xét', request: { params: ZIdParam, ...jsonBody(ZScoreInitiative) }, responses: ok(ZInitiative) }),
    async (c) => c.json(await scoreInitiative(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/recognise', tags, summary: 'Thủ trưởng công nhận sáng kiến cấp cơ sở (số quyết định)', request: { params: ZIdParam, ...jsonBody(ZRecogniseInitiative) }, responses: ok(ZInitiative) }),
    async (c) => c.json(await recogniseInitiative(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/reject', tags, summary: 'Không công nhận sáng kiến (kèm lý do)', request: { params: ZIdParam, ...jsonBody(ZReason) }, responses: ok(ZInitiative) }),
    async (c) => c.json(await rejectInitiative(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason), 200));
  return r;
}

export function outreachRoutes() {
  const r = createRouter();
  const tags = ['Tuyên truyền'];
  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Nhật ký tuyên truyền của đơn vị và đơn vị trực thuộc', request: { query: ZOutreachListQuery }, responses: jsonOk(pageOf(ZOutreach)) }),
    async (c) => c.json(await listOutreach(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'get', path: '/summary', tags, summary: 'Tổng hợp theo kênh và theo tháng trong một khoảng thời gian (cộng dồn cây đơn vị)', request: { query: ZOutreachSummaryQuery }, responses: jsonOk(ZOutreachSummary) }),
    async (c) => c.json(await outreachSummary(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/', tags, summary: 'Ghi một hoạt động tuyên truyền', request: jsonBody(ZCreateOutreach), responses: ok(ZOutreach) }),
    async (c) => c.json(await createOutreach(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/delete', tags, summary: 'Xóa một hoạt động ghi nhầm (kèm lý do, ghi nhật ký)', request: { params: ZIdParam, ...jsonBody(ZReason) }, responses: ok(z.object({ ok: z.boolean() })) }),
    async (c) => c.json(await deleteOutreach(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason), 200));
  return r;
}

export function exemplarRoutes() {
  const r = createRouter();
  const tags = ['Điển hình tiên tiến'];
  r.openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Điển hình tiên tiến theo quý của đơn vị và đơn vị trực thuộc', request: { query: ZExemplarListQuery }, responses: jsonOk(pageOf(ZExemplar.extend({ canDecide: z.boolean() }))) }),
    async (c) => c.json(await listExemplars(useCaseContext(c), c.req.valid('query')), 200));
  r.openapi(createRoute({ method: 'post', path: '/', tags, summary: 'Đơn vị đề cử điển hình của quý (mỗi quý một)', request: jsonBody(ZNominateExemplar), responses: ok(ZExemplar) }),
    async (c) => c.json(await nominateExemplar(useCaseContext(c), c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/decide', tags, summary: 'Cấp trên công nhận hoặc không công nhận', request: { params: ZIdParam, ...jsonBody(ZDecideExemplar) }, responses: ok(ZExemplar) }),
    async (c) => c.json(await decideExemplar(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200));
  r.openapi(createRoute({ method: 'post', path: '/{id}/consent', tags, summary: 'Ghi đồng ý (hoặc rút đồng ý) công bố công khai', request: { params: ZIdParam, ...jsonBody(ZConsent) }, responses: ok(ZExemplar) }),
    async (c) => c.json(await setExemplarConsent(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').consentPublic), 200));
  return r;
}
