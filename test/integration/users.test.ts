import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('quản trị tài khoản', (env) => {
  it('quản trị tạo tài khoản với vai trò theo đơn vị; mật khẩu tạm hiển thị một lần và phải đổi khi đăng nhập', async () => {
    const e = env();
    const admin = await e.login('admin');
    const unitId = await e.unitId('THPT-42-02');
    const res = await admin.post('/api/v1/users', { username: 'ts.vanthu', fullName: 'Hồ Thị Thanh', roles: [{ role: 'officer', unitId }] });
    expect(res.status, res.text).toBe(200);
    expect(res.json.user.roles).toEqual([{ role: 'officer', roleLabel: 'Cán bộ TĐKT', unitId, unitName: 'Trường THPT Thành Sen' }]);
    expect(res.json.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const client = await e.login('ts.vanthu', res.json.temporaryPassword);
    expect((await client.get('/api/v1/auth/me')).json.mustChangePassword).toBe(true);
    const stored = await e.deps.database.db.selectFrom('users').select('password_hash').where('username', '=', 'ts.vanthu').executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(res.json.temporaryPassword);
    const dup = await admin.post('/api/v1/users', { username: 'TS.VANTHU', fullName: 'Khác', roles: [{ role: 'officer', unitId }] });
    expect(dup.json.error.message).toBe('Tên đăng nhập ts.vanthu đã được dùng');
  });

  it('vai trò Cá nhân phải gắn hồ sơ cán bộ', async () => {
    const admin = await env().login('admin');
    const res = await admin.post('/api/v1/users', { username: 'gv.moi', fullName: 'Giáo viên mới', roles: [{ role: 'individual', unitId: await env().unitId('THPT-42-02') }] });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('Vai trò Cá nhân phải gắn với hồ sơ một cán bộ');
  });

  it('khoá tài khoản: phiên đang mở bị huỷ, đăng nhập bị từ chối; đặt lại mật khẩu xoá khoá đăng nhập sai', async () => {
    const e = env();
    const admin = await e.login('admin');
    const victim = await e.login('pdp.hoidong');
    const id = (await victim.get('/api/v1/auth/me')).json.id;
    const locked = await admin.patch(`/api/v1/users/${id}`, { isActive: false });
    expect(locked.json.isActive).toBe(false);
    expect((await victim.get('/api/v1/auth/me')).status).toBe(401);
    const again = await e.anonymous().post('/api/v1/auth/login', { username: 'pdp.hoidong', password: 'demo-pass-123' });
    expect(again.status).toBe(401);
    await admin.patch(`/api/v1/users/${id}`, { isActive: true });
    const reset = await admin.post(`/api/v1/users/${id}/reset-password`);
    expect((await e.login('pdp.hoidong', reset.json.temporaryPassword)).csrf).toBeTruthy();
    const rows = (await admin.get(`/api/v1/audit?entityType=user&entityId=${id}`)).json.items.map((a: { action: string }) => a.action);
    expect(rows).toEqual(expect.arrayContaining(['user.update', 'user.reset_password']));
  });

  it('quản trị cấp trường không cấp được quyền ở đơn vị ngoài cây của mình', async () => {
    const e = env();
    const admin = await e.login('admin');
    const school = await e.unitId('THPT-42-01');
    const made = await admin.post('/api/v1/users', { username: 'pdp.quantri', fullName: 'Quản trị trường', password: 'QuanTriTruong2026', roles: [{ role: 'admin', unitId: school }] });
    expect(made.status).toBe(200);
    const schoolAdmin = await e.login('pdp.quantri', 'QuanTriTruong2026');
    const outside = await schoolAdmin.post('/api/v1/users', { username: 'ngoai.pham.vi', fullName: 'Ngoài', roles: [{ role: 'officer', unitId: await e.unitId('SGDDT-42') }] });
    expect([403, 404]).toContain(outside.status);
    const list = (await schoolAdmin.get('/api/v1/users?pageSize=200')).json.items.map((u: { username: string }) => u.username);
    expect(list).toEqual(expect.arrayContaining(['pdp.tdkt', 'pdp.hieutruong', 'pdp.quantri']));
    expect(list).not.toContain('so.tdkt');
  });
});
