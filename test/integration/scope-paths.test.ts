// The fast scoping paths (correlated EXISTS on the closure, province narrowing, paged tree levels) must show
// exactly what the closure table says an actor reaches: nothing hidden that it should show, nothing shown
// that it should hide — for single-root, multi-root and Bộ-level actors, on both databases.
import { expect, it } from 'vitest';
import { newId, nowIso } from '../../src/server/ids';
import { ROLE_PERMISSIONS, type Permission } from '../../src/server/auth/access';
import type { RoleCode } from '../../src/server/db/schema';
import { ISSUED_STATES } from '../../src/server/plans/plan-states';
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

/** The actor's roots for one permission (the units of its roles that carry it). */
async function rootsFor(env: TTestEnv, username: string, permission: Permission) {
  const db = env.deps.database.db;
  const rows = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select(['user_roles.unit_id', 'user_roles.role']).where('users.username', '=', username).execute();
  return [...new Set(rows.filter((r) => ROLE_PERMISSIONS[r.role as RoleCode].includes(permission)).map((r) => r.unit_id))];
}

/**
 * Ground truth of the lists switched to the EXISTS scope, written the way they were before (IN over the
 * closure): the counts and ids each list must still return.
 */
async function listTruth(env: TTestEnv, username: string) {
  const db = env.deps.database.db;
  const reach = (roots: string[]) => db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots.length ? roots : ['-']);
  const n = async (q: { executeTakeFirstOrThrow: () => Promise<{ n: unknown }> }) => Number((await q.executeTakeFirstOrThrow()).n);
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const r = async (p: Permission) => rootsFor(env, username, p);
  const plan = await r('plan.read');
  const out: Record<string, number | string[] | null> = {};
  out.plans = plan.length ? await n(db.selectFrom('plans').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([
    eb('plans.unit_id', 'in', reach(plan)),
    eb.and([eb('plans.state', 'in', [...ISSUED_STATES]), eb.or([
      eb('plans.unit_id', 'in', db.selectFrom('unit_closure').select('ancestor_id').where('descendant_id', 'in', plan)),
      eb('plans.root_plan_id', 'in', db.selectFrom('plan_cascade_tasks').select('plan_id').where('unit_id', 'in', reach(plan))),
    ])]),
  ]))) : null;
  const doc = await r('document.read');
  out.documents = doc.length ? await n(db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('unit_id', 'in', reach(doc))) : null;
  const audit = await r('audit.read');
  out.audit = audit.length ? await n(db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('unit_id', 'in', reach(audit))) : null;
  const cl = await r('cluster.read');
  out.clusters = cl.length ? (await db.selectFrom('clusters').select('id').where((eb) => eb.or([eb('owner_unit_id', 'in', reach(cl)), eb('id', 'in', db.selectFrom('cluster_members').select('cluster_id').where('unit_id', 'in', reach(cl)))])).execute()).map((c) => c.id).sort() : null;
  const um = await r('user.manage');
  out.users = um.length ? await n(db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('id', 'in', db.selectFrom('user_roles').select('user_id').where('unit_id', 'in', reach(um)))) : null;
  const com = await r('commendation.read');
  out.dossiers = com.length ? await n(db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([eb('sender_unit_id', 'in', reach(com)), eb.and([eb('receiver_unit_id', 'in', reach(com)), eb('status', '!=', 'draft')])]))) : null;
  const as = await r('assessment.read');
  out.assessments = as.length ? await n(db.selectFrom('assessments').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([
    eb('owner_unit_id', 'in', reach(as)),
    eb('id', 'in', db.selectFrom('assessment_units').select('assessment_id').where('unit_id', 'in', reach(as))),
    eb('id', 'in', db.selectFrom('assessment_reviewers').select('assessment_id').where('user_id', '=', user.id)),
  ]))) : null;
  const rep = await r('report.read');
  out.initiatives = rep.length ? await n(db.selectFrom('initiatives').select((eb) => eb.fn.countAll().as('n')).where('unit_id', 'in', reach(rep))) : null;
  return out;
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

  it('kế hoạch, văn bản, nhật ký, cụm/khối, tài khoản, hồ sơ, đánh giá, sáng kiến: danh sách theo EXISTS khớp cách lọc IN trước đây', async () => {
    const e = env();
    // Documents of units on both sides of the reaches (the demo has none): a school, a commune, the Sở.
    const creator = await e.deps.database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    for (const code of ['THPT-42-01', 'THPT-42-02', 'UBND-X18073', 'SGDDT-42', 'MN-18073-1']) {
      await e.deps.database.db.insertInto('documents').values({
        id: newId(), unit_id: await e.unitId(code), kind: 'cong_van', title: `Công văn thử phạm vi ${code}`, title_search: `cong van thu pham vi ${code.toLowerCase()}`, status: 'draft',
        input_json: '{}', docx_sha256: '0'.repeat(64), pdf_sha256: null, signed_scan_sha256: null, number_id: null, number_text: null, issued_date: null, signer_name: null,
        created_by: creator.id, province_code: '42', created_at: nowIso(), updated_at: nowIso(),
      }).execute();
    }
    // Dossiers (the demo has none): sent up from a school to the Sở, from a commune school to the UBND xã
    // (submitted: the receiver sees it; draft: only the sender does).
    for (const [from, to, status] of [['THPT-42-01', 'SGDDT-42', 'submitted'], ['MN-18073-1', 'UBND-X18073', 'submitted'], ['TH-18073-3', 'UBND-X18073', 'draft']] as const) {
      await e.deps.database.db.insertInto('dossiers').values({
        id: newId(), province_code: '42', sender_unit_id: await e.unitId(from), receiver_unit_id: await e.unitId(to), title: `Hồ sơ thử phạm vi ${from}`, school_year: 2025,
        commendation_type: 'công trạng', review_session_id: null, status, steps_done: '[]', assigned_user_id: null, return_reason: null, decision_id: null,
        submitted_at: status === 'draft' ? null : nowIso(), accepted_at: null, created_by: creator.id, created_at: nowIso(), updated_at: nowIso(),
      }).execute();
    }
    const seen: Record<string, number> = {};
    for (const username of ['admin', 'so.tdkt', 'xa.vhxh', 'pdp.hoidong', 'pdp.tdkt']) {
      const client = await e.login(username);
      const truth = await listTruth(e, username);
      const got: Record<string, number | string[] | null> = {};
      const total = async (url: string) => {
        const res = await client.get(url);
        expect([200, 403], `${username} ${url}`).toContain(res.status);
        return res.status === 200 ? res.json.total as number : null;
      };
      got.plans = await total('/api/v1/plans?pageSize=1');
      got.documents = await total('/api/v1/documents?pageSize=1');
      got.audit = await total('/api/v1/audit?pageSize=1');
      const clusters = await client.get('/api/v1/clusters');
      got.clusters = clusters.status === 200 ? clusters.json.items.map((c: { id: string }) => c.id).sort() : null;
      got.users = await total('/api/v1/users?pageSize=1');
      got.dossiers = await total('/api/v1/dossiers?pageSize=1');
      got.assessments = await total('/api/v1/assessments?pageSize=1');
      got.initiatives = truth.initiatives === null ? null : await total('/api/v1/initiatives?pageSize=1');
      expect(got, username).toEqual(truth);
      for (const [k, v] of Object.entries(got)) seen[k] = (seen[k] ?? 0) + (Array.isArray(v) ? v.length : v ?? 0);
    }
    // The demo has rows in every list, so the comparison is not between empty sets.
    for (const k of ['plans', 'documents', 'audit', 'clusters', 'users', 'dossiers', 'assessments', 'initiatives']) expect(seen[k], k).toBeGreaterThan(0);
    // A single cluster reached only through a member (the commune's cụm is owned by the UBND xã, outside the Sở's reach).
    const so = await e.login('so.tdkt');
    const communeCluster = await e.deps.database.db.selectFrom('clusters').innerJoin('units', 'units.id', 'clusters.owner_unit_id').select('clusters.id').where('units.kind', '=', 'ubnd_xa').executeTakeFirst();
    if (communeCluster) expect((await so.get(`/api/v1/clusters/${communeCluster.id}`)).status).toBe(200);
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
