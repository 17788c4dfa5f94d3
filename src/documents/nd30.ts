// NĐ 30/2020/NĐ-CP layout engine (Phụ lục I: thể thức và kỹ thuật trình bày văn bản hành chính).
// Pure: a document spec in, DOCX bytes out. Templates build a TNd30Document; this file lays it out.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { DocumentInputError } from './errors';
import { measureTextMm } from './text-metrics';

// ---------------------------------------------------------------------------------------------
// Units and constants

/** Millimetres → twips (1/20 pt), the unit of page sizes, margins and indents in WordprocessingML. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}
/** Points → half-points, the unit of font sizes in WordprocessingML. */
function halfPt(pt: number): number {
  return Math.round(pt * 2);
}

export const FONT_FAMILY = 'Times New Roman';
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const A4_MM = { width: 210, height: 297 } as const;

/** Legal ranges of NĐ 30 Phụ lục I (mm), and the defaults we use. */
export const MARGIN_RANGES_MM = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
} as const;
export const DEFAULT_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Phụ lục III: tên loại văn bản → chữ viết tắt (Công văn has none). */
export const DOCUMENT_TYPE_CODES = {
  'Nghị quyết': 'NQ',
  'Quyết định': 'QĐ',
  'Chỉ thị': 'CT',
  'Quy chế': 'QC',
  'Quy định': 'QyĐ',
  'Thông cáo': 'TC',
  'Thông báo': 'TB',
  'Hướng dẫn': 'HD',
  'Chương trình': 'CTr',
  'Kế hoạch': 'KH',
  'Phương án': 'PA',
  'Đề án': 'ĐA',
  'Dự án': 'DA',
  'Báo cáo': 'BC',
  'Biên bản': 'BB',
  'Tờ trình': 'TTr',
  'Hợp đồng': 'HĐ',
  'Công điện': 'CĐ',
  'Bản ghi nhớ': 'BGN',
  'Bản thỏa thuận': 'BTT',
  'Giấy ủy quyền': 'GUQ',
  'Giấy mời': 'GM',
  'Giấy giới thiệu': 'GGT',
  'Giấy nghỉ phép': 'GNP',
  'Phiếu gửi': 'PG',
  'Phiếu chuyển': 'PC',
  'Phiếu báo': 'PB',
} as const satisfies Record<string, string>;
export type TDocumentTypeName = keyof typeof DOCUMENT_TYPE_CODES;

// ---------------------------------------------------------------------------------------------
// Number and date lines

/** Blank left in "Số:      /KH-ABC" for a document not numbered yet (filled by hand after signing). */
const UNNUMBERED_GAP = '      ';

/**
 * "Số: 05/KH-THPTPĐP" — numbers below 10 padded with 0; null → "Số:      /KH-THPTPĐP".
 * typeCode null or '' is a Công văn: "Số: 12/SGDĐT-VP". issuerCode may carry the drafting unit ("SGDĐT-VP").
 */
export function formatDocumentNumber(n: number | null, typeCode: string | null, issuerCode: string): string {
  if (!issuerCode.trim()) throw new DocumentInputError('Thiếu chữ viết tắt tên cơ quan ban hành (ký hiệu văn bản).');
  if (n !== null && (!Number.isInteger(n) || n < 1)) {
    throw new DocumentInputError(`Số văn bản phải là số nguyên dương, nhận được: ${n}.`);
  }
  const symbol = typeCode ? `${typeCode}-${issuerCode.trim()}` : issuerCode.trim();
  if (n === null) return `Số:${UNNUMBERED_GAP}/${symbol}`;
  return `Số: ${String(n).padStart(2, '0')}/${symbol}`;
}

