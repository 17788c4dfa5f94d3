// Every role × every kind of endpoint × a resource inside / outside the role's subtree.
// Allowed → 200 with the data; denied → 401/403/404 and never another unit's data.
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient, type TTestEnv } from './harness';

type TCase = { role: string; inUnit: string; outUnit: string; can: { read: boolean; writePerson: boolean; writeUnit: boolean; structure: boolean; users: boolean; audit: boolean; importPeople: boolean; planWrite: boolean; docRead: boolean; docWrite: boolean } };

const CASES: TCase[] = [
  { role: 'admin', inUnit: 'THPT-42-01', outUnit: 'BGDDT', can: { read: true, writePerson: true, writeUnit: true, structure: true, users: true, audit: true, importPeople: true , planWrite: true, docRead: true, docWrite: true } },
  { role: 'so.tdkt', inUnit: 'MN-18073-1', outUnit: 'VHXH-18073', can: { read: true, writePerson: true, writeUnit: true, structure: false, users: false, audit: true, importPeople: true , planWrite: true, docRead: true, docWrite: true } },
  { role: 'so.giamdoc', inUnit: 'THPT-42-02', outUnit: 'VHXH-18100', can: { read: true, writePerson: false, writeUnit: false, structure: false, users: false, audit: true, importPeople: false , planWrite: false, docRead: true, docWrite: true } },
  { role: 'xa.vhxh', inUnit: 'TH-18073-3', outUnit: 'THPT-42-01', can: { read: true, writePerson: true, writeUnit: true, structure: false, users: false, audit: true, importPeople: true , planWrite: true, docRead: true, docWrite: true } },
  { role: 'pdp.tdkt', inUnit: 'THPT-42-01', outUnit: 'THPT-42-02', can: { read: true, writePerson: true, writeUnit: true, structure: false, users: false, audit: true, importPeople: true , planWrite: true, docRead: true, docWrite: true } },
  { role: 'pdp.hieutruong', inUnit: 'THPT-42-01', outUnit: 'MN-18073-1', can: { read: true, writePerson: false, writeUnit: false, structure: false, users: false, audit: true, importPeople: false , planWrite: false, docRead: true, docWrite: true } },
  { role: 'pdp.hoidong', inUnit: 'THPT-42-01', outUnit: 'THPT-42-03', can: { read: true, writePerson: false, writeUnit: false, structure: false, users: false, audit: false, importPeople: false , planWrite: false, docRead: true, docWrite: false } },
  { role: 'gv.lan', inUnit: 'THPT-42-01', outUnit: 'THPT-42-02', can: { read: false, writePerson: false, writeUnit: false, structure: false, users: false, audit: false, importPeople: false , planWrite: false, docRead: false, docWrite: false } },
];

const DENIED = [401, 403, 404];

async function personOf(env: TTestEnv, unitCode: string, notId?: string | null) {
  const unitId = await env.unitId(unitCode);
  let q = env.deps.database.db.selectFrom('people').select(['id', 'full_name', 'unit_id']).where('unit_id', '=', unitId);
  if (notId) q = q.where('id', '!=', notId);
  return q.orderBy('id').executeTakeFirstOrThrow();
}

function expectDenied(res: { status: number; text: string }, secret: string) {
  expect(DENIED).toContain(res.status);
  expect(res.text).not.toContain(secret);
}

