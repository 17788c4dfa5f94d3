import { describe, expect, it } from 'vitest';
import { pdfPageLines } from '../../test/fixtures/documents/pdf-helpers';
import { decisionSample, longParagraphs, planSample } from '../../test/fixtures/documents/samples';
import { convertDocxBatchToPdf, convertDocxToPdf, isLibreOfficeAvailable, PdfConversionError } from './pdf';
import { renderPlanDocx } from './templates/ke-hoach';
import { renderDecisionDocx } from './templates/quyet-dinh';

const has = await isLibreOfficeAvailable();
const strict = process.env.THIDUA_TEST_STRICT === '1';
if (!has && !strict) console.warn('skip: LibreOffice (soffice) is not installed — apt-get install libreoffice-writer-nogui fonts-liberation2 fonts-croscore');

describe('convertDocxToPdf without LibreOffice', () => {
  it('says clearly that soffice is missing', async () => {
    expect(await isLibreOfficeAvailable({ soffice: '/nonexistent/soffice' })).toBe(false);
    const err = await convertDocxToPdf(Buffer.from('x'), { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfConversionError);
    expect((err as Error).message).toMatch(/Không tìm thấy LibreOffice .*libreoffice-writer-nogui/);
  });
});

describe.skipIf(!has && !strict)('convertDocxToPdf with LibreOffice', () => {
  it('renders a two-page Kế hoạch: page 1 has no page number, page 2 starts with "2"', { timeout: 120_000 }, async () => {
    const docx = await renderPlanDocx({ ...planSample, extraSections: [{ kind: 'section', title: 'Nội dung chi tiết', children: longParagraphs(14).map((t) => ({ kind: 'paragraph' as const, text: t })) }] });
    const pdf = await convertDocxToPdf(docx);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPageLines(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const p1 = pages[0].join('\n');
    expect(p1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(p1).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(p1).toContain('Số: 05/KH-THPTPĐP');
    expect(p1).toContain('Hà Tĩnh, ngày 05 tháng 02 năm 2026');
    expect(p1).toContain('KẾ HOẠCH');
    expect(pages[0]).not.toContain('1');
    expect(pages[0][0]).not.toMatch(/^\d+$/);
    expect(pages[1][0]).toBe('2');
    const all = pages.flat().join('\n');
    expect(all).toContain('VII. NỘI DUNG CHI TIẾT');
    expect(all).toContain('- Lưu: VT, TĐKT.');
    expect(all).toContain('Nguyễn Văn Hùng');
  });

  it('renders the Quyết định with its Danh sách and total on page 2', { timeout: 120_000 }, async () => {
    const pdf = await convertDocxToPdf(await renderDecisionDocx(decisionSample));
    const pages = await pdfPageLines(pdf);
    expect(pages[0].join('\n')).toContain('Số: 58/QĐ-THPTPĐP');
    expect(pages[0].join('\n')).toContain('QUYẾT ĐỊNH:');
    expect(pages[0].join('\n')).toMatch(/Điều 2\. Tiền thưởng kèm theo .* 8\.100\.000 đ/s);
    expect(pages[0]).not.toContain('1');
    expect(pages[1][0]).toBe('2');
    const annex = pages[1].join('\n');
    expect(annex).toContain('DANH SÁCH');
    expect(annex).toContain('Lê Quang Huy');
    expect(annex).toMatch(/Nguyễn Thị Mai Anh .*2\.530\.000 đ/);
    expect(annex).toMatch(/1 Tổ Toán - Tin .*1\.520\.000 đ/);
    expect(annex).toMatch(/Tổng cộng: 01 tập thể và 04 cá nhân\s+8\.100\.000 đ/);
  });

  it('converts in parallel and in one batch without profile clashes', { timeout: 180_000 }, async () => {
    const docs = await Promise.all([renderPlanDocx(planSample), renderDecisionDocx(decisionSample)]);
    const [a, b, batch] = await Promise.all([convertDocxToPdf(docs[0]), convertDocxToPdf(docs[1]), convertDocxBatchToPdf(docs)]);
    expect((await pdfPageLines(a))[0].join('\n')).toContain('KẾ HOẠCH');
    expect((await pdfPageLines(b))[0].join('\n')).toContain('QUYẾT ĐỊNH');
    expect(batch).toHaveLength(2);
    expect((await pdfPageLines(batch[1]))[0].join('\n')).toContain('Số: 58/QĐ-THPTPĐP');
  });
});
