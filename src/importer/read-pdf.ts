// .pdf with a text layer → text. Lines are rebuilt from the text items by their y position; items far apart on
// one line (the two columns of the header, the cells of a table) are joined by " | "; a line that runs to the
// right margin and does not end a sentence is joined with the next one (a wrapped paragraph).

import { ImporterError, SCANNED_PDF_MESSAGE } from './errors';

type TItem = { str: string; x: number; y: number; w: number; h: number };
type TSeg = { x: number; end: number; text: string };
type TLine = { y: number; h: number; items: TItem[]; segs: TSeg[]; left: number; right: number; text: string };

const HEADING_START =
  /^(?:[-+•–*]|[IVXLC]+[.)]|\d+(?:\.\d+)*[.)]|[a-zđ][)]|Điều\s+\d|Căn cứ|Thực hiện|Xét|Nơi nhận|Kính gửi|Số\s*:|QUYẾT ĐỊNH|KẾ HOẠCH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|BIÊN BẢN|HƯỚNG DẪN|DANH SÁCH|STT)/u;
const TYPE_LINE = /^(?:KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|BÁO CÁO|BIÊN BẢN|THÔNG BÁO|HƯỚNG DẪN|CÔNG VĂN|CHƯƠNG TRÌNH)\b/u;

function buildLines(items: TItem[]): TLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TLine[] = [];
  for (const it of sorted) {
    const h = Math.max(1, it.h);
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, h) * 0.5));
    if (line) {
      line.items.push(it);
      line.h = Math.max(line.h, h);
    } else lines.push({ y: it.y, h, items: [it], segs: [], left: 0, right: 0, text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    const segs: TSeg[] = [];
    let wideSpace = false;
    let spacePending = false;
    for (const it of line.items) {
      const last = segs[segs.length - 1];
      if (!it.str.trim()) {
        // a wide run of spaces separates columns (justified text keeps narrow spaces)
        if (last && it.w > line.h * 2.5) wideSpace = true;
        else if (last) last.end = Math.max(last.end, it.x + it.w);
        spacePending = true;
        continue;
      }
      const gap = last ? it.x - last.end : 0;
      const sep = wideSpace;
      wideSpace = false;
      const hadSpace = spacePending;
      spacePending = false;
      if (last && !sep && gap <= line.h * 0.6) {
        // a combining tone mark drawn as its own item belongs to the letter before it
        if ((hadSpace || gap > line.h * 0.15) && !/\s$/.test(last.text) && !/^[\s\u0300-\u036f]/.test(it.str)) last.text += ' ';
        last.text += it.str;
        last.end = it.x + it.w;
      } else if (it.str.trim()) segs.push({ x: it.x, end: it.x + it.w, text: it.str });
    }
    for (const s of segs) s.text = s.text.replace(/\s+/g, ' ').trim();
    line.segs = segs.filter((s) => s.text);
    line.text = line.segs.map((s) => s.text).join(' | ');
    line.left = line.segs[0]?.x ?? 0;
    line.right = line.segs[line.segs.length - 1]?.end ?? 0;
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.filter((l) => l.text);
}

type TBlock = { lines: string[]; join: boolean; source?: TLine[] };

/** Two side-by-side columns (the header, the Nơi nhận / signer footer) → left column lines, then right. */
function unzipColumns(lines: TLine[], mid: number): string[] {
  const left: string[] = [];
  const right: string[] = [];
  for (const l of lines) {
    const ls = l.segs.filter((s) => s.x < mid).map((s) => s.text).join(' ');
    const rs = l.segs.filter((s) => s.x >= mid).map((s) => s.text).join(' ');
    if (ls) left.push(ls);
    if (rs) right.push(rs);
  }
  return [...left, '', ...right];
}

/** Rows of a table whose cells may wrap onto several lines; text items are put in columns by their x. */
function tableRows(lines: TLine[]): string[] {
  const header = lines.slice(0, 2).reduce((a, b) => (b.segs.length > a.segs.length ? b : a));
  const starts = header.segs.map((s) => s.x);
  const colOf = (x: number) => {
    let c = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= x + 3) c = i;
    return c;
  };
  const rows: string[][] = [];
  for (const l of lines) {
    const cells: string[] = new Array(starts.length).fill('');
    const lastEnd: number[] = new Array(starts.length).fill(-Infinity);
    let spacePending = false;
    for (const it of l.items) {
      if (!it.str.trim()) {
        spacePending = true;
        continue;
      }
      const c = colOf(it.x);
      const needSpace = cells[c] && (spacePending || it.x - lastEnd[c] > l.h * 0.15) && !/\s$/.test(cells[c]);
      cells[c] += (needSpace ? ' ' : '') + it.str;
      lastEnd[c] = it.x + it.w;
      spacePending = false;
    }
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i].replace(/\s+/g, ' ').trim();
    const cur = rows[rows.length - 1];
    const numericClash = cur && cells.some((c, i) => c && /^[\d.,]+$/.test(c) && /\d/.test(cur[i]));
    if (!cur || cells[0] || numericClash) rows.push(cells);
    else cells.forEach((c, i) => { if (c) cur[i] = cur[i] ? `${cur[i]} ${c}` : c; });
  }
  return rows.map((r) => r.join(' | '));
}

