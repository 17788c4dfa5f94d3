// HTTP for decisions: create from an accepted dossier, detail, DOCX/PDF, payout Excel, publish,
// certificates; and the public (no login) list of published decisions and consenting exemplars.
import { createRoute, z } from '@hono/zod-openapi';
import { converterUnavailable, pdfDownload } from '../documents/document-files';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, MIME, pageOf, useCaseContext, ZIdParam, ZPageQuery } from '../http';
import { ZCreateDecision, ZDecision, ZPayoutQuery, ZPublicDecision, ZPublicExemplar, ZPublish } from '../dossiers/dossiers.schemas';
import { createDecision, decisionDocx, decisionPdf, getDecision, printCertificates, publishDecision } from './manage-decisions';
import { payoutWorkbook } from './payout-excel';
import { listPublicDecisions, listPublicExemplars } from './public-decisions';

const tags = ['Quyết định khen thưởng'];
const docName = (number: string, ext: string) => `quyet-dinh-${number.replace(/[^A-Za-z0-9]+/g, '-')}.${ext}`;

export function decisionRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Ban hành quyết định cho hồ sơ đã tiếp nhận: lấy số từ sổ văn bản, ghi lịch sử khen thưởng, tính tiền thưởng (một giao dịch)', request: jsonBody(ZCreateDecision), responses: jsonOk(ZDecision) }),
    async (c) => c.json(await createDecision(useCaseContext(c), c.get('deps').storage, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết quyết định và danh sách kèm theo (tiền thưởng)', request: { params: ZIdParam }, responses: jsonOk(ZDecision) }),
    async (c) => c.json(await getDecision(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/docx', tags, summary: 'Tải quyết định (Word)', request: { params: ZIdParam }, responses: fileOk('Word (.docx)', MIME.docx) }),
    async (c) => {
      const { d, bytes } = await decisionDocx(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return fileResponse(bytes, MIME.docx, docName(d.number_symbol, 'docx'));
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/pdf', tags, summary: 'Xem quyết định (PDF; 503 nếu máy chủ chưa cài LibreOffice)', request: { params: ZIdParam }, responses: { ...fileOk('PDF', MIME.pdf), ...converterUnavailable } }),
    async (c) => pdfDownload(c, async () => {
      const { d, bytes } = await decisionPdf(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return { bytes, fileName: docName(d.number_symbol, 'pdf') };
    }),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/payout.xlsx', tags, summary: 'Danh sách chi tiền thưởng theo đơn vị (Excel)', request: { params: ZIdParam, query: ZPayoutQuery }, responses: fileOk('Excel (.xlsx)', MIME.xlsx) }),
    async (c) => {
      const x = await payoutWorkbook(useCaseContext(c), c.req.valid('param').id, c.req.valid('query').unitId);
      return fileResponse(x.bytes, MIME.xlsx, x.name);
    },
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/publish', tags, summary: 'Công khai hoặc thôi công khai quyết định trên trang công khai', request: { params: ZIdParam, ...jsonBody(ZPublish) }, responses: jsonOk(ZDecision) }),
    async (c) => c.json(await publishDecision(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').published), 200),
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/{id}/certificates', tags, summary: 'In giấy khen, giấy chứng nhận cho cả danh sách (tác vụ nền)', request: { params: ZIdParam, ...jsonBody(z.object({ pdf: z.boolean().optional() })) },
      responses: jsonOk(z.object({ id: z.string(), status: z.string(), count: z.number(), jobId: z.number().nullable(), progress: z.number(), docxUrl: z.string().nullable(), pdfUrl: z.string().nullable() }).passthrough()),
    }),
    async (c) => c.json(await printCertificates(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  return r;
}

/** No session needed: only published decisions (names, units, titles) and consenting exemplars. */
export function publicRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/decisions', tags: ['Công khai'], summary: 'Các quyết định khen thưởng đã công khai (không cần đăng nhập)', request: { query: ZPageQuery }, responses: jsonOk(pageOf(ZPublicDecision)) }),
    async (c) => c.json(await listPublicDecisions(c.get('deps').database.db, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/exemplars', tags: ['Công khai'], summary: 'Gương điển hình đồng ý công khai (không cần đăng nhập)', request: { query: ZPageQuery }, responses: jsonOk(pageOf(ZPublicExemplar)) }),
    async (c) => c.json(await listPublicExemplars(c.get('deps').database.db, c.req.valid('query')), 200),
  );
  return r;
}
