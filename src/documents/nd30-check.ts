// NĐ 30/2020/NĐ-CP format checker: opens a DOCX (or reads plain text) and lists every departure from the
// thể thức of Phụ lục I, in Vietnamese, each with the rule it breaks. Used on our own output (must pass)
// and by a Sở checking the Word files schools send up.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { MARGIN_RANGES_MM, QUOC_HIEU } from './nd30';

export type TFormatIssue = {
  code:
    | 'NOT_DOCX'
    | 'PAGE_SIZE'
    | 'ORIENTATION'
    | 'MARGIN'
    | 'FONT'
    | 'FONT_SIZE'
    | 'QUOC_HIEU'
    | 'TIEU_NGU'
    | 'NUMBER'
    | 'DATE'
    | 'RECIPIENTS'
    | 'PAGE_NUMBER';
  severity: 'error' | 'warning';
  message: string;
  /** The rule broken, e.g. "NĐ 30/2020/NĐ-CP, Phụ lục I – Định lề trang văn bản". */
  rule: string;
  /** The offending text or value, when there is one. */
  found?: string;
};

const RULE = {
  paper: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Khổ giấy và kiểu trình bày (A4, chiều dài)',
  margin: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Định lề trang văn bản (trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm)',
  font: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Phông chữ (Times New Roman, bộ mã Unicode TCVN 6909:2001)',
  size: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Cỡ chữ nội dung văn bản 13–14',
  quocHieu: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Quốc hiệu và Tiêu ngữ',
  number: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Số, ký hiệu của văn bản',
  date: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Địa danh và thời gian ban hành văn bản',
  recipients: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Nơi nhận',
  pageNumber: 'NĐ 30/2020/NĐ-CP, Phụ lục I – Số trang văn bản (giữa lề trên, không hiển thị ở trang thứ nhất)',
} as const;

// ---------------------------------------------------------------------------------------------
// Line rules shared by the DOCX and the plain-text checks

const QUOC_HIEU_KEY = normalizeQuocHieu(QUOC_HIEU);
function normalizeQuocHieu(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi').replace(/HOÀ/g, 'HÒA').replace(/\s+/g, ' ').trim();
}
const TIEU_NGU_LOOSE = /^độc\s*lập\s*([-–—‑])?\s*tự\s*do\s*([-–—‑])?\s*hạnh\s*phúc$/iu;
const TIEU_NGU_EXACT = /^Độc lập - Tự do - Hạnh phúc$/u;
const NUMBER_LINE = /^số(?=[\s:])/iu;
const NUMBER_PATTERN = /^Số:\s*(\d*)\s*\/\s*(\S+)$/u;
const DATE_LOOSE = /^([^,]{2,60}),\s*ngày(?=[\s\d])/iu;
const DATE_PATTERN = /^([^,]{2,60}), ngày\s+(\d{1,2}|\s*|…+|\.+)\s+tháng\s+(\d{1,2}|\s*|…+|\.+)\s+năm\s+(\d{4})$/u;

function clean(text: string): string {
  return text.normalize('NFC').replace(/\u00a0/g, ' ').trim();
}

export function checkNumberLine(line: string): TFormatIssue[] {
  const text = clean(line);
  const m = NUMBER_PATTERN.exec(text.replace(/\s+/g, (s) => (s.length > 1 ? s : ' ')));
  if (!m) {
    return [{ code: 'NUMBER', severity: 'error', rule: RULE.number, found: text, message: `Dòng số, ký hiệu "${text}" không đúng dạng "Số: 05/KH-ABC" (có dấu hai chấm sau "Số", số và ký hiệu cách nhau bằng "/").` }];
  }
  const issues: TFormatIssue[] = [];
  const [, num, symbol] = m;
  if (num && Number(num) < 10 && num.length < 2) {
    issues.push({ code: 'NUMBER', severity: 'error', rule: RULE.number, found: text, message: `Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước: "Số: 0${num}/${symbol}".` });
  }
  if (/[a-zđ]{2,}/u.test(symbol.replace(/QyĐ|CTr|TTr|BGN|GUQ|SY|TrS|SL/g, ''))) {
    issues.push({ code: 'NUMBER', severity: 'warning', rule: RULE.number, found: text, message: `Ký hiệu văn bản "${symbol}" nên viết bằng chữ in hoa (chữ viết tắt tên loại và tên cơ quan).` });
  }
  return issues;
}