describeOnBothDatabases('ma trận quyền theo vai trò và cây đơn vị', (env) => {
  it('không có phiên: mọi API dữ liệu trả 401', async () => {
    const anon = env().anonymous();
    for (const url of ['/api/v1/units', '/api/v1/units/tree', '/api/v1/people', '/api/v1/users', '/api/v1/audit', '/api/v1/clusters', '/api/v1/imports/export/people']) {
      expect((await anon.get(url)).status, url).toBe(401);
    }
  });

  for (const c of CASES) {
    it(`${c.role}: trong phạm vi ${c.inUnit}, ngoài phạm vi ${c.outUnit}`, async () => {
      const e = env();
      const client: TClient = await e.login(c.role);
      const me = (await client.get('/api/v1/auth/me')).json;
      const inId = await e.unitId(c.inUnit);
      const outId = await e.unitId(c.outUnit);
      const inPerson = await personOf(e, c.inUnit, me.personId);
      const outPerson = await personOf(e, c.outUnit === 'BGDDT' ? 'THPT-42-05' : c.outUnit);
      const outUnitName = (await e.deps.database.db.selectFrom('units').select('name').where('id', '=', outId).executeTakeFirstOrThrow()).name;

      // Read a unit and a person inside the subtree.
      const readUnit = await client.get(`/api/v1/units/${inId}`);
      const readPerson = await client.get(`/api/v1/people/${inPerson.id}`);
      if (c.can.read) {
        expect(readUnit.status).toBe(200);
        expect(readPerson.status).toBe(200);
        expect(readPerson.json.fullName).toBe(inPerson.full_name);
      } else {
        expectDenied(readUnit, c.inUnit);
        expectDenied(readPerson, inPerson.full_name);
      }
      // Outside the subtree: never readable.
      if (c.role !== 'admin') {
        expectDenied(await client.get(`/api/v1/units/${outId}`), outUnitName);
        expectDenied(await client.get(`/api/v1/people/${outPerson.id}`), outPerson.full_name);
        const outList = await client.get(`/api/v1/people?unitId=${outId}`);
        if (outList.status === 200) expect(outList.json.items).toEqual([]); else expectDenied(outList, outPerson.full_name);
        expectDenied(await client.get(`/api/v1/imports/export/people?withinId=${outId}`), outPerson.full_name);
        expectDenied(await client.patch(`/api/v1/people/${outPerson.id}`, { phone: '0900000001' }), outPerson.full_name);
        expectDenied(await client.patch(`/api/v1/units/${outId}`, { phone: '0900000001', effectiveDate: '2026-01-01' }), outUnitName);
        expectDenied(await client.put(`/api/v1/people/${outPerson.id}/ratings`, { schoolYear: 2025, rating: 'htxsnv' }), outPerson.full_name);
      }
      // Lists hold only what is inside the reach.
      const list = await client.get('/api/v1/people?pageSize=200');
      if (c.can.read) {
        expect(list.status).toBe(200);
        const reach = await e.deps.database.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', me.roles.map((r: { unitId: string }) => r.unitId)).execute();
        const inReach = new Set(reach.map((r) => r.descendant_id));
        expect(list.json.items.length).toBeGreaterThan(0);
        for (const p of list.json.items) expect(inReach.has(p.unitId)).toBe(true);
      } else {
        expect(list.json.items.map((p: { id: string }) => p.id)).toEqual(me.personId ? [me.personId] : []);
      }
      // Write a person inside the subtree.
      const writePerson = await client.patch(`/api/v1/people/${inPerson.id}`, { phone: '0912345678' });
      expect(writePerson.status).toBe(c.can.writePerson ? 200 : writePerson.status);
      if (!c.can.writePerson) expect(DENIED).toContain(writePerson.status);
      // Unit contact details (unit.write) and structure (unit.structure).
      const writeUnit = await client.patch(`/api/v1/units/${inId}`, { phone: '0239 111 222', effectiveDate: '2026-11-01' });
      if (c.can.writeUnit) expect(writeUnit.status).toBe(200); else expect(DENIED).toContain(writeUnit.status);
      const structure = await client.post('/api/v1/units', { code: `T-${c.role.replace(/\./g, '')}-${e.kind}`, name: 'Tổ thử nghiệm', kind: 'to_chuyen_mon', parentId: inId, validFrom: '2026-11-01' });
      if (c.can.structure) expect(structure.status).toBe(200); else expect(DENIED).toContain(structure.status);
      // Administration, audit, import.
      const users = await client.get('/api/v1/users');
      if (c.can.users) expect(users.status).toBe(200); else expect(DENIED).toContain(users.status);
      const audit = await client.get('/api/v1/audit');
      if (c.can.audit) expect(audit.status).toBe(200); else expect(DENIED).toContain(audit.status);
      const form = new FormData();
      form.set('file', new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'x.xlsx'));
      // Plans (issue 5) and official documents (issue 4) inside and outside the subtree.
      const catalogue = (await e.login('admin')).get('/api/v1/plans/catalogue');
      const code = (await catalogue).json.items[0].code;
      const plan = await client.post('/api/v1/plans/from-catalogue', { unitId: inId, code, schoolYear: 2026 });
      if (c.can.planWrite) expect(plan.status, plan.text).toBe(200); else expect(DENIED).toContain(plan.status);
      if (c.role !== 'admin') {
        const outPlan = await client.post('/api/v1/plans/from-catalogue', { unitId: outId, code, schoolYear: 2026 });
        expectDenied(outPlan, outUnitName);
        const outDocs = await client.get(`/api/v1/documents?unitId=${outId}`);
        if (outDocs.status === 200) expect(outDocs.json.items).toEqual([]); else expectDenied(outDocs, outUnitName);
        expectDenied(await client.post('/api/v1/documents/register/reserve', { unitId: outId, typeCode: 'KH' }), outUnitName);
      }
      const docs = await client.get(`/api/v1/documents?unitId=${inId}`);
      if (c.can.docRead) expect(docs.status).toBe(200); else expect(DENIED).toContain(docs.status);
      const reserve = await client.post('/api/v1/documents/register/reserve', { unitId: inId, typeCode: 'KH' });
      if (c.can.docWrite) expect(reserve.status, reserve.text).toBe(200); else expect(DENIED).toContain(reserve.status);
      const imp = await client.upload('/api/v1/imports/people', form);
      if (c.can.importPeople) expect(imp.status).toBe(415); else expect(DENIED).toContain(imp.status);
    });
  }

  it('cá nhân xem và sửa được hồ sơ của mình, nhưng chỉ các trường liên hệ', async () => {
    const e = env();
    const lan = await e.login('gv.lan');
    const me = (await lan.get('/api/v1/auth/me')).json;
    const own = await lan.get(`/api/v1/people/${me.personId}`);
    expect(own.status).toBe(200);
    expect(own.json.fullName).toBe('Nguyễn Thị Lan');
    expect(own.json.canEdit).toBe(true);
    expect((await lan.patch(`/api/v1/people/${me.personId}`, { phone: '0988111222' })).status).toBe(200);
    const forbidden = await lan.patch(`/api/v1/people/${me.personId}`, { position: 'Hiệu trưởng' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.message).toMatch(/chỉ được sửa/);
  });
});
