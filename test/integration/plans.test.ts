import { expect, it } from 'vitest';
import { describeOnBothDatabases, documentText, download, STRICT, type TClient, type TTestEnv } from './harness';
import { runRemindOverdueJob } from '../../src/server/plans/cascade';
import { isLibreOfficeAvailable } from '../../src/documents/pdf';

const hasSoffice = await isLibreOfficeAvailable();
if (!hasSoffice && !STRICT) console.warn('skip: LibreOffice (soffice) is not installed; the plan PDF test is skipped');

const YEAR = 2026;
/** Issue data; without a number the plan takes the next number of the unit's register (sổ văn bản đi). */
const ISSUE = (signerName: string, date = '2026-11-20', number?: number) => ({ date, signerName, ...(number ? { number } : {}) });

async function createUser(admin: TClient, username: string, role: 'officer' | 'head', unitId: string) {
  const res = await admin.post('/api/v1/users', { username, fullName: `Cán bộ ${username}`, password: 'demo-pass-123', roles: [{ role, unitId }] });
  expect(res.status).toBe(200);
  return res.json.id as string;
}

async function auditOf(e: TTestEnv, planId: string) {
  return e.deps.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json', 'reason']).where('entity_type', '=', 'plan').where('entity_id', '=', planId).orderBy('seq').execute();
}

