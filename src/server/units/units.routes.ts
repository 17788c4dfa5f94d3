import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonOk, pageOf, useCaseContext, ZIdParam, ZPageQuery } from '../http';
import { createUnit, mergeUnits, splitUnit, updateUnit } from './manage-units';
import { getUnitDetail, getUnitHistory, listUnitsForActor, unitTreeLevel } from './read-units';
import { presentUnit } from './present-unit';
import { ZCreateUnitRequest, ZMergeUnitsRequest, ZSplitUnitRequest, ZUnit, ZUnitEvent, ZUpdateUnitRequest } from './units.schemas';

const tags = ['Đơn vị'];

export function unitRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/', tags, summary: 'Danh sách đơn vị trong phạm vi được xem',
      request: { query: ZPageQuery.extend({ q: z.string().max(100).optional(), kind: z.string().optional().openapi({ description: 'Loại đơn vị, nhiều loại cách nhau bằng dấu phẩy' }), parentId: z.string().optional(), withinId: z.string().optional(), status: z.string().optional() }) },
      responses: jsonOk(pageOf(ZUnit)),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const res = await listUnitsForActor(useCaseContext(c), { ...q, kinds: q.kind ? q.kind.split(',') : undefined });
      return c.json(res, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/tree', tags, summary: 'Một cấp của cây đơn vị (phân trang; mặc định tối đa 2.000 đơn vị một trang)',
      request: { query: z.object({ parentId: z.string().optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(2000).default(2000) }) },
      responses: jsonOk(z.object({ items: z.array(ZUnit), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await unitTreeLevel(useCaseContext(c), q.parentId, { page: q.page, pageSize: q.pageSize }), 200);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Thành lập đơn vị', request: jsonBody(ZCreateUnitRequest), responses: jsonOk(ZUnit) }),
    async (c) => c.json(presentUnit(await createUnit(useCaseContext(c), c.req.valid('json'))), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết đơn vị', request: { params: ZIdParam }, responses: jsonOk(ZUnit.extend({ profParentName: z.string().nullable(), ancestors: z.array(z.object({ id: z.string(), name: z.string() })) })) }),
    async (c) => c.json(await getUnitDetail(useCaseContext(c), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa, đổi tên hoặc chuyển đơn vị cấp trên (có ngày hiệu lực)', request: { params: ZIdParam, ...jsonBody(ZUpdateUnitRequest) }, responses: jsonOk(ZUnit) }),
    async (c) => c.json(presentUnit(await updateUnit(useCaseContext(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/merge', tags, summary: 'Sáp nhập các đơn vị khác vào đơn vị này', request: { params: ZIdParam, ...jsonBody(ZMergeUnitsRequest) }, responses: jsonOk(z.object({ movedPeople: z.number(), movedChildren: z.number() })) }),
    async (c) => c.json(await mergeUnits(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/split', tags, summary: 'Chia tách đơn vị', request: { params: ZIdParam, ...jsonBody(ZSplitUnitRequest) }, responses: jsonOk(z.object({ items: z.array(ZUnit) })) }),
    async (c) => c.json({ items: (await splitUnit(useCaseContext(c), c.req.valid('param').id, c.req.valid('json'))).map(presentUnit) }, 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}/history', tags, summary: 'Lịch sử đơn vị', request: { params: ZIdParam }, responses: jsonOk(z.object({ items: z.array(ZUnitEvent) })) }),
    async (c) => c.json({ items: await getUnitHistory(useCaseContext(c), c.req.valid('param').id) }, 200),
  );

  return r;
}
