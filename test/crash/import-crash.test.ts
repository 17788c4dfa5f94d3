// Crash during an import: the real server (a child process) takes a 20,000-row people file, is killed
// with SIGKILL while it writes, and is started again on the same data. Nothing is half-written (the
// people count is the count before, never in between), the job is put back in the queue once its
// heartbeat is stale (THIDUA_JOB_STALE_SECONDS=3 here) and completes: exactly 20,000 more people.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/server/scale/http-client';

const ROWS = 20_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_PASSWORD = 'admin-pass-123';
const DEMO_PASSWORD = 'demo-pass-123';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function peopleFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị', 'Chức vụ']);
  for (let i = 0; i < ROWS; i++) {
    ws.addRow([`Trần Thị Sự Cố ${i}`, `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${70 + (i % 30)}`, i % 2 ? 'Nữ' : 'Nam', `0428${String(i).padStart(8, '0')}`, 'THPT-42-01', 'Giáo viên']);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('kill -9 máy chủ khi đang nhập 20.000 cán bộ', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-crash-'));
  const dbFile = path.join(dataDir, 'thidua.sqlite');
  let child: ChildProcess | null = null;
  let port = 0;
  let output = '';

  const start = async () => {
    child = spawn(process.execPath, [path.join(ROOT, 'test/crash/server-child.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', THIDUA_DATA_DIR: dataDir, DATABASE_URL: '', THIDUA_ADMIN_PASSWORD: ADMIN_PASSWORD, THIDUA_DEMO_PASSWORD: DEMO_PASSWORD, THIDUA_DEMO: '1', THIDUA_JOB_STALE_SECONDS: '3', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => { output += d; });
    child.stderr!.on('data', (d) => { output += d; });
    const until = Date.now() + 40_000;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`máy chủ dừng khi khởi động:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return;
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`máy chủ không lên sau 40 s:\n${output}`);
  };
  const peek = <T>(fn: (db: SqliteDatabase.Database) => T): T => {
    const db = new SqliteDatabase(dbFile, { readonly: true });
    try { return fn(db); } finally { db.close(); }
  };
  const peopleCount = () => peek((db) => (db.prepare('select count(*) as n from people').get() as { n: number }).n);
  const job = (id: number) => peek((db) => db.prepare('select status, progress, progress_message, attempts, result from jobs where id = ?').get(id) as { status: string; progress: number; progress_message: string | null; attempts: number; result: string | null });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('không ghi dở; tác vụ chạy lại sau khi khởi động và nhập đủ 20.000 người', { timeout: 120_000 }, async () => {
    port = await freePort();
    await start();
    const before = peopleCount();
    expect(before).toBeGreaterThan(1000); // the demo province

    const api = new ApiClient(`http://127.0.0.1:${port}`);
    await api.login('pdp.tdkt', DEMO_PASSWORD);
    const form = new FormData();
    form.set('file', new File([(await peopleFile()) as BlobPart], 'can-bo-20000.xlsx'));
    form.set('dryRun', '0');
    const res = await api.request('POST', '/api/v1/imports/people', form);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const jobId: number = res.json.jobId;

    // Kill the server the moment the job starts writing (its one transaction is open).
    const deadline = Date.now() + 60_000;
    let seen = job(jobId);
    while (Date.now() < deadline && !(seen.progress_message === 'Đang ghi dữ liệu' || seen.status === 'done' || seen.status === 'failed')) {
      await new Promise((r) => setTimeout(r, 10));
      seen = job(jobId);
    }
    expect(seen.status, `tác vụ đã kết thúc trước khi kịp kill: ${JSON.stringify(seen)}`).toBe('running');
    child!.kill('SIGKILL');
    await new Promise<void>((r) => child!.once('exit', () => r()));
    const afterKill = peopleCount();
    expect(afterKill).toBe(before);
    expect(job(jobId).status).toBe('running'); // orphaned: no worker, heartbeat ageing

    // Restart on the same data: the stale job is queued again and completes; the count never stops in between.
    output = '';
    await start();
    const seenCounts = new Set<number>();
    let final = job(jobId);
    const until = Date.now() + 60_000;
    while (Date.now() < until && final.status !== 'done' && final.status !== 'failed') {
      seenCounts.add(peopleCount());
      await new Promise((r) => setTimeout(r, 50));
      final = job(jobId);
    }
    seenCounts.add(peopleCount());
    expect(final.status, JSON.stringify(final)).toBe('done');
    expect(final.attempts).toBe(2);
    expect(JSON.parse(final.result!)).toMatchObject({ applied: true, created: ROWS, errors: [] });
    expect([...seenCounts].every((n) => n === before || n === before + ROWS), `số cán bộ quan sát được: ${[...seenCounts].join(', ')}`).toBe(true);
    expect(peopleCount()).toBe(before + ROWS);

    // Seen through the API too: the school now lists the imported people, once each.
    await api.login('pdp.tdkt', DEMO_PASSWORD);
    const unitId = (await api.get('/api/v1/units?q=THPT-42-01&pageSize=5')).json.items.find((u: { code: string }) => u.code === 'THPT-42-01').id;
    const found = await api.get(`/api/v1/people?q=${encodeURIComponent('tran thi su co 19999')}&unitId=${unitId}`);
    expect(found.json.total).toBe(1);
    expect(found.json.items[0].fullName).toBe('Trần Thị Sự Cố 19999');
  });
});
