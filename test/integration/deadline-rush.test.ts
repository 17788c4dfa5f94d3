// The deadline-rush load test (issue #9) at a small size, on both databases: school-scale generated data, the
// app listening on a loopback port, 15 users (teachers on their schools' councils, one school officer, one Sở
// officer) for a few seconds — no request fails, every ballot is counted, the school's report is sent, and a
// second run on the same data (sessions left open, the report already sent) is just as clean.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateData } from '../../src/server/scale/generate';
import { rushRoles, runDeadlineRush, type TRushOptions } from '../../src/server/scale/rush';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases } from './harness';

const OPTIONS: Omit<TRushOptions, 'url'> = {
  users: 15, seconds: 5, requests: 6, thinkMs: 50, rampSeconds: 1, officerEvery: 10, schoolOfficerEvery: 10, provinces: ['42'], password: DEMO_PASSWORD,
};

it('vai trò theo chỉ số người dùng: nhóm 5 giáo viên một trường, cán bộ trường, cán bộ Sở; đủ tài khoản cho quy mô tỉnh và toàn quốc', () => {
  const roles = rushRoles(OPTIONS);
  expect(roles.filter((r) => r.kind === 'so').map((r) => r.username)).toEqual(['so42.tdkt']);
  expect(roles.filter((r) => r.kind === 'vp').map((r) => r.username)).toEqual(['vp42.01']);
  const teachers = roles.filter((r) => r.kind === 'teacher');
  expect(teachers.map((r) => r.username)).toEqual(Array.from({ length: 13 }, (_, t) => `gv42.${String(t + 1).padStart(4, '0')}`));
  expect(teachers.map((r) => (r.kind === 'teacher' ? r.group : -1))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2]);
  // Province scale (200 teacher accounts = 40 groups per province): 200 users stay within them.
  const province = rushRoles({ ...OPTIONS, users: 200 });
  expect(Math.max(...province.map((r) => (r.kind === 'so' ? 0 : r.group)))).toBeLessThan(40);
  expect(new Set(province.filter((r) => r.kind !== 'so').map((r) => r.username)).size).toBe(province.filter((r) => r.kind !== 'so').length);
  // National (34 provinces, 10 teacher accounts = 2 groups each): at most 10 teachers and 2 school officers per province.
  const codes = Array.from({ length: 34 }, (_, i) => String(i + 1).padStart(2, '0'));
  const national = rushRoles({ ...OPTIONS, users: 200, provinces: codes });
  for (const code of codes) {
    const mine = national.filter((r) => r.province === code);
    expect(mine.filter((r) => r.kind === 'teacher').length).toBeLessThanOrEqual(10);
    expect(mine.filter((r) => r.kind === 'vp').length).toBeLessThanOrEqual(2);
  }
});

describeOnBothDatabases('giờ cao điểm: giáo viên bỏ phiếu, trường gửi báo cáo, Sở theo dõi (qua HTTP, quy mô trường)', (env) => {
  let server: ReturnType<typeof serve>;
  let url = '';

  beforeAll(async () => {
    const e = env();
    await generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed: 7, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD });
    await new Promise<void>((resolve) => { server = serve({ fetch: e.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve()); });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => { await new Promise<void>((r) => server.close(() => r())); });

  it('tài khoản theo nhóm: 5 giáo viên cùng một trường (cá nhân + Hội đồng), một cán bộ TĐKT của trường', async () => {
    const { db } = env().deps.database;
    const roles = await db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').innerJoin('units', 'units.id', 'user_roles.unit_id')
      .select(['users.username', 'users.person_id', 'user_roles.role', 'units.code', 'user_roles.unit_id']).where('users.username', 'like', '%42.%').orderBy('users.username').execute();
    const of = (u: string) => roles.filter((r) => r.username === u);
    expect(of('gv42.0001').map((r) => r.role).sort()).toEqual(['council', 'individual']);
    const schoolOf = (u: string) => of(u)[0].code;
    expect(new Set(['gv42.0001', 'gv42.0002', 'gv42.0003', 'gv42.0004', 'gv42.0005', 'vp42.01'].map(schoolOf))).toEqual(new Set(['THPT-42-001']));
    expect(of('vp42.01').map((r) => r.role)).toEqual(['officer']);
    expect(schoolOf('gv42.0006')).not.toBe('THPT-42-001');
    expect(schoolOf('vp42.02')).toBe(schoolOf('gv42.0006'));
    expect(roles.filter((r) => r.username.startsWith('gv42.') && r.role === 'individual')).toHaveLength(20);
    expect(new Set(roles.filter((r) => r.username.startsWith('vp42.')).map((r) => r.username)).size).toBe(4);
    // Each teacher account is linked to a teacher of the school it has its roles at.
    for (const r of roles.filter((x) => x.username.startsWith('gv42.'))) {
      const p = await db.selectFrom('people').select(['unit_id', 'staff_category']).where('id', '=', r.person_id!).executeTakeFirstOrThrow();
      expect(p.unit_id).toBe(r.unit_id);
      expect(p.staff_category).toBe('Giáo viên');
    }
  });

  const rushOnce = async (extra: Partial<TRushOptions> = {}) => {
    const res = await runDeadlineRush({ ...OPTIONS, ...extra, url });
    expect(res.errors).toEqual([]);
    expect(res.overall.errors).toBe(0);
    expect(res.checks.ballots).toMatchObject({ expected: 13, counted: 13 });
    expect(res.checks.ballots.sessions.map((s) => s.voters)).toEqual([5, 5, 3]);
    expect(res.checks.reports).toMatchObject({ expected: 1, submitted: 1 });
    const actions = res.rows.map((r) => r.action);
    for (const a of ['Hội đồng: xem phiên bình xét', 'Hội đồng: bỏ phiếu kín', 'Trường: lưu nháp số liệu', 'Trường: gửi báo cáo', 'Sở: tìm cán bộ trong tỉnh']) expect(actions).toContain(a);
    expect(res.rows.find((r) => r.action === 'Hội đồng: bỏ phiếu kín')!.n).toBe(13);
    expect(res.rows.find((r) => r.action === 'Trường: gửi báo cáo')!.n).toBe(1);
    return res;
  };

  it('15 người dùng: không lỗi, mọi phiếu được ghi nhận, báo cáo của trường đã gửi', async () => {
    await rushOnce();
    const { db } = env().deps.database;
    const sessions = await db.selectFrom('review_sessions').select(['status']).where('name', '=', 'Bình xét thi đua (thử tải giờ cao điểm)').execute();
    expect(sessions.map((s) => s.status)).toEqual(['voting', 'voting', 'voting']);
  });

  it('chạy lại trên cùng dữ liệu (đăng nhập hết rồi mới cùng bắt đầu): phiên cũ được kết thúc, báo cáo đã gửi được trả lại rồi gửi lại, vẫn không lỗi', async () => {
    const res = await rushOnce({ loginsFirst: true });
    expect(res.rows.find((r) => r.action === 'Đăng nhập')!.n).toBe(OPTIONS.users);
    const { db } = env().deps.database;
    const sessions = await db.selectFrom('review_sessions').select(['status']).where('name', '=', 'Bình xét thi đua (thử tải giờ cao điểm)').execute();
    expect(sessions.map((s) => s.status).sort()).toEqual(['closed', 'closed', 'closed', 'voting', 'voting', 'voting']);
  });
}, { demo: false });