function pageBlocks(lines: TLine[], firstPage: boolean): TBlock[] {
  if (!lines.length) return [];
  const minLeft = Math.min(...lines.map((l) => l.left));
  const maxRight = Math.max(...lines.map((l) => l.right));
  const mid = (minLeft + maxRight) / 2;
  const blocks: TBlock[] = [];
  let i = 0;
  if (firstPage) {
    const t = lines.findIndex((l, k) => k < 25 && l.segs.length === 1 && TYPE_LINE.test(l.text));
    if (t > 0 && lines.slice(0, t).some((l) => l.segs.length >= 2 || l.left >= mid - 5)) {
      blocks.push({ lines: unzipColumns(lines.slice(0, t), mid), join: false });
      i = t;
    }
  }
  let current: TLine[] = [];
  const flush = () => {
    if (current.length) blocks.push({ lines: [], join: true, source: current });
    current = [];
  };
  while (i < lines.length) {
    const l = lines[i];
    if (/^N[ơo]i\s+nh[ậa]n/iu.test(l.segs[0]?.text ?? '')) {
      flush();
      let e = i + 1;
      while (e < lines.length && !/^(?:DANH SÁCH|PHỤ LỤC|Phụ lục)/u.test(lines[e].text)) e++;
      blocks.push({ lines: unzipColumns(lines.slice(i, e), mid), join: false });
      i = e;
      continue;
    }
    if (l.segs.length >= 3) {
      // a table: this line and the following lines whose pieces sit in its columns
      let e = i + 1;
      while (e < lines.length) {
        const n = lines[e];
        const gap = lines[e - 1].y - n.y;
        if (gap > Math.max(n.h, lines[e - 1].h) * 3.2) break;
        if (n.segs.length === 1 && n.segs[0].end - n.segs[0].x > (maxRight - minLeft) * 0.6) break;
        e++;
      }
      flush();
      blocks.push({ lines: tableRows(lines.slice(i, e)), join: false });
      i = e;
      continue;
    }
    current.push(l);
    i++;
  }
  flush();
  return blocks;
}

function joinLines(lines: TLine[], minLeft: number, maxRight: number): string[] {
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
    const wrapped = fullWidth && !endsSentence && gap < prev.h * 2.2 && !HEADING_START.test(line.text) && line.segs.length === 1;
    if (wrapped) current += ' ' + line.text;
    else {
      out.push(current);
      current = line.text;
    }
  }
  if (current) out.push(current);
  return out;
}

function pageText(lines: TLine[], firstPage: boolean): string {
  if (!lines.length) return '';
  const minLeft = Math.min(...lines.map((l) => l.left));
  const maxRight = Math.max(...lines.map((l) => l.right));
  const parts: string[] = [];
  for (const b of pageBlocks(lines, firstPage)) {
    if (b.source) parts.push(joinLines(b.source, minLeft, maxRight).join('\n\n'));
    else parts.push(b.lines.join('\n'));
  }
  return parts.join('\n\n');
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
      pages.push(pageText(buildLines(items), p === 1));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const text = pages.join('\n\n');
  if (text.replace(/[\s|]/g, '').length < 20) throw new ImporterError('scanned_pdf', SCANNED_PDF_MESSAGE);
  return { text, pages: pages.length, warnings };
}
