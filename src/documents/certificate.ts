// Giấy khen: (a) a full A4-landscape design; (b) text printed onto pre-printed blanks at per-unit field
// positions (absolutely positioned frames anchored to the page). Batches: one certificate per page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  FrameAnchorType,
  HeightRule,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { z } from 'zod';
import { DocumentInputError, parseDocumentInput } from './errors';
import { FONT_FAMILY, QUOC_HIEU, TIEU_NGU, formatPlaceDate, mm, sanitizeText } from './nd30';
import { measureTextMm } from './text-metrics';

const ZText = z.string().trim().min(1, 'không được để trống');

// ---------------------------------------------------------------------------------------------
// (a) Full design

export const ZCertificateIssuer = z.object({
  /** "HIỆU TRƯỞNG TRƯỜNG THPT PHAN ĐÌNH PHÙNG" — printed above TẶNG. */
  authority: ZText.max(120),
  /** "GIẤY KHEN" by default. */
  title: z.string().default('Giấy khen'),
  place: ZText,
  signer: z.object({ authority: z.enum(['KT.', 'Q.', 'TL.', 'TUQ.']).nullable().optional(), onBehalfOf: z.string().optional(), title: ZText, name: ZText }),
});
export const ZCertificate = z.object({
  /** "Thầy giáo", "Cô giáo", "Em", or empty for a collective. */
  salutation: z.string().optional(),
  recipientName: ZText.max(120, 'tên người được khen quá dài'),
  /** "Giáo viên Tổ Vật lý - Công nghệ" / "Lớp 12A1". */
  recipientUnit: z.string().optional(),
  /** "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026". */
  achievement: ZText.max(400),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD').nullable(),
  /** "Quyết định số 58/QĐ-THPTPĐP ngày 29/05/2026". */
  decisionRef: z.string().optional(),
  /** Số vào sổ khen thưởng. */
  registerNo: z.string().optional(),
  /** What was awarded, printed large ("Chiến sĩ thi đua cơ sở", "Bằng khen"); default the issuer's title. */
  title: z.string().trim().min(1).max(80).optional(),
  /** The line above it: "TẶNG" by default, "TẶNG DANH HIỆU" for a title (danh hiệu thi đua). */
  awardLine: z.string().trim().min(1).max(40).optional(),
});
export type TCertificateIssuer = z.input<typeof ZCertificateIssuer>;
export type TCertificate = z.input<typeof ZCertificate>;

const RED = 'C00000';
const LANDSCAPE_TEXT_WIDTH_MM = 297 - 20 - 20;

function run(text: string, o: { size: number; bold?: boolean; italic?: boolean; color?: string; font?: string }): TextRun {
  return new TextRun({ text: sanitizeText(text), size: Math.round(o.size * 2), bold: o.bold, italics: o.italic, color: o.color, font: o.font ?? FONT_FAMILY });
}
function line(text: string, o: { size: number; bold?: boolean; italic?: boolean; color?: string; before?: number; after?: number; pageBreakBefore?: boolean }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: o.pageBreakBefore,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    children: [run(text, o)],
  });
}

