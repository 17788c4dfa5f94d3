import { describe, expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('đăng nhập, phiên, CSRF', (env) => {
  it('đăng nhập đúng trả về vai trò và đặt cookie HttpOnly, SameSite', async () => {
    const res = await env().app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'so.tdkt', password: 'demo-pass-123' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/thidua_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await res.json();
    expect(me.roles[0]).toMatchObject({ role: 'officer', roleLabel: 'Cán bộ TĐKT', unitName: 'Sở Giáo dục và Đào tạo Hà Tĩnh' });
  });

  it('sai mật khẩu: thông báo chung, không lộ tài khoản có tồn tại hay không', async () => {
    const a = await env().anonymous().post('/api/v1/auth/login', { username: 'so.giamdoc', password: 'sai-mat-khau-1' });
    const b = await env().anonymous().post('/api/v1/auth/login', { username: 'khong.ton.tai', password: 'sai-mat-khau-1' });
    expect(a.status).toBe(401);
    expect(a.json.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(b.json.error.message).toBe(a.json.error.message);
  });

  it('khoá tạm thời sau 5 lần sai, kể cả khi lần sau đúng mật khẩu', async () => {
    const anon = env().anonymous();
    for (let i = 0; i < 5; i++) await anon.post('/api/v1/auth/login', { username: 'pdp.hoidong', password: `sai-${i}-abcdef` });
    const locked = await anon.post('/api/v1/auth/login', { username: 'pdp.hoidong', password: 'demo-pass-123' });
    expect(locked.status).toBe(429);
    expect(locked.json.error.message).toMatch(/tạm khoá, thử lại sau \d+ phút/);
  });

  it('không có phiên → 401; thay đổi dữ liệu không có mã CSRF → 403', async () => {
    expect((await env().anonymous().get('/api/v1/people')).status).toBe(401);
    const c = await env().login('so.tdkt');
    const noCsrf = await c.request('PATCH', `/api/v1/units/${await env().unitId('SGDDT-42')}`, { phone: '0239 000', effectiveDate: '2026-01-01' }, { 'x-csrf-token': 'sai' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.json.error.code).toBe('CSRF');
    const crossSite = await c.request('POST', '/api/v1/auth/logout', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('đổi mật khẩu: sai mật khẩu cũ bị từ chối, mật khẩu yếu bị từ chối, đổi xong đăng nhập bằng mật khẩu mới', async () => {
    const c = await env().login('pdp.tdkt');
    const wrong = await c.post('/api/v1/auth/change-password', { currentPassword: 'khong-dung-1', newPassword: 'MatKhauMoi2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toBe('Mật khẩu hiện tại không đúng');
    const weak = await c.post('/api/v1/auth/change-password', { currentPassword: 'demo-pass-123', newPassword: 'ngan1' });
    expect(weak.json.error.message).toBe('Mật khẩu phải có ít nhất 10 ký tự');
    const ok = await c.post('/api/v1/auth/change-password', { currentPassword: 'demo-pass-123', newPassword: 'MatKhauMoi2026' });
    expect(ok.status).toBe(200);
    await expect(env().login('pdp.tdkt')).rejects.toThrow(/401/);
    const again = await env().login('pdp.tdkt', 'MatKhauMoi2026');
    expect((await again.get('/api/v1/auth/me')).json.username).toBe('pdp.tdkt');
  });

  it('mật khẩu chỉ lưu dạng băm argon2id', async () => {
    const rows = await env().deps.database.db.selectFrom('users').select('password_hash').execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('đăng xuất xoá phiên: cookie cũ không dùng được nữa', async () => {
    const c = await env().login('so.giamdoc');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('không yêu cầu GET nào làm thay đổi dữ liệu (nhật ký không thêm dòng)', async () => {
    const e = env();
    const c = await e.login('admin');
    const doc = (await c.get('/api/openapi.json')).json;
    const before = await e.deps.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const unitId = await e.unitId('THPT-42-01');
    let called = 0;
    for (const [p, ops] of Object.entries<any>(doc.paths)) {
      if (!ops.get) continue;
      const url = '/api/v1' + p.replace('{id}', p.startsWith('/jobs') ? '1' : unitId).replace('{kind}', 'people');
      const res = await c.get(url);
      expect(res.status, url).toBeLessThan(500);
      called++;
    }
    expect(called).toBeGreaterThan(10);
    const after = await e.deps.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});


describeOnBothDatabases('đăng nhập sai đồng thời', (env) => {
  it('nhiều lần sai cùng lúc không gây lỗi máy chủ và vẫn khoá tài khoản', async () => {
    const anon = env().anonymous();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => anon.post('/api/v1/auth/login', { username: 'xa.vhxh', password: `sai-dong-thoi-${i}` })));
    for (const r of results) expect([401, 429]).toContain(r.status);
    const after = await anon.post('/api/v1/auth/login', { username: 'xa.vhxh', password: 'demo-pass-123' });
    expect(after.status).toBe(429);
  });
});