/** "Hà Tĩnh, ngày 05 tháng 02 năm 2026": day < 10 and months 1–2 padded; null → blanks to fill by hand. */
export function formatPlaceDate(place: string, isoDate: string | null): string {
  if (!place.trim()) throw new DocumentInputError('Thiếu địa danh (dòng "…, ngày … tháng … năm …").');
  if (isoDate === null) {
    return `${place.trim()}, ngày      tháng      năm ${new Date().getUTCFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) throw new DocumentInputError(`Ngày văn bản không đúng dạng YYYY-MM-DD: "${isoDate}".`);
  const year = m[1];
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(Number(year), month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new DocumentInputError(`Ngày văn bản không tồn tại: "${isoDate}".`);
  }
  const dd = String(day).padStart(2, '0');
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place.trim()}, ngày ${dd} tháng ${monthText} năm ${year}`;
}

/** 1 → "I", 14 → "XIV". */
export function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Vietnamese letters used for điểm: a, b, c, d, đ, e, g, h, i, k, … (no f, j, w, z). */
const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
export function toViLetter(n: number): string {
  const i = n - 1;
  if (i < VI_LETTERS.length) return VI_LETTERS[i];
  return VI_LETTERS[Math.floor(i / VI_LETTERS.length) - 1] + VI_LETTERS[i % VI_LETTERS.length];
}

// ---------------------------------------------------------------------------------------------
// The document spec

export type TRun = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
/** A line of text: plain, or runs with their own emphasis. */
export type TInline = string | TRun[];

export type TTableCell = string | { text: TInline; colSpan?: number; bold?: boolean; italic?: boolean; align?: 'left' | 'center' | 'right' };
export type TTableColumn = { title: string; width: number; align?: 'left' | 'center' | 'right' };

export type TBlock =
  | { kind: 'paragraph'; text: TInline; align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean; bold?: boolean; italic?: boolean; sizePt?: number }
  /** A numbered section: I. / 1. / a) for plain documents, Điều / khoản / điểm for decisions. */
  | { kind: 'section'; title: TInline; children?: TBlock[]; label?: string }
  | { kind: 'bullet'; items: TInline[]; marker?: '-' | '+' }
  | { kind: 'table'; columns: TTableColumn[]; rows: TTableCell[][]; footerRows?: TTableCell[][]; fontSizePt?: number; caption?: string }
  | { kind: 'pageBreak' };

export type TSigner = {
  /** TM. (thay mặt tập thể), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền), or none. */
  authority?: 'TM.' | 'KT.' | 'Q.' | 'TL.' | 'TUQ.' | null;
  /** What the authority is exercised for: "HỘI ĐỒNG", "HIỆU TRƯỞNG", "GIÁM ĐỐC" (ignored for Q.). */
  onBehalfOf?: string;
  /** The signer's own title: "PHÓ HIỆU TRƯỞNG", "CHỦ TỊCH", "HIỆU TRƯỞNG". */
  title: string;
  name: string;
  /** A line above the title, e.g. "NGƯỜI BÁO CÁO" is the title itself; "(Ký, đóng dấu)" notes go here. */
  note?: string;
};

export type TRecipients = {
  /** Lines without the leading "- " and trailing ";" — e.g. "Sở GD&ĐT (để b/c)". */
  lines: string[];
  /** After "Lưu: VT": the drafting unit and the number of copies, e.g. "TĐKT, 02b". */
  archive?: string;
};

export type TDocumentHeader = {
  /** Cơ quan, tổ chức chủ quản trực tiếp (may be absent, e.g. for a UBND). */
  parentOrg?: string;
  /** Cơ quan, tổ chức ban hành. */
  issuer: string;
  /** Chữ viết tắt of the issuer (and of the drafting unit for a Công văn: "SGDĐT-VP"). */
  issuerCode: string;
  /** null = not numbered yet; undefined with showNumber false = the form has no number line. */
  number: number | null;
  /** Phụ lục III code; null for a Công văn. */
  typeCode: string | null;
  place: string;
  date: string | null;
  /** Default true. Report forms (BCTT cá nhân) have no number line. */
  showNumber?: boolean;
  /** Default true. BCTT cá nhân has no issuer block at all. */
  showIssuer?: boolean;
};

export type TAnnex = {
  /** "DANH SÁCH", "PHỤ LỤC". */
  title: string;
  /** Bold lines under the title: "Tập thể, cá nhân được tặng Giấy khen …". */
  subtitle?: string[];
  /** Italic line: "(Kèm theo Quyết định số 05/QĐ-… ngày 05/02/2026 của …)". */
  reference?: string;
  body: TBlock[];
  landscape?: boolean;
};

export type TNd30Document = {
  header: TDocumentHeader;
  /** "KẾ HOẠCH", "QUYẾT ĐỊNH"; null for a Công văn. */
  typeName: string | null;
  /** Trích yếu: "Về việc …"; for a Công văn the "V/v …" text (without "V/v"). */
  summary: string;
  /** Lines under the trích yếu, e.g. "HIỆU TRƯỞNG TRƯỜNG THPT PHAN ĐÌNH PHÙNG" above the Căn cứ of a decision. */
  preamble?: TBlock[];
  kinhGui?: string[];
  body: TBlock[];
  /** 'plain': I / 1 / a); 'articles': Điều / khoản / điểm. */
  numbering?: 'plain' | 'articles';
  /** Append "./." to the last body paragraph (default true). */
  endMark?: boolean;
  signer?: TSigner;
  /** A second signer, placed left of the main one (Biên bản: thư ký; BCTT: thủ trưởng xác nhận). */
  coSigner?: TSigner;
  /** Signature boxes below the pair (BCTT: xác nhận của cấp trình khen). */
  extraSigners?: TSigner[];
  recipients?: TRecipients;
  annexes?: TAnnex[];
  /** Top-right note of decree forms: "Mẫu số 05 (NĐ 152/2025/NĐ-CP)". */
  formNote?: string;
  layout?: Partial<TLayoutOptions>;
};

export type TLayoutOptions = {
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Body text size, 13 or 14 pt. */
  fontSizePt: number;
  /** Line spacing as a multiple (1 = single, 1.5 max). */
  lineSpacing: number;
  /** First-line indent of body paragraphs, 10–12.7 mm. */
  firstLineIndentMm: number;
};

const DEFAULT_LAYOUT: TLayoutOptions = {
  marginsMm: { ...DEFAULT_MARGINS_MM },
  fontSizePt: 14,
  lineSpacing: 1.15,
  firstLineIndentMm: 10,
};

function resolveLayout(partial?: Partial<TLayoutOptions>): TLayoutOptions {
  const layout: TLayoutOptions = {
    ...DEFAULT_LAYOUT,
    ...partial,
    marginsMm: { ...DEFAULT_LAYOUT.marginsMm, ...(partial?.marginsMm ?? {}) },
  };
  const problems: string[] = [];
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const [lo, hi] = MARGIN_RANGES_MM[side];
    const v = layout.marginsMm[side];
    if (!(v >= lo && v <= hi)) problems.push(`lề ${side} = ${v} mm, phải trong khoảng ${lo}–${hi} mm`);
  }
  if (!(layout.fontSizePt >= 13 && layout.fontSizePt <= 14)) problems.push(`cỡ chữ nội dung ${layout.fontSizePt} pt, phải 13–14 pt`);
  if (!(layout.lineSpacing >= 1 && layout.lineSpacing <= 1.5)) problems.push(`giãn dòng ${layout.lineSpacing}, phải từ 1 đến 1,5`);
  if (!(layout.firstLineIndentMm >= 10 && layout.firstLineIndentMm <= 12.7)) problems.push(`thụt đầu dòng ${layout.firstLineIndentMm} mm, phải 10–12,7 mm`);
  if (problems.length) throw new DocumentInputError('Bố cục trang ngoài phạm vi NĐ 30/2020/NĐ-CP.', problems);
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Rendering helpers

type TCtx = {
  layout: TLayoutOptions;
  numbering: 'plain' | 'articles';
  /** Text width of the page in mm. */
  textWidthMm: number;
  articleCounter: { n: number };
};

/**
 * Text safe for WordprocessingML: NFC (decomposed Vietnamese from some keyboards and macOS renders badly
 * in Word), without the control characters and lone surrogates XML 1.0 forbids (they would corrupt the file).
 */
export function sanitizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function runsOf(text: TInline, base: { bold?: boolean; italic?: boolean; sizePt: number }): TextRun[] {
  const runs: TRun[] = typeof text === 'string' ? [{ text }] : text;
  return runs.map(
    (r) =>
      new TextRun({
        text: sanitizeText(r.text),
        bold: r.bold ?? base.bold,
        italics: r.italic ?? base.italic,
        underline: r.underline ? {} : undefined,
        size: halfPt(base.sizePt),
        font: FONT_FAMILY,
      }),
  );
}

function inlineText(text: TInline): string {
  return typeof text === 'string' ? text : text.map((r) => r.text).join('');
}

function appendToInline(text: TInline, suffix: string): TInline {
  if (typeof text === 'string') return text + suffix;
  if (!text.length) return [{ text: suffix }];
  const last = text[text.length - 1];
  return [...text.slice(0, -1), { ...last, text: last.text + suffix }];
}

function bodySpacing(layout: TLayoutOptions) {
  return { before: 0, after: 120, line: Math.round(240 * layout.lineSpacing), lineRule: LineRuleType.AUTO };
}

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
} as const;

