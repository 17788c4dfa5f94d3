// .docx → plain text in document order: paragraphs, tables (the two-column header and footer tables are read
// cell by cell; data tables such as a Danh sách give one line per row with cells joined by " | "), text boxes,
// automatic numbering ("I.", "1.", "a)") and runs typed in legacy fonts (.VnTime → TCVN3, VNI-Times → VNI).

import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { ImporterError } from './errors';
import { tcvn3ToUnicode, vniToUnicode } from './legacy-fonts';

type TNode = Record<string, unknown>;
type TNumLevel = { fmt: string; text: string; start: number };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(node: TNode): string | null {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return null;
}
function childrenOf(node: TNode): TNode[] {
  const tag = tagOf(node);
  if (!tag) return [];
  const c = node[tag];
  return Array.isArray(c) ? (c as TNode[]) : [];
}
function attrs(node: TNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}
function find(nodes: TNode[], tag: string): TNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}
function findAll(nodes: TNode[], tag: string): TNode[] {
  return nodes.filter((n) => tagOf(n) === tag);
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}
function toLetter(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  while (n > 0) { n--; out = letters[n % 26] + out; n = Math.floor(n / 26); }
  return out;
}
function formatNumber(fmt: string, n: number): string {
  switch (fmt) {
    case 'upperRoman': return toRoman(n);
    case 'lowerRoman': return toRoman(n).toLowerCase();
    case 'upperLetter': return toLetter(n).toUpperCase();
    case 'lowerLetter': return toLetter(n);
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'none': return '';
    default: return String(n);
  }
}

/** Inline wrappers whose runs are part of the paragraph's text. */
const CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml', 'w:bdo', 'w:dir', 'w:moveTo']);

type TFontKind = 'tcvn3' | 'tcvn3-upper' | 'vni' | null;
function fontKind(name: string | undefined): TFontKind {
  if (!name) return null;
  if (/^\.?vn.*h$/i.test(name.trim()) && /^\.vn/i.test(name.trim())) return 'tcvn3-upper';
  if (/^\.vn/i.test(name.trim())) return 'tcvn3';
  if (/^vni[- ]/i.test(name.trim())) return 'vni';
  return null;
}

class DocxWalker {
  private counters = new Map<string, number[]>();
  readonly blocks: string[] = [];
  legacyRuns = 0;

  constructor(
    private readonly nums: Map<string, Map<number, TNumLevel>>,
    private readonly styleFonts: Map<string, string>,
    private readonly defaultFont: string | undefined,
    private readonly styleNumbering: Map<string, { numId: string; ilvl: number }> = new Map(),
  ) {}

  private numberLabel(numId: string, ilvl: number): string {
    const levels = this.nums.get(numId);
    if (!levels) return '';
    const lvl = levels.get(ilvl);
    if (!lvl) return '';
    if (lvl.fmt === 'bullet') return '- ';
    const counts = this.counters.get(numId) ?? [];
    for (let i = 0; i <= ilvl; i++) if (counts[i] === undefined) counts[i] = (levels.get(i)?.start ?? 1) - (i === ilvl ? 1 : 0);
    counts[ilvl] = (counts[ilvl] ?? 0) + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    const label = lvl.text.replace(/%(\d)/g, (_m, d: string) => {
      const li = Number(d) - 1;
      const fmt = levels.get(li)?.fmt ?? 'decimal';
      return formatNumber(fmt, counts[li] ?? 1);
    });
    return label ? `${label} ` : '';
  }