export function checkDateLine(line: string, opts: { italic?: boolean } = {}): TFormatIssue[] {
  const text = clean(line).replace(/\s*\.$/, '');
  const m = DATE_PATTERN.exec(text);
  if (!m) {
    return [{ code: 'DATE', severity: 'error', rule: RULE.date, found: text, message: `Dòng địa danh, thời gian "${text}" không đúng dạng "Hà Tĩnh, ngày 05 tháng 02 năm 2026".` }];
  }
  const issues: TFormatIssue[] = [];
  const [, , day, month] = m;
  if (/^\d$/.test(day)) {
    issues.push({ code: 'DATE', severity: 'error', rule: RULE.date, found: text, message: `Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước: "ngày 0${day}".` });
  }
  if (/^[12]$/.test(month)) {
    issues.push({ code: 'DATE', severity: 'error', rule: RULE.date, found: text, message: `Tháng 1, 2 phải ghi thêm số 0 phía trước: "tháng 0${month}".` });
  }
  if (/^0[3-9]$/.test(month)) {
    issues.push({ code: 'DATE', severity: 'warning', rule: RULE.date, found: text, message: `Chỉ tháng 1, 2 được ghi thêm số 0; viết "tháng ${Number(month)}" thay cho "tháng ${month}".` });
  }
  if (opts.italic === false) {
    issues.push({ code: 'DATE', severity: 'error', rule: RULE.date, found: text, message: 'Dòng địa danh, thời gian phải in nghiêng.' });
  }
  return issues;
}

export function checkRecipientLines(lines: string[]): TFormatIssue[] {
  const items = lines.map(clean).filter(Boolean);
  const issues: TFormatIssue[] = [];
  if (!items.length) return [{ code: 'RECIPIENTS', severity: 'error', rule: RULE.recipients, message: 'Mục "Nơi nhận:" không có dòng nào.' }];
  const last = items[items.length - 1];
  if (!/^-\s*Lưu\s*:\s*VT\b/u.test(last)) {
    issues.push({ code: 'RECIPIENTS', severity: 'error', rule: RULE.recipients, found: last, message: `Dòng cuối của "Nơi nhận" phải là "- Lưu: VT, …." (nhận được "${last}").` });
  } else if (!last.endsWith('.')) {
    issues.push({ code: 'RECIPIENTS', severity: 'warning', rule: RULE.recipients, found: last, message: 'Dòng "- Lưu: VT, …" kết thúc bằng dấu chấm.' });
  }
  for (const l of items.slice(0, -1)) {
    if (!l.startsWith('-')) issues.push({ code: 'RECIPIENTS', severity: 'warning', rule: RULE.recipients, found: l, message: `Mỗi nơi nhận bắt đầu bằng gạch đầu dòng "-": "${l}".` });
    else if (!l.endsWith(';')) issues.push({ code: 'RECIPIENTS', severity: 'warning', rule: RULE.recipients, found: l, message: `Mỗi nơi nhận kết thúc bằng dấu chấm phẩy: "${l}".` });
  }
  return issues;
}

/** Achievement-report forms (NĐ 91/98/152) have no number line and no Nơi nhận by design. */
function isAchievementReport(lines: string[]): boolean {
  return lines.some((l) => /^BÁO CÁO THÀNH TÍCH/u.test(clean(l).toLocaleUpperCase('vi')));
}

