// The fast scoping paths (correlated EXISTS on the closure, province narrowing, paged tree levels) must show
// exactly what the closure table says an actor reaches: nothing hidden that it should show, nothing shown
// that it should hide — for single-root, multi-root and Bộ-level actors, on both databases.
import { expect, it } from 'vitest';
import { newId, nowIso } from '../../src/server/ids';
import { describeOnBothDatabases, type TTestEnv } from './harness';

/** Ground truth straight from the closure table: people whose unit lies under any of `roots`. */
async function peopleUnder(env: TTestEnv, roots: string[], q?: string) {
  const db = env.deps.database.db;
  let s = db.selectFrom('people').select(['people.id', 'people.name_search'])
    .where('people.unit_id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots));
  if (q) s = s.where('people.name_search', 'like', `%${q}%`);
  return s.orderBy('people.name_search').orderBy('people.id').execute();
}

async function unitsUnder(env: TTestEnv, roots: string[]) {
  const db = env.deps.database.db;
  return db.selectFrom('units').select('units.id')
    .where('units.id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots)).execute();
}

async function rootsOf(env: TTestEnv, username: string) {
  const db = env.deps.database.db;
  const rows = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('user_roles.unit_id').where('users.username', '=', username).where('user_roles.role', '!=', 'individual').execute();
  return [...new Set(rows.map((r) => r.unit_id))];
}

async function grant(env: TTestEnv, username: string, role: 'officer' | 'council', unitCode: string) {
  const db = env.deps.database.db;
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ id: newId(), user_id: user.id, role, unit_id: await env.unitId(unitCode), created_at: nowIso() }).execute();
}