function bodyParagraph(ctx: TCtx, text: TInline, opts: { bold?: boolean; italic?: boolean; align?: keyof typeof ALIGN; indent?: boolean; sizePt?: number; keepNext?: boolean } = {}): Paragraph {
  const indent = opts.indent ?? true;
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    spacing: bodySpacing(ctx.layout),
    indent: indent ? { firstLine: mm(ctx.layout.firstLineIndentMm) } : undefined,
    keepNext: opts.keepNext,
    children: runsOf(text, { bold: opts.bold, italic: opts.italic, sizePt: opts.sizePt ?? ctx.layout.fontSizePt }),
  });
}

/** A centred horizontal rule of the given width inside a box: a tiny empty paragraph with a bottom border. */
function thinRule(ruleWidthMm: number, boxWidthMm: number, beforeTwips = 40): Paragraph {
  const side = Math.max(0, (boxWidthMm - ruleWidthMm) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: beforeTwips, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    // The paragraph mark sets the height of an empty paragraph: keep it at 2 pt.
    run: { size: 4, font: FONT_FAMILY },
    children: [new TextRun({ text: '', size: 4, font: FONT_FAMILY })],
  });
}

/** A centred line of text underlined by a rule exactly as wide as the text (Tiêu ngữ): the paragraph is narrowed to the text. */
function textWithRule(text: string, opts: { sizePt: number; bold?: boolean; boxWidthMm: number }): Paragraph {
  const width = Math.min(opts.boxWidthMm, measureTextMm(text, opts.sizePt, opts.bold) + 1.5);
  const side = Math.max(0, (opts.boxWidthMm - width) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: 0, after: 0 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: runsOf(text, { bold: opts.bold, sizePt: opts.sizePt }),
  });
}

