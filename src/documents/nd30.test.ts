import { describe, expect, it } from 'vitest';
import { docxLines, docxPart, paragraphXmlContaining } from '../../test/fixtures/documents/docx-helpers';
import { DocumentInputError } from './errors';
import { moneyInWordsVi } from './money-words';
import { DOCUMENT_TYPE_CODES, formatDocumentNumber, formatPlaceDate, renderNd30Document, toRoman, toViLetter, type TNd30Document } from './nd30';

const base: TNd30Document = {
  header: { parentOrg: 'Sở Giáo dục và Đào tạo Hà Tĩnh', issuer: 'Trường THPT Phan Đình Phùng', issuerCode: 'THPTPĐP', number: 5, typeCode: 'KH', place: 'Hà Tĩnh', date: '2026-02-05' },
  typeName: 'Kế hoạch',
  summary: 'Tổ chức Hội khỏe Phù Đổng cấp trường năm học 2025-2026',
  body: [
    { kind: 'section', title: 'Mục đích, yêu cầu', children: [{ kind: 'section', title: 'Mục đích', children: [{ kind: 'paragraph', text: 'Rèn luyện thể chất cho học sinh.' }] }] },
    { kind: 'section', title: 'Nội dung', children: [{ kind: 'section', title: 'Các môn thi', children: [{ kind: 'section', title: 'Điền kinh;' }, { kind: 'section', title: 'Bóng đá nam.' }] }] },
  ],
  signer: { authority: 'KT.', onBehalfOf: 'Hiệu trưởng', title: 'Phó Hiệu trưởng', name: 'Đặng Minh Tuấn' },
  recipients: { lines: ['Các tổ chuyên môn', 'Đoàn trường;'], archive: 'VP' },
};

