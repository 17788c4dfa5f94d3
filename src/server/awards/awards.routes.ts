// HTTP for the award history: list, manual entry, void, and importing a Quyết định (match, then import).
import { createRoute, z } from '@hono/zod-openapi';
import { ZParsedDocument } from '../../importer/schema';
import { AppError } from '../errors';
import { createRouter, jsonBody, jsonOk, useCaseContext, ZIdParam } from '../http';
import { createAward, importDecision, listAwards, voidAward } from './manage-awards';
import { matchDecision } from './match-awardees';
import { ZAward, ZCreateAward, ZImportDecision, ZImportResult, ZListAwardsQuery, ZMatchRequest, ZMatchResponse, ZVoidAward } from './awards.schemas';

const tags = ['Lịch sử khen thưởng'];

export function awardRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Lịch sử khen thưởng của một cá nhân hoặc tập thể', request: { query: ZListAwardsQuery }, responses: jsonOk(z.object({ items: z.array(ZAward) })) }),
    async (c) => c.json(await listAwards(useCaseContext(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Ghi một khen thưởng (nhập tay); trùng thì 409', request: jsonBody(ZCreateAward), responses: jsonOk(ZAward) }),
    async (c) => c.json(await createAward(useCaseContext(c), c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/match', tags, summary: 'Đối chiếu danh sách được khen của một quyết định với hồ sơ cán bộ (không ghi gì)', request: jsonBody(ZMatchRequest), responses: jsonOk(ZMatchResponse) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const doc = ZParsedDocument.safeParse(c.req.valid('json').parsed);
      if (!doc.success) {
        const fields = doc.error.issues.map((i) => ({ field: `parsed.${i.path.join('.')}`, message: i.message }));
        throw new AppError('VALIDATION', `Dữ liệu văn bản không hợp lệ: ${fields[0].field} — ${fields[0].message}`, { fields });
      }
      return c.json(await matchDecision(ctx, doc.data), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/import-decision', tags, summary: 'Ghi các dòng đã xác nhận của một quyết định vào lịch sử khen thưởng (một giao dịch; chạy lại không tạo trùng)', request: jsonBody(ZImportDecision), responses: jsonOk(ZImportResult) }),
    async (c) => c.json(await importDecision(useCaseContext(c), c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/void', tags, summary: 'Hủy một khen thưởng ghi sai (kèm lý do, ghi nhật ký)', request: { params: ZIdParam, ...jsonBody(ZVoidAward) }, responses: jsonOk(ZAward) }),
    async (c) => c.json(await voidAward(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );

  return r;
}
