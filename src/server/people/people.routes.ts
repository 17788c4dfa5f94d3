import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, jsonOk, pageOf, useCaseContext, ZIdParam, ZPageQuery } from '../http';
import { getPersonDetail, listPeople } from './read-people';
import { addDiscipline, addEmployment, addQualification, createPerson, setRating, updatePerson } from './manage-people';
import { presentPerson } from './present-person';
import { ZAddDiscipline, ZAddEmployment, ZAddQualification, ZCreatePersonRequest, ZPerson, ZPersonDetail, ZSetRating, ZUpdatePersonRequest } from './people.schemas';

const tags = ['Cán bộ, giáo viên'];
const ZOk = z.object({ ok: z.boolean() });

export function peopleRoutes() {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/', tags, summary: 'Tìm cán bộ (không cần dấu) trong phạm vi được xem',
      request: { query: ZPageQuery.extend({ q: z.string().max(100).optional(), unitId: z.string().optional(), withinId: z.string().optional(), gender: z.enum(['nam', 'nu']).optional() }) },
      responses: jsonOk(pageOf(ZPerson).extend({ totalCapped: z.boolean().describe('true: có hơn `total` kết quả (tìm theo tên chỉ đếm đến 1.000)') })),
    }),
    async (c) => c.json(await listPeople(useCaseContext(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Thêm cán bộ', request: jsonBody(ZCreatePersonRequest), responses: jsonOk(ZPerson) }),
    async (c) => c.json(presentPerson(await createPerson(useCaseContext(c), c.req.valid('json'))), 200),
  );

  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Hồ sơ cán bộ và quá trình công tác', request: { params: ZIdParam }, responses: jsonOk(ZPersonDetail) }),
    async (c) => c.json(await getPersonDetail(useCaseContext(c), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({ method: 'patch', path: '/{id}', tags, summary: 'Sửa hồ sơ cán bộ', request: { params: ZIdParam, ...jsonBody(ZUpdatePersonRequest) }, responses: jsonOk(ZPerson) }),
    async (c) => c.json(presentPerson(await updatePerson(useCaseContext(c), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  r.openapi(
    createRoute({ method: 'post', path: '/{id}/employments', tags, summary: 'Thêm quá trình công tác', request: { params: ZIdParam, ...jsonBody(ZAddEmployment) }, responses: jsonOk(ZOk) }),
    async (c) => { await addEmployment(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')); return c.json({ ok: true }, 200); },
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/qualifications', tags, summary: 'Thêm trình độ, chứng chỉ', request: { params: ZIdParam, ...jsonBody(ZAddQualification) }, responses: jsonOk(ZOk) }),
    async (c) => { await addQualification(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')); return c.json({ ok: true }, 200); },
  );
  r.openapi(
    createRoute({ method: 'put', path: '/{id}/ratings', tags, summary: 'Ghi xếp loại đánh giá năm học', request: { params: ZIdParam, ...jsonBody(ZSetRating) }, responses: jsonOk(ZOk) }),
    async (c) => { await setRating(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')); return c.json({ ok: true }, 200); },
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/disciplines', tags, summary: 'Thêm quyết định kỷ luật', request: { params: ZIdParam, ...jsonBody(ZAddDiscipline) }, responses: jsonOk(ZOk) }),
    async (c) => { await addDiscipline(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')); return c.json({ ok: true }, 200); },
  );

  return r;
}
