// Documents on both databases: the register (sổ văn bản đi) under concurrency, reserve / issue /
// cancel, generated documents (DOCX text after issuing, immutability), unit-subtree access, PDF
// (LibreOffice), signed scans, the NĐ 30 checker over HTTP, certificate layouts and batches.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { expect, it } from 'vitest';
import { checkNd30Docx, isLibreOfficeAvailable } from '../../src/documents';
import { verifyAuditChain } from '../../src/server/audit/audit';
import { docxLines } from '../fixtures/documents/docx-helpers';
import { pdfPageLines } from '../fixtures/documents/pdf-helpers';
import { SO, achievementIndividualSample, decisionSample, planSample } from '../fixtures/documents/samples';
import { DEMO_PASSWORD, describeOnBothDatabases, type TTestEnv } from './harness';

const hasSoffice = await isLibreOfficeAvailable();
const strict = process.env.THIDUA_TEST_STRICT === '1';
if (!hasSoffice && !strict) console.warn('skip: LibreOffice (soffice) is not installed; PDF document specs skipped');

/** A logged-in session that can also download bytes (the harness client reads JSON only). */
async function session(e: TTestEnv, username: string) {
  const res = await e.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: username === 'admin' ? undefined : DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = { cookie };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) { payload = JSON.stringify(body); headers['content-type'] = 'application/json'; }
    const r = await e.app.request(url, { method, headers, body: payload });
    const bytes = Buffer.from(await r.arrayBuffer());
    const isJson = r.headers.get('content-type')?.includes('json');
    return { status: r.status, headers: r.headers, bytes, json: isJson && bytes.length ? JSON.parse(bytes.toString('utf8')) : null };
  };
  return { get: (u: string) => call('GET', u), post: (u: string, b?: unknown) => call('POST', u, b ?? {}), put: (u: string, b?: unknown) => call('PUT', u, b ?? {}) };
}

