import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonOk, useCaseContext, ZIdParam } from '../http';
import { createCluster, listClusters, setClusterMembers, getCluster } from './clusters';

const tags = ['Cụm, khối thi đua'];
const ZMember = z.object({ unitId: z.string(), unitName: z.string().optional(), role: z.enum(['truong', 'pho', 'thanh_vien']), roleLabel: z.string().optional() });
const ZCluster = z.object({
  id: z.string(), name: z.string(), kind: z.enum(['cum', 'khoi']), kindLabel: z.string(), schoolYear: z.number(), schoolYearLabel: z.string(),
  ownerUnitId: z.string(), ownerUnitName: z.string().nullable(), note: z.string().nullable(), members: z.array(ZMember),
}).openapi('Cluster');

export function clusterRoutes() {
  const r = createRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Cụm/khối thi đua theo năm học', request: { query: z.object({ schoolYear: z.coerce.number().int().optional(), ownerUnitId: z.string().optional() }) }, responses: jsonOk(z.object({ items: z.array(ZCluster) })) }),
    async (c) => c.json({ items: await listClusters(useCaseContext(c), c.req.valid('query')) }, 200),
  );
  r.openapi(
    createRoute({
      method: 'post', path: '/', tags, summary: 'Tạo cụm/khối thi đua',
      request: jsonBody(z.object({ name: z.string().trim().min(2).max(200), kind: z.enum(['cum', 'khoi']), schoolYear: z.number().int().min(2000).max(2100), ownerUnitId: z.string(), note: z.string().max(1000).nullish(), members: z.array(ZMember.pick({ unitId: true, role: true })).max(500).default([]) })),
      responses: jsonOk(ZCluster),
    }),
    async (c) => c.json(await createCluster(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết cụm/khối', request: { params: ZIdParam }, responses: jsonOk(ZCluster) }),
    async (c) => c.json(await getCluster(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'put', path: '/{id}/members', tags, summary: 'Đặt thành viên và vai trò (trưởng, phó, thành viên)', request: { params: ZIdParam, ...jsonBody(z.object({ members: z.array(ZMember.pick({ unitId: true, role: true })).max(500) })) }, responses: jsonOk(ZCluster) }),
    async (c) => c.json(await setClusterMembers(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').members), 200),
  );
  return r;
}
