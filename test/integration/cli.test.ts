// The `thidua` command as an operator runs it: a real child process against a real database.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

const BIN = path.resolve('bin/thidua.mjs');
const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;

describeOnBothDatabases('lệnh thidua', (env) => {
  const run = (args: string[]) => {
    const e = env();
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: e.config.DATABASE_URL, THIDUA_DATA_DIR: e.config.dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('audit verify: nhật ký toàn vẹn, rồi phát hiện dòng bị sửa (mã thoát 3)', async () => {
    const ok = run(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Nhật ký toàn vẹn: \d+ dòng, chuỗi băm khớp\./);
    const db = env().deps.database.db;
    const first = await db.selectFrom('audit_log').select('seq').orderBy('seq').executeTakeFirstOrThrow();
    await db.updateTable('audit_log').set({ after_json: '{"x":1}' }).where('seq', '=', first.seq).execute();
    const bad = run(['audit', 'verify']);
    expect(bad.code).toBe(3);
    expect(bad.err).toContain(`Dòng ${first.seq} đã bị sửa sau khi ghi`);
  });

  it('user create và reset-password: mật khẩu tạm dùng được để đăng nhập', async () => {
    const created = run(['user', 'create', 'thpt.pdp.vanthu', '--unit', 'THPT-42-01', '--role', 'officer', '--name', 'Nguyễn Thị Văn Thư']);
    expect(created.code, created.err).toBe(0);
    const password = /Mật khẩu tạm: (\S+)/.exec(created.out)![1];
    const client = await env().login('thpt.pdp.vanthu', password);
    const me = (await client.get('/api/v1/auth/me')).json;
    expect(me).toMatchObject({ fullName: 'Nguyễn Thị Văn Thư', mustChangePassword: true });
    const reset = run(['user', 'reset-password', 'thpt.pdp.vanthu']);
    const next = /: (\S+) \(phải đổi/.exec(reset.out)![1];
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    await env().login('thpt.pdp.vanthu', next);
    expect(run(['user', 'create', 'x', '--unit', 'KHONG-CO', '--role', 'officer']).err).toContain('Không có đơn vị mã KHONG-CO');
  });

  it('import people --dry-run in từng dòng lỗi và không ghi; không --dry-run thì ghi', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị']);
    ws.addRow(['Bùi Văn Khánh', '02/02/1983', 'Nam', 'THPT-42-03']);
    ws.addRow(['Bùi Thị Lụa', '2/13/1983', 'Nữ', 'THPT-42-03']);
    const file = path.join(env().config.dataDir, 'cb.xlsx');
    await wb.xlsx.writeFile(file);
    const dry = run(['import', 'people', file, '--as', 'so.tdkt', '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.out).toContain('Dòng 3, cột "Ngày sinh": "2/13/1983" không phải ngày hợp lệ (dd/mm/yyyy)');
    ws.getRow(3).getCell(2).value = '13/02/1983';
    await wb.xlsx.writeFile(file);
    const real = run(['import', 'people', file, '--as', 'so.tdkt']);
    expect(real.code, real.out + real.err).toBe(0);
    expect(real.out).toContain('Đã nhập 2 dòng: 2 thêm mới');
  });

  it('sao lưu và khôi phục giữ nguyên dữ liệu', { timeout: 120_000 }, async (ctx) => {
    const e = env();
    if (e.kind === 'postgres' && !hasPgDump) {
      if (process.env.THIDUA_TEST_STRICT === '1') throw new Error('pg_dump is missing');
      console.warn('skip: pg_dump is not installed');
      ctx.skip();
    }
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bk-')), e.kind === 'sqlite' ? 'thidua.sqlite' : 'thidua.dump');
    const count = async () => Number((await e.deps.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const bk = run(['backup', target]);
    expect(bk.code, bk.err).toBe(0);
    expect(bk.out).toMatch(/Đã sao lưu/);
    await e.deps.database.db.deleteFrom('qualifications').execute();
    // The school's staff and their award history (the demo has ten years of it; awards refer to people).
    const school = await e.unitId('MN-18073-1');
    await e.deps.database.db.deleteFrom('awards').where('person_id', 'in', e.deps.database.db.selectFrom('people').select('id').where('unit_id', '=', school)).execute();
    await e.deps.database.db.deleteFrom('people').where('unit_id', '=', school).execute();
    expect(await count()).toBeLessThan(before);
    if (e.kind === 'sqlite') {
      await e.deps.database.close();
      const rs = run(['restore', target]);
      expect(rs.code, rs.err).toBe(0);
      const { openDatabase } = await import('../../src/server/db/database');
      const reopened = openDatabase({ url: e.config.DATABASE_URL, dataDir: e.config.dataDir });
      const n = Number((await reopened.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(n).toBe(before);
      e.deps.database.db = reopened.db;
      e.deps.database.close = reopened.close;
    } else {
      const rs = run(['restore', target]);
      expect(rs.code, rs.err).toBe(0);
      expect(await count()).toBe(before);
      // The restored tables have planner statistics at once (pg_restore alone leaves them empty).
      const { sql } = await import('kysely');
      const stats = await sql<{ last_analyze: Date | null }>`select last_analyze from pg_stat_user_tables where relname = 'people'`.execute(e.deps.database.db);
      expect(stats.rows[0]?.last_analyze).toBeTruthy();
      expect(rs.out).toContain('VACUUM ANALYZE');
    }
  });
});

it('thidua không tham số in hướng dẫn bằng tiếng Việt', () => {
  const out = execFileSync(process.execPath, [BIN, 'help'], { encoding: 'utf8' });
  expect(out).toContain('Cách dùng: thidua <lệnh> [tham số]');
});