  private runText(run: TNode, paraFont: string | undefined, out: string[], nested: string[][]): void {
    const kids = childrenOf(run);
    const rPr = find(kids, 'w:rPr');
    let font: string | undefined;
    if (rPr) {
      const rf = find(childrenOf(rPr), 'w:rFonts');
      if (rf) font = attrs(rf)['w:ascii'] ?? attrs(rf)['w:hAnsi'];
      const rStyle = find(childrenOf(rPr), 'w:rStyle');
      if (!font && rStyle) font = this.styleFonts.get(attrs(rStyle)['w:val']);
    }
    font = font ?? paraFont ?? this.defaultFont;
    let text = '';
    const visit = (nodes: TNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (!tag) continue;
        if (tag === 'w:t') text += textOf(n);
        else if (tag === 'w:tab' || tag === 'w:ptab') text += '\t';
        else if (tag === 'w:br' || tag === 'w:cr') text += '\n';
        else if (tag === 'w:noBreakHyphen') text += '-';
        else if (tag === 'w:txbxContent') nested.push(this.collectParagraphs(childrenOf(n)));
        else if (tag === 'mc:AlternateContent') {
          const choice = find(childrenOf(n), 'mc:Choice') ?? find(childrenOf(n), 'mc:Fallback');
          if (choice) visit(childrenOf(choice));
        } else if (tag !== 'w:rPr' && tag !== 'w:instrText' && tag !== 'w:delText') visit(childrenOf(n));
      }
    };
    visit(kids);
    const kind = fontKind(font);
    if (kind && text) {
      this.legacyRuns++;
      if (kind === 'vni') text = vniToUnicode(text);
      else text = tcvn3ToUnicode(text, kind === 'tcvn3-upper');
    }
    out.push(text);
  }

  /** Text of one w:p (with its numbering label); text boxes inside it become their own blocks. */
  private paragraph(p: TNode): { text: string; nested: string[][] } {
    const kids = childrenOf(p);
    const pPr = find(kids, 'w:pPr');
    let label = '';
    let paraFont: string | undefined;
    if (pPr) {
      const pk = childrenOf(pPr);
      const numPr = find(pk, 'w:numPr');
      if (numPr) {
        const nk = childrenOf(numPr);
        const numId = find(nk, 'w:numId');
        const ilvl = find(nk, 'w:ilvl');
        if (numId) label = this.numberLabel(attrs(numId)['w:val'], Number(ilvl ? attrs(ilvl)['w:val'] : 0));
      }
      const pStyle = find(pk, 'w:pStyle');
      if (pStyle) paraFont = this.styleFonts.get(attrs(pStyle)['w:val']);
      // headings numbered through their style ("Heading 1" → I., II.)
      const styleNum = pStyle ? this.styleNumbering.get(attrs(pStyle)['w:val']) : undefined;
      if (!numPr && styleNum) label = this.numberLabel(styleNum.numId, styleNum.ilvl);
    }
    const parts: string[] = [];
    const nested: string[][] = [];
    const visit = (nodes: TNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 'w:r') this.runText(n, paraFont, parts, nested);
        else if (tag && CONTAINERS.has(tag)) visit(childrenOf(n));
      }
    };
    visit(kids);
    return { text: label + parts.join(''), nested };
  }

  /** Paragraph texts of a list of body-level nodes (used for cells and text boxes). */
  collectParagraphs(nodes: TNode[]): string[] {
    const out: string[] = [];
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const { text, nested } = this.paragraph(n);
        for (const box of nested) out.push(...box);
        out.push(text);
      } else if (tag === 'w:tbl') out.push(...this.table(n));
      else if (tag === 'w:sdt') {
        const content = find(childrenOf(n), 'w:sdtContent');
        if (content) out.push(...this.collectParagraphs(childrenOf(content)));
      }
    }
    return out;
  }

  /** A table as text lines. */
  table(tbl: TNode): string[] {
    const rows = findAll(childrenOf(tbl), 'w:tr').map((tr) =>
      findAll(childrenOf(tr), 'w:tc').map((tc) => this.collectParagraphs(childrenOf(tc))),
    );
    const maxCols = Math.max(0, ...rows.map((r) => r.length));
    const allText = rows.flat(2).join(' ');
    const layout =
      (maxCols <= 2 && rows.length <= 4) ||
      /CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Nơi nhận/i.test(allText);
    const out: string[] = [];
    if (layout) {
      for (const row of rows) {
        for (const cell of row) {
          for (const p of cell) out.push(p);
          out.push('');
        }
      }
      return out;
    }
    for (const row of rows) {
      const cells = row.map((cell) => cell.join(' ').replace(/[\t\n|]+/g, ' ').replace(/\s+/g, ' ').trim());
      if (cells.some((c) => c)) out.push(cells.join(' | '));
    }
    out.push('');
    return out;
  }

  walkBody(body: TNode[]): void {
    for (const n of body) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const { text, nested } = this.paragraph(n);
        for (const box of nested) this.blocks.push(...box);
        this.blocks.push(text);
      } else if (tag === 'w:tbl') {
        this.blocks.push(...this.table(n));
      } else if (tag === 'w:sdt') {
        const content = find(childrenOf(n), 'w:sdtContent');
        if (content) this.walkBody(childrenOf(content));
      } else if (tag === 'w:customXml') this.walkBody(childrenOf(n));
    }
  }
}

function textOf(node: TNode): string {
  return childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('');
}

function readNumbering(xml: string | null): Map<string, Map<number, TNumLevel>> {
  const result = new Map<string, Map<number, TNumLevel>>();
  if (!xml) return result;
  const root = parser.parse(xml) as TNode[];
  const numbering = find(root, 'w:numbering');
  if (!numbering) return result;
  const kids = childrenOf(numbering);
  const abstract = new Map<string, Map<number, TNumLevel>>();
  for (const an of findAll(kids, 'w:abstractNum')) {
    const levels = new Map<number, TNumLevel>();
    for (const lvl of findAll(childrenOf(an), 'w:lvl')) {
      const lk = childrenOf(lvl);
      const fmt = find(lk, 'w:numFmt');
      const text = find(lk, 'w:lvlText');
      const start = find(lk, 'w:start');
      levels.set(Number(attrs(lvl)['w:ilvl'] ?? 0), {
        fmt: fmt ? attrs(fmt)['w:val'] ?? 'decimal' : 'decimal',
        text: text ? attrs(text)['w:val'] ?? '' : '',
        start: start ? Number(attrs(start)['w:val'] ?? 1) : 1,
      });
    }
    abstract.set(attrs(an)['w:abstractNumId'], levels);
  }
  for (const num of findAll(kids, 'w:num')) {
    const ref = find(childrenOf(num), 'w:abstractNumId');
    const levels = ref ? abstract.get(attrs(ref)['w:val']) : undefined;
    if (levels) result.set(attrs(num)['w:numId'], levels);
  }
  return result;
}