const soPlan = (title = planSample.title) => ({ ...planSample, title, issuing: { ...SO, number: null, date: null } });
const fileForm = (bytes: Uint8Array, name: string, type: string) => {
  const f = new FormData();
  f.append('file', new File([new Uint8Array(bytes)], name, { type }));
  return f;
};
/** A minimal valid one-page PDF, as a scanner would send. */
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeOnBothDatabases('văn bản: sổ văn bản đi, dự thảo, ban hành, bản ký, kiểm tra thể thức', (env) => {
  it('50 yêu cầu giữ số đồng thời nhận đúng các số 1..50, không trùng, không bỏ sót', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => so.post('/api/v1/documents/register/reserve', { unitId, typeCode: i % 2 ? 'KH' : 'QĐ', year: 2031, note: `giữ số ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const numbers = results.map((r) => r.json.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const seven = results.find((r) => r.json.number === 7)!.json;
    expect(seven.symbol).toMatch(/^07\/(KH|QĐ)-SGDĐT$/);
    const rows = await e.deps.database.db.selectFrom('document_numbers').select(['number']).where('unit_id', '=', unitId).where('year', '=', 2031).execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(50);
    const reg = await so.get(`/api/v1/documents/register?unitId=${unitId}&year=2031&pageSize=200`);
    expect(reg.json.total).toBe(50);
    expect(reg.json.items[0]).toMatchObject({ number: 1, status: 'reserved' });
  });

  it('ban hành đồng thời 12 dự thảo: số liên tiếp tiếp theo sổ, mỗi văn bản một số', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const drafts = await Promise.all(Array.from({ length: 12 }, (_, i) => so.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: soPlan(`Kế hoạch thử số ${i + 1} năm 2032`) })));
    expect(drafts.map((d) => d.status)).toEqual(Array(12).fill(200));
    const issued = await Promise.all(drafts.map((d) => so.post(`/api/v1/documents/${d.json.id}/issue`, { date: '2032-03-02' })));
    expect(issued.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(issued.map((r) => r.json.register.number).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(issued.map((r) => r.json.numberText)).size).toBe(12);
  });

  it('giữ số, hủy số có lý do: số đã hủy không bao giờ cấp lại; chỉ hủy được số đang giữ chỗ', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const a = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'TB', year: 2033 });
    expect(a.json).toMatchObject({ number: 1, symbol: '01/TB-SGDĐT', numberText: 'Số: 01/TB-SGDĐT', status: 'reserved' });
    const noReason = await so.post(`/api/v1/documents/register/${a.json.id}/cancel`, { reason: '' });
    expect(noReason.status).toBe(400);
    const cancelled = await so.post(`/api/v1/documents/register/${a.json.id}/cancel`, { reason: 'Thông báo không ban hành nữa' });
    expect(cancelled.json).toMatchObject({ status: 'cancelled', cancelReason: 'Thông báo không ban hành nữa' });
    const b = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: null, year: 2033, issuerCode: 'SGDĐT-VP' });
    expect(b.json).toMatchObject({ number: 2, symbol: '02/SGDĐT-VP' });
    const wrongCode = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'KH', year: 2033, issuerCode: 'THPTPĐP' });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.json.error.message).toContain('SGDĐT');
    const issued = await so.post(`/api/v1/documents/register/${b.json.id}/issue`, { issuedDate: '2033-04-09', signerName: 'Lê Văn Chương', summary: 'V/v tổ chức hội nghị tổng kết' });
    expect(issued.json).toMatchObject({ status: 'issued', issuedDate: '2033-04-09', signerName: 'Lê Văn Chương' });
    expect((await so.post(`/api/v1/documents/register/${b.json.id}/cancel`, { reason: 'Thử hủy số đã ban hành' })).status).toBe(409);
    const c = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'KH', year: 2033 });
    expect(c.json.number).toBe(3);
    const reg = await so.get(`/api/v1/documents/register?unitId=${unitId}&year=2033`);
    expect(reg.json.items.map((i: { number: number; status: string }) => `${i.number}:${i.status}`)).toEqual(['1:cancelled', '2:issued', '3:reserved']);
    const audit = await e.deps.database.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', '=', a.json.id).orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'document_number.reserve', reason: null }, { action: 'document_number.cancel', reason: 'Thông báo không ban hành nữa' }]);
  });

  it('đánh số riêng từng loại khi đơn vị chọn: KH và QĐ mỗi loại bắt đầu từ 01', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    expect((await pdp.get(`/api/v1/documents/settings/${unitId}`)).json.numbering).toBe('shared');
    expect((await pdp.put(`/api/v1/documents/settings/${unitId}`, { numbering: 'per_type' })).json.numbering).toBe('per_type');
    const kh1 = await pdp.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'KH', year: 2034 });
    const qd1 = await pdp.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'QĐ', year: 2034 });
    const kh2 = await pdp.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'KH', year: 2034 });
    expect([kh1.json.symbol, qd1.json.symbol, kh2.json.symbol]).toEqual(['01/KH-THPTPĐP', '01/QĐ-THPTPĐP', '02/KH-THPTPĐP']);
    await pdp.put(`/api/v1/documents/settings/${unitId}`, { numbering: 'shared' });
  });

  it('dự thảo → ban hành: tệp Word mang số và ngày, đúng thể thức; sau khi ban hành không sửa, không cấp số lại', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const draft = await so.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: { ...soPlan(), issuing: { ...SO, number: 99, date: null } } });
    expect(draft.status).toBe(200);
    expect(draft.json).toMatchObject({ kind: 'ke-hoach', kindTitle: 'Kế hoạch', status: 'draft', numberText: null, title: planSample.title });
    const draftLines = await docxLines((await so.get(`/api/v1/documents/${draft.json.id}/docx`)).bytes);
    expect(draftLines.some((l) => /^Số:\s+\/KH-SGDĐT$/.test(l))).toBe(true);

    const issued = await so.post(`/api/v1/documents/${draft.json.id}/issue`, { date: '2035-02-05' });
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ status: 'issued', numberText: 'Số: 01/KH-SGDĐT', issuedDate: '2035-02-05', signerName: 'Nguyễn Văn Hùng', register: { number: 1, status: 'issued', documentId: draft.json.id, summary: planSample.title } });
    const file = await so.get(`/api/v1/documents/${draft.json.id}/docx`);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('01-KH-SGDĐT.docx'));
    const lines = await docxLines(file.bytes);
    expect(lines).toContain('Số: 01/KH-SGDĐT');
    expect(lines).toContain('Hà Tĩnh, ngày 05 tháng 02 năm 2035');
    expect(await checkNd30Docx(file.bytes)).toEqual([]);

    expect((await so.put(`/api/v1/documents/${draft.json.id}`, { data: soPlan('Sửa sau khi ban hành') })).status).toBe(409);
    expect((await so.post(`/api/v1/documents/${draft.json.id}/issue`, {})).status).toBe(409);

    // A reserved number can be used when issuing; a number of another type cannot.
    const dec = await so.post('/api/v1/documents', { unitId, kind: 'quyet-dinh', data: { ...decisionSample, issuing: { ...SO, number: null, date: null }, authority: 'Giám đốc Sở Giáo dục và Đào tạo', authorityInText: 'Giám đốc Sở Giáo dục và Đào tạo', signer: { title: 'Giám đốc', name: 'Nguyễn Văn Thành' } } });
    expect(dec.status).toBe(200);
    const khNo = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'KH', year: 2035 });
    expect((await so.post(`/api/v1/documents/${dec.json.id}/issue`, { date: '2035-05-29', numberId: khNo.json.id })).status).toBe(400);
    const qdNo = await so.post('/api/v1/documents/register/reserve', { unitId, typeCode: 'QĐ', year: 2035 });
    const decIssued = await so.post(`/api/v1/documents/${dec.json.id}/issue`, { date: '2035-05-29', numberId: qdNo.json.id });
    expect(decIssued.json.numberText).toBe('Số: 03/QĐ-SGDĐT');
    const decLines = await docxLines((await so.get(`/api/v1/documents/${dec.json.id}/docx`)).bytes);
    expect(decLines).toContain('Số: 03/QĐ-SGDĐT');
    expect(decLines.some((l) => l.includes('Kèm theo Quyết định số 03/QĐ-SGDĐT ngày 29/05/2035'))).toBe(true);

    const list = await so.get(`/api/v1/documents?unitId=${unitId}&kind=quyet-dinh&q=giay khen`);
    expect(list.json.items.map((i: { id: string }) => i.id)).toContain(dec.json.id);
    const audit = await e.deps.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', draft.json.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['document.create', 'document.issue']);
    expect((await verifyAuditChain(e.deps.database.db)).ok).toBe(true);
  });

  it('dữ liệu sai hoặc ký hiệu không khớp đơn vị: 400 nêu đúng trường', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const unitId = await e.unitId('SGDDT-42');
    const bad = await so.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: { ...soPlan(), title: '' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toContainEqual({ field: 'data.title', message: 'không được để trống' });
    const wrongIssuer = await so.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: planSample });
    expect(wrongIssuer.status).toBe(400);
    expect(wrongIssuer.json.error.message).toContain('THPTPĐP');
    expect((await so.post('/api/v1/documents', { unitId, kind: 'to-roi', data: {} })).status).toBe(400);
  });

  it('phạm vi: trường không xem được văn bản của Sở (404); Sở xem được văn bản của trường; thành viên hội đồng chỉ xem', async () => {
    const e = env();
    const so = await session(e, 'so.tdkt');
    const pdp = await session(e, 'pdp.tdkt');
    const council = await session(e, 'pdp.hoidong');
    const soUnit = await e.unitId('SGDDT-42');
    const pdpUnit = await e.unitId('THPT-42-01');
    const soDoc = await so.post('/api/v1/documents', { unitId: soUnit, kind: 'ke-hoach', data: soPlan('Kế hoạch riêng của Sở về thi đua') });
    const pdpDoc = await pdp.post('/api/v1/documents', { unitId: pdpUnit, kind: 'ke-hoach', data: { ...planSample, issuing: { ...planSample.issuing, number: null } } });
    expect(pdpDoc.status).toBe(200);
    for (const path of ['', '/docx', '/pdf', '/signed-scan']) expect((await pdp.get(`/api/v1/documents/${soDoc.json.id}${path}`)).status).toBe(404);
    expect((await pdp.post(`/api/v1/documents/${soDoc.json.id}/issue`, {})).status).toBe(404);
    expect((await pdp.post('/api/v1/documents', { unitId: soUnit, kind: 'ke-hoach', data: soPlan() })).status).toBe(404);
    expect((await pdp.get(`/api/v1/documents/register?unitId=${soUnit}`)).status).toBe(404);
    const pdpList = await pdp.get('/api/v1/documents?pageSize=200');
    expect(pdpList.json.items.every((i: { unitId: string }) => i.unitId === pdpUnit)).toBe(true);
    expect(pdpList.json.items.map((i: { id: string }) => i.id)).toContain(pdpDoc.json.id);
    expect((await so.get(`/api/v1/documents/${pdpDoc.json.id}`)).json.title).toBe(planSample.title);
    expect((await council.get(`/api/v1/documents/${pdpDoc.json.id}`)).status).toBe(200);
    expect((await council.post('/api/v1/documents', { unitId: pdpUnit, kind: 'ke-hoach', data: planSample })).status).toBe(403);
    expect((await council.post(`/api/v1/documents/${pdpDoc.json.id}/issue`, {})).status).toBe(403);
  });

  it('bản scan đã ký: chỉ nhận PDF, chỉ sau khi ban hành; tải lại đúng nội dung', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const doc = await pdp.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: planSample });
    const early = await pdp.post(`/api/v1/documents/${doc.json.id}/signed-scan`, fileForm(SCAN_PDF, 'ban-ky.pdf', 'application/pdf'));
    expect(early.status).toBe(409);
    await pdp.post(`/api/v1/documents/${doc.json.id}/issue`, { date: '2036-02-05' });
    const docx = (await pdp.get(`/api/v1/documents/${doc.json.id}/docx`)).bytes;
    const notPdf = await pdp.post(`/api/v1/documents/${doc.json.id}/signed-scan`, fileForm(docx, 'ban-ky.pdf', 'application/pdf'));
    expect(notPdf.status).toBe(415);
    expect(notPdf.json.error.message).toBe('Tệp "ban-ky.pdf" không phải PDF. Bản scan văn bản đã ký phải là tệp PDF.');
    const ok = await pdp.post(`/api/v1/documents/${doc.json.id}/signed-scan`, fileForm(SCAN_PDF, 'ban-ky.pdf', 'application/pdf'));
    expect(ok.json).toMatchObject({ hasSignedScan: true, finalCopy: 'signed-scan' });
    const back = await pdp.get(`/api/v1/documents/${doc.json.id}/signed-scan`);
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(back.bytes.equals(SCAN_PDF)).toBe(true);
  });

  it('báo cáo thành tích và giấy khen: lưu được, không vào sổ văn bản đi, nhận bản scan có chữ ký bất cứ lúc nào', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const { kind: _k, ...report } = achievementIndividualSample;
    const doc = await pdp.post('/api/v1/documents', { unitId, kind: 'bao-cao-thanh-tich-ca-nhan', data: report });
    expect(doc.json).toMatchObject({ kindTitle: 'Báo cáo thành tích cá nhân', numbered: false, title: 'Báo cáo thành tích: Lê Quang Huy — danh hiệu “Chiến sĩ thi đua cơ sở” năm học 2025-2026' });
    const lines = await docxLines((await pdp.get(`/api/v1/documents/${doc.json.id}/docx`)).bytes);
    expect(lines.join('\n')).toContain('Lê Quang Huy');
    const issue = await pdp.post(`/api/v1/documents/${doc.json.id}/issue`, {});
    expect(issue.status).toBe(409);
    expect(issue.json.error.message).toBe('Báo cáo thành tích cá nhân không vào sổ văn bản đi, không cấp số.');
    expect((await pdp.post(`/api/v1/documents/${doc.json.id}/signed-scan`, fileForm(SCAN_PDF, 'bao-cao-da-ky.pdf', 'application/pdf'))).json.finalCopy).toBe('signed-scan');
    const cert = await pdp.post('/api/v1/documents', { unitId, kind: 'giay-khen', data: { issuer: { authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', place: 'Hà Tĩnh', signer: { title: 'Hiệu trưởng', name: 'Nguyễn Văn Hùng' } }, certificates: [{ salutation: 'Em', recipientName: 'Phan Thị Bảo Ngọc', recipientUnit: 'Học sinh lớp 12A1', achievement: 'Đạt giải Nhất học sinh giỏi cấp tỉnh môn Vật lý', date: '2026-05-29' }] } });
    expect(cert.json).toMatchObject({ kind: 'giay-khen', title: 'Giấy khen (1 bản)', numbered: false });
    expect(await docxLines((await pdp.get(`/api/v1/documents/${cert.json.id}/docx`)).bytes)).toContain('Em Phan Thị Bảo Ngọc');
  });

  it('kiểm tra thể thức: tệp Word sai thể thức liệt kê từng lỗi; tệp do hệ thống tạo không có lỗi', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const broken = await Packer.toBuffer(new Document({
      sections: [{
        properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 567, bottom: 567, left: 567, right: 567 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'CONG HOA XA HOI CHU NGHIA VIET NAM', font: 'Arial', size: 24 })] }),
          new Paragraph({ children: [new TextRun({ text: 'Số: 5/KH-THPTPĐP', font: 'Arial', size: 26 })] }),
          new Paragraph({ children: [new TextRun({ text: 'Hà Tĩnh, ngày 5 tháng 2 năm 2026', font: 'Arial', size: 26 })] }),
          new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: 'Nội dung kế hoạch viết bằng phông Arial cỡ 11, không đúng thể thức văn bản hành chính theo quy định hiện hành.', font: 'Arial', size: 22 })] }),
        ],
      }],
    }));
    const res = await pdp.post('/api/v1/documents/check-format', fileForm(broken, 'ke-hoach-sai.docx', 'application/octet-stream'));
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(false);
    const codes = new Set(res.json.issues.map((i: { code: string }) => i.code));
    for (const code of ['PAGE_SIZE', 'MARGIN', 'FONT', 'FONT_SIZE', 'NUMBER', 'DATE', 'RECIPIENTS']) expect(codes).toContain(code);
    expect(res.json.text).toContain('Lề trái 10 mm, phải từ 30 đến 35 mm.');
    const garbage = await pdp.post('/api/v1/documents/check-format', fileForm(Buffer.from('không phải tệp Word'), 'x.docx', 'application/octet-stream'));
    expect(garbage.json.issues[0]).toMatchObject({ code: 'NOT_DOCX' });
    const unitId = await e.unitId('THPT-42-01');
    const doc = await pdp.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: planSample });
    const own = await pdp.post('/api/v1/documents/check-format', fileForm((await pdp.get(`/api/v1/documents/${doc.json.id}/docx`)).bytes, 'ke-hoach.docx', 'application/octet-stream'));
    expect(own.json).toMatchObject({ ok: true, issues: [], text: 'Văn bản đúng thể thức NĐ 30/2020/NĐ-CP.' });
  });

  it('mẫu in trên phôi giấy khen của đơn vị: lưu, đọc lại, từ chối trường nằm ngoài tờ giấy', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    expect((await pdp.get(`/api/v1/documents/certificate-layouts/${unitId}`)).json.layout).toBeNull();
    const layout = { paper: 'A4', orientation: 'landscape', fields: [{ key: 'name', xMm: 60, yMm: 95, widthMm: 177, fontSizePt: 26, bold: true, align: 'center' }, { key: 'unit', xMm: 60, yMm: 110, widthMm: 177 }] };
    const saved = await pdp.put(`/api/v1/documents/certificate-layouts/${unitId}`, layout);
    expect(saved.status).toBe(200);
    const back = await pdp.get(`/api/v1/documents/certificate-layouts/${unitId}`);
    expect(back.json.layout.fields[0]).toMatchObject({ key: 'name', xMm: 60, yMm: 95, fontSizePt: 26, fontFamily: 'Times New Roman' });
    const outside = await pdp.put(`/api/v1/documents/certificate-layouts/${unitId}`, { ...layout, fields: [{ key: 'name', xMm: 250, yMm: 95, widthMm: 177 }] });
    expect(outside.status).toBe(400);
    const so = await session(e, 'so.tdkt');
    expect((await pdp.get(`/api/v1/documents/certificate-layouts/${await e.unitId('SGDDT-42')}`)).status).toBe(404);
    expect((await so.get(`/api/v1/documents/certificate-layouts/${unitId}`)).json.layout.fields).toHaveLength(2);
  });

  it('in hàng loạt 150 giấy khen trên phôi: tác vụ nền có tiến độ, một tệp Word, mỗi người một trang', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const entries = Array.from({ length: 150 }, (_, i) => ({ name: `Học sinh Nguyễn Văn ${String(i + 1).padStart(3, '0')}`, unit: `Lớp 1${i % 3}A${(i % 9) + 1}` }));
    const created = await pdp.post('/api/v1/documents/certificates', { unitId, entries, pdf: false });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ mode: 'blank', count: 150, status: 'queued' });
    while (await e.worker.runOne()) { /* drain */ }
    const done = await pdp.get(`/api/v1/documents/certificates/${created.json.id}`);
    expect(done.json).toMatchObject({ status: 'done', progress: 100, progressMessage: 'Đã in 150 giấy khen', docxUrl: `/api/v1/documents/certificates/${created.json.id}/docx`, pdfUrl: null });
    const lines = await docxLines((await pdp.get(done.json.docxUrl)).bytes);
    expect(lines).toContain('Học sinh Nguyễn Văn 001');
    expect(lines).toContain('Học sinh Nguyễn Văn 150');
    expect((await pdp.get(`/api/v1/documents/certificates/${created.json.id}/pdf`)).status).toBe(404);
    expect((await (await session(e, 'xa.vhxh')).get(`/api/v1/documents/certificates/${created.json.id}`)).status).toBe(404);
  });
});

describeOnBothDatabases('văn bản: PDF qua LibreOffice', (env) => {
  it.skipIf(!hasSoffice && !strict)('xem trước PDF: chuyển một lần rồi dùng lại; chữ trong PDF có số văn bản', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const doc = await pdp.post('/api/v1/documents', { unitId, kind: 'ke-hoach', data: planSample });
    await pdp.post(`/api/v1/documents/${doc.json.id}/issue`, { date: '2026-02-05' });
    const pdf = await pdp.get(`/api/v1/documents/${doc.json.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfPageLines(pdf.bytes);
    expect(pages[0].join('\n')).toContain('Số: 01/KH-THPTPĐP');
    expect(pages[0].join('\n')).toContain('Hà Tĩnh, ngày 05 tháng 02 năm 2026');
    expect((await pdp.get(`/api/v1/documents/${doc.json.id}`)).json.hasPdf).toBe(true);
    const again = await pdp.get(`/api/v1/documents/${doc.json.id}/pdf`);
    expect(again.bytes.equals(pdf.bytes)).toBe(true);
  });

  it.skipIf(!hasSoffice && !strict)('in hàng loạt giấy khen mẫu đầy đủ ra PDF: số trang đúng số người', async () => {
    const e = env();
    const pdp = await session(e, 'pdp.tdkt');
    const unitId = await e.unitId('THPT-42-01');
    const certificates = Array.from({ length: 40 }, (_, i) => ({ salutation: i % 2 ? 'Cô giáo' : 'Thầy giáo', recipientName: `Giáo viên số ${i + 1}`, recipientUnit: 'Tổ Toán - Tin', achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026', date: '2026-05-29', decisionRef: 'Quyết định số 58/QĐ-THPTPĐP ngày 29/05/2026' }));
    const issuer = { authority: 'Hiệu trưởng Trường THPT Phan Đình Phùng', place: 'Hà Tĩnh', signer: { title: 'Hiệu trưởng', name: 'Nguyễn Văn Hùng' } };
    const created = await pdp.post('/api/v1/documents/certificates', { unitId, issuer, certificates });
    while (await e.worker.runOne()) { /* drain */ }
    const done = await pdp.get(`/api/v1/documents/certificates/${created.json.id}`);
    expect(done.json).toMatchObject({ status: 'done', progress: 100 });
    const pdf = await pdp.get(done.json.pdfUrl);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPageLines(pdf.bytes);
    expect(pages).toHaveLength(40);
    expect(pages[39].join(' ')).toContain('Giáo viên số 40');
  });
});
