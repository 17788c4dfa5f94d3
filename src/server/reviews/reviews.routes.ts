// HTTP for nominations (/api/v1/nominations) and review sessions (/api/v1/reviews).
import { createRoute, z } from '@hono/zod-openapi';
import { converterUnavailable, pdfDownload } from '../documents/document-files';
import { getDocumentDocx, getDocumentPdf } from '../documents/manage-documents';
import { AppError } from '../errors';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, MIME, pageOf, useCaseContext, ZIdParam } from '../http';
import { createNomination, createNominations, listNominations, withdrawNomination } from './nominations';
import {
  ZAddCandidates, ZAddMembers, ZBallot, ZBallotAck, ZCandidateParam, ZConflict, ZCreatedNominations, ZCreateNomination, ZCreateNominations, ZCreateSession, ZListNominationsQuery, ZListSessionsQuery,
  ZMemberParam, ZNomination, ZReason, ZSession, ZSessionListItem, ZUpdateSession, ZWrittenVote,
} from './reviews.schemas';
import {
  addCandidates, addMembers, closeSession, createSession, declareConflict, getSession, listSessions, loadReadableSession, openSession, recordWrittenVote,
  removeMember, submitBallot, updateSession, withdrawCandidate,
} from './sessions';

export function nominationRoutes() {
  const r = createRouter();
  const tags = ['Đề nghị xét khen thưởng'];
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách đề nghị trong phạm vi được xem (và đề nghị của chính mình)', request: { query: ZListNominationsQuery }, responses: jsonOk(pageOf(ZNomination)) }),
    async (c) => c.json(await listNominations(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Đề nghị một cá nhân/tập thể xét danh hiệu (cán bộ TĐKT, hoặc cá nhân tự đề nghị)', request: jsonBody(ZCreateNomination), responses: jsonOk(ZNomination) }),
    async (c) => c.json(await createNomination(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/batch', tags, summary: 'Cán bộ TĐKT đề nghị nhiều cá nhân/tập thể của đơn vị cùng một danh hiệu (tất cả hoặc không)', request: jsonBody(ZCreateNominations), responses: jsonOk(ZCreatedNominations) }),
    async (c) => c.json(await createNominations(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/withdraw', tags, summary: 'Rút một đề nghị chưa đưa vào phiên bình xét', request: { params: ZIdParam, ...jsonBody(ZReason) }, responses: jsonOk(ZNomination) }),
    async (c) => c.json(await withdrawNomination(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  return r;
}

export function reviewRoutes() {
  const r = createRouter();
  const tags = ['Bình xét thi đua'];
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách phiên bình xét trong phạm vi được xem', request: { query: ZListSessionsQuery }, responses: jsonOk(pageOf(ZSessionListItem)) }),
    async (c) => c.json(await listSessions(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Tạo phiên bình xét (dự thảo); chỉ tiêu lấy từ kế hoạch nếu có', request: jsonBody(ZCreateSession), responses: jsonOk(ZSession) }),
    async (c) => c.json(await createSession(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết phiên: Hội đồng, ứng viên và kết quả đối chiếu, chỉ tiêu, xung đột; kết quả chỉ có sau khi kết thúc', request: { params: ZIdParam }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await getSession(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa phiên (tên, ngày, địa điểm, chỉ tiêu, ngưỡng biểu quyết) trước khi bỏ phiếu', request: { params: ZIdParam, ...jsonBody(ZUpdateSession) }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await updateSession(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/members', tags, summary: 'Thêm thành viên Hội đồng (tài khoản bỏ phiếu gắn theo hồ sơ cán bộ)', request: { params: ZIdParam, ...jsonBody(ZAddMembers) }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await addMembers(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/members/{memberId}/remove', tags, summary: 'Bỏ một thành viên khỏi Hội đồng (khi còn dự thảo)', request: { params: ZMemberParam }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await removeMember(useCaseContext(c), c.req.valid('param').id, c.req.valid('param').memberId), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/candidates', tags, summary: 'Thêm ứng viên: từ đề nghị đang chờ, người đủ điều kiện, hoặc nhập tay; kiểm tra chỉ tiêu', request: { params: ZIdParam, ...jsonBody(ZAddCandidates) }, responses: jsonOk(z.object({ added: z.number().int(), session: ZSession })) }),
    async (c) => c.json(await addCandidates(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/candidates/{candidateId}/withdraw', tags, summary: 'Rút ứng viên trước khi bỏ phiếu', request: { params: ZCandidateParam, ...jsonBody(ZReason) }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await withdrawCandidate(useCaseContext(c), c.req.valid('param').id, c.req.valid('param').candidateId, c.req.valid('json').reason), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/conflicts', tags, summary: 'Khai báo không biểu quyết cho một ứng viên (xung đột lợi ích)', request: { params: ZIdParam, ...jsonBody(ZConflict) }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await declareConflict(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/open', tags, summary: 'Khai mạc: Hội đồng số lẻ, có Chủ tịch, có ứng viên; bắt đầu nhận phiếu', request: { params: ZIdParam }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await openSession(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/ballot', tags, summary: 'Bỏ phiếu kín điện tử (thành viên Hội đồng, mỗi người một phiếu; phiếu lưu không kèm danh tính)', request: { params: ZIdParam, ...jsonBody(ZBallot) }, responses: jsonOk(ZBallotAck) }),
    async (c) => c.json(await submitBallot(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').choices), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/written-votes', tags, summary: 'Thư ký ghi phiếu bằng văn bản của thành viên vắng mặt', request: { params: ZIdParam, ...jsonBody(ZWrittenVote) }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await recordWrittenVote(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/close', tags, summary: 'Kết thúc, kiểm phiếu theo ngưỡng trên tổng số thành viên, lập Biên bản', request: { params: ZIdParam }, responses: jsonOk(ZSession) }),
    async (c) => c.json(await closeSession(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id), 200),
  );
  for (const which of ['docx', 'pdf'] as const) {
    r.openapi(
      createRoute({ method: 'get', path: `/{id}/minutes.${which}`, tags, summary: `Tải Biên bản họp Hội đồng (${which.toUpperCase()})`, request: { params: ZIdParam }, responses: which === 'pdf' ? { ...fileOk('PDF', MIME.pdf), ...converterUnavailable } : fileOk('Word', MIME.docx) }),
      async (c) => {
        const ctx = useCaseContext(c);
        const s = await loadReadableSession(ctx, c.req.valid('param').id);
        const documentId = s.minutes_document_id;
        if (!documentId) throw new AppError('NOT_FOUND', 'Phiên bình xét chưa kết thúc nên chưa có Biên bản');
        const storage = c.get('deps').storage;
        const fileName = `bien-ban-binh-xet-${s.school_year}-${s.school_year + 1}.${which}`;
        if (which === 'docx') return fileResponse((await getDocumentDocx(ctx, storage, documentId)).bytes, MIME.docx, fileName);
        return pdfDownload(c, async () => ({ bytes: (await getDocumentPdf(ctx, storage, documentId)).bytes, fileName }));
      },
    );
  }
  return r;
}