describeOnBothDatabases('phạm vi nhanh: đúng như bảng bao đóng (không thiếu, không thừa)', (env) => {
  for (const username of ['admin', 'so.tdkt', 'xa.vhxh', 'pdp.hoidong']) {
    it(`${username}: danh sách cán bộ, tìm không dấu và trang đầu khớp bảng bao đóng`, async () => {
      const e = env();
      const client = await e.login(username);
      const roots = await rootsOf(e, username);
      const all = await peopleUnder(e, roots);
      const res = await client.get('/api/v1/people?pageSize=200');
      expect(res.status).toBe(200);
      expect(res.json.total).toBe(all.length);
      expect(res.json.items.map((p: { id: string }) => p.id)).toEqual(all.slice(0, 200).map((p) => p.id));
      const hits = await peopleUnder(e, roots, 'nguyen');
      const found = await client.get('/api/v1/people?q=Nguyễn&pageSize=50&page=2');
      expect(found.json.total).toBe(hits.length);
      expect(found.json.items.map((p: { id: string }) => p.id)).toEqual(hits.slice(50, 100).map((p) => p.id));
      const units = await client.get('/api/v1/units?pageSize=1');
      expect(units.json.total).toBe((await unitsUnder(e, roots)).length);
    });
  }

  it('hai vai trò ở hai nhánh: mỗi người đếm một lần, không lộ nhánh thứ ba', async () => {
    const e = env();
    await grant(e, 'xa.vhxh', 'officer', 'THPT-42-02');
    await grant(e, 'xa.vhxh', 'officer', 'TH-18073-3'); // already inside the commune: duplicates must not double-count
    const client = await e.login('xa.vhxh');
    const roots = await rootsOf(e, 'xa.vhxh');
    expect(roots.length).toBe(3);
    const all = await peopleUnder(e, roots);
    const res = await client.get('/api/v1/people?pageSize=200');
    expect(res.json.total).toBe(all.length);
    const ids = new Set<string>();
    for (let page = 1; (page - 1) * 200 < res.json.total; page++) {
      for (const p of (await client.get(`/api/v1/people?pageSize=200&page=${page}`)).json.items) ids.add(p.id);
    }
    expect(ids.size).toBe(all.length);
    const pdpUnit = await e.unitId('THPT-42-01');
    const outsider = await e.deps.database.db.selectFrom('people').select('id').where('unit_id', '=', pdpUnit).executeTakeFirstOrThrow();
    expect(ids.has(outsider.id)).toBe(false);
    expect((await client.get(`/api/v1/people?withinId=${pdpUnit}`)).status).toBe(404);
    const school2 = await e.unitId('THPT-42-02');
    const within = await client.get(`/api/v1/people?withinId=${school2}&pageSize=200`);
    expect(within.json.total).toBe((await peopleUnder(e, [school2])).length);
    // Excel export follows the same reach.
    const exported = await client.get('/api/v1/imports/export/people');
    expect(exported.status).toBe(200);
  });

  it('vai trò ở Bộ: thấy Sở và trường qua đường chuyên môn, không thấy UBND xã và Phòng VH-XH', async () => {
    const e = env();
    await grant(e, 'pdp.hoidong', 'council', 'BGDDT');
    const client = await e.login('pdp.hoidong');
    const roots = await rootsOf(e, 'pdp.hoidong');
    const all = await peopleUnder(e, roots);
    const res = await client.get('/api/v1/people?pageSize=20');
    expect(res.json.total).toBe(all.length);
    const vhxh = await e.unitId('VHXH-18073');
    const hidden = await e.deps.database.db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', vhxh).execute();
    expect(hidden.length).toBeGreaterThan(0);
    expect(all.some((p) => hidden.some((h) => h.id === p.id))).toBe(false);
    const byName = await client.get(`/api/v1/people?q=${encodeURIComponent(hidden[0].full_name)}&pageSize=200`);
    expect(byName.json.items.map((p: { id: string }) => p.id)).not.toContain(hidden[0].id);
    expect((await client.get(`/api/v1/people/${hidden[0].id}`)).status).toBe(404);
    // The Sở as `withinId` narrows the search to its province and still counts every school's staff, MN included.
    const so = await e.unitId('SGDDT-42');
    const within = await client.get(`/api/v1/people?withinId=${so}&pageSize=1`);
    expect(within.json.total).toBe((await peopleUnder(e, [so])).length);
    const mn = await e.unitId('MN-18073-1');
    expect((await client.get(`/api/v1/people?unitId=${mn}&pageSize=1`)).json.total).toBe((await peopleUnder(e, [mn])).length);
  });

  it('cây đơn vị: gốc là đơn vị được giao, một cấp phân trang đủ và không trùng', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const root = (await so.get('/api/v1/units/tree')).json;
    expect(root.items.map((u: { code: string }) => u.code)).toEqual(['SGDDT-42']);
    expect(root.total).toBe(1);
    const soId = await e.unitId('SGDDT-42');
    const full = (await so.get(`/api/v1/units/tree?parentId=${soId}`)).json;
    const direct = await e.deps.database.db.selectFrom('units').select('id')
      .where((eb) => eb.or([eb('parent_id', '=', soId), eb('prof_parent_id', '=', soId)])).where('status', '=', 'active').execute();
    expect(full.total).toBe(direct.length);
    expect(full.items.length).toBe(direct.length);
    const paged: string[] = [];
    for (let page = 1; page <= Math.ceil(full.total / 7); page++) {
      const r = (await so.get(`/api/v1/units/tree?parentId=${soId}&page=${page}&pageSize=7`)).json;
      expect(r.total).toBe(full.total);
      paged.push(...r.items.map((u: { id: string }) => u.id));
    }
    expect(paged).toEqual(full.items.map((u: { id: string }) => u.id));
    // Administration first, then schools from upper to lower level.
    const kinds = full.items.map((u: { kind: string }) => u.kind);
    expect(kinds.indexOf('phong_ban')).toBeLessThan(kinds.indexOf('thpt'));
    expect(kinds.lastIndexOf('thpt')).toBeLessThan(kinds.indexOf('mn'));
    // A level outside the reach stays hidden.
    const xa = await e.login('xa.vhxh');
    expect((await xa.get(`/api/v1/units/tree?parentId=${soId}`)).status).toBe(404);
  });
}, { demo: true });