function centered(text: TInline, opts: { bold?: boolean; italic?: boolean; sizePt: number; after?: number; before?: number; upper?: boolean }): Paragraph {
  const t = opts.upper && typeof text === 'string' ? text.toLocaleUpperCase('vi') : text;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    children: runsOf(t, { bold: opts.bold, italic: opts.italic, sizePt: opts.sizePt }),
  });
}

const NO_BORDERS = TableBorders.NONE;

function layoutTable(widthsMm: number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: mm(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map((cells) => new TableRow({ children: cells })),
  });
}

function cell(widthMm: number, children: (Paragraph | Table)[], opts: { columnSpan?: number } = {}): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: NO_BORDERS,
    columnSpan: opts.columnSpan,
    children: children.length ? children : [new Paragraph({})],
  });
}

// ---------------------------------------------------------------------------------------------
// Header (Phụ lục I, vị trí các thành phần thể thức: ô 1 … ô 5)

const HEADER_ORG_PT = 12;
const QUOC_HIEU_PT = 12;
const TIEU_NGU_PT = 13;

function renderHeader(ctx: TCtx, doc: TNd30Document): Table {
  const h = doc.header;
  const textWidth = ctx.textWidthMm;
  const quocHieuWidth = measureTextMm(QUOC_HIEU, QUOC_HIEU_PT, true);
  const rightWidth = Math.min(textWidth * 0.6, Math.max(textWidth * 0.5, quocHieuWidth + 3));
  const leftWidth = textWidth - rightWidth;
  const showIssuer = h.showIssuer ?? true;
  const showNumber = (h.showNumber ?? true) && showIssuer;

  const left: Paragraph[] = [];
  if (showIssuer) {
    // "\n" in a name forces the line break a clerk would choose ("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nHÀ TĨNH").
    for (const line of (h.parentOrg ?? '').split('\n').filter((l) => l.trim())) {
      left.push(centered(line.trim(), { sizePt: HEADER_ORG_PT, upper: true }));
    }
    const issuerLines = h.issuer.split('\n').filter((l) => l.trim());
    for (const line of issuerLines) left.push(centered(line.trim(), { sizePt: HEADER_ORG_PT, bold: true, upper: true }));
    const longest = Math.max(...issuerLines.map((l) => measureTextMm(l.trim().toLocaleUpperCase('vi'), HEADER_ORG_PT, true)));
    const issuerWidth = Math.min(longest, leftWidth - 4);
    left.push(thinRule(Math.max(18, Math.min(issuerWidth * 0.4, leftWidth * 0.45)), leftWidth));
  }
  const right: Paragraph[] = [
    centered(QUOC_HIEU, { sizePt: QUOC_HIEU_PT, bold: true }),
    textWithRule(TIEU_NGU, { sizePt: TIEU_NGU_PT, bold: true, boxWidthMm: rightWidth }),
  ];
  const numberCell: Paragraph[] = [];
  if (showNumber) {
    numberCell.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 0 },
        children: runsOf(formatDocumentNumber(h.number, h.typeCode, h.issuerCode), { sizePt: 13 }),
      }),
    );
    if (doc.typeName === null) {
      // Công văn: "V/v …" under the number, 12–13 pt.
      numberCell.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 60, after: 0 },
          children: runsOf(`V/v ${doc.summary}`, { sizePt: 12 }),
        }),
      );
    }
  }
  const dateCell = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0 },
      children: runsOf(formatPlaceDate(h.place, h.date), { italic: true, sizePt: ctx.layout.fontSizePt }),
    }),
  ];
  return layoutTable([leftWidth, rightWidth], [
    [cell(leftWidth, left), cell(rightWidth, right)],
    [cell(leftWidth, numberCell), cell(rightWidth, dateCell)],
  ]);
}