function certificatePage(issuer: z.infer<typeof ZCertificateIssuer>, c: z.infer<typeof ZCertificate>, first: boolean): (Paragraph | Table)[] {
  const tnWidth = measureTextMm(TIEU_NGU, 14, true) + 1.5;
  const side = (LANDSCAPE_TEXT_WIDTH_MM - tnWidth) / 2;
  const signerLines = issuer.signer.authority
    ? issuer.signer.authority === 'Q.'
      ? [`Q. ${issuer.signer.title}`]
      : [`${issuer.signer.authority} ${issuer.signer.onBehalfOf ?? ''}`.trim(), issuer.signer.title]
    : [issuer.signer.title];
  const noBorders = TableBorders.NONE;
  // A long title ("TẬP THỂ LAO ĐỘNG TIÊN TIẾN") is set smaller so that it stays on one line.
  const title = (c.title ?? issuer.title).toLocaleUpperCase('vi');
  const titleSize = Math.max(24, Math.min(44, Math.floor((44 * (LANDSCAPE_TEXT_WIDTH_MM - 10)) / Math.max(1, measureTextMm(title, 44, true)))));
  const half = LANDSCAPE_TEXT_WIDTH_MM / 2;
  const leftCell = [
    ...(c.decisionRef ? [new Paragraph({ spacing: { before: 600 }, children: [run(c.decisionRef, { size: 12, italic: true })] })] : []),
    ...(c.registerNo ? [new Paragraph({ children: [run(`Số vào sổ: ${c.registerNo}`, { size: 12, italic: true })] })] : []),
  ];
  const rightCell = [
    line(formatPlaceDate(issuer.place, c.date), { size: 14, italic: true }),
    ...signerLines.map((l) => line(l.toLocaleUpperCase('vi'), { size: 14, bold: true })),
    line('', { size: 14, before: 1000 }),
    line(issuer.signer.name, { size: 15, bold: true }),
  ];
  return [
    line(QUOC_HIEU, { size: 14, bold: true, pageBreakBefore: !first }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: mm(side), right: mm(side) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [run(TIEU_NGU, { size: 14, bold: true })],
    }),
    line(issuer.authority.toLocaleUpperCase('vi'), { size: 16, bold: true, before: 560 }),
    line((c.awardLine ?? 'TẶNG').toLocaleUpperCase('vi'), { size: 16, bold: true, before: 60 }),
    line(title, { size: titleSize, bold: true, color: RED, before: 240, after: 240 }),
    line(`${c.salutation ? `${c.salutation} ` : ''}${c.recipientName}`, { size: 24, bold: true, color: RED, before: 120 }),
    ...(c.recipientUnit ? [line(c.recipientUnit, { size: 16, italic: true, before: 60 })] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: mm(15), right: mm(15) },
      spacing: { before: 360, after: 480, line: 300, lineRule: LineRuleType.AUTO },
      children: [run(c.achievement, { size: 16 })],
    }),
    new Table({
      width: { size: mm(LANDSCAPE_TEXT_WIDTH_MM), type: WidthType.DXA },
      columnWidths: [mm(half), mm(half)],
      layout: TableLayoutType.FIXED,
      borders: noBorders,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ borders: noBorders, width: { size: mm(half), type: WidthType.DXA }, children: leftCell.length ? leftCell : [new Paragraph({})] }),
            new TableCell({ borders: noBorders, width: { size: mm(half), type: WidthType.DXA }, children: rightCell }),
          ],
        }),
      ],
    }),
  ];
}