/** Plain-text check (e.g. text extracted from a PDF or pasted): the line-level rules only. */
export function checkNd30Text(text: string): TFormatIssue[] {
  const lines = text.split(/\r?\n/).map(clean).filter(Boolean);
  return checkLines(lines.map((t) => ({ text: t })));
}

type TLine = { text: string; bold?: boolean; italic?: boolean; sizePt?: number; inFirstHeader?: boolean };

function checkLines(lines: TLine[]): TFormatIssue[] {
  const issues: TFormatIssue[] = [];
  const texts = lines.map((l) => l.text);
  const formDoc = isAchievementReport(texts);

  const qh = lines.find((l) => normalizeQuocHieu(l.text) === QUOC_HIEU_KEY);
  if (!qh) {
    const near = lines.find((l) => /CỘNG\s+HO[ÀÒ]A\s+XÃ\s+HỘI/iu.test(l.text));
    issues.push({
      code: 'QUOC_HIEU',
      severity: 'error',
      rule: RULE.quocHieu,
      found: near?.text,
      message: near ? `Quốc hiệu phải là "${QUOC_HIEU}" (chữ in hoa), nhận được "${near.text}".` : 'Thiếu Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".',
    });
  } else {
    if (qh.text.replace(/\s+/g, ' ') !== qh.text.toLocaleUpperCase('vi').replace(/\s+/g, ' ')) {
      issues.push({ code: 'QUOC_HIEU', severity: 'error', rule: RULE.quocHieu, found: qh.text, message: `Quốc hiệu phải viết bằng chữ in hoa: "${QUOC_HIEU}" (nhận được "${qh.text}").` });
    }
    if (qh.bold === false) issues.push({ code: 'QUOC_HIEU', severity: 'error', rule: RULE.quocHieu, found: qh.text, message: 'Quốc hiệu phải in đậm.' });
    if (qh.sizePt !== undefined && (qh.sizePt < 12 || qh.sizePt > 13)) issues.push({ code: 'QUOC_HIEU', severity: 'warning', rule: RULE.quocHieu, found: `${qh.sizePt} pt`, message: `Quốc hiệu cỡ chữ 12–13 (đang là ${qh.sizePt}).` });
  }

  const tn = lines.find((l) => TIEU_NGU_LOOSE.test(l.text));
  if (!tn) {
    issues.push({ code: 'TIEU_NGU', severity: 'error', rule: RULE.quocHieu, message: 'Thiếu Tiêu ngữ "Độc lập - Tự do - Hạnh phúc".' });
  } else {
    if (!TIEU_NGU_EXACT.test(tn.text)) {
      issues.push({ code: 'TIEU_NGU', severity: 'error', rule: RULE.quocHieu, found: tn.text, message: `Tiêu ngữ phải là "Độc lập - Tự do - Hạnh phúc": chữ cái đầu các cụm từ viết hoa, giữa các cụm từ có gạch nối (-) và cách chữ (nhận được "${tn.text}").` });
    }
    if (tn.bold === false) issues.push({ code: 'TIEU_NGU', severity: 'error', rule: RULE.quocHieu, found: tn.text, message: 'Tiêu ngữ phải in đậm.' });
  }

  // The number line sits in the header, before the type name; only look at the first lines.
  const head = lines.slice(0, 20);
  const numberLine = head.find((l) => NUMBER_LINE.test(l.text) && /\//.test(l.text));
  if (numberLine) issues.push(...checkNumberLine(numberLine.text));
  else if (!formDoc) issues.push({ code: 'NUMBER', severity: 'error', rule: RULE.number, message: 'Không tìm thấy dòng số, ký hiệu văn bản ("Số: 05/KH-ABC").' });

  const dateLine = head.find((l) => DATE_LOOSE.test(l.text));
  if (dateLine) issues.push(...checkDateLine(dateLine.text, { italic: dateLine.italic }));
  else issues.push({ code: 'DATE', severity: 'error', rule: RULE.date, message: 'Không tìm thấy dòng địa danh, thời gian ("Hà Tĩnh, ngày 05 tháng 02 năm 2026").' });

  const nnIndex = lines.findIndex((l) => /^Nơi nhận\s*:/u.test(l.text));
  if (nnIndex < 0) {
    if (!formDoc) issues.push({ code: 'RECIPIENTS', severity: 'error', rule: RULE.recipients, message: 'Thiếu mục "Nơi nhận:".' });
  } else {
    const nn = lines[nnIndex];
    if (nn.bold === false || nn.italic === false) issues.push({ code: 'RECIPIENTS', severity: 'error', rule: RULE.recipients, found: nn.text, message: 'Từ "Nơi nhận:" phải in nghiêng, đậm.' });
    if (nn.sizePt !== undefined && nn.sizePt !== 12) issues.push({ code: 'RECIPIENTS', severity: 'warning', rule: RULE.recipients, found: `${nn.sizePt} pt`, message: `Từ "Nơi nhận:" cỡ chữ 12 (đang là ${nn.sizePt}).` });
    const items: TLine[] = [];
    for (const l of lines.slice(nnIndex + 1)) {
      if (!l.text.startsWith('-')) break;
      items.push(l);
      if (/^-\s*Lưu\s*:/u.test(l.text)) break;
    }
    issues.push(...checkRecipientLines(items.map((i) => i.text)));
    const wrongSize = items.find((i) => i.sizePt !== undefined && i.sizePt !== 11);
    if (wrongSize) issues.push({ code: 'RECIPIENTS', severity: 'warning', rule: RULE.recipients, found: `${wrongSize.sizePt} pt`, message: `Các dòng nơi nhận cỡ chữ 11 (đang là ${wrongSize.sizePt}).` });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// DOCX reading

type TNode = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false });

function tagOf(node: TNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}
function childrenOf(node: TNode): TNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? (c as TNode[]) : [];
}
function attrs(node: TNode): Record<string, string> {
  return (node[':@'] as Record<string, string>) ?? {};
}
function find(nodes: TNode[], tag: string): TNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
function findAll(nodes: TNode[], tag: string, out: TNode[] = []): TNode[] {
  for (const n of nodes) {
    if (tagOf(n) === tag) out.push(n);
    else findAll(childrenOf(n), tag, out);
  }
  return out;
}
function onOff(node: TNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = attrs(node)['w:val'];
  return !(v === '0' || v === 'false' || v === 'off');
}