function renderTitle(ctx: TCtx, doc: TNd30Document): Paragraph[] {
  const out: Paragraph[] = [];
  const size = ctx.layout.fontSizePt;
  if (doc.typeName !== null) {
    out.push(centered(doc.typeName, { sizePt: size, bold: true, upper: true, before: 360, after: 0 }));
    if (doc.summary.trim()) {
      for (const line of doc.summary.split('\n')) out.push(centered(line, { sizePt: size, bold: true }));
    }
    out.push(thinRule(Math.min(45, Math.max(25, measureTextMm(doc.summary || doc.typeName, size, true) / 3)), ctx.textWidthMm));
    out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  } else {
    out.push(new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }));
  }
  return out;
}

function renderKinhGui(ctx: TCtx, lines: string[]): Paragraph[] {
  const size = ctx.layout.fontSizePt;
  if (lines.length === 1) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 240 },
        children: runsOf(`Kính gửi: ${lines[0]}`, { sizePt: size }),
      }),
    ];
  }
  const indentLeft = mm(ctx.textWidthMm * 0.25);
  return [
    new Paragraph({ indent: { left: indentLeft }, spacing: { before: 120, after: 0 }, children: runsOf('Kính gửi:', { sizePt: size }) }),
    ...lines.map(
      (line, i) =>
        new Paragraph({
          indent: { left: indentLeft + mm(20) },
          spacing: { before: 0, after: i === lines.length - 1 ? 240 : 0 },
          children: runsOf(`- ${line}${i === lines.length - 1 ? '.' : ';'}`, { sizePt: size }),
        }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Body blocks

function sectionLabel(ctx: TCtx, depth: number, index: number): string {
  if (ctx.numbering === 'articles') {
    if (depth === 1) return `Điều ${ctx.articleCounter.n}.`;
    if (depth === 2) return `${index}.`;
    if (depth === 3) return `${toViLetter(index)})`;
    return '-';
  }
  if (depth === 1) return `${toRoman(index)}.`;
  if (depth === 2) return `${index}.`;
  if (depth === 3) return `${toViLetter(index)})`;
  return '-';
}

function renderBlocks(ctx: TCtx, blocks: TBlock[], depth: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let sectionIndex = 0;
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push(bodyParagraph(ctx, block.text, block));
        break;
      case 'bullet':
        for (const item of block.items) {
          const marker = block.marker ?? '-';
          out.push(bodyParagraph(ctx, typeof item === 'string' ? `${marker} ${item}` : [{ text: `${marker} ` }, ...item]));
        }
        break;
      case 'section': {
        sectionIndex += 1;
        const d = depth + 1;
        if (ctx.numbering === 'articles' && d === 1) ctx.articleCounter.n += 1;
        const label = block.label ?? sectionLabel(ctx, d, sectionIndex);
        const hasChildren = (block.children?.length ?? 0) > 0;
        let titleRuns: TRun[];
        const titleText = block.title;
        if (ctx.numbering === 'articles') {
          // "Điều 1." bold, the article text regular; khoản and điểm regular.
          titleRuns = d === 1 ? [{ text: `${label} `, bold: true }, ...toRuns(titleText, {})] : [{ text: `${label} ` }, ...toRuns(titleText, {})];
        } else if (d === 1) {
          titleRuns = [{ text: `${label} `, bold: true }, ...toRuns(upper(titleText), { bold: true })];
        } else if (d === 2) {
          titleRuns = [{ text: `${label} `, bold: true }, ...toRuns(titleText, { bold: hasChildren })];
        } else {
          titleRuns = [{ text: `${label} ` }, ...toRuns(titleText, {})];
        }
        out.push(bodyParagraph(ctx, titleRuns, { keepNext: hasChildren }));
        if (block.children) out.push(...renderBlocks(ctx, block.children, d));
        break;
      }
      case 'table':
        out.push(...renderDataTable(ctx, block));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  return out;
}

function toRuns(text: TInline, base: { bold?: boolean; italic?: boolean }): TRun[] {
  if (typeof text === 'string') return [{ text, ...base }];
  return text.map((r) => ({ ...base, ...r }));
}
function upper(text: TInline): TInline {
  return typeof text === 'string' ? text.toLocaleUpperCase('vi') : text.map((r) => ({ ...r, text: r.text.toLocaleUpperCase('vi') }));
}

const GRID_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function renderDataTable(ctx: TCtx, block: Extract<TBlock, { kind: 'table' }>): (Paragraph | Table)[] {
  const size = block.fontSizePt ?? 12;
  const total = block.columns.reduce((a, c) => a + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * ctx.textWidthMm);
  const para = (text: TInline, align: 'left' | 'center' | 'right', bold?: boolean, italic?: boolean) =>
    new Paragraph({
      alignment: ALIGN[align],
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
      children: runsOf(text, { bold, italic, sizePt: size }),
    });
  const makeRow = (cells: TTableCell[], opts: { header?: boolean; bold?: boolean }) => {
    if (!opts.header) {
      const span = cells.reduce((a, c) => a + (typeof c === 'string' ? 1 : (c.colSpan ?? 1)), 0);
      if (span !== block.columns.length) {
        throw new DocumentInputError(`Một dòng của bảng có ${span} ô, bảng có ${block.columns.length} cột.`, [cells.map((c) => (typeof c === 'string' ? c : inlineText(c.text))).join(' | ')]);
      }
    }
    let col = 0;
    const tcs = cells.map((c) => {
      const spec = typeof c === 'string' ? { text: c } : c;
      const span = typeof c === 'string' ? 1 : (c.colSpan ?? 1);
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const align = opts.header ? 'center' : (spec as { align?: 'left' | 'center' | 'right' }).align ?? block.columns[col].align ?? 'left';
      col += span;
      return new TableCell({
        width: { size: mm(w), type: WidthType.DXA },
        columnSpan: span > 1 ? span : undefined,
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: mm(1.5), right: mm(1.5), top: 0, bottom: 0 },
        borders: { top: GRID_BORDER, bottom: GRID_BORDER, left: GRID_BORDER, right: GRID_BORDER },
        children: [para(spec.text, align, opts.header || opts.bold || (spec as { bold?: boolean }).bold, (spec as { italic?: boolean }).italic)],
      });
    });
    return new TableRow({ children: tcs, tableHeader: opts.header, cantSplit: true });
  };
  const rows = [
    makeRow(block.columns.map((c) => c.title), { header: true }),
    ...block.rows.map((r) => makeRow(r, {})),
    ...(block.footerRows ?? []).map((r) => makeRow(r, { bold: true })),
  ];
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(bodyParagraph(ctx, block.caption, { bold: true, align: 'center', indent: false, keepNext: true }));
  out.push(
    new Table({
      width: { size: mm(ctx.textWidthMm), type: WidthType.DXA },
      columnWidths: widths.map(mm),
      layout: TableLayoutType.FIXED,
      rows,
    }),
  );
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Signature and recipients (ô 7a–7c, ô 9a–9b)

const SIGN_SPACE_LINES = 4;

function signerParagraphs(ctx: TCtx, signer: TSigner): Paragraph[] {
  const size = ctx.layout.fontSizePt;
  const lines: string[] = [];
  if (signer.authority === 'Q.') lines.push(`Q. ${signer.title}`);
  else if (signer.authority) lines.push(`${signer.authority} ${signer.onBehalfOf ?? ''}`.trim(), signer.title);
  else lines.push(signer.title);
  const out = lines.map((l) => centered(l.toLocaleUpperCase('vi'), { sizePt: size, bold: true }));
  if (signer.note) out.push(centered(signer.note, { sizePt: size, italic: true }));
  for (let i = 0; i < SIGN_SPACE_LINES; i += 1) out.push(centered('', { sizePt: size }));
  out.push(centered(signer.name, { sizePt: size, bold: true }));
  return out;
}

export function recipientLines(recipients: TRecipients, withKinhGui: boolean): string[] {
  const lines = [...recipients.lines];
  if (withKinhGui && !lines.some((l) => /^như trên$/i.test(l.trim()))) lines.unshift('Như trên');
  const archive = recipients.archive?.trim();
  return [...lines.map((l) => `- ${l.trim().replace(/[;.]$/, '')};`), `- Lưu: VT${archive ? `, ${archive}` : ''}.`];
}

function recipientParagraphs(recipients: TRecipients, withKinhGui: boolean): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: 120, after: 0 },
      children: runsOf('Nơi nhận:', { bold: true, italic: true, sizePt: 12 }),
    }),
    ...recipientLines(recipients, withKinhGui).map(
      (line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: runsOf(line, { sizePt: 11 }) }),
    ),
  ];
}

