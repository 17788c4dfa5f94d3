// .pdf with a text layer → text. Lines are rebuilt from the text items by their y position; items far apart on
// one line (the two columns of the header, the cells of a table) are joined by " | "; a line that runs to the
// right margin and does not end a sentence is joined with the next one (a wrapped paragraph).

import { ImporterError, SCANNED_PDF_MESSAGE } from './errors';

type TItem = { str: string; x: number; y: number; w: number; h: number };
type TLine = { y: number; h: number; items: TItem[]; left: number; right: number; text: string };

const HEADING_START =
  /^(?:[-+•–*]|[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]|[a-zđ][)]|Điều\s+\d|Căn cứ|Thực hiện|Xét|Nơi nhận|Kính gửi|Số\s*:|QUYẾT ĐỊNH|KẾ HOẠCH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|BIÊN BẢN|HƯỚNG DẪN|DANH SÁCH|STT)/u;

function buildLines(items: TItem[]): TLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TLine[] = [];
  for (const it of sorted) {
    const h = Math.max(1, it.h);
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, h) * 0.5));
    if (line) {
      line.items.push(it);
      line.h = Math.max(line.h, h);
    } else lines.push({ y: it.y, h, items: [it], left: 0, right: 0, text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd: number | null = null;
    for (const it of line.items) {
      if (prevEnd !== null) {
        const gap = it.x - prevEnd;
        if (gap > Math.max(24, line.h * 2.5)) text += ' | ';
        else if (gap > line.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      }
      text += it.str;
      prevEnd = it.x + it.w;
    }
    line.text = text.replace(/\s+/g, ' ').trim();
    line.left = line.items[0].x;
    line.right = prevEnd ?? line.left;
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.filter((l) => l.text);
}

function joinPage(lines: TLine[]): string {
  if (!lines.length) return '';
  const maxRight = Math.max(...lines.map((l) => l.right));
  const minLeft = Math.min(...lines.map((l) => l.left));
  const width = maxRight - minLeft;
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!current) {
      current = line.text;
      continue;
    }
    const prev = lines[i - 1];
    const gap = prev.y - line.y;
    const fullWidth = width > 0 && prev.right >= maxRight - width * 0.12;
    const endsSentence = /[.;:!?]$/.test(current);
    const tableRow = current.includes(' | ') || line.text.includes(' | ');
    const wrapped =
      fullWidth && !endsSentence && !tableRow && gap < prev.h * 2.2 && !HEADING_START.test(line.text);
    if (wrapped) current += ' ' + line.text;
    else {
      out.push(current);
      current = line.text;
    }
  }
  if (current) out.push(current);
  return out.join('\n\n');
}

export type TPdfText = { text: string; pages: number; warnings: string[] };

/** Read a PDF's text layer. Throws ImporterError for a scanned PDF (no text) or a broken file. */
export async function readPdf(buf: Uint8Array): Promise<TPdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    }).promise;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password/i.test(msg)) throw new ImporterError('corrupt', 'Tệp PDF có mật khẩu, không đọc được.');
    throw new ImporterError('corrupt', 'Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được.');
  }
  const pages: string[] = [];
  const warnings: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: TItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const t = raw.transform as number[];
        items.push({ str: raw.str, x: t[4], y: t[5], w: raw.width, h: raw.height || Math.abs(t[3]) || 10 });
      }
      pages.push(joinPage(buildLines(items)));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const text = pages.join('\n\n');
  if (text.replace(/[\s|]/g, '').length < 20) throw new ImporterError('scanned_pdf', SCANNED_PDF_MESSAGE);
  return { text, pages: pages.length, warnings };
}
