// `thidua render` and `thidua check-format`: every example in examples/documents renders, and every
// administrative document among them passes the NĐ 30 checker; docs/documents.md is in sync with the
// zod schemas; bad input gives a Vietnamese message naming the field.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOCUMENT_KINDS, isLibreOfficeAvailable } from '../../src/documents';
import { runCheckFormatCommand } from '../../src/cli/commands/check-format';
import { runRenderCommand, withGeneratedSchemas } from '../../src/cli/commands/render';
import { docxLines } from '../fixtures/documents/docx-helpers';
import { pdfPageLines } from '../fixtures/documents/pdf-helpers';

const BIN = path.resolve('bin/thidua.mjs');
const EXAMPLES = path.resolve('examples/documents');
const hasSoffice = await isLibreOfficeAvailable();
const strict = process.env.THIDUA_TEST_STRICT === '1';
if (!hasSoffice && !strict) console.warn('skip: LibreOffice (soffice) is not installed; render to PDF spec skipped');

/** Runs a command in-process and returns its exit code and printed lines. */
async function capture(run: () => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  try {
    const code = await run();
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A text every example's document must show (the person or body it is about). */
const EXPECTED_TEXT: Record<string, string> = {
  'ke-hoach': 'Số: 05/KH-THPTPĐP',
  'to-trinh': 'Số: 12/TTr-THPTPĐP',
  'bien-ban': 'Số: 03/BB-THPTPĐP',
  'bao-cao-thanh-tich-ca-nhan': 'Lê Quang Huy',
  'bao-cao-thanh-tich-tap-the': 'Tổ Toán - Tin',
  'bao-cao-thanh-tich-chuyen-de': 'Đẩy mạnh chuyển đổi số trong giáo dục',
  'quyet-dinh': 'Số: 58/QĐ-THPTPĐP',
  'bao-cao': 'Số: 09/BC-THPTPĐP',
  'thong-bao': 'Số: 07/TB-THPTPĐP',
  'cong-van': 'Số: 12/SGDĐT-VP',
  'giay-khen': 'Phan Thị Bảo Ngọc',
};

describe('thidua render / check-format', () => {
  let dir = '';
  beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-render-')); });
  afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
  afterEach(() => vi.restoreAllMocks());

  it('có đúng một ví dụ cho mỗi loại văn bản', () => {
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    for (const kind of Object.keys(DOCUMENT_KINDS)) expect(files).toContain(kind);
    expect(Object.keys(EXPECTED_TEXT).sort()).toEqual(Object.keys(DOCUMENT_KINDS).sort());
  });

  for (const kind of Object.keys(DOCUMENT_KINDS)) {
    it(`${kind}: dựng từ examples/documents/${kind}.json${kind === 'giay-khen' ? '' : ', kiểm tra thể thức không có lỗi'}`, async () => {
      const out = path.join(dir, `${kind}.docx`);
      const r = await capture(() => runRenderCommand([kind, path.join(EXAMPLES, `${kind}.json`), '-o', out]));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Đã ghi ${out}`);
      const lines = await docxLines(fs.readFileSync(out));
      expect(lines.join('\n')).toContain(EXPECTED_TEXT[kind]);
      if (kind === 'giay-khen') {
        // A Giấy khen is not a Phụ lục I administrative document (landscape, its own margins): no NĐ 30 check.
        expect(lines).toContain('Thầy giáo Lê Quang Huy');
        expect(lines.filter((l) => l === 'GIẤY KHEN')).toHaveLength(5);
        return;
      }
      const check = await capture(() => runCheckFormatCommand([out]));
      expect(check.out).toBe(`${out}: đúng thể thức\nVăn bản đúng thể thức NĐ 30/2020/NĐ-CP.`);
      expect(check.code).toBe(0);
    });
  }

  it('giấy khen in trên phôi: mỗi người một tờ, đúng chữ', async () => {
    const out = path.join(dir, 'phoi.docx');
    expect((await capture(() => runRenderCommand(['giay-khen', path.join(EXAMPLES, 'giay-khen-phoi.json'), '-o', out]))).code).toBe(0);
    const lines = await docxLines(fs.readFileSync(out));
    for (const name of ['Phan Thị Bảo Ngọc', 'Nguyễn Đình Khánh', 'Võ Thị Minh Thư']) expect(lines).toContain(name);
  });

  it('dữ liệu sai: mã thoát 1, nêu đúng trường bằng tiếng Việt; JSON hỏng và loại lạ cũng báo rõ', async () => {
    const bad = path.join(dir, 'bad.json');
    const plan = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'ke-hoach.json'), 'utf8'));
    fs.writeFileSync(bad, JSON.stringify({ ...plan, issuing: { ...plan.issuing, issuer: '' }, signer: { title: 'Hiệu trưởng' } }));
    const r = await capture(() => runRenderCommand(['ke-hoach', bad, '-o', path.join(dir, 'bad.docx')]));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không dựng được kế hoạch');
    expect(r.err).toContain('- issuing.issuer: không được để trống');
    expect(r.err).toContain('- signer.name:');
    expect(fs.existsSync(path.join(dir, 'bad.docx'))).toBe(false);
    fs.writeFileSync(bad, '{ "issuing": ');
    expect((await capture(() => runRenderCommand(['ke-hoach', bad, '-o', path.join(dir, 'bad.docx')]))).err).toContain('không phải JSON hợp lệ');
    const unknown = await capture(() => runRenderCommand(['to-roi', bad, '-o', path.join(dir, 'x.docx')]));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Loại văn bản không hỗ trợ: "to-roi"');
    expect((await capture(() => runRenderCommand(['ke-hoach', bad, '-o', path.join(dir, 'x.odt')]))).err).toContain('phải có đuôi .docx hoặc .pdf');
  });

  it('check-format trên tệp sai thể thức: mã thoát 1, mỗi lỗi một dòng tiếng Việt; --json trả danh sách', async () => {
    const broken = await Packer.toBuffer(new Document({
      sections: [{
        properties: { page: { margin: { top: 720, bottom: 720, left: 1134, right: 1134 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Số: 5/KH-THPTPĐP', font: 'Calibri' })] }),
          new Paragraph({ children: [new TextRun({ text: 'Hà Tĩnh, ngày 5 tháng 2 năm 2026', font: 'Calibri' })] }),
        ],
      }],
    }));
    const file = path.join(dir, 'sai.docx');
    fs.writeFileSync(file, broken);
    const r = await capture(() => runCheckFormatCommand([file]));
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^.*sai\.docx: \d+ lỗi, \d+ lưu ý về thể thức$/);
    expect(lines).toContain('[LỖI] Lề trái 20 mm, phải từ 30 đến 35 mm. (NĐ 30/2020/NĐ-CP, Phụ lục I – Định lề trang văn bản (trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm))');
    expect(lines.some((l) => l.startsWith('[LỖI] Văn bản dùng phông chữ khác Times New Roman: Calibri'))).toBe(true);
    const j = await capture(() => runCheckFormatCommand([file, '--json']));
    const parsed = JSON.parse(j.out);
    expect(parsed.ok).toBe(false);
    expect(parsed.issues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['MARGIN', 'FONT', 'NUMBER', 'DATE', 'RECIPIENTS']));
    expect((await capture(() => runCheckFormatCommand([path.join(dir, 'khong-co.docx')]))).code).toBe(2);
  });

  it('qua lệnh thidua thật: render rồi check-format (mã thoát 0)', () => {
    const out = path.join(dir, 'qd-bin.docx');
    const r = spawnSync(process.execPath, [BIN, 'render', 'quyet-dinh', path.join(EXAMPLES, 'quyet-dinh.json'), '-o', out], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    const c = spawnSync(process.execPath, [BIN, 'check-format', out], { encoding: 'utf8', timeout: 120_000 });
    expect(c.stdout).toContain('đúng thể thức');
    expect(c.status).toBe(0);
  });

  it.skipIf(!hasSoffice && !strict)('render ra PDF: chữ trong PDF có số và ngày của văn bản', async () => {
    const out = path.join(dir, 'ke-hoach.pdf');
    const r = await capture(() => runRenderCommand(['ke-hoach', path.join(EXAMPLES, 'ke-hoach.json'), '-o', out]));
    expect(r.code).toBe(0);
    const pages = await pdfPageLines(fs.readFileSync(out));
    expect(pages[0].join('\n')).toContain('Số: 05/KH-THPTPĐP');
    expect(pages[0].join('\n')).toContain('Hà Tĩnh, ngày 05 tháng 02 năm 2026');
  });

  // For review: THIDUA_REVIEW_DIR=/tmp/review npx vitest run test/integration/documents-cli.test.ts
  // writes page images (pdftoppm, 60 dpi) of every example for a human to look at.
  const reviewDir = process.env.THIDUA_REVIEW_DIR;
  const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;
  it.skipIf(!reviewDir || !hasSoffice || !hasPdftoppm)('ảnh từng trang của mọi ví dụ để xem lại (THIDUA_REVIEW_DIR)', async () => {
    fs.mkdirSync(reviewDir!, { recursive: true });
    const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    for (const f of files) {
      const name = f.replace(/\.json$/, '');
      const kind = name.startsWith('giay-khen') ? 'giay-khen' : name;
      const pdf = path.join(dir, `${name}.pdf`);
      expect((await capture(() => runRenderCommand([kind, path.join(EXAMPLES, f), '-o', pdf]))).code).toBe(0);
      const r = spawnSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(reviewDir!, name)]);
      expect(r.status).toBe(0);
    }
    expect(fs.readdirSync(reviewDir!).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(files.length);
  }, 300_000);

  it('docs/documents.md có lược đồ hiện hành của mọi loại (sinh lại bằng thidua render --docs)', () => {
    const doc = fs.readFileSync('docs/documents.md', 'utf8');
    expect(withGeneratedSchemas(doc)).toBe(doc);
    for (const kind of Object.keys(DOCUMENT_KINDS)) expect(doc).toContain(`### \`${kind}\``);
  });
});