function renderSignatures(ctx: TCtx, doc: TNd30Document): (Paragraph | Table)[] {
  const w = ctx.textWidthMm;
  const leftW = w * 0.45;
  const rightW = w - leftW;
  const out: (Paragraph | Table)[] = [];
  const withKinhGui = (doc.kinhGui?.length ?? 0) > 0;
  const recipientsBlock = doc.recipients ? recipientParagraphs(doc.recipients, withKinhGui) : [];
  if (doc.coSigner) {
    // Two signers side by side; Nơi nhận goes below them.
    out.push(
      layoutTable([w / 2, w / 2], [[cell(w / 2, signerParagraphs(ctx, doc.coSigner)), cell(w / 2, doc.signer ? signerParagraphs(ctx, doc.signer) : [])]]),
    );
    if (recipientsBlock.length) out.push(...recipientsBlock);
  } else if (doc.signer || recipientsBlock.length) {
    out.push(layoutTable([leftW, rightW], [[cell(leftW, recipientsBlock), cell(rightW, doc.signer ? signerParagraphs(ctx, doc.signer) : [])]]));
  }
  for (const extra of doc.extraSigners ?? []) {
    out.push(new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }));
    out.push(...signerParagraphs(ctx, extra));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Annexes

function renderAnnex(ctx: TCtx, annex: TAnnex): (Paragraph | Table)[] {
  const size = ctx.layout.fontSizePt;
  const out: (Paragraph | Table)[] = [centered(annex.title, { sizePt: size, bold: true, upper: true })];
  for (const line of annex.subtitle ?? []) out.push(centered(line, { sizePt: size, bold: true }));
  if (annex.reference) out.push(centered(annex.reference, { sizePt: size, italic: true }));
  out.push(thinRule(35, ctx.textWidthMm));
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  out.push(...renderBlocks({ ...ctx, numbering: 'plain' }, annex.body, 0));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Page numbering: centred in the top margin, not on page 1 (titlePage + an empty first header).

function pageNumberHeader(sizePt: number): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPt(sizePt), font: FONT_FAMILY })],
      }),
    ],
  });
}
function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] });
}