describeOnBothDatabases('kế hoạch, phong trào thi đua: vòng đời, giao triển khai, bảng theo dõi, nhắc hạn, văn bản', (env) => {
  const ids: Record<string, string> = {};

  it('vòng đời có lý do và nhật ký: dự thảo → trình → trả lại → trình → ban hành → thực hiện → sơ kết → tổng kết → kết thúc', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const soId = await e.unitId('SGDDT-42');
    const created = await so.post('/api/v1/plans/from-catalogue', { unitId: soId, code: 'day-tot-hoc-tot', schoolYear: YEAR });
    expect(created.status).toBe(200);
    const plan = created.json;
    expect(plan).toMatchObject({ state: 'draft', stateLabel: 'Dự thảo', kind: 'thematic', kindLabel: 'Theo chuyên đề', movementName: 'Dạy tốt – học tốt', schoolYearLabel: 'Năm học 2026-2027', canEdit: true });
    expect(plan.title).toBe('Phát động phong trào thi đua “Dạy tốt – học tốt” năm học 2026-2027');
    expect(plan.body.awards[0]).toMatchObject({ name: 'Giấy khen của Giám đốc Sở Giáo dục và Đào tạo', recipient: 'collective', quota: '1–2' });
    expect(plan.allowedActions.map((a: { action: string }) => a.action)).toEqual(['submit']);

    const edited = await so.patch(`/api/v1/plans/${plan.id}`, { body: { ...plan.body, purposes: [...plan.body.purposes, 'Lan tỏa các tiết dạy hay đến mọi trường trong tỉnh.'] } });
    expect(edited.status).toBe(200);
    expect(edited.json.body.purposes.at(-1)).toBe('Lan tỏa các tiết dạy hay đến mọi trường trong tỉnh.');

    expect((await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' })).json.stateLabel).toBe('Chờ duyệt');
    const officerIssue = await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') });
    expect(officerIssue.status).toBe(403);
    const noReason = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toBe('Cần ghi lý do khi trả lại kế hoạch');
    const returned = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'return', reason: 'Bổ sung chỉ tiêu về số tiết dạy tốt của mỗi giáo viên' });
    expect(returned.json).toMatchObject({ state: 'draft', returnReason: 'Bổ sung chỉ tiêu về số tiết dạy tốt của mỗi giáo viên' });
    await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' });
    const gdView = (await gd.get(`/api/v1/plans/${plan.id}`)).json;
    expect(gdView.allowedActions.map((a: { action: string }) => a.action)).toEqual(['return', 'issue']);
    const issued = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') });
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ state: 'issued', numberText: '01/KH-SGDĐT', issuedDate: '2026-11-20', signer: { name: 'Đào Đức Tuấn' }, canEdit: false });
    const again = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') });
    expect(again.status).toBe(409);

    for (const [client, action, state] of [[so, 'start', 'in_progress'], [so, 'midterm', 'midterm_review'], [so, 'final', 'final_review'], [gd, 'close', 'closed']] as const) {
      const r = await client.post(`/api/v1/plans/${plan.id}/transitions`, { action });
      expect(r.status, `${action}: ${r.text}`).toBe(200);
      expect(r.json.state).toBe(state);
    }
    const rows = await auditOf(e, plan.id);
    expect(rows.map((r) => r.action)).toEqual(['plan.create', 'plan.update', 'plan.submit', 'plan.return', 'plan.submit', 'plan.issue', 'plan.start', 'plan.midterm', 'plan.final', 'plan.close']);
    const ret = rows.find((r) => r.action === 'plan.return')!;
    expect(JSON.parse(ret.before_json!)).toEqual({ state: 'submitted' });
    expect(JSON.parse(ret.after_json!)).toEqual({ state: 'draft' });
    expect(ret.reason).toBe('Bổ sung chỉ tiêu về số tiết dạy tốt của mỗi giáo viên');
    expect(JSON.parse(rows.find((r) => r.action === 'plan.issue')!.after_json!)).toMatchObject({ state: 'issued', number: 1, symbol: 'KH-SGDĐT', issuedDate: '2026-11-20' });

    const timeline = (await so.get(`/api/v1/plans/${plan.id}/timeline`)).json;
    expect(timeline.items.find((i: { kind: string; label: string }) => i.label === 'Ban hành → Đã ban hành').detail).toBe('Số 01/KH-SGDĐT ngày 20/11/2026');
    expect(timeline.items.some((i: { kind: string; date: string }) => i.kind === 'registration' && i.date === '2026-09-30')).toBe(true);
    expect(timeline.states.every((s: { reached: boolean }) => s.reached)).toBe(true);
  });

  it('ban hành kế hoạch CCHC và giao cho mọi trường THPT thuộc Sở; kế hoạch đã ban hành không sửa được; số văn bản không dùng hai lần', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const soId = await e.unitId('SGDDT-42');
    const plan = (await so.post('/api/v1/plans/from-catalogue', { unitId: soId, code: 'cai-cach-hanh-chinh', schoolYear: YEAR })).json;
    await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' });
    const dup = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn', '2026-11-21', 1) });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain('Số 01/… năm 2026 đã dùng cho văn bản 01/KH-SGDĐT (Phát động phong trào thi đua “Dạy tốt – học tốt”');
    const unknown = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn', '2026-11-21', 40) });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toBe('Số 40 chưa có trong sổ văn bản đi năm 2026 của Sở Giáo dục và Đào tạo Hà Tĩnh; để trống để lấy số tiếp theo, hoặc giữ chỗ số trong sổ trước');
    const issued = await gd.post(`/api/v1/plans/${plan.id}/transitions`, {
      action: 'issue', issue: ISSUE('Đào Đức Tuấn', '2026-11-21'),
      cascade: { mode: 'kinds', unitKinds: ['thpt'], dueDate: '2026-12-15' },
    });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.json.numberText).toBe('02/KH-SGDĐT');
    ids.cchc = plan.id;

    const edit = await so.patch(`/api/v1/plans/${plan.id}`, { title: 'Đổi tên sau khi ban hành' });
    expect(edit.status).toBe(409);
    expect(edit.json.error).toMatchObject({ code: 'INVALID_STATE', message: 'Kế hoạch đã ban hành không được sửa; muốn thay đổi hãy lập kế hoạch điều chỉnh' });
    expect((await so.get(`/api/v1/plans/${plan.id}`)).json.title).toBe(plan.title);

    const board = (await so.get(`/api/v1/plans/${plan.id}/board`)).json;
    expect(board.counts).toEqual({ total: 10, not_started: 10, drafting: 0, issued: 0, overdue: 0 });
    expect(board.items.map((i: { unitName: string }) => i.unitName)).toContain('Trường THPT Phan Đình Phùng');
    expect(board.items.every((i: { unitKind: string; dueDate: string; statusLabel: string }) => i.unitKind === 'thpt' && i.dueDate === '2026-12-15' && i.statusLabel === 'Chưa triển khai')).toBe(true);
    expect(board.tree.filter((n: { parentId: string | null }) => n.parentId === null)).toHaveLength(10);

    const job = await e.deps.database.db.selectFrom('jobs').select(['status', 'run_after']).where('type', '=', 'plans.remind-overdue').execute();
    expect(job).toEqual([{ status: 'queued', run_after: '2026-12-16T01:00:00.000Z' }]);
    const audit = (await auditOf(e, plan.id)).find((r) => r.action === 'plan.cascade')!;
    expect(JSON.parse(audit.after_json!)).toMatchObject({ mode: 'kinds', unitKinds: ['thpt'], dueDate: '2026-12-15', added: 10 });
  });

  it('bảng theo dõi: chưa triển khai → đang xây dựng → đã ban hành khi trường thực hiện; quá hạn sau hạn', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const pdp = await e.login('pdp.tdkt');
    const ht = await e.login('pdp.hieutruong');
    const pdpId = await e.unitId('THPT-42-01');
    const visible = (await pdp.get('/api/v1/plans?q=cai cach hanh chinh')).json;
    expect(visible.items.map((p: { id: string }) => p.id)).toContain(ids.cchc);

    const child = await pdp.post('/api/v1/plans/from-parent', { parentPlanId: ids.cchc, unitId: pdpId });
    expect(child.status, child.text).toBe(200);
    expect(child.json).toMatchObject({ parentPlanId: ids.cchc, state: 'draft', cascadeTask: { dueDate: '2026-12-15', statusLabel: 'Đang xây dựng' } });
    expect(child.json.title).toBe('Phát động phong trào thi đua “Đẩy mạnh cải cách hành chính” năm học 2026-2027');
    expect(child.json.body.legalBases.map((b: { text: string }) => b.text)).toContain('Thực hiện Kế hoạch số 02/KH-SGDĐT ngày 21/11/2026 của Sở Giáo dục và Đào tạo Hà Tĩnh về việc phát động phong trào thi đua “Đẩy mạnh cải cách hành chính” năm học 2026-2027');
    expect(child.json.body.implementation[0].part).toBe('Ban Giám hiệu');
    expect(child.json.body.awards[0].name).toBe('Giấy khen của Hiệu trưởng');
    const twice = await pdp.post('/api/v1/plans/from-parent', { parentPlanId: ids.cchc, unitId: pdpId });
    expect(twice.status).toBe(409);
    ids.child = child.json.id;

    let board = (await so.get(`/api/v1/plans/${ids.cchc}/board`)).json;
    let row = board.items.find((i: { unitId: string }) => i.unitId === pdpId);
    expect(row).toMatchObject({ status: 'drafting', statusLabel: 'Đang xây dựng', childPlan: { id: ids.child, stateLabel: 'Dự thảo' } });
    expect(board.counts).toMatchObject({ not_started: 9, drafting: 1 });

    await pdp.post(`/api/v1/plans/${ids.child}/transitions`, { action: 'submit' });
    // The văn thư reserves a number in the school's register; the head issues the plan with it.
    const reserved = await pdp.post('/api/v1/documents/register/reserve', { unitId: pdpId, typeCode: 'KH', note: 'Kế hoạch thực hiện CCHC' });
    expect(reserved.status, reserved.text).toBe(200);
    expect(reserved.json.symbol).toBe('01/KH-THPTPĐP');
    const issued = await ht.post(`/api/v1/plans/${ids.child}/transitions`, { action: 'issue', issue: ISSUE('Nguyễn Văn Hiệu', '2026-11-22', reserved.json.number) });
    expect(issued.status, issued.text).toBe(200);
    expect(issued.json.numberText).toBe('01/KH-THPTPĐP');

    const register = (await pdp.get(`/api/v1/documents/register?unitId=${pdpId}&year=2026`)).json.items;
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ symbol: '01/KH-THPTPĐP', status: 'issued', signerName: 'Nguyễn Văn Hiệu', issuedDate: '2026-11-22', summary: child.json.title });
    board = (await so.get(`/api/v1/plans/${ids.cchc}/board`)).json;
    row = board.items.find((i: { unitId: string }) => i.unitId === pdpId);
    expect(row).toMatchObject({ status: 'issued', statusLabel: 'Đã ban hành', childPlan: { numberText: '01/KH-THPTPĐP', issuedDate: '2026-11-22' } });
    expect(board.counts).toEqual({ total: 10, not_started: 9, drafting: 0, issued: 1, overdue: 0 });
    // The Sở opens the school's plan from the board.
    expect((await so.get(`/api/v1/plans/${ids.child}`)).json.unitName).toBe('Trường THPT Phan Đình Phùng');

    // Time passes: the due date is behind us.
    await e.deps.database.db.updateTable('plan_cascade_tasks').set({ due_date: '2026-11-01' }).where('plan_id', '=', ids.cchc).execute();
    board = (await so.get(`/api/v1/plans/${ids.cchc}/board`)).json;
    expect(board.counts).toEqual({ total: 10, not_started: 0, drafting: 0, issued: 1, overdue: 9 });
    expect(board.items.find((i: { unitName: string }) => i.unitName === 'Trường THPT Thành Sen').statusLabel).toBe('Quá hạn');
  });

  it('trường không xem được kế hoạch của trường khác (404); Sở xem được mọi kế hoạch cấp dưới', async () => {
    const e = env();
    const admin = await e.login('admin');
    const pdp = await e.login('pdp.tdkt');
    const so = await e.login('so.tdkt');
    const other = await admin.post('/api/v1/plans/from-catalogue', { unitId: await e.unitId('THPT-42-02'), code: 'xanh-sach-dep', schoolYear: YEAR });
    expect(other.status).toBe(200);
    expect((await pdp.get(`/api/v1/plans/${other.json.id}`)).status).toBe(404);
    expect((await pdp.get(`/api/v1/plans/${other.json.id}/docx`)).status).toBe(404);
    expect((await pdp.patch(`/api/v1/plans/${other.json.id}`, { title: 'Sửa kế hoạch trường khác' })).status).toBe(404);
    const pdpList = (await pdp.get('/api/v1/plans?pageSize=200')).json.items.map((p: { id: string }) => p.id);
    expect(pdpList).not.toContain(other.json.id);
    expect((await so.get(`/api/v1/plans/${other.json.id}`)).json.unitName).toBe('Trường THPT Thành Sen');
    const soList = (await so.get(`/api/v1/plans?kind=thematic&schoolYear=${YEAR}&pageSize=200`)).json;
    expect(soList.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([other.json.id, ids.child, ids.cchc]));
    const byState = (await so.get(`/api/v1/plans?state=issued&unitId=${await e.unitId('THPT-42-01')}`)).json;
    expect(byState.items.map((p: { numberText: string }) => p.numberText)).toEqual(['01/KH-THPTPĐP']);
    const council = await e.login('pdp.hoidong');
    const cv = (await council.get(`/api/v1/plans/${ids.child}`)).json;
    expect(cv.allowedActions).toEqual([]);
    expect((await council.patch(`/api/v1/plans/${ids.child}`, { title: 'Hội đồng sửa' })).status).toBe(403);
  });

  it('nhắc hạn: chỉ cán bộ của các trường quá hạn nhận thông báo; công việc định kỳ nhắc mỗi ngày một lần', async () => {
    const e = env();
    const admin = await e.login('admin');
    const so = await e.login('so.tdkt');
    await createUser(admin, 'thanhsen.tdkt', 'officer', await e.unitId('THPT-42-02'));
    await createUser(admin, 'hahuytap.ht', 'head', await e.unitId('THPT-42-03'));
    const res = await so.post(`/api/v1/plans/${ids.cchc}/remind`, { message: 'Đề nghị hoàn thành trước ngày 30/11/2026.' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.remindedUnits).toBe(9);
    // The two accounts made here plus the demo's officers of the same schools (ts.tdkt, hht.tdkt).
    expect(res.json.notifications).toBe(4);
    const ts = (await (await e.login('thanhsen.tdkt')).get('/api/v1/notifications')).json.items;
    expect(ts).toHaveLength(1);
    expect(ts[0].title).toBe('Nhắc xây dựng kế hoạch thực hiện: Đẩy mạnh cải cách hành chính');
    expect(ts[0].body).toContain('Sở Giáo dục và Đào tạo Hà Tĩnh đề nghị Trường THPT Thành Sen ban hành kế hoạch thực hiện Kế hoạch số 02/KH-SGDĐT về việc phát động phong trào thi đua “Đẩy mạnh cải cách hành chính” năm học 2026-2027, hạn 01/11/2026');
    expect(ts[0].body).toContain('hạn 01/11/2026 (đã quá hạn');
    expect((await (await e.login('hahuytap.ht')).get('/api/v1/notifications')).json.items).toHaveLength(1);
    // The school that issued on time is not reminded; nor is the Sở.
    // (Other demo features leave their own notices; only plan reminders count here.)
    const planReminders = async (c: Awaited<ReturnType<typeof e.login>>) =>
      ((await c.get('/api/v1/notifications')).json.items as { title: string }[]).filter((n) => n.title.startsWith('Nhắc xây dựng kế hoạch'));
    expect(await planReminders(await e.login('pdp.tdkt'))).toHaveLength(0);
    expect(await planReminders(await e.login('pdp.hieutruong'))).toHaveLength(0);
    expect(await planReminders(so)).toHaveLength(0);
    const board = (await so.get(`/api/v1/plans/${ids.cchc}/board`)).json;
    expect(board.items.find((i: { unitName: string }) => i.unitName === 'Trường THPT Thành Sen').reminderCount).toBe(1);

    const helpers = { database: e.deps.database, progress: async () => undefined };
    const today = new Date().toISOString().slice(0, 10);
    const sameDay = await runRemindOverdueJob({ today }, helpers);
    expect(sameDay).toEqual({ plans: 0, remindedUnits: 0, notifications: 0 });
    const nextDay = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const tomorrow = await runRemindOverdueJob({ today: nextDay }, helpers);
    expect(tomorrow).toEqual({ plans: 1, remindedUnits: 9, notifications: 4 });
    expect((await (await e.login('thanhsen.tdkt')).get('/api/v1/notifications')).json.items).toHaveLength(2);
    expect(await planReminders(await e.login('pdp.tdkt'))).toHaveLength(0);
  });

  it('xã giao cho các trường của xã; Sở giao cho trường mầm non của một xã (nhóm theo xã trên bảng)', async () => {
    const e = env();
    const admin = await e.login('admin');
    const xa = await e.login('xa.vhxh');
    const xaId = await e.unitId('UBND-X18073');
    // xa.chutich: the demo's Chủ tịch UBND phường (head at UBND-X18073).
    const ct = await e.login('xa.chutich');
    const plan = (await xa.post('/api/v1/plans/from-catalogue', { unitId: xaId, code: 'xanh-sach-dep', schoolYear: YEAR })).json;
    expect(plan.body.awards[0].name).toBe('Giấy khen của Chủ tịch Ủy ban nhân dân phường');
    await xa.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' });
    const outside = await ct.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Lê Chủ Tịch'), cascade: { mode: 'units', unitIds: [await e.unitId('THPT-42-01')], dueDate: '2026-12-31' } });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toBe('Không giao được cho 1 đơn vị không trực thuộc đơn vị ban hành kế hoạch: Trường THPT Phan Đình Phùng');
    expect((await xa.get(`/api/v1/plans/${plan.id}`)).json.state).toBe('submitted');
    const issued = await ct.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Lê Chủ Tịch'), cascade: { mode: 'kinds', unitKinds: ['mn', 'th', 'thcs'], dueDate: '2026-12-31' } });
    expect(issued.status, issued.text).toBe(200);
    const board = (await xa.get(`/api/v1/plans/${plan.id}/board`)).json;
    const codes = await e.deps.database.db.selectFrom('units').select('code').where('id', 'in', board.items.map((i: { unitId: string }) => i.unitId)).execute();
    expect(codes.map((c) => c.code).sort()).toEqual(['MN-18073-1', 'MN-18073-2', 'TH-18073-3', 'TH-18073-4', 'THCS-18073-5', 'THCS-18073-6']);
    expect(board.counts.not_started).toBe(6);

    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const soPlan = (await so.post('/api/v1/plans/from-catalogue', { unitId: await e.unitId('SGDDT-42'), code: 'thi-dua-nam-hoc', schoolYear: YEAR })).json;
    await so.post(`/api/v1/plans/${soPlan.id}/transitions`, { action: 'submit' });
    await gd.post(`/api/v1/plans/${soPlan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') });
    const notBelow = await so.post(`/api/v1/plans/${soPlan.id}/cascade`, { mode: 'units', unitIds: [xaId], dueDate: '2026-12-20' });
    expect(notBelow.status).toBe(400);
    // A school may start from the Sở's plan before being assigned; the cascade then links its plan.
    const early = await admin.post('/api/v1/plans/from-parent', { parentPlanId: soPlan.id, unitId: await e.unitId('MN-18073-1') });
    expect(early.status, early.text).toBe(200);
    expect(early.json.cascadeTask).toBeNull();
    const c = await so.post(`/api/v1/plans/${soPlan.id}/cascade`, { mode: 'kinds', unitKinds: ['mn'], withinUnitId: xaId, dueDate: '2026-12-20' });
    expect(c.status, c.text).toBe(200);
    expect(c.json.added).toBe(2);
    const again = (await so.post(`/api/v1/plans/${soPlan.id}/cascade`, { mode: 'units', unitIds: [await e.unitId('MN-18073-1'), await e.unitId('THPT-42-04')], dueDate: '2026-12-20' })).json;
    expect(again).toMatchObject({ added: 1, existing: 1 });
    const soBoard = (await so.get(`/api/v1/plans/${soPlan.id}/board`)).json;
    const group = soBoard.tree.find((n: { id: string }) => n.id === xaId);
    expect(group).toMatchObject({ name: 'Ủy ban nhân dân phường Thành Sen', parentId: null, isTask: false, counts: { total: 2, not_started: 1, drafting: 1 } });
    expect((await so.get(`/api/v1/plans/${early.json.id}`)).json.cascadeTask).toMatchObject({ dueDate: '2026-12-20', statusLabel: 'Đang xây dựng' });
    expect(soBoard.items.filter((i: { groupId: string }) => i.groupId === xaId)).toHaveLength(2);
  });

  it('ban hành đồng thời hai lần: chỉ một lần thành công, một số văn bản', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const plan = (await so.post('/api/v1/plans/from-catalogue', { unitId: await e.unitId('SGDDT-42'), code: 'dich-vu-cong-truc-tuyen', schoolYear: YEAR })).json;
    await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' });
    const [a, b] = await Promise.all([
      gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') }),
      gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn') }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const final = (await so.get(`/api/v1/plans/${plan.id}`)).json;
    expect(final.numberText).toBe('04/KH-SGDĐT');
    expect((await auditOf(e, plan.id)).filter((r) => r.action === 'plan.issue')).toHaveLength(1);
    // The losing request took no number: the register has no gap.
    const register = (await so.get(`/api/v1/documents/register?unitId=${await e.unitId('SGDDT-42')}&year=2026`)).json.items;
    expect(register.map((r: { symbol: string; status: string }) => `${r.symbol} ${r.status}`)).toEqual(['01/KH-SGDĐT issued', '02/KH-SGDĐT issued', '03/KH-SGDĐT issued', '04/KH-SGDĐT issued']);
  });

  it('điều chỉnh kế hoạch đã ban hành: bản mới có phiên bản, thay thế bản cũ khi ban hành, giữ bảng theo dõi', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const noReason = await so.post(`/api/v1/plans/${ids.cchc}/amend`, { reason: '' });
    expect(noReason.status).toBe(400);
    const amend = await so.post(`/api/v1/plans/${ids.cchc}/amend`, { reason: 'Bổ sung chỉ tiêu về chỉ số SIPAS' });
    expect(amend.status, amend.text).toBe(200);
    expect(amend.json).toMatchObject({ version: 2, amendsPlanId: ids.cchc, rootPlanId: ids.cchc, state: 'draft' });
    expect(amend.json.body.intro).toContain('điều chỉnh Kế hoạch số 02/KH-SGDĐT ngày 21/11/2026');
    expect((await so.post(`/api/v1/plans/${ids.cchc}/amend`, { reason: 'Lần nữa' })).status).toBe(409);
    await so.post(`/api/v1/plans/${amend.json.id}/transitions`, { action: 'submit' });
    const issued = await gd.post(`/api/v1/plans/${amend.json.id}/transitions`, { action: 'issue', issue: ISSUE('Đào Đức Tuấn', '2026-11-23') });
    expect(issued.status, issued.text).toBe(200);
    const old = (await so.get(`/api/v1/plans/${ids.cchc}`)).json;
    expect(old).toMatchObject({ supersededById: amend.json.id, numberText: '02/KH-SGDĐT', allowedActions: [] });
    const board = (await so.get(`/api/v1/plans/${amend.json.id}/board`)).json;
    expect(board.rootPlanId).toBe(ids.cchc);
    expect(board.counts.total).toBe(10);
    expect(board.counts.issued).toBe(1);
  });

  it('OpenAPI mô tả các đường dẫn kế hoạch', async () => {
    const res = await env().app.request('/api/openapi.json');
    const doc = await res.json();
    for (const p of ['/plans', '/plans/catalogue', '/plans/from-parent', '/plans/{id}/transitions', '/plans/{id}/cascade', '/plans/{id}/board', '/plans/{id}/remind', '/plans/{id}/docx', '/plans/{id}/pdf', '/plans/{id}/timeline']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(doc.paths['/plans/{id}/board'].get.summary).toBe('Bảng theo dõi triển khai của các đơn vị cấp dưới');
    expect(doc.components.schemas.PlanBody.properties.awards).toBeDefined();
  });

  it('dữ liệu sai: ngày ngược, số lượng không phải số, tạo từ kế hoạch chưa ban hành', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const soId = await e.unitId('SGDDT-42');
    const base = { unitId: soId, kind: 'thematic', movementName: 'Chào mừng 26/3', periodFrom: '2027-02-01', periodTo: '2027-03-26' };
    const backwards = await so.post('/api/v1/plans', { ...base, periodTo: '2027-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.message).toBe('Ngày kết thúc phải sau ngày bắt đầu');
    const badQuota = await so.post('/api/v1/plans', { ...base, body: { awards: [{ name: 'Giấy khen', recipient: 'individual', quota: 'một vài' }] } });
    expect(badQuota.status).toBe(400);
    expect(badQuota.json.error.fields[0]).toMatchObject({ field: 'body.awards.0.quota', message: 'Số lượng phải là một số hoặc một khoảng, ví dụ: 2, 1–2, 04 đơn vị dẫn đầu, không quá 15%' });
    const reviewOrder = await so.post('/api/v1/plans', { ...base, body: { timeline: { midtermReviewDate: '2027-03-10', finalReviewDate: '2027-03-01' } } });
    expect(reviewOrder.status).toBe(400);
    expect(reviewOrder.json.error.message).toBe('Ngày tổng kết phải sau ngày sơ kết');
    const ok = await so.post('/api/v1/plans', { ...base, body: { awards: [{ name: 'Giấy khen', authority: 'Giám đốc Sở', recipient: 'collective', quota: '04 đơn vị dẫn đầu' }] } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.title).toBe('Phát động phong trào thi đua “Chào mừng 26/3”');
    const incomplete = await so.post(`/api/v1/plans/${ok.json.id}/transitions`, { action: 'submit' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.json.error.message).toContain('Kế hoạch chưa đủ nội dung để trình: chưa có căn cứ');
    const fromDraft = await (await e.login('pdp.tdkt')).post('/api/v1/plans/from-parent', { parentPlanId: ok.json.id, unitId: await e.unitId('THPT-42-01') });
    expect(fromDraft.status).toBe(404);
  });

  it('DOCX của kế hoạch đã ban hành có số văn bản và các nội dung thi đua; PDF khi có LibreOffice', async () => {
    const e = env();
    const res = await download(e, 'so.tdkt', `/api/v1/plans/${ids.cchc}/docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const text = await documentText(await res.arrayBuffer());
    expect(text).toContain('Số: 02/KH-SGDĐT');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Thi đua đẩy mạnh ứng dụng công nghệ thông tin, dịch vụ công trực tuyến trong giải quyết thủ tục hành chính.');
    expect(text).toContain('Chỉ tiêu: Tỷ lệ thủ tục hành chính được giải quyết trực tuyến toàn trình: ≥ 90%');
    expect(text).toContain('04 đơn vị dẫn đầu');
    expect(text).toContain('Đào Đức Tuấn');
    const child = await download(e, 'pdp.tdkt', `/api/v1/plans/${ids.child}/docx`);
    const childText = await documentText(await child.arrayBuffer());
    expect(childText).toContain('Số: 01/KH-THPTPĐP');
    expect(childText).toContain('Kế hoạch số 02/KH-SGDĐT ngày 21/11/2026 của Sở Giáo dục và Đào tạo Hà Tĩnh');
  });

  it.skipIf(!hasSoffice && !STRICT)('PDF của kế hoạch (LibreOffice)', async () => {
    const res = await download(env(), 'so.tdkt', `/api/v1/plans/${ids.cchc}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