type TRunProps = { bold?: boolean; italic?: boolean; sizeHalfPt?: number; font?: string; themeFont?: string };

function readRunProps(rPr: TNode | undefined): TRunProps {
  if (!rPr) return {};
  const c = childrenOf(rPr);
  const fonts = find(c, 'w:rFonts');
  const fa = fonts ? attrs(fonts) : {};
  const sz = find(c, 'w:sz');
  return {
    bold: onOff(find(c, 'w:b')),
    italic: onOff(find(c, 'w:i')),
    sizeHalfPt: sz ? Number(attrs(sz)['w:val']) : undefined,
    font: fa['w:ascii'] ?? fa['w:hAnsi'],
    themeFont: fa['w:asciiTheme'] ?? fa['w:hAnsiTheme'],
  };
}
function merge(base: TRunProps, over: TRunProps): TRunProps {
  const out: TRunProps = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  if (over.font) out.themeFont = undefined;
  return out;
}

type TStyles = { defaults: TRunProps; styles: Map<string, { basedOn?: string; rPr: TRunProps }>; defaultParagraphStyle?: string };

function readStyles(xml: string | undefined): TStyles {
  const out: TStyles = { defaults: {}, styles: new Map() };
  if (!xml) return out;
  const root = parser.parse(xml) as TNode[];
  const stylesNode = findAll(root, 'w:styles')[0];
  if (!stylesNode) return out;
  const docDefaults = find(childrenOf(stylesNode), 'w:docDefaults');
  if (docDefaults) {
    const rPrDefault = find(childrenOf(docDefaults), 'w:rPrDefault');
    const rPr = rPrDefault ? find(childrenOf(rPrDefault), 'w:rPr') : undefined;
    out.defaults = readRunProps(rPr);
  }
  for (const s of childrenOf(stylesNode).filter((n) => tagOf(n) === 'w:style')) {
    const a = attrs(s);
    const c = childrenOf(s);
    const based = find(c, 'w:basedOn');
    out.styles.set(a['w:styleId'], { basedOn: based ? attrs(based)['w:val'] : undefined, rPr: readRunProps(find(c, 'w:rPr')) });
    if (a['w:type'] === 'paragraph' && (a['w:default'] === '1' || a['w:default'] === 'true')) out.defaultParagraphStyle = a['w:styleId'];
  }
  return out;
}