function pageProperties(layout: TLayoutOptions, landscape: boolean) {
  const m = layout.marginsMm;
  return {
    // docx swaps width and height itself for a landscape page: always pass the portrait dimensions.
    size: { width: mm(A4_MM.width), height: mm(A4_MM.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right), header: mm(10), footer: mm(10) },
  };
}

/** Document-wide defaults: Times New Roman everywhere, so no style falls back to Calibri. */
export function nd30Styles(fontSizePt: number) {
  return {
    default: {
      document: {
        run: { font: { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY, eastAsia: FONT_FAMILY }, size: halfPt(fontSizePt) },
      },
    },
  };
}

function validateSpec(doc: TNd30Document): void {
  const problems: string[] = [];
  if (!doc.header.issuer?.trim() && (doc.header.showIssuer ?? true)) problems.push('header.issuer: thiếu tên cơ quan ban hành');
  if (!doc.header.place?.trim()) problems.push('header.place: thiếu địa danh');
  if (doc.typeName !== null && !doc.typeName.trim()) problems.push('typeName: thiếu tên loại văn bản');
  if (doc.typeName === null && !doc.summary.trim()) problems.push('summary: công văn phải có trích yếu "V/v …"');
  if (doc.signer && !doc.signer.name.trim()) problems.push('signer.name: thiếu họ tên người ký');
  if (problems.length) throw new DocumentInputError('Văn bản thiếu thành phần thể thức bắt buộc.', problems);
}