/** Many designed certificates in one DOCX, one per A4-landscape page with a double border. */
export async function renderCertificatesDocx(issuerInput: TCertificateIssuer, certificates: TCertificate[]): Promise<Buffer> {
  const issuer = parseDocumentInput(ZCertificateIssuer, issuerInput, 'giấy khen (cơ quan khen)');
  const list = parseDocumentInput(z.array(ZCertificate).min(1, 'cần ít nhất một giấy khen'), certificates, 'giấy khen');
  const border = { style: BorderStyle.DOUBLE, size: 24, color: RED, space: 20 };
  const children = list.flatMap((c, i) => certificatePage(issuer, c, i === 0));
  const doc = new Document({
    creator: 'thidua',
    title: issuer.title,
    styles: { default: { document: { run: { font: FONT_FAMILY, size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(18), bottom: mm(15), left: mm(20), right: mm(20) },
            borders: { pageBorderTop: border, pageBorderBottom: border, pageBorderLeft: border, pageBorderRight: border },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function renderCertificateDocx(issuer: TCertificateIssuer, certificate: TCertificate): Promise<Buffer> {
  return renderCertificatesDocx(issuer, [certificate]);
}

// ---------------------------------------------------------------------------------------------
// (b) Printing on pre-printed blanks

export const PAPER_SIZES_MM = { A4: { width: 210, height: 297 }, A3: { width: 297, height: 420 }, A5: { width: 148, height: 210 } } as const;

export const ZBlankField = z.object({
  key: ZText,
  /** Left edge of the text box, from the left edge of the sheet. */
  xMm: z.number().min(0),
  /** Top edge of the text box (top of the first line), from the top edge of the sheet. */
  yMm: z.number().min(0),
  widthMm: z.number().positive(),
  /** Box height; default one line of the font size. Longer text wraps inside the box width. */
  heightMm: z.number().positive().optional(),
  fontFamily: z.string().default(FONT_FAMILY),
  fontSizePt: z.number().min(6).max(72).default(14),
  bold: z.boolean().default(false),
  italic: z.boolean().default(false),
  align: z.enum(['left', 'center', 'right']).default('left'),
  color: z.string().regex(/^[0-9A-Fa-f]{6}$/).optional(),
});
export const ZBlankLayout = z.object({
  /** 'A4', 'A3', 'A5' or a custom sheet in mm. */
  paper: z.union([z.enum(['A4', 'A3', 'A5']), z.object({ widthMm: z.number().positive(), heightMm: z.number().positive() })]),
  orientation: z.enum(['portrait', 'landscape']),
  fields: z.array(ZBlankField).min(1),
});
export type TBlankLayout = z.input<typeof ZBlankLayout>;
export type TBlankField = z.input<typeof ZBlankField>;
/** Values per field key; a missing or empty key leaves that spot blank. */
export type TBlankValues = Record<string, string | undefined>;

/** Sheet size in mm after orientation. */
export function blankSheetMm(layout: z.infer<typeof ZBlankLayout>): { width: number; height: number } {
  const base = typeof layout.paper === 'string' ? PAPER_SIZES_MM[layout.paper] : { width: layout.paper.widthMm, height: layout.paper.heightMm };
  const short = Math.min(base.width, base.height);
  const long = Math.max(base.width, base.height);
  return layout.orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

function validateBlankLayout(layout: z.infer<typeof ZBlankLayout>): void {
  const sheet = blankSheetMm(layout);
  const problems = layout.fields
    .filter((f) => f.xMm + f.widthMm > sheet.width + 0.01 || f.yMm > sheet.height)
    .map((f) => `trường "${f.key}" nằm ngoài khổ giấy ${sheet.width} × ${sheet.height} mm`);
  const keys = layout.fields.map((f) => f.key);
  const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
  if (dup.length) problems.push(`trùng khóa trường: ${[...new Set(dup)].join(', ')}`);
  if (problems.length) throw new DocumentInputError('Mẫu in phôi giấy khen không hợp lệ.', problems);
}

const FRAME_ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function blankPage(layout: z.infer<typeof ZBlankLayout>, values: TBlankValues): Paragraph[] {
  const out: Paragraph[] = [];
  for (const f of layout.fields) {
    const text = values[f.key];
    if (!text?.trim()) continue;
    const lineMm = (f.fontSizePt * 1.2 * 25.4) / 72;
    out.push(
      new Paragraph({
        alignment: FRAME_ALIGN[f.align],
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        frame: {
          type: 'absolute',
          position: { x: mm(f.xMm), y: mm(f.yMm) },
          width: mm(f.widthMm),
          height: mm(f.heightMm ?? lineMm),
          rule: f.heightMm ? HeightRule.EXACT : HeightRule.ATLEAST,
          anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
          wrap: 'around',
          space: { horizontal: 0, vertical: 0 },
        },
        children: [
          new TextRun({
            text: sanitizeText(text.trim()),
            font: { ascii: f.fontFamily, hAnsi: f.fontFamily, cs: f.fontFamily, eastAsia: f.fontFamily },
            size: Math.round(f.fontSizePt * 2),
            bold: f.bold,
            italics: f.italic,
            color: f.color,
          }),
        ],
      }),
    );
  }
  // The frames anchor to this (empty) paragraph, which keeps them on this page.
  out.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }));
  return out;
}

/** Print field values onto pre-printed blanks: one sheet per entry, text at the layout's positions. */
export async function renderBlankCertificatesDocx(layoutInput: TBlankLayout, entries: TBlankValues[]): Promise<Buffer> {
  const layout = parseDocumentInput(ZBlankLayout, layoutInput, 'mẫu in phôi giấy khen');
  validateBlankLayout(layout);
  if (!entries.length) throw new DocumentInputError('Cần ít nhất một giấy khen để in.');
  const sheet = blankSheetMm(layout);
  const page = {
    // docx swaps width and height itself for landscape: pass the portrait (short × long) sheet.
    size: {
      width: mm(Math.min(sheet.width, sheet.height)),
      height: mm(Math.max(sheet.width, sheet.height)),
      orientation: layout.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: { top: mm(5), bottom: mm(5), left: mm(5), right: mm(5), header: 0, footer: 0 },
  };
  // One section per sheet: a section always starts a new page, so a sheet's frames cannot drift to the next.
  const sections: ISectionOptions[] = entries.map((values, i) => ({
    properties: { page, type: i === 0 ? undefined : SectionType.NEXT_PAGE },
    children: blankPage(layout, values),
  }));
  const doc = new Document({
    creator: 'thidua',
    styles: { default: { document: { run: { font: FONT_FAMILY, size: 28 } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
