import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeOnBothDatabases, download, type TClient } from './harness';
import { DEMO_CCHC_CRITERIA } from '../../src/server/assessments/demo';

const YEAR = 2026;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
// Self scores per leaf (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 4.1, 4.2) of the five schools of cluster 1.
const SELF: Record<string, number[]> = {
  'THPT-42-01': [6, 6, 8, 20, 10, 10, 10, 10, 10, 10], // 100
  'THPT-42-02': [6, 6, 8, 18, 10, 10, 10, 10, 10, 10], // 98, group 2 = 38
  'THPT-42-03': [6, 6, 8, 20, 10, 10, 8, 10, 10, 10], // 98, group 2 = 40 → ranked above THPT-42-02
  'THPT-42-04': [5, 5, 5, 15, 8, 8, 8, 8, 8, 8], // 78
  'THPT-42-05': [0, 4, 6, 16, 8, 8, -2, 8, 8, 8], // 64 (a zero is an answer; -2 under the penalty rule)
};
const WRITER: Record<string, string> = { 'THPT-42-01': 'pdp.tdkt', 'THPT-42-02': 'ts.tdkt', 'THPT-42-03': 'hht.tdkt', 'THPT-42-04': 'so.tdkt', 'THPT-42-05': 'so.tdkt' };

function upload(file: Uint8Array, name: string, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.append('file', new Blob([file as BlobPart]), name);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

async function xlsxBytes(wb: ExcelJS.Workbook) {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describeOnBothDatabases('đánh giá, xếp hạng đơn vị (chỉ số CCHC): bảng tiêu chí, tự đánh giá, thẩm định, phê duyệt, công bố, xếp hạng, đề nghị khen thưởng', (env) => {
  const s: Record<string, any> = {};
  const leafIds = () => (s.criteria as { id: string; code: string; scorable: boolean }[]).filter((c) => c.scorable).map((c) => c.id);
  const crit = (code: string) => (s.criteria as { id: string; code: string }[]).find((c) => c.code === code)!.id;

  it('tạo đợt đánh giá; bảng tiêu chí sai bị từ chối bằng tiếng Việt; đơn vị theo cụm; quyền', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const soId = await e.unitId('SGDDT-42');
    const clusters = await so.get('/api/v1/clusters');
    const cluster = (clusters.json.items ?? clusters.json).find((c: { name: string }) => c.name === 'Cụm thi đua số 1 – các trường THPT');
    const created = await so.post('/api/v1/assessments', {
      ownerUnitId: soId, name: 'Đánh giá Chỉ số CCHC các trường THPT năm 2026', year: YEAR,
      tiers: [{ label: 'Chuyên viên tổng hợp', role: 'officer' }, { label: 'Giám đốc Sở', role: 'head' }, { label: 'Hội đồng TĐKT', role: 'council' }],
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ state: 'draft', stateLabel: 'Đang xây dựng bảng tiêu chí' });
    s.id = created.json.id;
    const bad = await so.put(`/api/v1/assessments/${s.id}/criteria`, { items: [{ code: '1', name: 'Chỉ đạo', maxPoints: 20 }, { code: '1.1', name: 'Kế hoạch', maxPoints: 6 }, { code: '2.1', name: 'Mồ côi', maxPoints: 5 }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('Tiêu chí 2.1 thiếu nhóm/tiêu chí cha 2');
    expect(bad.json.error.fields.map((f: { message: string }) => f.message)).toContain('Điểm tối đa của 1 (20) khác tổng điểm các tiêu chí con (6)');
    const badBands = await so.patch(`/api/v1/assessments/${s.id}`, { bands: [{ code: 'tot', label: 'Tốt', min: 80, minInclusive: true, max: null, maxInclusive: true }, { code: 'kha', label: 'Khá', min: 65, minInclusive: true, max: 80, maxInclusive: true }] });
    expect(badBands.status).toBe(400);
    expect(badBands.json.error.message).toBe('Điểm 80 thuộc cả hai mức Tốt và Khá');
    const ok = await so.put(`/api/v1/assessments/${s.id}/criteria`, { items: DEMO_CCHC_CRITERIA });
    expect(ok.status).toBe(200);
    expect(ok.json.maxTotal).toBe(100);
    s.criteria = ok.json.criteria;
    expect(leafIds()).toHaveLength(10);
    const units = await so.put(`/api/v1/assessments/${s.id}/units`, { clusterIds: [cluster.id], unitIds: [] });
    expect(units.status).toBe(200);
    expect(units.json.units).toHaveLength(5);
    s.units = Object.fromEntries(await Promise.all(Object.keys(SELF).map(async (code) => [code, await e.unitId(code)])));
    expect((await so.patch(`/api/v1/assessments/${s.id}`, { tieRules: [{ criterionCode: '9' }] })).json.error.message).toContain('tiêu chí 9 không có trong bảng tiêu chí');
    expect((await so.patch(`/api/v1/assessments/${s.id}`, { tieRules: [{ criterionCode: '2' }] })).status).toBe(200);

    const doc = (await e.anonymous().get('/api/openapi.json')).json;
    for (const p of ['/assessments', '/assessments/{id}/grid', '/assessments/{id}/criteria/import', '/assessments/{id}/publish', '/assessments/{id}/nominations']) expect(Object.keys(doc.paths)).toContain(p);
    const list = await so.get('/api/v1/assessments?pageSize=5');
    expect(list.json.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await (await e.login('gv.lan')).get('/api/v1/assessments')).status).toBe(403);
    expect((await (await e.login('xa.vhxh')).get(`/api/v1/assessments/${s.id}`)).status).toBe(404);
    expect((await (await e.login('so.giamdoc')).put(`/api/v1/assessments/${s.id}/criteria`, { items: DEMO_CCHC_CRITERIA })).status).toBe(403);
  });

  it('Excel: xuất, nhập lại (khứ hồi), chạy thử báo mọi dòng lỗi và không đổi gì', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const res = await download(e, 'so.tdkt', `/api/v1/assessments/${s.id}/criteria.xlsx`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('Mã');
    const row21 = ws.getRow(7);
    expect([row21.getCell(1).value, row21.getCell(3).value, row21.getCell(10).value]).toEqual(['2.1', 20, 'tthc_online_rate']);
    expect(ws.getRow(11).getCell(5).value).toBe(5); // 3.1: điểm trừ tối đa

    const dry = await so.upload(`/api/v1/assessments/${s.id}/criteria/import?dryRun=true`, upload(bytes, 'bang.xlsx'));
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, applied: false, errors: [], summary: { rows: 14, groups: 4, maxTotal: 100 } });

    ws.getRow(7).getCell(3).value = 'hai mươi';
    ws.getRow(9).getCell(8).value = 'exe';
    ws.getRow(11).getCell(5).value = -5;
    const badBytes = await xlsxBytes(wb);
    const bad = await so.upload(`/api/v1/assessments/${s.id}/criteria/import?dryRun=false`, upload(badBytes, 'bang-loi.xlsx'));
    expect(bad.status).toBe(200);
    expect(bad.json.applied).toBe(false);
    const rows = bad.json.errors.map((x: { row: number }) => x.row);
    expect(rows).toEqual(expect.arrayContaining([7, 9, 11]));
    expect(bad.json.errors.find((x: { row: number }) => x.row === 9).message).toContain('Loại tệp "exe" không được hỗ trợ');
    const after = await so.get(`/api/v1/assessments/${s.id}`);
    expect(after.json.criteria.find((c: { code: string }) => c.code === '2.1').maxPoints).toBe(20);

    const apply = await so.upload(`/api/v1/assessments/${s.id}/criteria/import?dryRun=false`, upload(bytes, 'bang.xlsx'));
    expect(apply.json).toMatchObject({ applied: true, errors: [] });
    const again = await so.get(`/api/v1/assessments/${s.id}`);
    const strip = (c: Record<string, unknown>) => ({ code: c.code, name: c.name, maxPoints: c.maxPoints, bonusPoints: c.bonusPoints, penaltyPoints: c.penaltyPoints, evidenceRequired: c.evidenceRequired, evidenceTypes: c.evidenceTypes, indicatorCode: c.indicatorCode, id: c.id });
    expect(again.json.criteria.map(strip)).toEqual(s.criteria.map(strip)); // same ids kept by code
    expect(again.json.tieRules).toEqual([{ criterionCode: '2' }]);
  });

  it('phân công người thẩm định theo nhóm; mở tự đánh giá', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const admin = await e.login('admin');
    const soId = await e.unitId('SGDDT-42');
    // A Sở officer who is also the TĐKT officer of the Phan Đình Phùng school: a conflict by role.
    const mixed = await admin.post('/api/v1/users', { username: 'so.kiemnhiem', fullName: 'Trần Văn Kiêm', password: 'demo-pass-123', roles: [{ role: 'officer', unitId: soId }, { role: 'officer', unitId: s.units['THPT-42-01'] }] });
    expect(mixed.status).toBe(200);
    const cands = await so.get(`/api/v1/assessments/${s.id}/reviewer-candidates`);
    const uid = (u: string) => cands.json.items.find((x: { username: string }) => x.username === u).id;
    s.r1 = uid('so.thamdinh1'); s.r2 = uid('so.thamdinh2'); s.rx = uid('so.kiemnhiem');
    const pdpOfficer = await e.deps.database.db.selectFrom('users').select('id').where('username', '=', 'pdp.tdkt').executeTakeFirstOrThrow();
    const outsider = await so.put(`/api/v1/assessments/${s.id}/reviewers`, { items: [{ groupId: crit('1'), userIds: [pdpOfficer.id] }] });
    expect(outsider.status).toBe(400);
    expect(outsider.json.error.message).toBe('Người thẩm định phải là cán bộ của đơn vị tổ chức đánh giá');
    const set = await so.put(`/api/v1/assessments/${s.id}/reviewers`, { items: [
      { groupId: crit('1'), userIds: [s.r1, s.r2, s.rx] }, { groupId: crit('2'), userIds: [s.r1] }, { groupId: crit('3'), userIds: [s.r2] }, { groupId: crit('4'), userIds: [s.r1] },
    ] });
    expect(set.status).toBe(200);
    expect(set.json.reviewers).toHaveLength(6);
    const open = await so.post(`/api/v1/assessments/${s.id}/open`);
    expect(open.json.state).toBe('self_assessment');
    expect((await so.put(`/api/v1/assessments/${s.id}/criteria`, { items: DEMO_CCHC_CRITERIA })).json.error.message).toContain('Chỉ sửa được bảng tiêu chí khi đang xây dựng');
  });

  it('tự đánh giá: điểm quá tối đa, điểm âm không có quy định trừ, gửi thiếu tiêu chí, minh chứng sai loại — báo lỗi, không lưu gì', async () => {
    const e = env();
    const pdp = await e.login('pdp.tdkt');
    const u = s.units['THPT-42-01'];
    const base = `/api/v1/assessments/${s.id}/units/${u}`;
    const over = await pdp.put(`${base}/self`, { items: [{ criterionId: crit('1.2'), score: 5 }, { criterionId: crit('2.1'), score: 21, explanation: 'Tỷ lệ 95%' }] });
    expect(over.status).toBe(400);
    expect(over.json.error.message).toBe('Điểm của tiêu chí 2.1 vượt quá điểm tối đa (20)');
    const bonus = await pdp.put(`${base}/self`, { items: [{ criterionId: crit('2.3'), score: 12.5 }] });
    expect(bonus.json.error.message).toBe('Điểm của tiêu chí 2.3 vượt quá điểm tối đa cộng điểm thưởng (12)');
    const negative = await pdp.put(`${base}/self`, { items: [{ criterionId: crit('3.2'), score: -1 }] });
    expect(negative.json.error.message).toBe('Tiêu chí 3.2 không có quy định điểm trừ nên không nhận điểm âm');
    const group = await pdp.put(`${base}/self`, { items: [{ criterionId: crit('1'), score: 10 }] });
    expect(group.status).toBe(400);
    const view = await pdp.get(`${base}/self`);
    expect(view.json.items.filter((i: { score: number | null }) => i.score != null)).toHaveLength(0); // nothing saved

    const so = await e.login('so.tdkt');
    expect((await so.patch(`/api/v1/assessments/${s.id}`, { selfDeadline: '2020-01-01' })).status).toBe(200);
    const late = await pdp.put(`${base}/self`, { items: [{ criterionId: crit('1.2'), score: 5 }] });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ code: 'DEADLINE_PASSED', message: 'Đã quá hạn tự đánh giá (01/01/2020)' });
    expect((await so.patch(`/api/v1/assessments/${s.id}`, { selfDeadline: null })).status).toBe(200);

    const partial = await pdp.put(`${base}/self`, { items: leafIds().slice(0, 9).map((id, k) => ({ criterionId: id, score: SELF['THPT-42-01'][k], explanation: 'Có báo cáo' })) });
    expect(partial.status).toBe(200);
    const missing = await pdp.post(`${base}/submit`);
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toBe('Chưa chấm 1 tiêu chí: 4.2. Điểm 0 cũng cần được nhập.');

    const png = await pdp.upload(`${base}/evidence`, upload(PNG, 'anh.png', { criterionId: crit('1.1') }));
    expect(png.status).toBe(415);
    expect(png.json.error.message).toBe('Minh chứng của tiêu chí 1.1 phải là tệp PDF, Word (.docx) (tệp đã chọn là ảnh PNG)');
    const other = await (await e.login('ts.tdkt')).put(`${base}/self`, { items: [{ criterionId: crit('1.2'), score: 1 }] });
    expect(other.status).toBe(404);
  });

  it('tiêu chí lấy số liệu từ chỉ tiêu báo cáo định kỳ (tthc_online_rate) của đơn vị', async () => {
    const e = env();
    const db = e.deps.database.db;
    const so = await e.login('so.tdkt');
    const soId = await e.unitId('SGDDT-42');
    const plan = await so.post('/api/v1/plans/from-catalogue', { unitId: soId, code: 'day-tot-hoc-tot', schoolYear: YEAR });
    expect(plan.status).toBe(200);
    const now = new Date().toISOString();
    const formId = `f-${e.kind}`, periodId = `p-${e.kind}`, subId = `s-${e.kind}`;
    const pdpId = s.units['THPT-42-01'];
    await db.insertInto('report_forms').values({ id: formId, plan_id: plan.json.id, unit_id: soId, province_code: '42', title: 'Báo cáo CCHC quý', schedule: 'quarterly', due_days: 10, sections: '[]', created_by: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('report_periods').values({ id: periodId, form_id: formId, province_code: '42', kind: 'quarter', label: 'Quý IV/2026', period_from: '2026-10-01', period_to: '2026-12-31', opens_on: '2026-12-01', due_date: '2027-01-10', created_at: now }).execute();
    await db.insertInto('report_submissions').values({ id: subId, form_id: formId, period_id: periodId, unit_id: pdpId, province_code: '42', state: 'accepted', late: 0, submitted_at: now, submitted_by: null, decided_at: now, decided_by: null, return_reason: null, version: 1, created_by: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('report_values').values({ id: `v-${e.kind}`, submission_id: subId, form_id: formId, period_id: periodId, unit_id: pdpId, province_code: '42', indicator_code: 'tthc_online_rate', value_num: 92, value_text: null, updated_at: now }).execute();
    const pdp = await e.login('pdp.tdkt');
    const view = await pdp.get(`/api/v1/assessments/${s.id}/units/${pdpId}/self`);
    expect(view.json.items.find((i: { code: string }) => i.code === '2.1')).toMatchObject({ indicatorCode: 'tthc_online_rate', indicatorValue: 92, suggestedScore: 18.4 });
    await pdp.put(`/api/v1/assessments/${s.id}/units/${pdpId}/self`, { items: [{ criterionId: crit('2.1'), score: 18, explanation: 'Tỷ lệ trực tuyến 92%' }] });
    const row = await db.selectFrom('assessment_self_scores').select('indicator_value').where('assessment_id', '=', s.id).where('unit_id', '=', pdpId).where('criterion_id', '=', crit('2.1')).executeTakeFirstOrThrow();
    expect(Number(row.indicator_value)).toBe(92);
  });

  it('các đơn vị tự đánh giá đủ, có minh chứng, gửi; sau khi gửi không sửa được', async () => {
    const e = env();
    for (const [code, scores] of Object.entries(SELF)) {
      const c = await e.login(WRITER[code]);
      const base = `/api/v1/assessments/${s.id}/units/${s.units[code]}`;
      const save = await c.put(`${base}/self`, { items: leafIds().map((id, k) => ({ criterionId: id, score: scores[k], explanation: `Giải trình tiêu chí ${k + 1}` })) });
      expect(save.status, JSON.stringify(save.json)).toBe(200);
      const noEvidence = await c.post(`${base}/submit`);
      expect(noEvidence.json.error.message).toBe('Tiêu chí 1.1 yêu cầu tệp minh chứng');
      const ev = await c.upload(`${base}/evidence`, upload(PDF, 'Ke-hoach-CCHC.pdf', { criterionId: crit('1.1') }));
      expect(ev.status).toBe(200);
      if (code === 'THPT-42-01') {
        const extra = await c.upload(`${base}/evidence`, upload(PDF, 'Ban-nhap.pdf', { criterionId: crit('1.2') }));
        expect((await c.request('DELETE', `/api/v1/assessments/${s.id}/evidence/${extra.json.id}`)).status).toBe(200);
        const items = (await c.get(`${base}/self`)).json.items;
        expect(items.find((i: { code: string }) => i.code === '1.2').evidence).toEqual([]);
        expect(items.find((i: { code: string }) => i.code === '1.1').evidence.map((x: { fileName: string }) => x.fileName)).toEqual(['Ke-hoach-CCHC.pdf']);
      }
      const sent = await c.post(`${base}/submit`);
      expect(sent.status).toBe(200);
      expect(sent.json.selfTotal).toBe(scores.reduce((x, y) => x + y, 0));
    }
    const pdp = await e.login('pdp.tdkt');
    const locked = await pdp.put(`/api/v1/assessments/${s.id}/units/${s.units['THPT-42-01']}/self`, { items: [{ criterionId: crit('1.2'), score: 1 }] });
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toBe('Đơn vị đã gửi tự đánh giá, không sửa được nữa');
    // An assessed unit sees only itself before publication.
    expect((await pdp.get(`/api/v1/assessments/${s.id}`)).json.units).toHaveLength(1);
    expect((await (await e.login('so.tdkt')).post(`/api/v1/assessments/${s.id}/start-appraisal`)).json.state).toBe('appraisal');
  });

  it('thẩm định: lý do bắt buộc, không chấm đơn vị của mình, điểm là bình quân người chấm — người xin không tham gia không kéo điểm xuống', async () => {
    const e = env();
    const r1 = await e.login('so.thamdinh1');
    const r2 = await e.login('so.thamdinh2');
    const rx = await e.login('so.kiemnhiem');
    const url = `/api/v1/assessments/${s.id}/grid`;
    const U = s.units;
    const noReason = await r1.patch(url, { unitId: U['THPT-42-04'], criterionId: crit('1.1'), score: 3, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toBe('Mỗi lần thay đổi điểm thẩm định cần ghi lý do');
    const over = await r1.patch(url, { unitId: U['THPT-42-04'], criterionId: crit('1.1'), score: 7, reason: 'Thử' });
    expect(over.json.error.message).toBe('Điểm của tiêu chí 1.1 vượt quá điểm tối đa (6)');
    const own = await rx.patch(url, { unitId: U['THPT-42-01'], criterionId: crit('1.1'), score: 1, reason: 'Chấm lại' });
    expect(own.status).toBe(403);
    expect(own.json.error.message).toBe('Người thẩm định không được chấm điểm đơn vị của chính mình');
    const notMine = await r2.patch(url, { unitId: U['THPT-42-04'], criterionId: crit('2.1'), score: 10, reason: 'Chấm lại' });
    expect(notMine.status).toBe(403);
    expect(notMine.json.error.message).toBe('Bạn không được phân công thẩm định nhóm tiêu chí 2');

    expect((await r1.patch(url, { unitId: U['THPT-42-04'], criterionId: crit('1.1'), score: 3, reason: 'Kế hoạch ban hành chậm 10 ngày' })).json).toMatchObject({ final: 3, count: 1 });
    expect((await r2.patch(url, { unitId: U['THPT-42-04'], criterionId: crit('1.1'), score: 5, reason: 'Kế hoạch đủ nội dung, chậm hạn' })).json).toMatchObject({ final: 4, count: 2 });
    // Reviewer 2 steps aside on THPT-42-05 for group 1 after scoring; their score there is withdrawn.
    await r2.patch(url, { unitId: U['THPT-42-05'], criterionId: crit('1.1'), score: 0, reason: 'Không có kế hoạch' });
    const noWhy = await r2.post(`/api/v1/assessments/${s.id}/recusals`, { groupId: crit('1'), unitId: U['THPT-42-05'], reason: '' });
    expect(noWhy.json.error.message).toBe('Cần nêu lý do không tham gia thẩm định');
    expect((await r2.post(`/api/v1/assessments/${s.id}/recusals`, { groupId: crit('1'), unitId: U['THPT-42-05'], reason: 'Vợ tôi là hiệu trưởng trường này' })).status).toBe(200);
    expect((await r1.patch(url, { unitId: U['THPT-42-05'], criterionId: crit('1.1'), score: 2, reason: 'Có dự thảo kế hoạch' })).json).toMatchObject({ final: 2, count: 1 });
    const afterRecusal = await r2.patch(url, { unitId: U['THPT-42-05'], criterionId: crit('1.2'), score: 1, reason: 'x x x' });
    expect(afterRecusal.json.error.message).toBe('Bạn đã xin không tham gia thẩm định đơn vị này');

    const grid = await r1.get(`${url}?groupId=${crit('1')}`);
    expect(grid.json.criteria).toHaveLength(3);
    const cell = (unit: string, c: string) => grid.json.cells.find((x: { unitId: string; criterionId: string }) => x.unitId === unit && x.criterionId === c);
    expect(cell(U['THPT-42-05'], crit('1.1'))).toMatchObject({ self: 0, final: 2, mine: 2, count: 1, canEdit: true });
    expect(cell(U['THPT-42-04'], crit('1.1'))).toMatchObject({ self: 5, final: 4, mine: 3, count: 2 });
    const rxGrid = await rx.get(url);
    expect(rxGrid.json.units.find((x: { unitId: string }) => x.unitId === U['THPT-42-01']).own).toBe(true);
    const audit = await e.deps.database.db.selectFrom('audit_log').select(['reason', 'after_json']).where('action', '=', 'assessment.score').where('entity_id', '=', s.id).orderBy('seq').execute();
    expect(audit.map((a) => a.reason)).toContain('Kế hoạch ban hành chậm 10 ngày');
    const reasons = await (await e.login('so.tdkt')).get(`${url}/cell?unitId=${U['THPT-42-04']}&criterionId=${crit('1.1')}`);
    expect(reasons.json.items.map((i: { reason: string }) => i.reason).sort()).toEqual(['Kế hoạch ban hành chậm 10 ngày', 'Kế hoạch đủ nội dung, chậm hạn']);
  });

  it('các cấp phê duyệt: đúng vai trò, trả lại một cấp có lý do; cấp cuối công bố; sau công bố không thay đổi được', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const hd = await e.login('so.hoidong');
    const base = `/api/v1/assessments/${s.id}`;
    expect((await gd.post(`${base}/submit`)).status).toBe(403);
    expect((await so.post(`${base}/submit`)).json).toMatchObject({ state: 'approval', currentTier: 0, currentTierLabel: 'Chuyên viên tổng hợp' });
    expect((await gd.post(`${base}/approve`, {})).status).toBe(403);
    expect((await so.post(`${base}/approve`, {})).json.currentTierLabel).toBe('Giám đốc Sở');
    const wrongRole = await so.post(`${base}/approve`, {});
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.json.error.message).toBe('Bước “Giám đốc Sở” do thủ trưởng của đơn vị tổ chức đánh giá thực hiện');
    expect((await gd.post(`${base}/approve`, { reason: 'Đồng ý' })).json).toMatchObject({ currentTier: 2, can: { approve: false } });
    const hdView = await hd.get(base);
    expect(hdView.json.can).toMatchObject({ approve: true, publish: true });
    expect((await hd.post(`${base}/return`, { reason: '' })).json.error.message).toBe('Trả lại cần ghi rõ lý do');
    expect((await hd.post(`${base}/return`, { reason: 'Đề nghị rà soát điểm nhóm 1 của THPT Kỳ Anh' })).json.currentTier).toBe(1);
    expect((await gd.post(`${base}/approve`, {})).json.currentTier).toBe(2);
    const published = await hd.post(`${base}/publish`, { reason: 'Hội đồng thống nhất' });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ state: 'published', stateLabel: 'Đã công bố kết quả' });
    expect(published.json.approvals.map((a: { actionLabel: string }) => a.actionLabel)).toEqual(['Trình phê duyệt', 'Đồng ý', 'Đồng ý', 'Trả lại', 'Đồng ý', 'Công bố kết quả']);

    const r1 = await e.login('so.thamdinh1');
    const late = await r1.patch(`${base}/grid`, { unitId: s.units['THPT-42-04'], criterionId: crit('1.1'), score: 6, reason: 'Sửa sau công bố' });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe('Kết quả đánh giá đã công bố, không thể thay đổi');
    expect((await so.put(`${base}/criteria`, { items: DEMO_CCHC_CRITERIA })).json.error.message).toBe('Kết quả đánh giá đã công bố, không thể thay đổi');
    expect((await so.patch(base, { name: 'Đổi tên' })).status).toBe(409);
    expect((await hd.post(`${base}/return`, { reason: 'Mở lại' })).status).toBe(409);
    const frozen = await e.deps.database.db.selectFrom('assessment_results').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', s.id).executeTakeFirst();
    expect(Number(frozen?.n)).toBe(50);
  });

  it('xếp hạng trong cụm: bằng điểm thì xét tiêu chí đã nêu; đơn vị xem kết quả của mình với lý do của người thẩm định', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    const ranking = await so.get(`/api/v1/assessments/${s.id}/ranking`);
    expect(ranking.status).toBe(200);
    const rows = ranking.json.clusters[0].rows.map((r: { unitId: string; total: number; rank: number; bandLabel: string; tiedOn: string | null }) => ({ ...r, code: Object.keys(s.units).find((k) => s.units[k] === r.unitId) }));
    expect(rows.map((r: { code: string; total: number; rank: number }) => [r.code, r.total, r.rank])).toEqual([
      ['THPT-42-01', 100, 1], ['THPT-42-03', 98, 2], ['THPT-42-02', 98, 3], ['THPT-42-04', 77, 4], ['THPT-42-05', 66, 5],
    ]);
    expect(rows[1].tiedOn).toBe('2');
    expect(rows.map((r: { bandLabel: string }) => r.bandLabel)).toEqual(['Xuất sắc', 'Xuất sắc', 'Xuất sắc', 'Khá', 'Khá']);
    expect(ranking.json.tieRules[0]).toEqual({ criterionCode: '2', name: 'Thủ tục hành chính và chuyển đổi số' });

    const ka = await so.get(`/api/v1/assessments/${s.id}/units/${s.units['THPT-42-04']}/result`);
    const c11 = ka.json.items.find((i: { code: string }) => i.code === '1.1');
    expect(c11).toMatchObject({ self: 5, final: 4 });
    expect(c11.reasons.map((r: { reason: string }) => r.reason).sort()).toEqual(['Kế hoạch ban hành chậm 10 ngày', 'Kế hoạch đủ nội dung, chậm hạn']);
    const pdp = await e.login('pdp.tdkt');
    const mine = await pdp.get(`/api/v1/assessments/${s.id}/units/${s.units['THPT-42-01']}/result`);
    expect(mine.json).toMatchObject({ published: true, total: 100, rank: 1, bandLabel: 'Xuất sắc' });
    expect((await pdp.get(`/api/v1/assessments/${s.id}/units/${s.units['THPT-42-04']}/result`)).status).toBe(404);

    const charts = await pdp.get(`/api/v1/assessments/${s.id}/charts?unitId=${s.units['THPT-42-01']}`);
    expect(charts.status).toBe(200);
    expect(charts.json.byGroup[0]).toMatchObject({ code: '1', unit: 20, average: 17.2 }) // (20 + 20 + 20 + 14 + 12) / 5;
    // The demo's published round of the previous year (same Sở, same series) comes first.
    expect(charts.json.years).toHaveLength(2);
    expect(charts.json.years[1]).toMatchObject({ year: 2026, unit: 100, average: 87.8 });
    expect(charts.json.distribution.find((d: { code: string }) => d.code === 'xuat_sac').count).toBe(3);
  });

  it('đề nghị khen thưởng: Giấy khen cho 2 đơn vị dẫn đầu, Cờ thi đua cho đơn vị dẫn đầu cụm; gọi lại không tạo trùng', async () => {
    const e = env();
    const so = await e.login('so.tdkt');
    expect((await (await e.login('so.hoidong')).post(`/api/v1/assessments/${s.id}/nominations`)).status).toBe(403);
    const res = await so.post(`/api/v1/assessments/${s.id}/nominations`);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const got = res.json.items.map((i: { candidateUnitId: string; titleCode: string }) => `${Object.keys(s.units).find((k) => s.units[k] === i.candidateUnitId)}:${i.titleCode}`).sort();
    expect(got).toEqual(['THPT-42-01:CO_THI_DUA', 'THPT-42-01:GIAY_KHEN', 'THPT-42-03:GIAY_KHEN']);
    const again = await so.post(`/api/v1/assessments/${s.id}/nominations`);
    expect(again.status).toBe(200);
    const rows = await e.deps.database.db.selectFrom('nominations').select(['candidate_kind', 'source', 'source_ref', 'title_code']).where('source_ref', '=', s.id).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.candidate_kind === 'tap_the' && r.source === 'assessment')).toBe(true);
  });
});
