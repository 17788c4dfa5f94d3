import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/audit/audit';
import { enqueueJob } from '../../src/server/jobs/queue';
import { JobWorker } from '../../src/server/jobs/worker';
import { describeOnBothDatabases } from './harness';

describeOnBothDatabases('nhật ký băm chuỗi, tác vụ nền, tệp đính kèm', (env) => {
  it('mỗi thay đổi ghi một dòng nhật ký (ai, khi nào, cũ → mới, lý do) và chuỗi băm kiểm chứng được; sửa một dòng cũ bị phát hiện', async () => {
    const e = env();
    const c = await e.login('admin');
    const unitId = await e.unitId('THPT-42-04');
    await c.patch(`/api/v1/units/${unitId}`, { phone: '0239 3856 001', effectiveDate: '2026-11-20', reason: 'Cập nhật số điện thoại' });
    const rows = (await c.get(`/api/v1/audit?entityType=unit&entityId=${unitId}`)).json.items;
    expect(rows[0]).toMatchObject({ action: 'unit.update', actorName: 'Quản trị hệ thống', before: { phone: null }, after: { phone: '0239 3856 001' }, reason: 'Cập nhật số điện thoại' });
    const ok = await verifyAuditChain(e.deps.database.db);
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(1);
    const target = await e.deps.database.db.selectFrom('audit_log').select('seq').where('entity_id', '=', unitId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await e.deps.database.db.updateTable('audit_log').set({ reason: 'Sửa lén' }).where('seq', '=', target.seq).execute();
    const bad = await verifyAuditChain(e.deps.database.db);
    expect(bad).toMatchObject({ ok: false, firstBadSeq: Number(target.seq), problem: `Dòng ${target.seq} đã bị sửa sau khi ghi` });
    await e.deps.database.db.updateTable('audit_log').set({ reason: 'Cập nhật số điện thoại' }).where('seq', '=', target.seq).execute();
    expect((await verifyAuditChain(e.deps.database.db)).ok).toBe(true);
  });

  it('ghi nhật ký đồng thời vẫn giữ chuỗi liền mạch', async () => {
    const e = env();
    const c = await e.login('admin');
    const ids = await e.deps.database.db.selectFrom('people').select('id').limit(20).execute();
    await Promise.all(ids.map((p, i) => c.patch(`/api/v1/people/${p.id}`, { phone: `09000000${String(i).padStart(2, '0')}` })));
    expect((await verifyAuditChain(e.deps.database.db)).ok).toBe(true);
  });

  it('tác vụ đang chạy khi máy chủ chết được đưa lại hàng đợi và chạy tiếp', async () => {
    const e = env();
    const db = e.deps.database.db;
    const id = await enqueueJob(db, { type: 'test.echo', payload: { n: 7 } });
    // Simulate a worker that claimed the job and died (no heartbeat for two minutes).
    await db.updateTable('jobs').set({ status: 'running', locked_by: 'dead-host:1', heartbeat_at: new Date(Date.now() - 120_000).toISOString(), attempts: 1 }).where('id', '=', id).execute();
    const worker = new JobWorker({ database: e.deps.database, storage: e.deps.storage, log: e.deps.log }).register('test.echo', async (p: { n: number }, h) => { await h.progress(50, 'nửa chừng'); return { doubled: p.n * 2 }; });
    expect(await worker.requeueStale()).toBeGreaterThanOrEqual(1);
    expect(await worker.runOne()).toBe(true);
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', progress: 100, attempts: 2 });
    expect(JSON.parse(job.result!)).toEqual({ doubled: 14 });
  });

  it('hai worker không bao giờ nhận cùng một tác vụ', async () => {
    const e = env();
    const db = e.deps.database.db;
    for (let i = 0; i < 30; i++) await enqueueJob(db, { type: 'test.count', payload: { i } });
    const seen: number[] = [];
    const make = () => new JobWorker({ database: e.deps.database, storage: e.deps.storage, log: e.deps.log }).register('test.count', async (p: { i: number }) => { seen.push(p.i); await new Promise((r) => setTimeout(r, 2)); return null; });
    const [a, b] = [make(), make()];
    const drain = async (w: JobWorker) => { while (await w.runOne()) { /* next */ } };
    await Promise.all([drain(a), drain(b)]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('tệp: kiểm loại theo nội dung, giới hạn dung lượng, lưu theo băm ngoài thư mục web, chỉ người có quyền tải được', async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = (bytes: Uint8Array, name: string) => { const f = new FormData(); f.set('file', new File([bytes as BlobPart], name)); f.set('unitId', unitId); f.set('entityType', 'evidence'); return f; };
    const up = await c.upload('/api/v1/files', form(pdf, '../../minh chứng.pdf'));
    expect(up.status, up.text).toBe(200);
    expect(up.json).toMatchObject({ mime: 'application/pdf', fileName: '.._.._minh chứng.pdf' });
    const stored = e.deps.storage.pathOf(up.json.sha256);
    expect(fs.existsSync(stored)).toBe(true);
    expect(path.basename(stored)).toBe(up.json.sha256);
    const again = await c.upload('/api/v1/files', form(pdf, 'ban-sao.pdf'));
    expect(again.json.sha256).toBe(up.json.sha256);
    const exe = await c.upload('/api/v1/files', form(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]), 'anh.png'));
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toMatch(/^Loại tệp không được chấp nhận/);
    const big = await c.upload('/api/v1/files', form(new Uint8Array(3 * 1024 * 1024).fill(0x41), 'lon.txt'));
    expect(big.status).toBe(413);
    expect(big.json.error.message).toBe('Tệp quá lớn: tối đa 2 MB');
    const dl = await e.app.request(`/api/v1/files/${up.json.id}`, { headers: { cookie: await loginCookie(e, 'pdp.hoidong') } });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf);
    const other = await e.app.request(`/api/v1/files/${up.json.id}`, { headers: { cookie: await loginCookie(e, 'xa.vhxh') } });
    expect(other.status).toBe(404);
    expect((await e.app.request(`/api/v1/files/${up.json.id}`)).status).toBe(401);
  });

  it('chỉ mục cho mọi danh sách lớn có trong cơ sở dữ liệu', async () => {
    const e = env();
    const names = e.kind === 'postgres'
      ? (await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public'`.execute(e.deps.database.db)).rows.map((r) => r.indexname)
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(e.deps.database.db)).rows.map((r) => r.name);
    for (const idx of ['people_province_name_cover_idx', 'people_unit_name_idx', 'unit_closure_desc_idx', 'audit_entity_idx', 'jobs_claim_idx', 'employments_person_idx', 'performance_ratings_person_idx']) expect(names).toContain(idx);
  });
});

async function loginCookie(env: ReturnType<Parameters<typeof describeOnBothDatabases>[1] extends (e: infer E) => void ? never : never> | any, username: string): Promise<string> {
  const res = await env.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-pass-123' }) });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
