// The synthetic-data generator at school scale, on both databases: the same seed gives the same rows,
// the unit tree after 2025 holds (every school reaches its Sở through the closure table, communal
// schools hang under the Phòng VH‑XH with the Sở as professional parent), and the generated accounts
// work through the API.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEFAULT_STEPS, generateData, type TScaleStep } from '../../src/server/scale/generate';
import { planFor, summarize, NATIONAL_INSTITUTIONS, NATIONAL_SCHOOLS } from '../../src/server/scale/plan';
import { schoolYearOf } from '../../src/shared/vn';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases } from './harness';

const SCHOOL_KINDS = ['thpt', 'gdtx', 'mn', 'th', 'thcs', 'lien_cap', 'truong_khac'] as const;
const TODAY = '2026-11-23';

describeOnBothDatabases('sinh dữ liệu tổng hợp (quy mô trường)', (env) => {
  const run = async (seed: number, force = false, steps?: TScaleStep[]) => {
    const e = env();
    return generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed, force, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD, today: TODAY, steps });
  };
  const snapshot = async () => {
    const { db } = env().deps.database;
    const kinds = await db.selectFrom('units').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
    const firstPeople = await db.selectFrom('people').select(['id', 'full_name', 'birth_date', 'cccd']).orderBy('id').limit(8).execute();
    const tables: Record<string, number> = {};
    for (const t of ['units', 'unit_closure', 'people', 'employments', 'performance_ratings', 'qualifications', 'disciplines', 'clusters', 'cluster_members'] as const) {
      tables[t] = Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    }
    return { kinds: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)])), firstPeople, tables };
  };

  it('dùng lại Bộ của lần khởi động đầu, sinh đúng số đơn vị theo loại, từ chối chạy lần hai khi không có --force', async () => {
    const res = await run(11);
    expect(res.plan.institutions).toBe(5);
    const s = await snapshot();
    expect(s.kinds).toEqual({ bo: 1, ubnd_tinh: 1, so: 1, phong_ban: 6, ubnd_xa: 1, phong_vhxh: 1, thpt: 1, mn: 1, th: 1, thcs: 1, truong_khac: 1, to_chuyen_mon: 7 + 3 + 4 + 3 });
    expect(res.counts.units).toBe(32); // the Bộ already existed
    expect(s.tables.people).toBe(res.counts.people);
    expect(s.tables.people).toBeGreaterThan(150);
    await expect(run(11)).rejects.toThrow(/đã có 33 đơn vị.*--force/);
  });

  it('cây đơn vị: mọi trường tới được Sở qua bảng bao đóng; trường của xã thuộc Phòng VH-XH, cấp trên chuyên môn là Sở', async () => {
    const { db } = env().deps.database;
    const so = await db.selectFrom('units').selectAll().where('code', '=', 'SGDDT-42').executeTakeFirstOrThrow();
    expect(so.name).toBe('Sở Giáo dục và Đào tạo Hà Tĩnh');
    const schools = await db.selectFrom('units').selectAll().where('kind', 'in', [...SCHOOL_KINDS]).execute();
    const reach = await db.selectFrom('unit_closure').select(['descendant_id', 'depth']).where('ancestor_id', '=', so.id).where('descendant_id', 'in', schools.map((s) => s.id)).execute();
    expect(reach).toHaveLength(schools.length);
    expect(new Set(reach.map((r) => r.depth))).toEqual(new Set([1]));
    for (const s of schools.filter((x) => ['mn', 'th', 'thcs', 'truong_khac'].includes(x.kind))) {
      const parent = await db.selectFrom('units').select(['kind', 'parent_id']).where('id', '=', s.parent_id!).executeTakeFirstOrThrow();
      expect(parent.kind).toBe('phong_vhxh');
      expect(s.prof_parent_id).toBe(so.id);
      const ubndXa = await db.selectFrom('unit_closure').innerJoin('units', 'units.id', 'unit_closure.ancestor_id').select(['units.kind', 'unit_closure.depth']).where('descendant_id', '=', s.id).where('units.kind', '=', 'ubnd_xa').executeTakeFirstOrThrow();
      expect(ubndXa.depth).toBe(2);
    }
    // Every unit has its own row at depth 0; every tổ reaches the Bộ (tổ → trường → Sở → Bộ).
    const self = await db.selectFrom('unit_closure').select((eb) => eb.fn.countAll<number>().as('n')).where('depth', '=', 0).whereRef('ancestor_id', '=', 'descendant_id').executeTakeFirstOrThrow();
    expect(Number(self.n)).toBe(33);
    const bo = await db.selectFrom('units').select('id').where('kind', '=', 'bo').executeTakeFirstOrThrow();
    const toDepths = await db.selectFrom('unit_closure').innerJoin('units', 'units.id', 'unit_closure.descendant_id').select('unit_closure.depth').where('ancestor_id', '=', bo.id).where('units.kind', '=', 'to_chuyen_mon').execute();
    expect(toDepths).toHaveLength(17);
    expect(new Set(toDepths.map((r) => r.depth))).toEqual(new Set([3]));
  });

  it('cán bộ có quá trình công tác, tối đa mười năm xếp loại trước năm học hiện tại', async () => {
    const { db } = env().deps.database;
    const year = schoolYearOf(TODAY);
    const r = await sql<{ lo: number; hi: number; most: number }>`select min(school_year) as lo, max(school_year) as hi, max(c) as most from (select person_id, count(*) as c, min(school_year) as school_year from performance_ratings group by person_id) x`.execute(db);
    const years = await db.selectFrom('performance_ratings').select([(eb) => eb.fn.min('school_year').as('lo'), (eb) => eb.fn.max('school_year').as('hi')]).executeTakeFirstOrThrow();
    expect(Number(years.lo)).toBe(year - 10);
    expect(Number(years.hi)).toBe(year - 1);
    expect(Number(r.rows[0].most)).toBe(10);
    const withoutJob = await sql<{ n: number }>`select count(*) as n from people p where not exists (select 1 from employments e where e.person_id = p.id and e.to_date is null and e.unit_id = p.unit_id)`.execute(db);
    expect(Number(withoutJob.rows[0].n)).toBe(0);
    const heads = await db.selectFrom('people').select('position').where('position', 'in', ['Hiệu trưởng', 'Giám đốc Sở', 'Trưởng phòng']).execute();
    expect(heads.filter((h) => h.position === 'Hiệu trưởng')).toHaveLength(4);
  });

  it('tài khoản sinh ra đăng nhập được: quản trị Sở thấy mọi cán bộ của tỉnh, giáo viên (thành viên Hội đồng của trường) thấy cán bộ của trường mình', async () => {
    const e = env();
    const { db } = e.deps.database;
    const so = await db.selectFrom('units').select('id').where('code', '=', 'SGDDT-42').executeTakeFirstOrThrow();
    // The Sở reaches its own staff and every school; the Phòng VH-XH belongs to the commune, not to it.
    const all = Number((await db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id').select((eb) => eb.fn.countAll<number>().as('n')).where('units.kind', '!=', 'phong_vhxh').executeTakeFirstOrThrow()).n);
    const admin = await e.login('so42.admin', DEMO_PASSWORD);
    const list = await admin.get(`/api/v1/people?withinId=${so.id}&pageSize=5`);
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(all);
    // A teacher account sits on its school's bình xét council (roles individual + council at the school):
    // it reads its own record and the school's staff, nothing beyond the school.
    const teacher = await e.login('gv42.0001', DEMO_PASSWORD);
    const user = await db.selectFrom('users').innerJoin('people', 'people.id', 'users.person_id').select(['users.person_id', 'users.full_name', 'people.unit_id']).where('username', '=', 'gv42.0001').executeTakeFirstOrThrow();
    const own = await teacher.get(`/api/v1/people/${user.person_id}`);
    expect(own.json.fullName).toBe(user.full_name);
    const staff = Number((await db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', user.unit_id).executeTakeFirstOrThrow()).n);
    const seen = await teacher.get('/api/v1/people?pageSize=5');
    expect(seen.json.total).toBe(staff);
    expect((await teacher.get(`/api/v1/people?withinId=${so.id}&pageSize=5`)).status).toBe(404);
  });

  it('cùng seed cho cùng dữ liệu (số dòng, mã, họ tên); seed khác cho người khác', async () => {
    const first = await snapshot();
    await run(11, true);
    const again = await snapshot();
    expect(again.tables).toEqual(first.tables);
    expect(again.kinds).toEqual(first.kinds);
    expect(again.firstPeople).toEqual(first.firstPeople);
    expect(first.firstPeople[0].full_name).toMatch(/^\p{Lu}\p{Ll}+ /u);
    await run(12, true);
    const other = await snapshot();
    expect(other.firstPeople.map((p) => p.full_name)).not.toEqual(first.firstPeople.map((p) => p.full_name));
    // --force empties everything, admin is recreated at the Bộ.
    const admin = await env().login('admin', ADMIN_PASSWORD);
    expect((await admin.get('/api/v1/auth/me')).json.roles[0].unitName).toBe('Bộ Giáo dục và Đào tạo');
  });

  it('một bước sinh dữ liệu mới gắn thêm được (đọc mô hình tỉnh, ghi bảng của nó) mà không đổi dữ liệu của các bước khác', async () => {
    const before = await snapshot();
    const settingsSpec = { table: 'settings', columns: [['key', 'text'], ['value', 'text'], ['updated_at', 'text']] as [string, 'text'][] };
    const extra: TScaleStep = {
      name: 'school-count',
      async perProvince(ctx, model) {
        const r = model.random('school-count');
        await ctx.write(settingsSpec, [`scale.schools.${model.code}`, JSON.stringify({ schools: model.schools.length, staff: model.people.length, draw: r.int(1, 6) }), ctx.now]);
      },
    };
    const res = await run(12, true, [...DEFAULT_STEPS, extra]);
    expect(res.counts.settings).toBe(1);
    const row = await env().deps.database.db.selectFrom('settings').select('value').where('key', '=', 'scale.schools.42').executeTakeFirstOrThrow();
    expect(JSON.parse(row.value)).toMatchObject({ schools: 5, staff: before.tables.people });
    const after = await snapshot();
    expect(after.firstPeople).toEqual(before.firstPeople);
  });
}, { demo: false });

it('kế hoạch toàn quốc: 34 tỉnh, 3.321 xã, ≈ 54.000 cơ sở, ≈ 1,66 triệu cán bộ; một tỉnh sinh riêng giống hệt phần của nó', () => {
  const national = summarize(planFor('national', 7));
  expect(national.provinces).toBe(34);
  expect(national.communes).toBe(3321);
  expect(national.institutions).toBe(NATIONAL_INSTITUTIONS);
  expect(NATIONAL_INSTITUTIONS).toBe(53_979);
  expect(national.byKind.mn).toBe(NATIONAL_SCHOOLS.mn);
  expect(national.expectedStaff).toBeGreaterThan(1_600_000);
  expect(national.expectedStaff).toBeLessThan(1_700_000);
  const alone = planFor('province', 7, '42')[0];
  expect(planFor('national', 7).find((p) => p.code === '42')).toEqual(alone);
});