/** Builds the docx sections of a spec (exposed so batch renderers can merge several documents). */
export function buildNd30Sections(doc: TNd30Document): ISectionOptions[] {
  validateSpec(doc);
  const layout = resolveLayout(doc.layout);
  const portraitWidth = A4_MM.width - layout.marginsMm.left - layout.marginsMm.right;
  const ctx: TCtx = { layout, numbering: doc.numbering ?? 'plain', textWidthMm: portraitWidth, articleCounter: { n: 0 } };

  let body = doc.body;
  if (doc.endMark ?? true) body = withEndMark(body);

  const children: (Paragraph | Table)[] = [
    ...(doc.formNote
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 120 }, children: runsOf(doc.formNote, { bold: true, sizePt: 12 }) })]
      : []),
    renderHeader(ctx, doc),
    ...renderTitle(ctx, doc),
    ...(doc.kinhGui?.length ? renderKinhGui(ctx, doc.kinhGui) : []),
    ...(doc.preamble ? renderBlocks({ ...ctx, numbering: 'plain' }, doc.preamble, 0) : []),
    ...renderBlocks(ctx, body, 0),
    ...renderSignatures(ctx, doc),
  ];
  const sections: ISectionOptions[] = [
    {
      properties: { titlePage: true, page: pageProperties(layout, false) },
      headers: { default: pageNumberHeader(13), first: emptyHeader() },
      children,
    },
  ];
  for (const annex of doc.annexes ?? []) {
    const landscape = annex.landscape ?? false;
    const width = landscape ? A4_MM.height - layout.marginsMm.left - layout.marginsMm.right : portraitWidth;
    sections.push({
      properties: { titlePage: false, page: pageProperties(layout, landscape) },
      headers: { default: pageNumberHeader(13) },
      children: renderAnnex({ ...ctx, textWidthMm: width }, annex),
    });
  }
  return sections;
}

/** Appends "./." to the last paragraph-like block of the body (walking into the last section). */
function withEndMark(blocks: TBlock[]): TBlock[] {
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const b = blocks[i];
    if (b.kind === 'paragraph') {
      if (inlineText(b.text).trim().endsWith('./.')) return blocks;
      return [...blocks.slice(0, i), { ...b, text: normalizeEnd(appendToInline(b.text, './.')) }, ...blocks.slice(i + 1)];
    }
    if (b.kind === 'bullet' && b.items.length) {
      const items = [...b.items];
      items[items.length - 1] = normalizeEnd(appendToInline(items[items.length - 1], './.'));
      return [...blocks.slice(0, i), { ...b, items }, ...blocks.slice(i + 1)];
    }
    if (b.kind === 'section') {
      if (b.children?.length) {
        return [...blocks.slice(0, i), { ...b, children: withEndMark(b.children) }, ...blocks.slice(i + 1)];
      }
      return [...blocks.slice(0, i), { ...b, title: normalizeEnd(appendToInline(b.title, './.')) }, ...blocks.slice(i + 1)];
    }
    if (b.kind === 'table' || b.kind === 'pageBreak') continue;
  }
  return blocks;
}

/** "…việc.", "…việc;" or "…việc" + "./." all become "…việc./.". */
function normalizeEnd(text: TInline): TInline {
  const fix = (s: string) => s.replace(/\s*[.;:]?\s*\.\/\.$/, './.');
  if (typeof text === 'string') return fix(text);
  if (!text.length) return text;
  const last = text[text.length - 1];
  return [...text.slice(0, -1), { ...last, text: fix(last.text) }];
}

/** Render one NĐ 30 document to DOCX bytes. */
export async function renderNd30Document(spec: TNd30Document): Promise<Buffer> {
  const layout = resolveLayout(spec.layout);
  const document = new Document({
    creator: 'thidua',
    title: [spec.typeName, spec.summary].filter(Boolean).join(' '),
    styles: nd30Styles(layout.fontSizePt),
    sections: buildNd30Sections(spec),
  });
  return Packer.toBuffer(document);
}

