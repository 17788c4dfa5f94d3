import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSample } from '../../test/fixtures/documents/samples';
import { checkNd30Docx, checkNd30Text, formatIssues, type TFormatIssue } from './nd30-check';
import { renderPlanDocx } from './templates/ke-hoach';

let good: Buffer;
beforeAll(async () => {
  good = await renderPlanDocx(planSample);
});

/** Our good Kế hoạch with one part of its XML changed. */
async function broken(part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  const xml = await zip.file(part)!.async('string');
  const changed = edit(xml);
  expect(changed, 'the edit must change the file').not.toBe(xml);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer' });
}
const doc = (edit: (xml: string) => string) => broken('word/document.xml', edit);
const codes = (issues: TFormatIssue[]) => issues.map((i) => i.code);

describe('checkNd30Docx on broken documents', () => {
  it('passes the untouched document', async () => {
    expect(await checkNd30Docx(good)).toEqual([]);
    expect(formatIssues([])).toBe('Văn bản đúng thể thức NĐ 30/2020/NĐ-CP.');
  });

  it('catches a left margin of 20 mm', async () => {
    const issues = await checkNd30Docx(await doc((x) => x.replace('w:left="1701"', 'w:left="1134"')));
    expect(issues).toEqual([expect.objectContaining({ code: 'MARGIN', severity: 'error', message: 'Lề trái 20 mm, phải từ 30 đến 35 mm.' })]);
    expect(issues[0].rule).toMatch(/NĐ 30\/2020\/NĐ-CP, Phụ lục I – Định lề/);
  });

  it('catches Letter paper and landscape', async () => {
    expect(codes(await checkNd30Docx(await doc((x) => x.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'))))).toEqual(['PAGE_SIZE']);
    const landscape = await checkNd30Docx(await doc((x) => x.replace('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')));
    expect(codes(landscape)).toEqual(['ORIENTATION']);
  });

  it('catches a font other than Times New Roman', async () => {
    const issues = await checkNd30Docx(await doc((x) => x.replaceAll('w:ascii="Times New Roman"', 'w:ascii="Arial"')));
    expect(issues).toEqual([expect.objectContaining({ code: 'FONT', found: 'Arial' })]);
    expect(issues[0].message).toContain('khác Times New Roman: Arial');
  });

  it('catches an unpadded number, a missing colon', async () => {
    const unpadded = await checkNd30Docx(await doc((x) => x.replace('Số: 05/KH-THPTPĐP', 'Số: 5/KH-THPTPĐP')));
    expect(unpadded).toEqual([expect.objectContaining({ code: 'NUMBER', message: 'Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: "Số: 05/KH-THPTPĐP".' })]);
    const noColon = await checkNd30Docx(await doc((x) => x.replace('Số: 05/KH-THPTPĐP', 'Số 05/KH-THPTPĐP')));
    expect(noColon).toEqual([expect.objectContaining({ code: 'NUMBER', severity: 'error', found: 'Số 05/KH-THPTPĐP' })]);
  });

  it('catches an unpadded date and a dd/mm/yyyy date line', async () => {
    const unpadded = await checkNd30Docx(await doc((x) => x.replace('ngày 05 tháng 02 năm 2026', 'ngày 5 tháng 2 năm 2026')));
    expect(unpadded.map((i) => i.message)).toEqual(['Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước: "ngày 05".', 'Tháng 1, 2 phải ghi thêm số 0 phía trước: "tháng 02".']);
    const slashes = await checkNd30Docx(await doc((x) => x.replace('Hà Tĩnh, ngày 05 tháng 02 năm 2026', 'Hà Tĩnh, ngày 05/02/2026')));
    expect(slashes).toEqual([expect.objectContaining({ code: 'DATE', found: 'Hà Tĩnh, ngày 05/02/2026' })]);
  });

  it('catches a missing Quốc hiệu and a Tiêu ngữ with en dashes', async () => {
    const noQh = await checkNd30Docx(await doc((x) => x.replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '')));
    expect(noQh).toEqual([expect.objectContaining({ code: 'QUOC_HIEU', message: 'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".' })]);
    const dashes = await checkNd30Docx(await doc((x) => x.replace('Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc')));
    expect(dashes).toEqual([expect.objectContaining({ code: 'TIEU_NGU', found: 'Độc lập – Tự do – Hạnh phúc' })]);
  });

  it('catches Nơi nhận without "- Lưu: VT" and a missing Nơi nhận', async () => {
    const noLuu = await checkNd30Docx(await doc((x) => x.replace('- Lưu: VT, TĐKT.', '- Lưu hồ sơ.')));
    expect(noLuu).toEqual([expect.objectContaining({ code: 'RECIPIENTS', message: 'Dòng cuối của "Nơi nhận" phải là "- Lưu: VT, …." (nhận được "- Lưu hồ sơ.").' })]);
    const none = await checkNd30Docx(await doc((x) => x.replace('Nơi nhận:', 'Gửi:')));
    expect(none).toEqual([expect.objectContaining({ code: 'RECIPIENTS', message: 'Thiếu mục "Nơi nhận:".' })]);
  });

  it('catches a page number on the first page', async () => {
    const issues = await checkNd30Docx(await doc((x) => x.replace('<w:titlePg/>', '')));
    expect(issues).toEqual([expect.objectContaining({ code: 'PAGE_NUMBER', severity: 'error' })]);
  });

  it('reports a file that is not a DOCX', async () => {
    expect(codes(await checkNd30Docx(Buffer.from('%PDF-1.7 not a docx')))).toEqual(['NOT_DOCX']);
  });

  it('lists everything wrong in a Word file typed without the format', async () => {
    const plain = new Document({
      sections: [
        {
          properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
          children: [
            'Trường THPT Phan Đình Phùng',
            'Cộng hòa xã hội chủ nghĩa Việt Nam',
            'Số: 7/KH-THPT',
            'Hà Tĩnh, ngày 7 tháng 1 năm 2026',
            'KẾ HOẠCH',
            'Nội dung kế hoạch rất dài để được coi là một đoạn văn bản phần thân, với cỡ chữ mặc định của Word là 11 pt.',
          ].map((t) => new Paragraph({ children: [new TextRun(t)] })),
        },
      ],
    });
    const issues = await checkNd30Docx(await Packer.toBuffer(plain));
    expect(new Set(codes(issues))).toEqual(new Set(['MARGIN', 'FONT', 'QUOC_HIEU', 'TIEU_NGU', 'NUMBER', 'DATE', 'RECIPIENTS']));
    expect(issues.find((i) => i.code === 'QUOC_HIEU')!.message).toContain('chữ in hoa');
    expect(formatIssues(issues)).toContain('[LỖI] Lề trái 25.4 mm, phải từ 30 đến 35 mm.');
  });
});

describe('checkNd30Text', () => {
  const text = [
    'SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH',
    'TRƯỜNG THPT PHAN ĐÌNH PHÙNG',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 05/KH-THPTPĐP',
    'Hà Tĩnh, ngày 05 tháng 02 năm 2026',
    'KẾ HOẠCH',
    'Trên đây là Kế hoạch của nhà trường./.',
    'Nơi nhận:',
    '- Các tổ chuyên môn;',
    '- Lưu: VT, TĐKT.',
  ].join('\n');

  it('passes a correct text', () => {
    expect(checkNd30Text(text)).toEqual([]);
  });

  it('flags the line-level departures', () => {
    const bad = text.replace('Số: 05/', 'Số: 5/').replace('ngày 05 tháng 02', 'ngày 05 tháng 09').replace('- Lưu: VT, TĐKT.', '- Ban Giám hiệu.');
    const issues = checkNd30Text(bad);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['NUMBER', 'error'],
      ['DATE', 'warning'],
      ['RECIPIENTS', 'error'],
    ]);
    expect(issues[1].message).toBe('Chỉ tháng 1, 2 được ghi thêm số 0; viết "tháng 9" thay cho "tháng 09".');
  });

  it('accepts a numbered-later line "Số:      /KH-…" and blank dates', () => {
    expect(checkNd30Text(text.replace('Số: 05/', 'Số:      /').replace('ngày 05 tháng 02 năm 2026', 'ngày      tháng      năm 2026'))).toEqual([]);
  });
});

describe('checkNd30Text on a real plan (shared/seeds/003: Trường MN Hoa Sen, 2020)', () => {
  it('finds the en-dash Tiêu ngữ and the missing Nơi nhận, and accepts the blank number and day', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../test/fixtures/documents/seed-ke-hoach-mn-hoa-sen.txt', import.meta.url), 'utf8');
    const issues = checkNd30Text(text);
    expect(issues.map((i) => i.code)).toEqual(['TIEU_NGU', 'RECIPIENTS']);
    expect(issues[0].found).toBe('Độc lập – Tự do – Hạnh phúc');
  });
});