function styleProps(styles: TStyles, id: string | undefined, depth = 0): TRunProps {
  if (!id || depth > 10) return {};
  const s = styles.styles.get(id);
  if (!s) return {};
  return merge(styleProps(styles, s.basedOn, depth + 1), s.rPr);
}

type TParagraphInfo = TLine & { inTable: boolean; fonts: Set<string>; sizes: Set<number>; length: number };

function readParagraph(p: TNode, styles: TStyles, inTable: boolean): TParagraphInfo {
  const c = childrenOf(p);
  const pPr = find(c, 'w:pPr');
  const pStyle = pPr ? find(childrenOf(pPr), 'w:pStyle') : undefined;
  const styleId = pStyle ? attrs(pStyle)['w:val'] : styles.defaultParagraphStyle;
  const base = merge(styles.defaults, styleProps(styles, styleId));
  let text = '';
  const fonts = new Set<string>();
  const sizes = new Set<number>();
  const boldFlags: boolean[] = [];
  const italicFlags: boolean[] = [];
  const runs = findAll(c.filter((n) => tagOf(n) !== 'w:pPr'), 'w:r');
  for (const r of runs) {
    const rc = childrenOf(r);
    const rPrNode = find(rc, 'w:rPr');
    const rStyle = rPrNode ? find(childrenOf(rPrNode), 'w:rStyle') : undefined;
    const props = merge(merge(base, styleProps(styles, rStyle ? attrs(rStyle)['w:val'] : undefined)), readRunProps(rPrNode));
    let runText = '';
    for (const n of rc) {
      const t = tagOf(n);
      if (t === 'w:t') runText += childrenOf(n).map((x) => String((x as Record<string, unknown>)['#text'] ?? '')).join('');
      else if (t === 'w:tab') runText += '\t';
      else if (t === 'w:br') runText += '\n';
    }
    if (!runText.trim()) {
      text += runText;
      continue;
    }
    text += runText;
    fonts.add(props.font ?? (props.themeFont ? `theme:${props.themeFont}` : '(mặc định của Word)'));
    if (props.sizeHalfPt) sizes.add(props.sizeHalfPt / 2);
    boldFlags.push(!!props.bold);
    italicFlags.push(!!props.italic);
  }
  const sizeList = [...sizes];
  return {
    text: clean(text),
    bold: boldFlags.length ? boldFlags.every(Boolean) : undefined,
    italic: italicFlags.length ? italicFlags.every(Boolean) : undefined,
    sizePt: sizeList.length === 1 ? sizeList[0] : sizeList.length ? Math.min(...sizeList) : undefined,
    inTable,
    fonts,
    sizes,
    length: text.trim().length,
  };
}

function collectParagraphs(nodes: TNode[], styles: TStyles, inTable = false, out: TParagraphInfo[] = []): TParagraphInfo[] {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') out.push(readParagraph(n, styles, inTable));
    else if (tag === 'w:tbl') collectParagraphs(childrenOf(n), styles, true, out);
    else if (tag && tag !== ':@' && tag !== 'w:sectPr') collectParagraphs(childrenOf(n), styles, inTable, out);
  }
  return out;
}

