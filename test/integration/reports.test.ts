import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, download, type TClient } from './harness';
import { runReportRemindJob } from '../../src/server/reports/reminders';

// A local SMTP sink: every message the app sends lands here.
const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;
beforeAll(async () => {
  smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData(stream, session, cb) {
    let raw = '';
    stream.on('data', (c) => { raw += c.toString('utf8'); });
    stream.on('end', () => { mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw }); cb(); });
  } });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => { await new Promise<void>((r) => smtp.close(() => r())); });

/** Decodes a quoted-printable / base64 MIME body enough to search it for Vietnamese text. */
function mailText(raw: string): string {
  const [, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const qp = body.replace(/=\r?\n/g, '');
  return Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

const SECTIONS = [
  { title: 'I. Thủ tục hành chính', items: [{ code: 'tthc_received' }, { code: 'tthc_on_time' }, { code: 'tthc_late' }, { code: 'tthc_online_full' }, { code: 'tthc_online_partial' }, { code: 'tthc_on_time_rate', target: 100 }, { code: 'tthc_online_rate', target: 90 }] },
  { title: 'II. Hài lòng', items: [{ code: 'satisfaction_rate', target: 90 }, { code: 'ket_qua_noi_bat', required: false }] },
];

describeOnBothDatabases('báo cáo định kỳ CCHC: mẫu, nộp, tiếp nhận, trả lại, tổng hợp, xếp hạng, nhắc hạn, Excel', (env) => {
  const ids: Record<string, string> = {};
  let so: TClient, pdp: TClient, ts: TClient;

  it('the Sở defines a quarterly form for its CCHC plan; bad forms are refused with Vietnamese messages', async () => {
    const e = env();
    so = await e.login('so.tdkt');
    pdp = await e.login('pdp.tdkt');
    for (const code of ['THPT-42-01', 'THPT-42-02', 'THPT-42-03', 'SGDDT-42']) ids[code] = await e.unitId(code);
    const plan = await so.post('/api/v1/plans/from-catalogue', { unitId: ids['SGDDT-42'], code: 'cai-cach-hanh-chinh', schoolYear: 2026 });
    expect(plan.status).toBe(200);
    ids.plan = plan.json.id;
    const draftForm = await so.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', sections: SECTIONS, unitIds: [ids['THPT-42-01']] });
    expect(draftForm.status).toBe(409);
    expect(draftForm.json.error.message).toContain('đã ban hành');
    await e.deps.database.db.updateTable('plans').set({ state: 'in_progress', issued_date: '2026-09-05' }).where('id', '=', ids.plan).execute();

    const unknown = await so.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', sections: [{ title: 'A', items: [{ code: 'khong_co' }] }], unitIds: [ids['THPT-42-01']] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain('không có trong danh mục');
    const noTotal = await so.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', sections: [{ title: 'A', items: [{ code: 'tthc_on_time_rate' }] }], unitIds: [ids['THPT-42-01']] });
    expect(noTotal.status).toBe(400);
    expect(noTotal.json.error.message).toContain('cần có trong mẫu');
    const outside = await so.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', sections: SECTIONS, unitIds: [ids['SGDDT-42']] });
    expect(outside.status).toBe(400);
    const bySchool = await pdp.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', sections: SECTIONS, unitIds: [ids['THPT-42-01']] });
    expect(bySchool.status).toBe(404);

    const form = await so.post('/api/v1/reports/forms', { planId: ids.plan, title: 'Báo cáo CCHC quý', schedule: 'quarterly', dueDays: 10, sections: SECTIONS, unitIds: [ids['THPT-42-01'], ids['THPT-42-02'], ids['THPT-42-03']] });
    expect(form.status).toBe(200);
    ids.form = form.json.id;
    expect(form.json.periods.map((p: any) => p.label)).toEqual(['Quý III/2026', 'Quý IV/2026', 'Quý I/2027', 'Quý II/2027']);
    expect(form.json.periods[0].dueDate).toBe('2026-10-10');
    for (const p of form.json.periods) ids[p.kind] = p.id;
    expect(form.json.units).toHaveLength(3);
    const audit = await e.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', ids.form).execute();
    expect(audit.map((a) => a.action)).toContain('report.form.create');
  });

  it('a school fills its report: period not open, percent over 100, part over total are refused and nothing is saved', async () => {
    const notOpen = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids.q2 });
    expect(notOpen.status).toBe(409);
    expect(notOpen.json.error.message).toContain('chưa mở');
    const open = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids.q4 });
    expect(open.status).toBe(200);
    expect(open.json.unit.id).toBe(ids['THPT-42-01']);
    expect(open.json.state).toBe('draft');
    ids.pdpQ4 = open.json.id;
    const again = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids.q4 });
    expect(again.json.id).toBe(ids.pdpQ4);

    const pct = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 100, tthc_on_time: 90, satisfaction_rate: 120 } });
    expect(pct.status).toBe(400);
    expect(pct.json.error.message).toContain('không được vượt quá 100%');
    const part = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 100, tthc_on_time: 120 } });
    expect(part.status).toBe(400);
    expect(part.json.error.message).toContain('không được lớn hơn số hồ sơ tthc tiếp nhận');
    const sum = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 100, tthc_on_time: 90, tthc_late: 20 } });
    expect(sum.status).toBe(400);
    expect(sum.json.error.message).toContain('vượt quá');
    const still = await pdp.get(`/api/v1/reports/submissions/${ids.pdpQ4}`);
    expect(still.json.values).toEqual({});

    const early = await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ4}/submit`);
    expect(early.status).toBe(400);
    expect(early.json.error.message).toContain('Chưa nhập đủ số liệu');

    const ok = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 100, tthc_on_time: 90, tthc_late: 10, tthc_online_full: 50, tthc_online_partial: 30, satisfaction_rate: 95 } });
    expect(ok.status).toBe(200);
    expect(ok.json.values.tthc_on_time_rate).toBe(90);
    expect(ok.json.values.tthc_online_rate).toBe(80);
  });

  it('evidence of the wrong type or too large is refused; a PDF is attached', async () => {
    const bad = new FormData();
    bad.append('file', new File([new TextEncoder().encode('chỉ là văn bản')], 'ghi-chu.txt', { type: 'text/plain' }));
    const r1 = await pdp.upload(`/api/v1/reports/submissions/${ids.pdpQ4}/evidence`, bad);
    expect(r1.status).toBe(415);
    expect(r1.json.error.message).toContain('PDF');
    const big = new Uint8Array(3 * 1024 * 1024); big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const f2 = new FormData(); f2.append('file', new File([big], 'lon.pdf'));
    const r2 = await pdp.upload(`/api/v1/reports/submissions/${ids.pdpQ4}/evidence`, f2);
    expect(r2.status).toBe(413);
    expect(r2.json.error.message).toContain('quá lớn');
    const pdf = new FormData(); pdf.append('file', new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')], 'minh-chung.pdf')); pdf.append('indicatorCode', 'tthc_received');
    const r3 = await pdp.upload(`/api/v1/reports/submissions/${ids.pdpQ4}/evidence`, pdf);
    expect(r3.status).toBe(200);
    const got = await pdp.get(`/api/v1/reports/submissions/${ids.pdpQ4}`);
    expect(got.json.evidence.map((x: any) => x.fileName)).toEqual(['minh-chung.pdf']);
  });

  it('submit on time, accept; an accepted report cannot change until returned; resubmitted after a return; late flag after the due date', async () => {
    const sent = await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ4}/submit`);
    expect(sent.status).toBe(200);
    expect(sent.json.state).toBe('submitted');
    expect(sent.json.late).toBe(false);
    // The sender sees its report but only the receiver accepts it.
    const byPdpAccept = await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ4}/accept`);
    expect(byPdpAccept.status).toBe(403);
    const acc = await so.post(`/api/v1/reports/submissions/${ids.pdpQ4}/accept`);
    expect(acc.json.state).toBe('accepted');
    const change = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 101 } });
    expect(change.status).toBe(409);
    expect(change.json.error.message).toContain('đã được tiếp nhận');
    const noReason = await so.post(`/api/v1/reports/submissions/${ids.pdpQ4}/return`, { reason: '' });
    expect(noReason.status).toBe(400);
    const ret = await so.post(`/api/v1/reports/submissions/${ids.pdpQ4}/return`, { reason: 'Số hồ sơ trực tuyến chưa khớp với Cổng dịch vụ công' });
    expect(ret.json.state).toBe('returned');
    expect(ret.json.returnReason).toContain('Cổng dịch vụ công');
    const notes = await pdp.get('/api/v1/notifications');
    expect(notes.json.items.some((n: any) => n.title.includes('bị trả lại'))).toBe(true);
    const fix = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_online_full: 60, tthc_online_partial: 30 } });
    expect(fix.status).toBe(200);
    const again = await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ4}/submit`);
    expect(again.json.state).toBe('submitted');
    expect(again.json.version).toBe(2);

    // Quý III/2026 was due on 10/10/2026: sending it now is late.
    const q3 = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids.q3 });
    await pdp.put(`/api/v1/reports/submissions/${q3.json.id}/values`, { values: { tthc_received: 10, tthc_on_time: 10, tthc_late: 0, tthc_online_full: 10, tthc_online_partial: 0, satisfaction_rate: 100 } });
    const lateSent = await pdp.post(`/api/v1/reports/submissions/${q3.json.id}/submit`);
    expect(lateSent.json.late).toBe(true);
  });

  it('roll-up equals hand-computed sums; ranking shares ranks on ties and lists the unit without a report', async () => {
    const e = env();
    ts = await e.login('so.tdkt');
    const t2 = await ts.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids.q4, unitId: ids['THPT-42-02'] });
    expect(t2.status).toBe(200);
    await ts.put(`/api/v1/reports/submissions/${t2.json.id}/values`, { values: { tthc_received: 50, tthc_on_time: 45, tthc_late: 5, tthc_online_full: 40, tthc_online_partial: 0, satisfaction_rate: 90 } });
    await ts.post(`/api/v1/reports/submissions/${t2.json.id}/submit`);
    // Another school's report is out of reach: 404, nothing about it leaks.
    expect((await pdp.get(`/api/v1/reports/submissions/${t2.json.id}`)).status).toBe(404);
    expect((await pdp.put(`/api/v1/reports/submissions/${t2.json.id}/values`, { values: { tthc_received: 1 } })).status).toBe(404);
    const r = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids.q4}&rankBy=tthc_on_time_rate`);
    expect(r.status).toBe(200);
    // School 01: 100 received, 90 on time, 60 + 30 online; school 02: 50, 45, 40 + 0. School 03 has not reported.
    expect(r.json.totals.tthc_received).toBe(150);
    expect(r.json.totals.tthc_on_time).toBe(135);
    expect(r.json.totals.tthc_on_time_rate).toBe(90);
    expect(r.json.totals.tthc_online_rate).toBe(86.67); // (90 + 40) / 150
    expect(r.json.totals.satisfaction_rate).toBe(92.5);
    expect(r.json.counts).toMatchObject({ total: 3, sent: 2, missing: 1 });
    const rank = r.json.ranking.items;
    expect(rank[0]).toMatchObject({ rank: 1, tied: true, value: 90 });
    expect(rank[1]).toMatchObject({ rank: 1, tied: true, value: 90 });
    expect(rank[2]).toMatchObject({ unitId: ids['THPT-42-03'], rank: null, note: 'Chưa báo cáo' });
    const byOnline = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids.q4}&rankBy=tthc_online_rate`);
    expect(byOnline.json.ranking.items.map((i: any) => [i.unitId, i.rank])).toEqual([[ids['THPT-42-01'], 1], [ids['THPT-42-02'], 2], [ids['THPT-42-03'], null]]);
    const composite = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids.q4}&rankBy=composite&weights=tthc_online_rate:2,satisfaction_rate:1`);
    // Scaled 0–100 between the two: school 01 = (2·100 + 1·100) / 3 = 100, school 02 = 0.
    expect(composite.json.ranking.items.slice(0, 2).map((i: any) => i.value)).toEqual([100, 0]);
    expect(r.json.trend.map((t: any) => [t.label, t.reported, t.totals.tthc_received])).toEqual([['Quý III/2026', 1, 10], ['Quý IV/2026', 2, 150]]);
    const mine = await pdp.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids.q4}&unitId=${ids['THPT-42-01']}`);
    expect(mine.json.rows).toHaveLength(1);
    const xa = await e.login('xa.vhxh');
    expect((await xa.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids.q4}`)).status).toBe(404);
    const board = await so.get(`/api/v1/reports/board?formId=${ids.form}&periodId=${ids.q4}`);
    expect(board.json.counts.notReported).toBe(1);
    expect(board.json.items[0]).toMatchObject({ unitId: ids['THPT-42-03'], stateLabel: 'Chưa báo cáo' });
  });

  it('reminders: by hand and by the scheduled job, in the app and by e-mail with the unit name', async () => {
    const e = env();
    const unitName = (await e.deps.database.db.selectFrom('units').select('name').where('id', '=', ids['THPT-42-03']).executeTakeFirstOrThrow()).name;
    await e.deps.database.db.updateTable('units').set({ email: `thpt03-${e.kind}@truong.edu.vn` }).where('id', '=', ids['THPT-42-03']).execute();
    e.config.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    const before = mails.length;
    const res = await so.post(`/api/v1/reports/periods/${ids.q4}/remind`, {});
    expect(res.status).toBe(200);
    expect(res.json.units.map((u: any) => u.unitId)).toEqual([ids['THPT-42-03']]);
    expect(res.json.emailsSent).toBe(1);
    const got = mails.slice(before).find((m) => m.to.includes(`thpt03-${e.kind}@truong.edu.vn`));
    expect(got).toBeTruthy();
    expect(mailText(got!.raw)).toContain(unitName);
    // The job: Quý IV/2026 is due 10/01/2027; three days before, the unit gets a due-soon notice once.
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    const job1 = await runReportRemindJob({ today: '2027-01-08' }, { database: e.deps.database, progress: async () => undefined });
    const job2 = await runReportRemindJob({ today: '2027-01-08' }, { database: e.deps.database, progress: async () => undefined });
    delete process.env.SMTP_URL;
    expect(job1.remindedUnits).toBeGreaterThanOrEqual(1);
    expect(job2.remindedUnits).toBe(0);
    const rows = await e.deps.database.db.selectFrom('report_reminders').select(['kind', 'unit_id']).where('period_id', '=', ids.q4).execute();
    expect(rows.filter((r) => r.kind === 'due_soon').map((r) => r.unit_id)).toEqual([ids['THPT-42-03']]);
    const board = await so.get(`/api/v1/reports/board?formId=${ids.form}&periodId=${ids.q4}`);
    expect(board.json.items[0].reminders).toBe(2);
  });

  it('Excel: export, dry run reports every bad row, apply; a second export matches', async () => {
    const e = env();
    const x = await download(e, 'so.tdkt', `/api/v1/reports/rollup.xlsx?formId=${ids.form}&periodId=${ids.q4}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as any);
    const ws = wb.worksheets[0];
    const codes = (ws.getRow(1).values as any[]).slice(1);
    expect(codes.slice(0, 4)).toEqual(['ma_don_vi', 'ten_don_vi', 'trang_thai', 'tthc_received']);
    const col = (c: string) => codes.indexOf(c) + 1;
    const rowOf = (code: string) => { let n = 0; ws.eachRow((r, i) => { if (r.getCell(1).value === code) n = i; }); return ws.getRow(n); };
    expect(rowOf('THPT-42-01').getCell(col('tthc_received')).value).toBe(100);
    const totals = rowOf('TONG');
    expect(totals.getCell(col('tthc_received')).value).toBe(150);
    // Fill school 03's row, with one bad figure first.
    const r3 = rowOf('THPT-42-03');
    const fill = { tthc_received: 40, tthc_on_time: 40, tthc_late: 0, tthc_online_full: 36, tthc_online_partial: 2, satisfaction_rate: 130 } as Record<string, number>;
    for (const [k, v] of Object.entries(fill)) r3.getCell(col(k)).value = v;
    const post = async (dryRun: '0' | '1') => {
      const f = new FormData();
      f.append('file', new File([Buffer.from(await wb.xlsx.writeBuffer())], 'so-lieu.xlsx'));
      return so.upload(`/api/v1/reports/import?formId=${ids.form}&periodId=${ids.q4}&dryRun=${dryRun}`, f);
    };
    const dry = await post('1');
    expect(dry.status).toBe(200);
    // Rows 01 and 02 are already sent (not overwritten), row 03 has a percent over 100: three bad rows.
    expect(dry.json.errors.map((x: any) => x.unitCode).sort()).toEqual(['THPT-42-01', 'THPT-42-02', 'THPT-42-03']);
    expect(dry.json.errors.find((x: any) => x.unitCode === 'THPT-42-03').message).toContain('100%');
    const refused = await post('0');
    expect(refused.json.applied).toBe(false);
    r3.getCell(col('satisfaction_rate')).value = 85;
    ws.spliceRows(rowOf('THPT-42-01').number, 1);
    ws.spliceRows(rowOf('THPT-42-02').number, 1);
    const dry2 = await post('1');
    expect(dry2.json).toMatchObject({ valid: 1, errors: [], applied: false });
    const applied = await post('0');
    expect(applied.json.applied).toBe(true);
    const board = await so.get(`/api/v1/reports/board?formId=${ids.form}&periodId=${ids.q4}`);
    const s3 = board.json.items.find((i: any) => i.unitId === ids['THPT-42-03']);
    expect(s3.state).toBe('draft');
    const sub = await so.get(`/api/v1/reports/submissions/${s3.submissionId}`);
    expect(sub.json.values).toMatchObject({ tthc_received: 40, tthc_online_rate: 95, satisfaction_rate: 85 });
  });

  it('the CCHC catalogue is seeded with citations and editable by the province level only (audited)', async () => {
    const e = env();
    const list = await so.get('/api/v1/reports/indicators');
    expect(list.status).toBe(200);
    const online = list.json.items.find((i: any) => i.code === 'tthc_online_full');
    expect(online.citation).toContain('NĐ 42/2022');
    expect(list.json.items.find((i: any) => i.code === 'papi_tham_gia').max).toBe(10);
    const bySchool = await pdp.patch('/api/v1/reports/indicators/satisfaction_rate', { name: 'Tỷ lệ hài lòng (sửa)' });
    expect(bySchool.status).toBe(403);
    const badMax = await so.patch('/api/v1/reports/indicators/satisfaction_rate', { max: 120 });
    expect(badMax.status).toBe(400);
    const edited = await so.patch('/api/v1/reports/indicators/satisfaction_rate', { name: 'Tỷ lệ hài lòng của người dân, phụ huynh học sinh', citation: 'Kết quả khảo sát SIPAS của tỉnh' });
    expect(edited.status).toBe(200);
    expect((await so.get('/api/v1/reports/indicators')).json.items.find((i: any) => i.code === 'satisfaction_rate').name).toBe('Tỷ lệ hài lòng của người dân, phụ huynh học sinh');
    const audit = await e.deps.database.db.selectFrom('audit_log').select(['action', 'before_json']).where('entity_id', '=', '42:satisfaction_rate').execute();
    expect(audit.map((a) => a.action)).toEqual(['report.indicator.update']);
    expect(audit[0].before_json).toContain('Tỷ lệ hài lòng của người dân, tổ chức');
    const created = await so.post('/api/v1/reports/indicators', { code: 'so_sang_kien', name: 'Số sáng kiến CCHC được công nhận', type: 'number', aggregate: 'sum' });
    expect(created.status).toBe(200);
    const dup = await so.post('/api/v1/reports/indicators', { code: 'so_sang_kien', name: 'Trùng mã', type: 'number' });
    expect(dup.status).toBe(409);
    const spec = await e.app.request('/api/openapi.json');
    expect(Object.keys((await spec.json()).paths).filter((k: string) => k.includes('/reports/') || k.endsWith('/reports')).length).toBeGreaterThanOrEqual(15);
  });

  it('sơ kết draft from the data; after the plan closes no report is taken', async () => {
    const e = env();
    const draft = await so.post('/api/v1/reports/summaries', { formId: ids.form, periodId: ids.q4, kind: 'so_ket' });
    expect(draft.status).toBe(200);
    const doc = await so.get(`/api/v1/documents/${draft.json.documentId}`);
    expect(doc.status).toBe(200);
    expect(doc.json.status).toBe('draft');
    expect(JSON.stringify(doc.json)).toContain('Có 2/3 đơn vị gửi báo cáo Quý IV/2026');
    await e.deps.database.db.updateTable('plans').set({ state: 'closed' }).where('id', '=', ids.plan).execute();
    const s3 = (await so.get(`/api/v1/reports/board?formId=${ids.form}&periodId=${ids.q4}`)).json.items.find((i: any) => i.unitId === ids['THPT-42-03']);
    const late = await so.post(`/api/v1/reports/submissions/${s3.submissionId}/submit`);
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('Kế hoạch đã kết thúc');
  });
}, { demo: true });
