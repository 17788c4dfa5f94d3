import { expect, it } from 'vitest';
import { parseDocumentText } from '../../src/importer';
import { describeOnBothDatabases } from './harness';

// A school's own Quyết định with its Danh sách, read by the real parser.
const DECISION = `SỞ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRƯỜNG THPT PHAN ĐÌNH PHÙNG | Độc lập - Tự do - Hạnh phúc
Số: 58/QĐ-THPTPĐP | Hà Tĩnh, ngày 25 tháng 5 năm 2025

QUYẾT ĐỊNH
Về việc tặng Giấy khen cho cá nhân có thành tích xuất sắc
trong phong trào thi đua năm học 2024 - 2025

HIỆU TRƯỞNG TRƯỜNG THPT PHAN ĐÌNH PHÙNG

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;
Xét đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường.

QUYẾT ĐỊNH:

Điều 1. Tặng Giấy khen của Hiệu trưởng cho 02 cá nhân có thành tích xuất sắc trong phong trào thi đua năm học 2024 - 2025 (có danh sách kèm theo).
Điều 2. Mỗi cá nhân được tặng Giấy khen kèm theo tiền thưởng 300.000 đồng, trích từ quỹ thi đua, khen thưởng của nhà trường.
Điều 3. Kế toán, Tổ trưởng chuyên môn và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận: | HIỆU TRƯỞNG
- Như Điều 3; |
- Lưu: VT. | Lê Văn Thành

DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN
(Kèm theo Quyết định số 58/QĐ-THPTPĐP ngày 25/5/2025 của Hiệu trưởng Trường THPT Phan Đình Phùng)

| TT | Họ và tên | Chức vụ, đơn vị | Hình thức khen thưởng | Số tiền (đồng) |
| 1 | Nguyễn Thị Lan | Giáo viên, Trường THPT Phan Đình Phùng | Giấy khen | 300.000 |
| 2 | Âu Dương Phong Vân | Giáo viên, Trường THPT Phan Đình Phùng | Giấy khen | 300.000 |
`;