function twipsToMm(v: string | undefined): number {
  return Math.round(((Number(v) * 25.4) / 1440) * 10) / 10;
}

function hasPageField(xml: string | undefined): boolean {
  if (!xml) return false;
  return /<w:fldSimple[^>]*w:instr="\s*PAGE\b/.test(xml) || /<w:instrText[^>]*>\s*PAGE\b/.test(xml);
}

/** Full text of a DOCX as lines (paragraphs in document order, tables included). For tests and previews. */
export async function readDocxLines(buffer: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('Tệp không phải DOCX (thiếu word/document.xml).');
  const root = parser.parse(xml) as TNode[];
  return collectParagraphs(root, { defaults: {}, styles: new Map() }).map((p) => p.text);
}

/** Check a DOCX against NĐ 30/2020 Phụ lục I. An empty list means the file passes. */
export async function checkNd30Docx(buffer: Buffer | Uint8Array): Promise<TFormatIssue[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    return [{ code: 'NOT_DOCX', severity: 'error', rule: 'Định dạng tệp', message: 'Tệp không mở được như một tệp Word (.docx).' }];
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) return [{ code: 'NOT_DOCX', severity: 'error', rule: 'Định dạng tệp', message: 'Tệp không phải DOCX (thiếu word/document.xml).' }];
  const styles = readStyles(await zip.file('word/styles.xml')?.async('string'));
  const relsXml = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?word\//, ''));
  }
  const partXml = async (rid: string | undefined) => (rid && rels.get(rid) ? zip.file(`word/${rels.get(rid)}`)?.async('string') : undefined);

  const root = parser.parse(documentXml) as TNode[];
  const body = findAll(root, 'w:body')[0];
  const issues: TFormatIssue[] = [];

  // Sections: the body's last sectPr plus those ending earlier sections (inside a paragraph's pPr).
  const sectPrs = findAll(childrenOf(body ?? {}), 'w:sectPr');
  sectPrs.forEach((sp, index) => {
    const c = childrenOf(sp);
    const pgSz = find(c, 'w:pgSz');
    const pgMar = find(c, 'w:pgMar');
    const label = sectPrs.length > 1 ? ` (phần ${index + 1})` : '';
    if (pgSz) {
      const a = attrs(pgSz);
      const w = twipsToMm(a['w:w']);
      const h = twipsToMm(a['w:h']);
      const short = Math.min(w, h);
      const long = Math.max(w, h);
      if (Math.abs(short - 210) > 1 || Math.abs(long - 297) > 1) {
        issues.push({ code: 'PAGE_SIZE', severity: 'error', rule: RULE.paper, found: `${w} × ${h} mm`, message: `Khổ giấy phải là A4 (210 × 297 mm), đang là ${w} × ${h} mm${label}.` });
      }
      const landscape = a['w:orient'] === 'landscape' || w > h;
      // Landscape is allowed for annex tables, not for the document itself (its first section).
      if (landscape && index === 0) {
        issues.push({ code: 'ORIENTATION', severity: 'error', rule: RULE.paper, message: 'Văn bản phải trình bày theo chiều dài khổ A4 (trang dọc).' });
      }
    } else {
      issues.push({ code: 'PAGE_SIZE', severity: 'warning', rule: RULE.paper, message: `Không khai báo khổ giấy${label}; Word sẽ dùng khổ mặc định.` });
    }
    if (pgMar) {
      const a = attrs(pgMar);
      const names = { top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' } as const;
      for (const side of ['top', 'bottom', 'left', 'right'] as const) {
        const v = twipsToMm(a[`w:${side}`]);
        const [lo, hi] = MARGIN_RANGES_MM[side];
        if (!(v >= lo - 0.2 && v <= hi + 0.2)) {
          issues.push({ code: 'MARGIN', severity: 'error', rule: RULE.margin, found: `${v} mm`, message: `Lề ${names[side]} ${v} mm, phải từ ${lo} đến ${hi} mm${label}.` });
        }
      }
    }
  });

  // Page number: only the first section's first page matters.
  const firstSect = sectPrs.length > 1 ? sectPrs[0] : sectPrs[0];
  if (firstSect) {
    const c = childrenOf(firstSect);
    const titlePg = onOff(find(c, 'w:titlePg')) === true;
    const headerRef = (type: string) => c.find((n) => tagOf(n) === 'w:headerReference' && attrs(n)['w:type'] === type);
    const footerRef = (type: string) => c.find((n) => tagOf(n) === 'w:footerReference' && attrs(n)['w:type'] === type);
    const defaultHeader = await partXml(headerRef('default') ? attrs(headerRef('default')!)['r:id'] : undefined);
    const firstHeader = await partXml(headerRef('first') ? attrs(headerRef('first')!)['r:id'] : undefined);
    const defaultFooter = await partXml(footerRef('default') ? attrs(footerRef('default')!)['r:id'] : undefined);
    const firstFooter = await partXml(footerRef('first') ? attrs(footerRef('first')!)['r:id'] : undefined);
    const firstPageHeaderHasNumber = titlePg ? hasPageField(firstHeader) : hasPageField(defaultHeader);
    const firstPageFooterHasNumber = titlePg ? hasPageField(firstFooter) : hasPageField(defaultFooter);
    if (firstPageHeaderHasNumber || firstPageFooterHasNumber) {
      issues.push({ code: 'PAGE_NUMBER', severity: 'error', rule: RULE.pageNumber, message: 'Trang thứ nhất không được hiển thị số trang (bật "Different First Page" và để trống đầu trang đầu).' });
    }
    if (hasPageField(defaultFooter) && !hasPageField(defaultHeader)) {
      issues.push({ code: 'PAGE_NUMBER', severity: 'warning', rule: RULE.pageNumber, message: 'Số trang phải đặt ở giữa lề trên, không đặt ở chân trang.' });
    }
  }

  const paragraphs = collectParagraphs(childrenOf(body ?? {}), styles);

  // Fonts: every run with text.
  const fonts = new Set<string>();
  for (const p of paragraphs) for (const f of p.fonts) fonts.add(f);
  const wrongFonts = [...fonts].filter((f) => f !== 'Times New Roman');
  if (wrongFonts.length) {
    issues.push({
      code: 'FONT',
      severity: 'error',
      rule: RULE.font,
      found: wrongFonts.join(', '),
      message: `Văn bản dùng phông chữ khác Times New Roman: ${wrongFonts.map((f) => (f.startsWith('theme:') ? 'phông theo chủ đề (Calibri/Cambria)' : f)).join(', ')}.`,
    });
  }

  // Body text size: paragraphs outside tables with real content (not the header lines).
  const bodySizes = new Set<number>();
  for (const p of paragraphs) if (!p.inTable && p.length > 80) for (const s of p.sizes) bodySizes.add(s);
  const badSizes = [...bodySizes].filter((s) => s < 13 || s > 14);
  if (badSizes.length) {
    issues.push({ code: 'FONT_SIZE', severity: 'error', rule: RULE.size, found: badSizes.map((s) => `${s} pt`).join(', '), message: `Cỡ chữ phần nội dung phải từ 13 đến 14 (có đoạn cỡ ${badSizes.join(', ')}).` });
  }

  issues.push(...checkLines(paragraphs.filter((p) => p.text)));
  return issues;
}

/** Human-readable report, one issue a line. */
export function formatIssues(issues: TFormatIssue[]): string {
  if (!issues.length) return 'Văn bản đúng thể thức NĐ 30/2020/NĐ-CP.';
  return issues.map((i) => `[${i.severity === 'error' ? 'LỖI' : 'LƯU Ý'}] ${i.message} (${i.rule})`).join('\n');
}
