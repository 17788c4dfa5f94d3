import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient, type TTestEnv } from './harness';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function fileForm(bytes: Uint8Array, name: string) {
  const f = new FormData();
  f.append('file', new Blob([bytes as BlobPart]), name);
  return f;
}

async function currentPlan(c: TClient, unitId?: string): Promise<{ id: string; title: string }> {
  const res = await c.get(`/api/v1/registrations/plans${unitId ? `?unitId=${unitId}` : ''}`);
  expect(res.status).toBe(200);
  const plan = res.json.items.find((p: { title: string }) => p.title.startsWith('Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ'));
  expect(plan).toBeTruthy();
  return plan;
}

const countOf = (totals: { titles: { titleCode: string; count: number }[] }, code: string) => totals.titles.find((t) => t.titleCode === code)?.count ?? 0;

async function auditActions(e: TTestEnv, entityId: string) {
  return (await e.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);
}

describeOnBothDatabases('tham gia thi đua: đăng ký, giao ước, sáng kiến, tuyên truyền, điển hình', (env) => {
  it('đăng ký hàng loạt của trường và tổng số cộng dồn lên Sở', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const soId = await e.unitId('SGDDT-42');
    const pdp = await e.login('pdp.tdkt');
    const plan = await currentPlan(pdp, pdpId);
    const before = (await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json;
    const roster = await pdp.get(`/api/v1/registrations/roster?planId=${plan.id}&unitId=${pdpId}&pageSize=200`);
    expect(roster.status).toBe(200);
    const free = roster.json.items.filter((p: { titleCode: string | null; fullName: string }) => !p.titleCode && p.fullName !== 'Nguyễn Thị Lan').slice(0, 3);
    expect(free.length).toBe(3);
    const bulk = await pdp.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [
      { personId: free[0].personId, titleCode: 'CSTDCS', commitment: 'Có sáng kiến cấp cơ sở' },
      { personId: free[1].personId, titleCode: 'LDTT' },
      { personId: free[2].personId, titleCode: 'LDTT' },
    ] });
    expect(bulk.status).toBe(200);
    expect(bulk.json.created).toBe(3);
    expect(countOf(bulk.json.totals, 'CSTDCS')).toBe(countOf(before, 'CSTDCS') + 1);
    expect(countOf(bulk.json.totals, 'LDTT')).toBe(countOf(before, 'LDTT') + 2);
    expect(countOf(bulk.json.totals, 'TTLDXS')).toBe(1);

    // Removing one (titleCode null) and the roll-up at the Sở: pdp appears as a child with the same numbers.
    const removed = await pdp.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [{ personId: free[2].personId, titleCode: null }] });
    expect(removed.json.removed).toBe(1);
    const so = await e.login('so.tdkt');
    const up = await so.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${soId}`);
    expect(up.status).toBe(200);
    const pdpRow = up.json.children.find((c: { unitId: string }) => c.unitId === pdpId);
    expect(pdpRow.total).toBe(removed.json.totals.total);
    expect(countOf(pdpRow, 'LDTT')).toBe(countOf(before, 'LDTT') + 1);
    // The Sở's own total is the sum over its schools (demo: pdp + two more schools).
    expect(up.json.total).toBe(up.json.children.reduce((s: number, c: { total: number }) => s + c.total, 0));
    expect(up.json.children.length).toBeGreaterThanOrEqual(3);
    const list = await pdp.get(`/api/v1/registrations?planId=${plan.id}&unitId=${pdpId}&titleCode=CSTDCS&pageSize=5`);
    expect(list.json.total).toBe(countOf(removed.json.totals, 'CSTDCS'));
    expect(list.json.items.length).toBeLessThanOrEqual(5);
    expect(await auditActions(e, plan.id)).toContain('registration.bulk');
  });

  it('gv.lan tự đăng ký; cán bộ TĐKT thấy trong tổng số; cá nhân không xem được của người khác', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const lan = await e.login('gv.lan');
    const plan = await currentPlan(lan);
    const pdp = await e.login('pdp.tdkt');
    const before = (await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json;
    const self = await lan.post('/api/v1/registrations/self', { planId: plan.id, titleCode: 'CSTDCS', commitment: 'Có sáng kiến được công nhận cấp cơ sở' });
    expect(self.status).toBe(200);
    expect(self.json).toMatchObject({ titleName: 'Chiến sĩ thi đua cơ sở', personName: 'Nguyễn Thị Lan', source: 'self' });
    const after = (await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json;
    expect(countOf(after, 'CSTDCS')).toBe(countOf(before, 'CSTDCS') + 1);
    const list = await pdp.get(`/api/v1/registrations?planId=${plan.id}&unitId=${pdpId}&titleCode=CSTDCS&pageSize=200`);
    expect(list.json.items.map((r: { personName: string }) => r.personName)).toContain('Nguyễn Thị Lan');
    // Changing her mind: same row updated, not a second one.
    const again = await lan.post('/api/v1/registrations/self', { planId: plan.id, titleCode: 'LDTT' });
    expect(again.status).toBe(200);
    expect((await lan.get('/api/v1/registrations/mine')).json.items.filter((r: { planId: string }) => r.planId === plan.id)).toHaveLength(1);
    // An individual may not see the unit's list or totals, nor register others.
    expect((await lan.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).status).toBe(403);
    expect((await lan.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [{ personId: null, titleCode: 'TTLDTT' }] })).status).toBe(403);
  });

  it('đầu vào sai: kế hoạch chưa thực hiện, danh hiệu không có, người ngoài đơn vị — báo lỗi tiếng Việt, không lưu nửa chừng', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const pdp = await e.login('pdp.tdkt');
    const plan = await currentPlan(pdp, pdpId);
    const roster = (await pdp.get(`/api/v1/registrations/roster?planId=${plan.id}&unitId=${pdpId}&pageSize=200`)).json;
    const free = roster.items.filter((p: { titleCode: string | null; fullName: string }) => !p.titleCode && p.fullName !== 'Nguyễn Thị Lan');
    const other = (await e.deps.database.db.selectFrom('people').select('id').where('unit_id', '=', await e.unitId('THPT-42-02')).limit(1).executeTakeFirstOrThrow()).id;
    const before = (await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json.total;

    const badTitle = await pdp.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [{ personId: free[0].personId, titleCode: 'LDTT' }, { personId: free[1].personId, titleCode: 'ANH_HUNG_XYZ' }] });
    expect(badTitle.status).toBe(400);
    expect(badTitle.json.error.message).toBe('Dòng 2: Danh hiệu "ANH_HUNG_XYZ" không có trong bộ quy tắc thi đua');
    const wrongKind = await pdp.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [{ personId: free[0].personId, titleCode: 'TTLDXS' }] });
    expect(wrongKind.json.error.message).toBe('Dòng 1: "Tập thể lao động xuất sắc" là danh hiệu tập thể, không đăng ký cho cá nhân');
    const outside = await pdp.post('/api/v1/registrations/bulk', { planId: plan.id, unitId: pdpId, items: [{ personId: free[0].personId, titleCode: 'LDTT' }, { personId: other, titleCode: 'LDTT' }] });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toBe('Cán bộ ở dòng 2 không thuộc Trường THPT Phan Đình Phùng');
    // Nothing of the good first rows was saved.
    expect((await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json.total).toBe(before);

    // A plan that is not in progress (a fresh draft of the school).
    const draft = await pdp.post('/api/v1/plans/from-catalogue', { unitId: pdpId, code: 'xanh-sach-dep', schoolYear: 2026 });
    expect(draft.status).toBe(200);
    const notRunning = await pdp.post('/api/v1/registrations/bulk', { planId: draft.json.id, unitId: pdpId, items: [{ personId: free[0].personId, titleCode: 'LDTT' }] });
    expect(notRunning.status).toBe(409);
    expect(notRunning.json.error.message).toMatch(/đang ở trạng thái "Dự thảo"; chỉ đăng ký thi đua khi kế hoạch đang thực hiện$/);
    const lan = await e.login('gv.lan');
    expect((await lan.post('/api/v1/registrations/self', { planId: draft.json.id, titleCode: 'LDTT' })).status).toBe(409);
    expect((await lan.post('/api/v1/registrations/self', { planId: plan.id, titleCode: 'NOPE' })).json.error.message).toBe('Danh hiệu "NOPE" không có trong bộ quy tắc thi đua');
  });

  it('sáng kiến: nộp kèm minh chứng, Hội đồng chấm, Hiệu trưởng công nhận (ghi nhật ký); các lỗi', async () => {
    const e = env();
    const lan = await e.login('gv.lan');
    const sub = await lan.post('/api/v1/initiatives', { title: 'Dạy học dự án môn Ngữ văn gắn với di tích địa phương', summary: 'Học sinh tìm hiểu di tích Hà Tĩnh, viết bài thuyết minh và làm video giới thiệu.' });
    expect(sub.status).toBe(200);
    expect(sub.json).toMatchObject({ status: 'submitted', statusLabel: 'Đã nộp', personName: 'Nguyễn Thị Lan', level: 'co_so', score: null });
    const id = sub.json.id as string;

    const ev = await lan.upload(`/api/v1/initiatives/${id}/evidence`, fileForm(PDF, 'minh-chung.pdf'));
    expect(ev.status).toBe(200);
    const exe = await lan.upload(`/api/v1/initiatives/${id}/evidence`, fileForm(new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), 'virus.exe'));
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toBe('Minh chứng phải là tệp PDF, Word (.docx, .doc) hoặc ảnh JPEG/PNG');
    const big = new Uint8Array(10 * 1024 * 1024 + 1); big.set(PDF);
    const tooBig = await lan.upload(`/api/v1/initiatives/${id}/evidence`, fileForm(big, 'lon.pdf'));
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.message).toMatch(/^Tệp minh chứng quá lớn .*tối đa 10 MB$/);

    const head = await e.login('pdp.hieutruong');
    const notScored = await head.post(`/api/v1/initiatives/${id}/recognise`, { decisionNumber: '20/QĐ-THPTPĐP' });
    expect(notScored.status).toBe(409);
    expect(notScored.json.error.message).toBe('Sáng kiến chưa được Hội đồng chấm điểm; chưa công nhận được');

    const council = await e.login('pdp.hoidong');
    const outOfRange = await council.post(`/api/v1/initiatives/${id}/scores`, { score: 101 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.json.error.message).toContain('Điểm chấm phải từ 0 đến 100');
    expect((await council.post(`/api/v1/initiatives/${id}/scores`, { score: -1 })).status).toBe(400);
    expect((await lan.post(`/api/v1/initiatives/${id}/scores`, { score: 100 })).status).toBe(403);
    const s1 = await council.post(`/api/v1/initiatives/${id}/scores`, { score: 80, comment: 'Thiết thực' });
    expect(s1.status).toBe(200);
    const s2 = await head.post(`/api/v1/initiatives/${id}/scores`, { score: 91 });
    expect(s2.json).toMatchObject({ status: 'scoring', score: 85.5, scoreCount: 2, canRecognise: true });
    // Officer (no commendation.decide) may not recognise.
    const officer = await e.login('pdp.tdkt');
    expect((await officer.post(`/api/v1/initiatives/${id}/recognise`, { decisionNumber: '20/QĐ-THPTPĐP' })).status).toBe(403);
    const rec = await head.post(`/api/v1/initiatives/${id}/recognise`, { decisionNumber: '20/QĐ-THPTPĐP', decisionDate: '2026-12-01' });
    expect(rec.status).toBe(200);
    expect(rec.json).toMatchObject({ status: 'recognised', statusLabel: 'Đã công nhận', decisionNumber: '20/QĐ-THPTPĐP', level: 'co_so' });
    expect(await auditActions(e, id)).toEqual(expect.arrayContaining(['initiative.submit', 'initiative.evidence', 'initiative.score', 'initiative.recognise']));
    expect((await council.post(`/api/v1/initiatives/${id}/scores`, { score: 50 })).status).toBe(409);
    const row = await e.deps.database.db.selectFrom('initiatives').select(['status', 'recognised_by', 'score']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('recognised');
    expect(Number(row.score)).toBe(85.5);

    // Rejection with a reason; the evidence list has exactly the one good file.
    const other = await lan.post('/api/v1/initiatives', { title: 'Sổ tay điện tử chủ nhiệm lớp', summary: 'Ghi chép tình hình lớp trên bảng tính dùng chung với phụ huynh.' });
    const rej = await head.post(`/api/v1/initiatives/${other.json.id}/reject`, { reason: 'Chưa có số liệu chứng minh hiệu quả áp dụng' });
    expect(rej.json).toMatchObject({ status: 'rejected', rejectReason: 'Chưa có số liệu chứng minh hiệu quả áp dụng' });
    expect((await lan.get(`/api/v1/initiatives/${id}`)).json.evidence).toHaveLength(1);
    const mine = await lan.get('/api/v1/initiatives?pageSize=50');
    expect(mine.json.items.every((i: { personName: string }) => i.personName === 'Nguyễn Thị Lan')).toBe(true);
    expect(mine.json.items.some((i: { status: string; schoolYear: number }) => i.status === 'recognised')).toBe(true);
  });

  it('truy cập: trường khác 404, cá nhân 403 với sáng kiến của người khác', async () => {
    const e = env();
    const pdp = await e.login('pdp.tdkt');
    const pdpId = await e.unitId('THPT-42-01');
    const list = await pdp.get(`/api/v1/initiatives?unitId=${pdpId}&pageSize=50`);
    expect(list.status).toBe(200);
    const notLans = list.json.items.find((i: { personName: string }) => i.personName !== 'Nguyễn Thị Lan');
    expect(notLans).toBeTruthy();
    const lan = await e.login('gv.lan');
    expect((await lan.get(`/api/v1/initiatives/${notLans.id}`)).status).toBe(403);
    // An officer of another school.
    const admin = await e.login('admin', 'admin-pass-123');
    const otherId = await e.unitId('THPT-42-02');
    expect((await admin.post('/api/v1/users', { username: 'thpt2.tdkt', fullName: 'Cán bộ trường 2', password: 'demo-pass-123', roles: [{ role: 'officer', unitId: otherId }] })).status).toBe(200);
    const other = await e.login('thpt2.tdkt');
    expect((await other.get(`/api/v1/initiatives/${notLans.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/registrations/totals?planId=x&unitId=${pdpId}`)).status).toBe(404);
    expect((await other.get(`/api/v1/outreach?unitId=${pdpId}`)).status).toBe(404);
    expect((await other.get(`/api/v1/exemplars?unitId=${pdpId}`)).status).toBe(404);
    expect((await other.post('/api/v1/outreach', { unitId: pdpId, channel: 'zalo', activityDate: '2026-11-01', title: 'Không được' })).status).toBe(404);
    const others = (await other.get(`/api/v1/initiatives?pageSize=200`)).json.items;
    expect(others.every((i: { unitId: string }) => i.unitId !== pdpId)).toBe(true);
  });

  it('giao ước cụm: trưởng cụm soạn, mở ký, các trường ký, đủ chữ ký thì hoàn tất', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const pdp = await e.login('pdp.tdkt');
    const list = await pdp.get('/api/v1/pacts');
    expect(list.status).toBe(200);
    const demo = list.json.items.find((p: { clusterName: string }) => p.clusterName.startsWith('Cụm thi đua số 1'));
    expect(demo).toMatchObject({ status: 'open', statusLabel: 'Đang ký', signedCount: 3, memberCount: 5 });
    const detail = (await pdp.get(`/api/v1/pacts/${demo.id}`)).json;
    expect(detail.members.filter((m: { signed: boolean }) => m.signed)).toHaveLength(3);
    expect(detail.members.find((m: { role: string }) => m.role === 'truong')).toMatchObject({ signed: true, signerTitle: 'Hiệu trưởng' });
    // pdp already signed: a second signature is refused.
    const twice = await pdp.post(`/api/v1/pacts/${demo.id}/sign`, { unitId: await e.unitId('THPT-42-01'), signerName: 'Ai đó' });
    expect(twice.status).toBe(409);
    // pdp cannot sign for another school.
    const unsigned = detail.members.filter((m: { signed: boolean }) => !m.signed);
    expect((await pdp.post(`/api/v1/pacts/${demo.id}/sign`, { unitId: unsigned[0].unitId, signerName: 'Ai đó' })).status).toBe(404);
    for (const m of unsigned) {
      const r = await so.post(`/api/v1/pacts/${demo.id}/sign`, { unitId: m.unitId, signerName: 'Hiệu trưởng' });
      expect(r.status).toBe(200);
    }
    const done = (await pdp.get(`/api/v1/pacts/${demo.id}`)).json;
    expect(done).toMatchObject({ status: 'signed', statusLabel: 'Đã ký đủ', signedCount: 5 });
    expect(done.members.every((m: { signedAt: string | null }) => !!m.signedAt)).toBe(true);

    // A new pact for Cụm số 2: drafted by its leading school via the Sở officer, edited, opened; a duplicate refused.
    const cand = (await so.get('/api/v1/pacts/candidates')).json.items.find((c: { clusterName: string }) => c.clusterName.startsWith('Cụm thi đua số 2'));
    expect(cand).toBeTruthy();
    const created = await so.post('/api/v1/pacts', { clusterId: cand.clusterId, body: 'Các trường trong cụm thi đua hoàn thành xuất sắc nhiệm vụ năm học.' });
    expect(created.status).toBe(200);
    expect(created.json.status).toBe('draft');
    const early = await so.post(`/api/v1/pacts/${created.json.id}/sign`, { unitId: created.json.leadUnitId, signerName: 'Hiệu trưởng' });
    expect(early.json.error.message).toBe('Giao ước còn là dự thảo, trưởng cụm chưa mở để ký');
    expect((await so.patch(`/api/v1/pacts/${created.json.id}`, { body: 'Các trường trong cụm thi đua hoàn thành xuất sắc nhiệm vụ năm học; 100% giáo viên đạt chuẩn.' })).json.body).toContain('100% giáo viên');
    expect((await so.post(`/api/v1/pacts/${created.json.id}/open`)).json.status).toBe('open');
    expect((await so.post('/api/v1/pacts', { clusterId: cand.clusterId, body: 'Giao ước thứ hai cho cùng cụm, cùng năm học.' })).status).toBe(409);
  });

  it('tuyên truyền: tổng hợp theo kênh đếm đúng, cộng dồn lên Sở', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const soId = await e.unitId('SGDDT-42');
    const pdp = await e.login('pdp.tdkt');
    const period = 'from=2030-01-01&to=2030-03-31';
    const add = (channel: string, activityDate: string, participants: number, reach: number) => pdp.post('/api/v1/outreach', { unitId: pdpId, channel, activityDate, title: `Hoạt động ${channel} ${activityDate}`, participants, reach, link: channel === 'website' ? 'https://example.edu.vn/tin' : null });
    expect((await add('zalo', '2030-01-05', 0, 500)).status).toBe(200);
    await add('zalo', '2030-02-10', 0, 300);
    await add('hoi_nghi', '2030-02-20', 120, 0);
    await add('website', '2030-03-31', 0, 1000);
    await add('facebook', '2030-04-01', 0, 9999);
    const bad = await pdp.post('/api/v1/outreach', { unitId: pdpId, channel: 'tivi', activityDate: '2030-01-01', title: 'Sai kênh' });
    expect(bad.status).toBe(400);
    const sum = await pdp.get(`/api/v1/outreach/summary?unitId=${pdpId}&${period}`);
    expect(sum.status).toBe(200);
    const ch = (c: string) => sum.json.channels.find((x: { channel: string }) => x.channel === c);
    expect(ch('zalo')).toMatchObject({ channelLabel: 'Zalo', activities: 2, reach: 800 });
    expect(ch('hoi_nghi')).toMatchObject({ activities: 1, participants: 120 });
    expect(ch('website').activities).toBe(1);
    expect(ch('facebook').activities).toBe(0);
    expect(sum.json.totals).toEqual({ activities: 4, participants: 120, reach: 1800 });
    expect(sum.json.byMonth.map((m: { month: string; zalo: number }) => [m.month, m.zalo])).toEqual([['2030-01', 1], ['2030-02', 1], ['2030-03', 0]]);
    const so = await e.login('so.tdkt');
    expect((await so.get(`/api/v1/outreach/summary?unitId=${soId}&${period}`)).json.totals).toEqual({ activities: 4, participants: 120, reach: 1800 });
    const list = await pdp.get(`/api/v1/outreach?unitId=${pdpId}&${period}&pageSize=2`);
    expect(list.json).toMatchObject({ total: 4, pageSize: 2 });
    expect(list.json.items).toHaveLength(2);
    const council = await e.login('pdp.hoidong');
    expect((await council.get(`/api/v1/outreach/summary?unitId=${pdpId}&${period}`)).status).toBe(200);
    expect((await council.post('/api/v1/outreach', { unitId: pdpId, channel: 'zalo', activityDate: '2030-01-01', title: 'Không có quyền ghi' })).status).toBe(403);
  });

  it('điển hình tiên tiến: mỗi quý một, cấp trên công nhận, đồng ý công bố', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const pdp = await e.login('pdp.tdkt');
    const nominate = (quarter: number, title: string) => pdp.post('/api/v1/exemplars', { unitId: pdpId, schoolYear: 2029, quarter, title, writeUp: 'Gương điển hình tiêu biểu trong phong trào thi đua của nhà trường.', consentPublic: false });
    const first = await nominate(2, 'Tổ Toán – Tin');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'nominated', quarterLabel: 'Quý II năm học 2029-2030', consentPublic: false });
    const second = await nominate(2, 'Tổ Ngữ văn');
    expect(second.status).toBe(409);
    expect(second.json.error.message).toBe('Trường THPT Phan Đình Phùng đã đề cử điển hình tiên tiến quý II năm học 2029-2030; mỗi quý một điển hình');
    expect((await nominate(3, 'Tổ Ngữ văn')).status).toBe(200);
    // The school cannot accept its own; the Sở can.
    expect((await pdp.post(`/api/v1/exemplars/${first.json.id}/decide`, { decision: 'accept' })).status).toBe(403);
    const so = await e.login('so.tdkt');
    expect((await so.post(`/api/v1/exemplars/${first.json.id}/decide`, { decision: 'reject' })).json.error.message).toBe('Nhập lý do không công nhận');
    const acc = await so.post(`/api/v1/exemplars/${first.json.id}/decide`, { decision: 'accept' });
    expect(acc.json).toMatchObject({ status: 'accepted', statusLabel: 'Được công nhận' });
    const consent = await pdp.post(`/api/v1/exemplars/${first.json.id}/consent`, { consentPublic: true });
    expect(consent.json.consentPublic).toBe(true);
    const list = await so.get(`/api/v1/exemplars?unitId=${await e.unitId('SGDDT-42')}&schoolYear=2029`);
    expect(list.json.total).toBe(2);
    expect(list.json.items.find((x: { quarter: number }) => x.quarter === 3).canDecide).toBe(true);
    // Demo: this quarter's exemplar of pdp is accepted and may be published.
    const demo = (await pdp.get(`/api/v1/exemplars?unitId=${pdpId}&status=accepted&pageSize=50`)).json.items.filter((x: { schoolYear: number }) => x.schoolYear !== 2029);
    expect(demo[0]).toMatchObject({ consentPublic: true, personName: 'Nguyễn Thị Lan' });
    const bad = await pdp.post('/api/v1/exemplars', { unitId: pdpId, schoolYear: 2029, quarter: 5, title: 'Sai quý', writeUp: 'Gương điển hình tiêu biểu trong phong trào thi đua.' });
    expect(bad.status).toBe(400);
  });

  it('tài liệu OpenAPI có các đường dẫn mới', async () => {
    const doc = await env().anonymous().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    for (const p of ['/registrations/bulk', '/registrations/self', '/registrations/totals', '/pacts/{id}/sign', '/initiatives/{id}/scores', '/initiatives/{id}/recognise', '/outreach/summary', '/exemplars/{id}/decide']) expect(Object.keys(doc.json.paths)).toContain(p);
  });

  it('dữ liệu mẫu: hai sáng kiến được công nhận, một của Nguyễn Thị Lan năm học hiện tại', async () => {
    const e = env();
    const db = e.deps.database.db;
    const lanId = (await db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id!;
    const rec = await db.selectFrom('initiatives').select(['person_id', 'school_year', 'decision_number']).where('status', '=', 'recognised').where('created_by', 'is not', null).execute();
    const demoRec = rec.filter((r) => r.decision_number === '15/QĐ-THPTPĐP' || r.decision_number === '42/QĐ-THPTPĐP');
    expect(demoRec).toHaveLength(2);
    const month = new Date().getUTCMonth() + 1;
    const year = new Date().getUTCFullYear() - (month >= 8 ? 0 : 1);
    expect(demoRec.find((r) => r.person_id === lanId)?.school_year).toBe(year);
  });

  it('chuyển đăng ký của trường thành đề nghị bình xét; đăng ký đã chuyển không sửa được', async () => {
    const e = env();
    const pdpId = await e.unitId('THPT-42-01');
    const pdp = await e.login('pdp.tdkt');
    const plan = await currentPlan(pdp, pdpId);
    const totals = (await pdp.get(`/api/v1/registrations/totals?planId=${plan.id}&unitId=${pdpId}`)).json;
    const res = await pdp.post('/api/v1/registrations/to-nominations', { planId: plan.id, unitId: pdpId });
    expect(res.status).toBe(200);
    expect(res.json.registrations).toBe(totals.total);
    expect(res.json.nominations).toBe(totals.total);
    const rows = await e.deps.database.db.selectFrom('nominations').select(['title_code', 'source', 'person_id']).where('unit_id', '=', pdpId).execute();
    // Candidates the demo review had already nominated are kept (not duplicated); the rest come from the registrations.
    expect(rows.length).toBeGreaterThanOrEqual(totals.total);
    expect(rows.filter((r) => r.source === 'registration').length).toBeGreaterThan(totals.total / 2);
    expect(rows.filter((r) => r.title_code === 'CSTDCS').length).toBeGreaterThanOrEqual(countOf(totals, 'CSTDCS'));
    const lanId = (await e.deps.database.db.selectFrom('users').select('person_id').where('username', '=', 'gv.lan').executeTakeFirstOrThrow()).person_id;
    expect(rows.some((r) => r.person_id === lanId)).toBe(true);
    const again = await pdp.post('/api/v1/registrations/to-nominations', { planId: plan.id, unitId: pdpId });
    expect(again.json.error.message).toBe('Không còn đăng ký nào chưa chuyển thành đề nghị bình xét');
    const lan = await e.login('gv.lan');
    const locked = await lan.post('/api/v1/registrations/self', { planId: plan.id, titleCode: 'CSTDCS' });
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toBe('Đăng ký đã được chuyển thành đề nghị bình xét, không sửa được nữa');
    expect((await lan.post('/api/v1/registrations/to-nominations', { planId: plan.id, unitId: pdpId })).status).toBe(403);
  });
}, { demo: true });