type TStyles = { styleFonts: Map<string, string>; defaultFont: string | undefined; styleNumbering: Map<string, { numId: string; ilvl: number }> };

function readStyles(xml: string | null): TStyles {
  const styleFonts = new Map<string, string>();
  const styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  let defaultFont: string | undefined;
  if (!xml) return { styleFonts, defaultFont, styleNumbering };
  const root = parser.parse(xml) as TNode[];
  const styles = find(root, 'w:styles');
  if (!styles) return { styleFonts, defaultFont, styleNumbering };
  const fontIn = (nodes: TNode[]): string | undefined => {
    const rPr = find(nodes, 'w:rPr');
    const rf = rPr ? find(childrenOf(rPr), 'w:rFonts') : undefined;
    return rf ? attrs(rf)['w:ascii'] ?? attrs(rf)['w:hAnsi'] : undefined;
  };
  const defaults = find(childrenOf(styles), 'w:docDefaults');
  if (defaults) {
    const rPrDefault = find(childrenOf(defaults), 'w:rPrDefault');
    if (rPrDefault) defaultFont = fontIn(childrenOf(rPrDefault));
  }
  for (const st of findAll(childrenOf(styles), 'w:style')) {
    const f = fontIn(childrenOf(st));
    if (f) styleFonts.set(attrs(st)['w:styleId'], f);
    if (f && attrs(st)['w:default'] === '1' && attrs(st)['w:type'] === 'paragraph') defaultFont = f;
    const pPr = find(childrenOf(st), 'w:pPr');
    const numPr = pPr ? find(childrenOf(pPr), 'w:numPr') : undefined;
    const numId = numPr ? find(childrenOf(numPr), 'w:numId') : undefined;
    if (numPr && numId) {
      const ilvl = find(childrenOf(numPr), 'w:ilvl');
      styleNumbering.set(attrs(st)['w:styleId'], { numId: attrs(numId)['w:val'], ilvl: Number(ilvl ? attrs(ilvl)['w:val'] : 0) });
    }
  }
  return { styleFonts, defaultFont, styleNumbering };
}

export type TDocxText = { text: string; warnings: string[] };

/** Read a .docx file's main text. Throws ImporterError when the bytes are not a Word document. */
export async function readDocx(buf: Uint8Array): Promise<TDocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw new ImporterError('corrupt', 'Tệp .docx bị hỏng hoặc không phải tệp Word (không giải nén được).');
  }
  const docFile = zip.file('word/document.xml');
  if (!docFile) throw new ImporterError('corrupt', 'Tệp .docx không có phần nội dung (word/document.xml).');
  const [docXml, numXml, stylesXml] = await Promise.all([
    docFile.async('string'),
    zip.file('word/numbering.xml')?.async('string') ?? Promise.resolve(null),
    zip.file('word/styles.xml')?.async('string') ?? Promise.resolve(null),
  ]);
  let root: TNode[];
  try {
    root = parser.parse(docXml) as TNode[];
  } catch {
    throw new ImporterError('corrupt', 'Nội dung tệp .docx bị hỏng (XML không hợp lệ).');
  }
  const document = find(root, 'w:document');
  const body = document ? find(childrenOf(document), 'w:body') : undefined;
  if (!body) throw new ImporterError('corrupt', 'Tệp .docx không có thân văn bản (w:body).');
  let nums = new Map<string, Map<number, TNumLevel>>();
  let styles: TStyles = { styleFonts: new Map(), defaultFont: undefined, styleNumbering: new Map() };
  try {
    nums = readNumbering(numXml);
    styles = readStyles(stylesXml);
  } catch {
    // numbering and styles only refine the text; a broken part is skipped
  }
  const walker = new DocxWalker(nums, styles.styleFonts, styles.defaultFont, styles.styleNumbering);
  walker.walkBody(childrenOf(body));
  const warnings: string[] = [];
  if (walker.legacyRuns > 0) warnings.push('Văn bản Word dùng phông chữ cũ (TCVN3/VNI); đã chuyển sang Unicode.');
  const text = walker.blocks.join('\n\n').replace(/\n{3,}/g, '\n\n');
  return { text, warnings };
}