describeOnBothDatabases('lịch sử khen thưởng và nhập quyết định', (env) => {
  const parsed = parseDocumentText(DECISION);

  async function lanAtPdp(c: Awaited<ReturnType<ReturnType<typeof env>['login']>>) {
    const items = (await c.get('/api/v1/people?q=nguyen thi lan&pageSize=50')).json.items as { id: string; fullName: string; unitName: string }[];
    return items.filter((p) => p.fullName === 'Nguyễn Thị Lan' && p.unitName === 'Trường THPT Phan Đình Phùng');
  }

  it('đối chiếu: "Nguyễn Thị Lan" ra hồ sơ của cô ở trường; tên không có trong phạm vi thì không có ứng viên; không ghi gì', async () => {
    expect(parsed.docType.value).toBe('quyet_dinh');
    expect(parsed.awardees.map((a) => a.name.value)).toEqual(['Nguyễn Thị Lan', 'Âu Dương Phong Vân']);
    const c = await env().login('pdp.tdkt');
    const lans = await lanAtPdp(c);
    expect(lans.length).toBeGreaterThan(0);
    // Her history from the demo (ten school years), unchanged by the match.
    const before = await Promise.all(lans.map(async (p) => (await c.get(`/api/v1/awards?personId=${p.id}`)).json.items));
    const res = await c.post('/api/v1/awards/match', { parsed });
    expect(res.status).toBe(200);
    expect(res.json.decision).toEqual({ number: '58/QĐ-THPTPĐP', date: '2025-05-25', authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng' });
    expect(res.json.schoolYear).toBe(2024);
    const [lan, stranger] = res.json.rows;
    expect(lan).toMatchObject({ name: 'Nguyễn Thị Lan', code: 'GIAY_KHEN', codeLabel: 'Giấy khen', amount: 300000, thematic: false });
    expect(['exact', 'probable']).toContain(lan.confidence);
    expect(lan.candidates.map((x: { personId: string }) => x.personId).sort()).toEqual(lans.map((p) => p.id).sort());
    if (lans.length === 1) expect(lan.confidence).toBe('exact');
    expect(lan.candidates[0].unitName).toBe('Trường THPT Phan Đình Phùng');
    expect(stranger).toMatchObject({ name: 'Âu Dương Phong Vân', confidence: 'none', candidates: [] });
    for (const [i, p] of lans.entries()) expect((await c.get(`/api/v1/awards?personId=${p.id}`)).json.items).toEqual(before[i]);
    expect(before.flat().some((a: { decisionNumber: string }) => a.decisionNumber === '58/QĐ-THPTPĐP')).toBe(false);
  });

  it('nhập quyết định: ghi vào lịch sử của cô; chạy lại không tạo trùng; có nhật ký', async () => {
    const c = await env().login('pdp.tdkt');
    const m = (await c.post('/api/v1/awards/match', { parsed })).json;
    const row = m.rows[0];
    const personId = row.candidates[0].personId;
    const body = { decision: m.decision, rows: [{ personId, code: row.code, name: row.awardName, schoolYear: m.schoolYear, amount: row.amount, thematic: row.thematic }] };
    const before = (await c.get(`/api/v1/awards?personId=${personId}`)).json.items;
    const first = await c.post('/api/v1/awards/import-decision', body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ created: 1, alreadyRecorded: 0 });
    const history = (await c.get(`/api/v1/awards?personId=${personId}`)).json.items;
    expect(history).toHaveLength(before.length + 1);
    expect(history.filter((a: { decisionNumber: string }) => a.decisionNumber === '58/QĐ-THPTPĐP')).toEqual([expect.objectContaining({
      codeLabel: 'Giấy khen', name: 'Giấy khen', schoolYearLabel: '2024-2025', decisionNumber: '58/QĐ-THPTPĐP', decisionDate: '2025-05-25',
      authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', amount: 300000, thematic: false, source: 'decision_import', voided: false,
    })]);
    const again = await c.post('/api/v1/awards/import-decision', body);
    expect(again.json).toMatchObject({ created: 0, alreadyRecorded: 1 });
    expect((await c.get(`/api/v1/awards?personId=${personId}`)).json.items).toHaveLength(before.length + 1);
    const audit = (await c.get(`/api/v1/audit?entityType=person&entityId=${personId}`)).json.items;
    expect(audit.filter((a: { action: string }) => a.action === 'award.import')).toHaveLength(1);
  });

  it('nhập tay: trùng (cùng người, danh hiệu, năm học, số quyết định) bị chặn 409; hủy có lý do rồi nhập lại được', async () => {
    const c = await env().login('pdp.tdkt');
    const [lan] = await lanAtPdp(c);
    // A year in which her demo history has no CSTĐCS (she has them in 2023-2024 and 2024-2025).
    const entry = { personId: lan.id, code: 'CSTDCS', schoolYear: 2021, decisionNumber: '112/QĐ-SGDĐT', decisionDate: '2022-06-20', authority: 'Giám đốc Sở Giáo dục và Đào tạo', amount: 1_490_000 };
    expect((await c.get(`/api/v1/awards?personId=${lan.id}`)).json.items.filter((a: { code: string; schoolYear: number }) => a.code === 'CSTDCS' && a.schoolYear === 2021)).toEqual([]);
    const ok = await c.post('/api/v1/awards', entry);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ name: 'Chiến sĩ thi đua cơ sở', schoolYearLabel: '2021-2022', amount: 1490000, source: 'manual' });
    const dup = await c.post('/api/v1/awards', { ...entry, decisionNumber: '112/qđ-sgdđt' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toBe('Nguyễn Thị Lan đã có khen thưởng "Chiến sĩ thi đua cơ sở" năm học 2021-2022 theo Quyết định số 112/QĐ-SGDĐT; không ghi trùng');
    const noReason = await c.post(`/api/v1/awards/${ok.json.id}/void`, { reason: '' });
    expect(noReason.status).toBe(400);
    const voided = await c.post(`/api/v1/awards/${ok.json.id}/void`, { reason: 'Nhập nhầm năm học' });
    expect(voided.json).toMatchObject({ voided: true, voidReason: 'Nhập nhầm năm học' });
    const items = (await c.get(`/api/v1/awards?personId=${lan.id}`)).json.items;
    expect(items.filter((a: { code: string; schoolYear: number; voided: boolean }) => a.code === 'CSTDCS' && a.schoolYear === 2021 && !a.voided)).toEqual([]);
    expect((await c.post('/api/v1/awards', entry)).status).toBe(200);
    const audit = (await c.get(`/api/v1/audit?entityType=person&entityId=${lan.id}`)).json.items;
    expect(audit.find((a: { action: string }) => a.action === 'award.void')).toMatchObject({ reason: 'Nhập nhầm năm học' });
  });

  it('cán bộ TĐKT trường không nhập được cho người trường khác, không thấy lịch sử của họ', async () => {
    const e = env();
    const otherUnit = await e.unitId('THPT-42-02');
    const other = await e.deps.database.db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', otherUnit).limit(1).executeTakeFirstOrThrow();
    const c = await e.login('pdp.tdkt');
    const recorded = async () => Number((await e.deps.database.db.selectFrom('awards').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', other.id).executeTakeFirstOrThrow()).n);
    const before = await recorded();
    const res = await c.post('/api/v1/awards/import-decision', { decision: { number: '58/QĐ-THPTPĐP', date: '2025-05-25' }, rows: [{ personId: other.id, code: 'GIAY_KHEN', schoolYear: 2024, amount: 300000 }] });
    expect([403, 404]).toContain(res.status);
    expect((await c.post('/api/v1/awards', { personId: other.id, code: 'GIAY_KHEN', schoolYear: 2024 })).status).toBe(res.status);
    expect([403, 404]).toContain((await c.get(`/api/v1/awards?personId=${other.id}`)).status);
    const so = await e.login('so.tdkt');
    // Nothing was written; the Sở (whose reach includes that school) sees exactly the recorded history.
    expect(await recorded()).toBe(before);
    const soView = await so.get(`/api/v1/awards?personId=${other.id}`);
    expect(soView.status).toBe(200);
    expect(soView.json.items).toHaveLength(before);
    // The match of a name from another school finds nothing for the school officer.
    const m = (await c.post('/api/v1/awards/match', { parsed: { ...parsed, awardees: [{ ...parsed.awardees[0], name: { ...parsed.awardees[0].name, value: other.full_name } }] } })).json;
    expect(m.rows[0].candidates.map((x: { personId: string }) => x.personId)).not.toContain(other.id);
  });

  it('API mô tả trong OpenAPI; văn bản đọc sai cấu trúc bị từ chối với thông báo rõ', async () => {
    const doc = (await env().anonymous().get('/api/openapi.json')).json;
    for (const p of ['/awards', '/awards/match', '/awards/import-decision', '/awards/{id}/void']) expect(Object.keys(doc.paths)).toContain(p);
    const c = await env().login('pdp.tdkt');
    const bad = await c.post('/api/v1/awards/match', { parsed: { docType: 'quyet_dinh' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^Dữ liệu văn bản không hợp lệ: parsed\./);
  });
});