describe('number and date lines', () => {
  it('pads numbers below 10 and leaves a blank when not numbered', () => {
    expect(formatDocumentNumber(5, 'KH', 'THPTPĐP')).toBe('Số: 05/KH-THPTPĐP');
    expect(formatDocumentNumber(58, 'QĐ', 'THPTPĐP')).toBe('Số: 58/QĐ-THPTPĐP');
    expect(formatDocumentNumber(1203, 'QĐ', 'SGDĐT')).toBe('Số: 1203/QĐ-SGDĐT');
    expect(formatDocumentNumber(null, 'KH', 'ABC')).toBe('Số:      /KH-ABC');
  });
  it('writes a Công văn number without a type code', () => {
    expect(formatDocumentNumber(12, null, 'SGDĐT-VP')).toBe('Số: 12/SGDĐT-VP');
  });
  it('rejects numbers that are not positive integers', () => {
    expect(() => formatDocumentNumber(0, 'KH', 'ABC')).toThrow(DocumentInputError);
    expect(() => formatDocumentNumber(2.5, 'KH', 'ABC')).toThrow(/số nguyên dương/);
    expect(() => formatDocumentNumber(3, 'KH', ' ')).toThrow(/viết tắt/);
  });
  it('pads day < 10 and months 1–2 only', () => {
    expect(formatPlaceDate('Hà Tĩnh', '2026-02-05')).toBe('Hà Tĩnh, ngày 05 tháng 02 năm 2026');
    expect(formatPlaceDate('Tiền Giang', '2024-09-26')).toBe('Tiền Giang, ngày 26 tháng 9 năm 2024');
    expect(formatPlaceDate('Hà Tĩnh', '2025-12-01')).toBe('Hà Tĩnh, ngày 01 tháng 12 năm 2025');
    expect(formatPlaceDate('Hà Tĩnh', '2026-01-31')).toBe('Hà Tĩnh, ngày 31 tháng 01 năm 2026');
  });
  it('rejects impossible dates', () => {
    expect(() => formatPlaceDate('Hà Tĩnh', '2026-02-30')).toThrow(/không tồn tại/);
    expect(() => formatPlaceDate('Hà Tĩnh', '05/02/2026')).toThrow(/YYYY-MM-DD/);
  });
  it('has the Phụ lục III type codes', () => {
    expect(DOCUMENT_TYPE_CODES['Kế hoạch']).toBe('KH');
    expect(DOCUMENT_TYPE_CODES['Tờ trình']).toBe('TTr');
    expect(DOCUMENT_TYPE_CODES['Quy định']).toBe('QyĐ');
    expect(DOCUMENT_TYPE_CODES['Biên bản']).toBe('BB');
    expect(DOCUMENT_TYPE_CODES['Quyết định']).toBe('QĐ');
    expect(DOCUMENT_TYPE_CODES['Chương trình']).toBe('CTr');
  });
  it('numbers sections I / 1 / a) with Vietnamese letters', () => {
    expect([1, 4, 9, 14].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV']);
    expect([1, 4, 5, 6, 9, 10].map(toViLetter)).toEqual(['a', 'd', 'đ', 'e', 'i', 'k']);
  });
});

describe('money in words', () => {
  it('reads amounts the way a decision writes them', () => {
    expect(moneyInWordsVi(8_100_000)).toBe('Tám triệu một trăm nghìn đồng');
    expect(moneyInWordsVi(2_530_000)).toBe('Hai triệu năm trăm ba mươi nghìn đồng');
    expect(moneyInWordsVi(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(moneyInWordsVi(21_000)).toBe('Hai mươi mốt nghìn đồng');
    expect(moneyInWordsVi(24)).toBe('Hai mươi tư đồng');
    expect(moneyInWordsVi(15)).toBe('Mười lăm đồng');
    expect(moneyInWordsVi(760_000)).toBe('Bảy trăm sáu mươi nghìn đồng');
  });
});

describe('renderNd30Document', () => {
  it('lays out A4 portrait with NĐ 30 margins and a page number from page 2 only', async () => {
    const buf = await renderNd30Document(base);
    const xml = await docxPart(buf);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 20 mm = 1134 twips, 30 mm = 1701, 15 mm = 850
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all([docxPart(buf, 'word/header1.xml'), docxPart(buf, 'word/header2.xml')]);
    const withPage = headers.filter((h) => /PAGE/.test(h));
    expect(withPage).toHaveLength(1);
    const rels = await docxPart(buf, 'word/_rels/document.xml.rels');
    const firstId = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(xml)![1];
    const firstTarget = new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${firstId}"`).exec(rels)![1];
    expect(await docxPart(buf, `word/${firstTarget}`)).not.toMatch(/PAGE/);
    const styles = await docxPart(buf, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('prints the header, the title, numbered sections, the signer and Nơi nhận', async () => {
    const lines = await docxLines(await renderNd30Document(base));
    expect(lines.slice(0, 7)).toEqual([
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH',
      'TRƯỜNG THPT PHAN ĐÌNH PHÙNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/KH-THPTPĐP',
      'Hà Tĩnh, ngày 05 tháng 02 năm 2026',
      'KẾ HOẠCH',
    ]);
    expect(lines).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(lines).toContain('1. Mục đích');
    expect(lines).toContain('II. NỘI DUNG');
    expect(lines).toContain('a) Điền kinh;');
    expect(lines).toContain('b) Bóng đá nam./.');
    const nn = lines.indexOf('Nơi nhận:');
    expect(lines.slice(nn, nn + 4)).toEqual(['Nơi nhận:', '- Các tổ chuyên môn;', '- Đoàn trường;', '- Lưu: VT, VP.']);
    expect(lines).toContain('KT. HIỆU TRƯỞNG');
    expect(lines).toContain('PHÓ HIỆU TRƯỞNG');
    expect(lines).toContain('Đặng Minh Tuấn');
  });

  it('formats the parts as the decree asks (bold, italic, sizes, justified body with indent)', async () => {
    const buf = await renderNd30Document(base);
    const date = await paragraphXmlContaining(buf, 'Hà Tĩnh, ngày 05 tháng 02 năm 2026');
    expect(date).toContain('<w:i/>');
    const qh = await paragraphXmlContaining(buf, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh).toContain('<w:b/>');
    expect(qh).toContain('<w:sz w:val="24"/>');
    const tn = await paragraphXmlContaining(buf, 'Độc lập - Tự do - Hạnh phúc');
    expect(tn).toContain('<w:b/>');
    expect(tn).toMatch(/<w:bottom w:val="single"/);
    const body = await paragraphXmlContaining(buf, 'Rèn luyện thể chất cho học sinh.');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('w:firstLine="567"');
    expect(body).toMatch(/w:after="120"/);
    expect(body).toMatch(/w:line="276"/);
    const nn = await paragraphXmlContaining(buf, 'Nơi nhận:');
    expect(nn).toContain('<w:b/>');
    expect(nn).toContain('<w:i/>');
    expect(nn).toContain('<w:sz w:val="24"/>');
    const luu = await paragraphXmlContaining(buf, '- Lưu: VT, VP.');
    expect(luu).toContain('<w:sz w:val="22"/>');
  });

  it('uses Điều / khoản / điểm for documents with articles', async () => {
    const lines = await docxLines(
      await renderNd30Document({
        ...base,
        typeName: 'Quy định',
        numbering: 'articles',
        body: [
          { kind: 'section', title: 'Phạm vi điều chỉnh' },
          { kind: 'section', title: 'Tiêu chuẩn xét tặng', children: [{ kind: 'section', title: 'Đối với cá nhân:', children: [{ kind: 'section', title: 'Hoàn thành tốt nhiệm vụ;' }, { kind: 'section', title: 'Có sáng kiến.' }] }] },
        ],
      }),
    );
    expect(lines).toContain('Điều 1. Phạm vi điều chỉnh');
    expect(lines).toContain('Điều 2. Tiêu chuẩn xét tặng');
    expect(lines).toContain('1. Đối với cá nhân:');
    expect(lines).toContain('a) Hoàn thành tốt nhiệm vụ;');
    expect(lines).toContain('b) Có sáng kiến./.');
  });

  it('shows "Số:      /KH-…" and a blank date when not numbered yet, and a Công văn V/v line', async () => {
    const lines = await docxLines(
      await renderNd30Document({ ...base, header: { ...base.header, number: null, typeCode: null, issuerCode: 'THPTPĐP-VP' }, typeName: null, summary: 'đăng ký thi đua', kinhGui: ['Các tổ chuyên môn'] }),
    );
    expect(lines).toContain('Số:      /THPTPĐP-VP');
    expect(lines).toContain('V/v đăng ký thi đua');
    expect(lines).toContain('Kính gửi: Các tổ chuyên môn');
    const nn = lines.indexOf('Nơi nhận:');
    expect(lines[nn + 1]).toBe('- Như trên;');
  });

  it('refuses margins and sizes outside the decree’s ranges', async () => {
    await expect(renderNd30Document({ ...base, layout: { marginsMm: { top: 20, bottom: 20, left: 25, right: 15 } } })).rejects.toThrow(/lề left = 25 mm/);
    await expect(renderNd30Document({ ...base, layout: { fontSizePt: 12 } })).rejects.toThrow(/13–14 pt/);
    const ok = await renderNd30Document({ ...base, layout: { marginsMm: { top: 25, bottom: 25, left: 35, right: 20 }, fontSizePt: 13 } });
    expect(await docxPart(ok)).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"/);
  });
});
