import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { readDocxLines } from '../../src/documents';
import { BASE_SALARY_TABLE } from '../../src/rules/data/base-salary';
import { DEMO_PASSWORD, describeOnBothDatabases, type TClient } from './harness';

// pdp (Trường THPT Phan Đình Phùng) sends a dossier to the Sở; the Sở returns it once with a reason, pdp
// resubmits, the Sở accepts, assigns, checks, and the Giám đốc decides; money, history, Excel, public page.
const DECISION_DATE = '2026-11-20';

describeOnBothDatabases('hồ sơ khen thưởng: gửi lên, trả lại, gửi lại, tiếp nhận, quyết định, chi tiền, công khai', (env) => {
  async function bytesOf(username: string, url: string): Promise<{ status: number; bytes: Buffer; type: string | null }> {
    const login = await env().app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await env().app.request(url, { headers: { cookie } });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') };
  }

  async function setup() {
    const db = env().deps.database.db;
    const pdp = await env().unitId('THPT-42-01');
    const so = await env().unitId('SGDDT-42');
    const lan = (await db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id!;
    const others = await db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', pdp).where('id', '!=', lan).orderBy('full_name').limit(2).execute();
    const stranger = await db.selectFrom('people').select('id').where('unit_id', '=', await env().unitId('THPT-42-02')).limit(1).executeTakeFirstOrThrow();
    return { pdp, so, lan, hoa: others[0], minh: others[1], stranger: stranger.id };
  }

  let state: Awaited<ReturnType<typeof setup>> & { dossierId: string; bkItemId: string };
  let pdpOfficer: TClient;
  let soOfficer: TClient;
  let director: TClient;

  it('lập hồ sơ bằng tay: ngoài phạm vi đơn vị gửi thì báo lỗi tiếng Việt, không lưu gì; hợp lệ thì có kết quả kiểm tra điều kiện', async () => {
    const s = await setup();
    pdpOfficer = await env().login('pdp.tdkt');
    soOfficer = await env().login('so.tdkt');
    director = await env().login('so.giamdoc');
    const before = (await pdpOfficer.get('/api/v1/dossiers?box=sent')).json.total;

    const outside = await pdpOfficer.post('/api/v1/dossiers', { senderUnitId: s.pdp, schoolYear: 2025, items: [{ personId: s.lan, titleCode: 'CSTDCS' }, { personId: s.stranger, titleCode: 'LDTT' }] });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toContain('không thuộc Trường THPT Phan Đình Phùng');
    expect((await pdpOfficer.get('/api/v1/dossiers?box=sent')).json.total).toBe(before);

    const res = await pdpOfficer.post('/api/v1/dossiers', {
      senderUnitId: s.pdp, schoolYear: 2025, title: 'Đề nghị khen thưởng năm học 2025-2026',
      items: [
        { personId: s.lan, titleCode: 'CSTDCS', achievements: 'Hoàn thành xuất sắc nhiệm vụ; sáng kiến cấp cơ sở' },
        { personId: s.lan, titleCode: 'LDTT' },
        { personId: s.hoa.id, titleCode: 'LDTT' },
        { personId: s.minh.id, titleCode: 'BK_TINH' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'draft', senderUnitId: s.pdp, receiverUnitId: s.so, itemCount: 4 });
    expect(res.json.items[0]).toMatchObject({ personId: s.lan, titleCode: 'CSTDCS', titleName: 'Chiến sĩ thi đua cơ sở' });
    expect(res.json.items[0].verdict).not.toBeNull();
    expect(['eligible', 'not_eligible', 'needs_review']).toContain(res.json.items[0].verdict.status);
    expect(res.json.timeline.map((t: { action: string }) => t.action)).toEqual(['create']);
    state = { ...s, dossierId: res.json.id, bkItemId: res.json.items[3].id };
  });

  it('cá nhân tự sửa phần báo cáo thành tích của mình, không sửa được của người khác; tải ZIP hồ sơ', async () => {
    const detail = (await pdpOfficer.get(`/api/v1/dossiers/${state.dossierId}`)).json;
    const lanItem = detail.items[0].id;
    const hoaItem = detail.items[2].id;
    const lan = await env().login('gv.lan');
    const own = await lan.put(`/api/v1/dossiers/${state.dossierId}/items/${lanItem}/report`, { duties: ['Giảng dạy Ngữ văn lớp 11A1, 12A3; chủ nhiệm lớp 12A3.'], achievements: ['Học sinh đạt 2 giải cấp tỉnh.'], initiatives: [{ name: 'Dạy học dự án môn Ngữ văn', recognition: 'Công nhận cấp cơ sở năm 2026' }] });
    expect(own.status).toBe(200);
    expect((await lan.get(`/api/v1/dossiers/${state.dossierId}/items/${lanItem}/report`)).json.part.duties).toEqual(['Giảng dạy Ngữ văn lớp 11A1, 12A3; chủ nhiệm lớp 12A3.']);
    expect((await lan.put(`/api/v1/dossiers/${state.dossierId}/items/${hoaItem}/report`, { duties: ['x'] })).status).toBe(403);
    expect((await lan.get(`/api/v1/dossiers/${state.dossierId}`)).status).toBe(403);

    const zip = await bytesOf('pdp.tdkt', `/api/v1/dossiers/${state.dossierId}/zip`);
    expect(zip.status).toBe(200);
    const archive = await JSZip.loadAsync(zip.bytes);
    const files = Object.keys(archive.files);
    expect(files).toContain('01-to-trinh.docx');
    const proposal = (await readDocxLines(await archive.file('01-to-trinh.docx')!.async('nodebuffer'))).join('\n');
    expect(proposal).toContain('TỜ TRÌNH');
    expect(proposal).toContain('Nguyễn Thị Lan');
    expect(proposal).toContain('Chiến sĩ thi đua cơ sở');
    expect(files.filter((f) => f.startsWith('03-bao-cao-thanh-tich/') && f.endsWith('.docx')).length).toBeGreaterThanOrEqual(3);
  });

  it('gửi lên Sở; trả lại phải có lý do; gửi lại; thu hồi được trước khi tiếp nhận, không thu hồi được sau khi tiếp nhận', async () => {
    const id = state.dossierId;
    expect((await pdpOfficer.post(`/api/v1/dossiers/${id}/accept`, {})).status).toBe(404);
    const sent = await pdpOfficer.post(`/api/v1/dossiers/${id}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe('submitted');
    expect((await soOfficer.get('/api/v1/dossiers?box=received&status=submitted')).json.items.map((d: { id: string }) => d.id)).toContain(id);

    const noReason = await soOfficer.post(`/api/v1/dossiers/${id}/return`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain('phải ghi rõ lý do');
    expect((await soOfficer.get(`/api/v1/dossiers/${id}`)).json.status).toBe('submitted');

    const returned = await soOfficer.post(`/api/v1/dossiers/${id}/return`, { reason: 'Thiếu minh chứng sáng kiến của cô Lan' });
    expect(returned.status).toBe(200);
    expect(returned.json).toMatchObject({ status: 'returned', returnReason: 'Thiếu minh chứng sáng kiến của cô Lan' });

    expect((await pdpOfficer.post(`/api/v1/dossiers/${id}/submit`, {})).json.status).toBe('submitted');
    const recalled = await pdpOfficer.post(`/api/v1/dossiers/${id}/recall`, { reason: 'Bổ sung thêm' });
    expect(recalled.json.status).toBe('draft');
    expect((await pdpOfficer.post(`/api/v1/dossiers/${id}/submit`, {})).json.status).toBe('submitted');

    const early = await director.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('Chỉ ban hành quyết định cho hồ sơ đã được tiếp nhận');

    const accepted = await soOfficer.post(`/api/v1/dossiers/${id}/accept`, {});
    expect(accepted.json.status).toBe('accepted');
    const late = await pdpOfficer.post(`/api/v1/dossiers/${id}/recall`, {});
    expect(late.status).toBe(409);
    expect(late.json.error.message).toContain('chưa tiếp nhận');
    expect((await pdpOfficer.get(`/api/v1/dossiers/${id}`)).json.status).toBe('accepted');

    const soUser = (await env().deps.database.db.selectFrom('users').select('id').where('username', '=', 'so.tdkt').executeTakeFirstOrThrow()).id;
    expect((await soOfficer.post(`/api/v1/dossiers/${id}/check`, {})).status).toBe(409);
    expect((await soOfficer.post(`/api/v1/dossiers/${id}/assign`, { userId: soUser })).status).toBe(200);
    const checked = await soOfficer.post(`/api/v1/dossiers/${id}/check`, { note: 'Đủ thành phần' });
    expect(checked.json.workflow.every((s: { done: boolean }) => s.done)).toBe(true);
    expect(checked.json.actions.decide).toBe(false);
    expect(checked.json.timeline.map((t: { action: string }) => t.action)).toEqual(['create', 'submit', 'return', 'submit', 'recall', 'submit', 'accept', 'assign', 'check']);
    expect(checked.json.timeline[2].reason).toBe('Thiếu minh chứng sáng kiến của cô Lan');
  });

  it('Giám đốc Sở ban hành: danh hiệu ngoài thẩm quyền bị từ chối (không tốn số); số lấy từ sổ một lần, không hở; tiền theo lương cơ sở ngày quyết định', async () => {
    const id = state.dossierId;
    expect((await director.get(`/api/v1/dossiers/${id}`)).json.actions.decide).toBe(true);
    const registerBefore = (await director.get(`/api/v1/documents/register?unitId=${state.so}&year=2026&pageSize=200`)).json;

    const refused = await director.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('không có thẩm quyền tặng');
    expect((await director.get(`/api/v1/documents/register?unitId=${state.so}&year=2026&pageSize=200`)).json.total).toBe(registerBefore.total);
    expect((await soOfficer.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE, excludeItemIds: [state.bkItemId] })).status).toBe(403);

    const res = await director.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE, excludeItemIds: [state.bkItemId] });
    expect(res.status).toBe(200);
    const d = res.json;
    const register = (await director.get(`/api/v1/documents/register?unitId=${state.so}&year=2026&pageSize=200`)).json;
    expect(register.total).toBe(registerBefore.total + 1);
    const numbers = register.items.map((n: { number: number }) => n.number).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const mine = register.items.find((n: { id: string }) => n.id === d.numberId);
    expect(mine).toMatchObject({ status: 'issued', issuedDate: DECISION_DATE, number: Math.max(...numbers) });
    expect(d.number).toBe(mine.symbol);
    expect(d.number).toMatch(/^0*\d+\/QĐ-SGDĐT$/);

    const salary = BASE_SALARY_TABLE.find((e) => e.effectiveFrom <= DECISION_DATE && (!e.effectiveTo || DECISION_DATE <= e.effectiveTo))!.amount;
    expect(salary).toBe(2_530_000);
    const lanCstd = d.lines.find((l: { personId: string; titleCode: string }) => l.personId === state.lan && l.titleCode === 'CSTDCS');
    const lanLdtt = d.lines.find((l: { personId: string; titleCode: string }) => l.personId === state.lan && l.titleCode === 'LDTT');
    const hoa = d.lines.find((l: { personId: string }) => l.personId === state.hoa.id);
    expect(lanCstd).toMatchObject({ coefficient: 1, baseSalary: 2_530_000, amount: 2_530_000, paid: true });
    expect(lanLdtt).toMatchObject({ amount: 0, paid: false });
    expect(lanLdtt.note).toContain('chỉ nhận tiền thưởng danh hiệu cao nhất');
    expect(hoa).toMatchObject({ coefficient: 0.3, amount: 760_000, paid: true });
    expect(d.totalAmount).toBe(3_290_000);
    expect(d.lines.some((l: { personId: string }) => l.personId === state.minh.id)).toBe(false);

    const again = await director.post('/api/v1/decisions', { dossierId: id, date: DECISION_DATE, excludeItemIds: [state.bkItemId] });
    expect(again.status).toBe(409);
    expect((await director.get(`/api/v1/documents/register?unitId=${state.so}&year=2026&pageSize=200`)).json.total).toBe(register.total);
    expect((await pdpOfficer.get(`/api/v1/dossiers/${id}`)).json).toMatchObject({ status: 'decided', decisionId: d.id });

    const history = await pdpOfficer.get(`/api/v1/awards?personId=${state.lan}`);
    const award = history.json.items.find((a: { code: string; decisionNumber: string }) => a.code === 'CSTDCS' && a.decisionNumber === d.number);
    expect(award).toMatchObject({ schoolYear: 2025, source: 'decision', decisionDate: DECISION_DATE, amount: 2_530_000 });

    const docx = await bytesOf('so.giamdoc', `/api/v1/decisions/${d.id}/docx`);
    expect(docx.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    state = { ...state, decisionId: d.id, decisionNumber: d.number } as typeof state;
  });

  it('danh sách chi tiền thưởng theo đơn vị (Excel): ô số tiền đúng, có dòng tổng', async () => {
    const { decisionId } = state as unknown as { decisionId: string };
    const x = await bytesOf('pdp.tdkt', `/api/v1/decisions/${decisionId}/payout.xlsx?unitId=${state.pdp}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(wb.worksheets.length).toBe(1);
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1)).toEqual(['TT', 'Họ và tên', 'Chức vụ/đơn vị', 'Danh hiệu/hình thức', 'Hệ số', 'Mức lương cơ sở', 'Số tiền']);
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => { if (n > 5) rows.push(r.values as unknown[]); });
    const lanName = (await env().deps.database.db.selectFrom('people').select('full_name').where('id', '=', state.lan).executeTakeFirstOrThrow()).full_name;
    const lanRow = rows.find((r) => r[2] === lanName && r[4] === 'Chiến sĩ thi đua cơ sở');
    expect(lanRow?.[5]).toBe(1);
    expect(lanRow?.[6]).toBe(2_530_000);
    expect(lanRow?.[7]).toBe(2_530_000);
    const total = rows.find((r) => r[2] === 'Tổng cộng');
    expect(total?.[7]).toBe(3_290_000);
    const outside = await bytesOf('pdp.tdkt', `/api/v1/decisions/${decisionId}/payout.xlsx?unitId=${await env().unitId('THPT-42-02')}`);
    expect(outside.status).toBe(404);
  });

  it('trang công khai: không cần đăng nhập, chỉ quyết định đã công khai, chỉ tên, đơn vị, danh hiệu', async () => {
    const { decisionId, decisionNumber } = state as unknown as { decisionId: string; decisionNumber: string };
    const anon = env().anonymous();
    const before = await anon.get('/api/v1/public/decisions');
    expect(before.status).toBe(200);
    expect(before.json.items.map((d: { id: string }) => d.id)).not.toContain(decisionId);
    expect((await anon.get(`/api/v1/decisions/${decisionId}`)).status).toBe(401);
    expect((await soOfficer.post(`/api/v1/decisions/${decisionId}/publish`, { published: true })).status).toBe(403);
    expect((await director.post(`/api/v1/decisions/${decisionId}/publish`, { published: true })).json.published).toBe(true);

    const after = await anon.get('/api/v1/public/decisions');
    const pub = after.json.items.find((d: { id: string }) => d.id === decisionId);
    expect(pub).toMatchObject({ number: decisionNumber, date: DECISION_DATE, schoolYear: '2025-2026' });
    expect(pub.authority).toContain('Sở Giáo dục và Đào tạo');
    expect(pub.awardees.length).toBe(3);
    for (const a of pub.awardees) expect(Object.keys(a).sort()).toEqual(['kind', 'name', 'title', 'unit']);
    expect(JSON.stringify(after.json)).not.toMatch(/amount|personId|birth|cccd|phone/i);
    expect((await anon.get('/api/v1/public/exemplars')).status).toBe(200);
  });

  it('in giấy khen cho cả danh sách qua đợt in chung (tác vụ nền)', async () => {
    const { decisionId } = state as unknown as { decisionId: string };
    const batch = await director.post(`/api/v1/decisions/${decisionId}/certificates`, { pdf: false });
    expect(batch.status).toBe(200);
    expect(batch.json).toMatchObject({ count: 3, status: 'queued' });
    await env().worker.runOne();
    const done = await director.get(`/api/v1/documents/certificates/${batch.json.id}`);
    expect(done.json).toMatchObject({ status: 'done', count: 3 });
    expect(done.json.docxUrl).toBeTruthy();
    expect((await director.get(`/api/v1/decisions/${decisionId}`)).json.certificateBatchId).toBe(batch.json.id);
  });

  it('tài liệu OpenAPI có các đường dẫn hồ sơ, quyết định và trang công khai', async () => {
    const doc = await env().anonymous().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    for (const p of ['/dossiers', '/dossiers/{id}/submit', '/dossiers/{id}/return', '/dossiers/{id}/zip', '/decisions', '/decisions/{id}/payout.xlsx', '/public/decisions', '/public/exemplars']) {
      expect(Object.keys(doc.json.paths), p).toContain(p);
    }
  });

  it('quy trình cấu hình được: chỉ quản trị đổi, có ghi nhật ký; bước đầu phải là tiếp nhận', async () => {
    const admin = await env().login('admin');
    expect((await soOfficer.put('/api/v1/dossiers/workflow', { steps: [{ code: 'accept', label: 'Tiếp nhận' }] })).status).toBe(403);
    const bad = await admin.put('/api/v1/dossiers/workflow', { steps: [{ code: 'check', label: 'Thẩm định' }, { code: 'accept', label: 'Tiếp nhận' }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('Bước đầu tiên');
    const ok = await admin.put('/api/v1/dossiers/workflow', { steps: [{ code: 'accept', label: 'Tiếp nhận' }, { code: 'check', label: 'Thẩm định' }] });
    expect(ok.status).toBe(200);
    expect((await soOfficer.get('/api/v1/dossiers/workflow')).json.steps.map((s: { code: string }) => s.code)).toEqual(['accept', 'check']);
    const audit = await env().deps.database.db.selectFrom('audit_log').select('action').where('action', '=', 'dossier_workflow.update').execute();
    expect(audit.length).toBe(1);
  });

  it('lập hồ sơ từ phiên bình xét đã đóng: chỉ người đạt; có Biên bản trong ZIP; phiên chưa đóng thì từ chối', async () => {
    const list = await pdpOfficer.get(`/api/v1/reviews?unitId=${state.pdp}`);
    const sessionId = list.json.items[0].id as string;
    const early = await pdpOfficer.post('/api/v1/dossiers', { reviewSessionId: sessionId });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toContain('chưa kết thúc');

    const opened = await pdpOfficer.post(`/api/v1/reviews/${sessionId}/open`);
    expect(opened.status).toBe(200);
    const candidates = opened.json.candidates.filter((c: { result: string }) => c.result !== 'withdrawn') as { id: string; personId: string }[];
    // Everyone votes for all but the last candidate, who gets no majority.
    const last = candidates[candidates.length - 1].id;
    const choices = Object.fromEntries(candidates.map((c) => [c.id, c.id === last ? 'against' : 'for']));
    for (const u of ['pdp.hieutruong', 'pdp.hoidong', 'pdp.hoidong2', 'pdp.hoidong3']) {
      const voter = await env().login(u);
      expect((await voter.post(`/api/v1/reviews/${sessionId}/ballot`, { choices })).status).toBe(200);
    }
    const secretary = opened.json.members.find((m: { role: string }) => m.role === 'secretary');
    expect((await pdpOfficer.post(`/api/v1/reviews/${sessionId}/written-votes`, { memberId: secretary.id, choices })).status).toBe(200);
    const closed = await pdpOfficer.post(`/api/v1/reviews/${sessionId}/close`);
    expect(closed.status).toBe(200);
    const passed = closed.json.candidates.filter((c: { result: string }) => c.result === 'passed').map((c: { personId: string }) => c.personId).sort();
    expect(passed.length).toBe(candidates.length - 1);

    const res = await pdpOfficer.post('/api/v1/dossiers', { reviewSessionId: sessionId });
    expect(res.status).toBe(200);
    expect(res.json.reviewSessionId).toBe(sessionId);
    expect(res.json.items.map((i: { personId: string }) => i.personId).sort()).toEqual(passed);
    const zip = await bytesOf('pdp.tdkt', `/api/v1/dossiers/${res.json.id}/zip`);
    expect(Object.keys((await JSZip.loadAsync(zip.bytes)).files)).toContain('02-bien-ban-hop-hoi-dong.docx');
  });

  it('trường của xã gửi UBND xã; xã (quy trình đã đổi: tiếp nhận, thẩm định) chuyển lên UBND tỉnh; đơn vị khác không thấy hồ sơ', async () => {
    const xa = await env().login('xa.vhxh');
    const school = await env().unitId('MN-18073-1');
    const commune = await env().unitId('UBND-X18073');
    const province = await env().unitId('UBND-42');
    const teacher = await env().deps.database.db.selectFrom('people').select('id').where('unit_id', '=', school).orderBy('id').executeTakeFirstOrThrow();
    const created = await xa.post('/api/v1/dossiers', { senderUnitId: school, schoolYear: 2025, items: [{ personId: teacher.id, titleCode: 'LDTT' }] });
    expect(created.status).toBe(200);
    expect(created.json.receiverUnitId).toBe(commune);
    const id = created.json.id as string;
    expect((await xa.post(`/api/v1/dossiers/${id}/submit`, {})).json.status).toBe('submitted');
    expect((await xa.post(`/api/v1/dossiers/${id}/accept`, {})).json.workflow.map((s: { code: string }) => s.code)).toEqual(['accept', 'check']);
    expect((await xa.post(`/api/v1/dossiers/${id}/forward`, {})).status).toBe(409);
    const assign = await xa.post(`/api/v1/dossiers/${id}/assign`, { userId: 'x' });
    expect(assign.status).toBe(400);
    expect((await xa.post(`/api/v1/dossiers/${id}/check`, {})).status).toBe(200);
    const fwd = await xa.post(`/api/v1/dossiers/${id}/forward`, { note: 'Đề nghị Chủ tịch UBND tỉnh xem xét' });
    expect(fwd.status).toBe(200);
    expect(fwd.json).toMatchObject({ status: 'submitted', receiverUnitId: province, stepsDone: [] });
    expect(fwd.json.timeline.at(-1)).toMatchObject({ action: 'forward', toUnitName: expect.stringContaining('tỉnh') });
    const recall = await xa.post(`/api/v1/dossiers/${id}/recall`, {});
    expect(recall.status).toBe(409);
    expect(recall.json.error.message).toContain('chuyển lên cấp trên');
    expect((await pdpOfficer.get(`/api/v1/dossiers/${id}`)).status).toBe(404);
    expect((await pdpOfficer.get('/api/v1/dossiers')).json.items.map((d: { id: string }) => d.id)).not.toContain(id);
  });
});
