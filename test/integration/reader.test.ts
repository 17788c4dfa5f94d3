// The document reader over HTTP on both databases: read a real plan, read a scanned PDF (clear
// Vietnamese answer), read several files as a job, and turn a parsed plan into a draft plan.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TTestEnv } from './harness';

const FIXTURES = path.resolve(__dirname, '../fixtures/importer');
const SEED_000 = fs.readdirSync(path.join(FIXTURES, 'seeds')).find((f) => f.startsWith('000_'))!;
const seedBytes = fs.readFileSync(path.join(FIXTURES, 'seeds', SEED_000));
const scannedBytes = fs.readFileSync(path.join(FIXTURES, 'scanned-no-text.pdf'));

const form = (...files: { bytes: Uint8Array; name: string; type?: string }[]) => {
  const f = new FormData();
  for (const x of files) f.append('file', new File([new Uint8Array(x.bytes)], x.name, { type: x.type ?? 'application/octet-stream' }));
  return f;
};

async function runJobs(e: TTestEnv) {
  while (await e.worker.runOne()) { /* run queued jobs now */ }
}

describeOnBothDatabases('đọc văn bản: /reader/parse, /reader/batch, /reader/to-plan', (env) => {
  it('đọc kế hoạch mẫu 000: số 67/KH-TCGC, ngày, cơ quan, căn cứ, kèm vị trí trong văn bản', async () => {
    const so = await env().login('so.tdkt');
    const res = await so.upload('/api/v1/reader/parse', form({ bytes: seedBytes, name: SEED_000, type: 'text/plain' }));
    expect(res.status).toBe(200);
    const p = res.json;
    expect(p.docType.value).toBe('ke_hoach');
    expect(p.number.value).toBe('67/KH-TCGC');
    expect(p.text.slice(p.number.span.start, p.number.span.end)).toContain('67/KH-TCGC');
    expect(p.date.value).toBe('2024-09-26');
    expect(p.issuer.value).toBe('Trường Trung cấp Gò Công');
    expect(p.legalBases.map((b: { number: string | null }) => b.number)).toContain('35/QĐ-UBND');
    // nothing stored
    expect(fs.existsSync(path.join(env().config.THIDUA_DATA_DIR, 'files')) ? fs.readdirSync(path.join(env().config.THIDUA_DATA_DIR, 'files')).length : 0).toBe(0);
  });

  it('PDF quét không có lớp chữ: 422 với thông báo tiếng Việt; tệp ảnh, tệp rỗng: 415, 400', async () => {
    const so = await env().login('so.tdkt');
    const scanned = await so.upload('/api/v1/reader/parse', form({ bytes: scannedBytes, name: 'ban-quet.pdf', type: 'application/pdf' }));
    expect(scanned.status).toBe(422);
    expect(scanned.json.error.code).toBe('SCANNED_PDF');
    expect(scanned.json.error.message).toContain('bản quét');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const image = await so.upload('/api/v1/reader/parse', form({ bytes: png, name: 'anh.png' }));
    expect(image.status).toBe(415);
    expect(image.json.error.message).toContain('Chỉ nhận');
    const none = await so.upload('/api/v1/reader/parse', new FormData());
    expect(none.status).toBe(400);
    expect(none.json.error.message).toContain('Chưa chọn tệp');
  });

  it('chưa đăng nhập: 401', async () => {
    const res = await env().anonymous().upload('/api/v1/reader/parse', form({ bytes: seedBytes, name: SEED_000 }));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toBe('Bạn cần đăng nhập');
  });

  it('đọc nhiều tệp bằng tác vụ nền: tiến độ 100%, mỗi tệp một kết quả, tệp quét báo lỗi riêng', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const start = await so.upload('/api/v1/reader/batch', form({ bytes: seedBytes, name: SEED_000 }, { bytes: scannedBytes, name: 'ban-quet.pdf' }));
    expect(start.status).toBe(200);
    expect(start.json.files).toBe(2);
    await runJobs(e);
    const job = (await so.get(`/api/v1/jobs/${start.json.jobId}`)).json;
    expect(job.status).toBe('done');
    expect(job.progress).toBe(100);
    expect(job.result.read).toBe(1);
    expect(job.result.items[0].fileName).toBe(SEED_000);
    expect(job.result.items[0].parsed.number.value).toBe('67/KH-TCGC');
    expect(job.result.items[1]).toMatchObject({ fileName: 'ban-quet.pdf', ok: false, status: 422 });
    expect(job.result.items[1].message).toContain('bản quét');
  });

  it('tạo dự thảo kế hoạch từ văn bản đã đọc (có sửa tên phong trào): căn cứ, khen thưởng, hồ sơ, năm học', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const parsed = (await so.upload('/api/v1/reader/parse', form({ bytes: seedBytes, name: SEED_000 }))).json;
    parsed.movementName.value = 'Đẩy mạnh cải cách hành chính năm học 2024-2025';
    const res = await so.post('/api/v1/reader/to-plan', { unitId, parsed });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.warnings)).toBe(true);
    const plan = (await so.get(`/api/v1/plans/${res.json.planId}`)).json;
    expect(plan.state).toBe('draft');
    expect(plan.unitId).toBe(unitId);
    expect(plan.movementName).toBe('Đẩy mạnh cải cách hành chính năm học 2024-2025');
    expect(plan.periodFrom).toBe('2024-09-01');
    expect(plan.periodTo).toBe('2025-08-31');
    const body = plan.body;
    expect(body.legalBases.map((b: { text: string }) => b.text).join('\n')).toContain('Quyết định 35/QĐ-UBND ngày 11-1-2024');
    expect(body.legalBases).toHaveLength(4);
    expect(body.awards.map((a: { quota: string; recipient: string }) => `${a.recipient}:${a.quota}`)).toEqual(['collective:1-2', 'individual:1-2', 'individual:1', 'collective:1']);
    expect(body.awards[2].authority).toBe('Sở');
    expect(body.dossier.items[0]).toBe('Tờ trình đề nghị khen thưởng của nhà trường');
    expect(body.purposes[0]).toMatch(/^Nhằm nâng cao nhận thức/);
    expect(body.requirements[0]).toMatch(/^Tăng cường sự lãnh đạo/);
    expect(body.contents[0].title).toMatch(/^Thi đua thực hiện các chỉ tiêu/);
    expect(body.timeline.finalReviewDate).toBe('2024-12-31');
    expect(body.timeline.reportSchedules).toEqual(['quarterly', 'half_year', 'annual']);
  });

  it('số lượng khen thưởng không đọc được: giữ hình thức với số tối đa, hoặc bỏ và cảnh báo', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const parsed = (await so.upload('/api/v1/reader/parse', form({ bytes: seedBytes, name: SEED_000 }))).json;
    parsed.awards[0].quota.value = 'một đến hai';
    parsed.awards[1].quota = null;
    parsed.awards[1].quotaMax = null;
    const res = await so.post('/api/v1/reader/to-plan', { unitId, parsed });
    expect(res.status).toBe(200);
    expect(res.json.warnings.some((w: string) => w.includes('"một đến hai"') && w.includes('tối đa 2'))).toBe(true);
    expect(res.json.warnings.some((w: string) => w.startsWith('Bỏ qua hình thức khen thưởng thứ 2'))).toBe(true);
    const plan = (await so.get(`/api/v1/plans/${res.json.planId}`)).json;
    expect(plan.body.awards).toHaveLength(3);
    expect(plan.body.awards[0]).toMatchObject({ quota: '2', note: 'Số lượng trong văn bản: một đến hai' });
  });

  it('cán bộ trường không tạo được kế hoạch cho Sở; dữ liệu văn bản hỏng: 400', async () => {
    const e = env();
    const pdp = await e.login('pdp.tdkt');
    const so = await e.login('so.tdkt');
    const parsed = (await pdp.upload('/api/v1/reader/parse', form({ bytes: seedBytes, name: SEED_000 }))).json;
    expect(parsed.number.value).toBe('67/KH-TCGC');
    const denied = await pdp.post('/api/v1/reader/to-plan', { unitId: await e.unitId('SGDDT-42'), parsed });
    expect([403, 404]).toContain(denied.status);
    const bad = await so.post('/api/v1/reader/to-plan', { unitId: await e.unitId('SGDDT-42'), parsed: { ...parsed, text: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('parsed.text');
    const own = await pdp.post('/api/v1/reader/to-plan', { unitId: await e.unitId('THPT-42-01'), parsed });
    expect(own.status).toBe(200);
  });
});
