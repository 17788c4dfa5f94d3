// Input schemas shared by the templates: issuing body, signer, recipients, free-form blocks.
import { z } from 'zod';
import type { TBlock, TDocumentHeader, TInline, TRecipients, TSigner } from '../nd30';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD');
const ZText = z.string().trim().min(1, 'không được để trống');

/** Who issues the document, its number and its place/date line. */
export const ZIssuing = z.object({
  parentOrg: z.string().optional(),
  issuer: ZText.max(200, 'tên cơ quan quá dài (tối đa 200 ký tự)'),
  issuerCode: ZText.max(40, 'ký hiệu quá dài'),
  number: z.number().int().positive().nullable().default(null),
  place: ZText.max(60),
  date: ZIsoDate.nullable().default(null),
});
export type TIssuing = z.infer<typeof ZIssuing>;

export const ZSigner = z.object({
  authority: z.enum(['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.']).nullable().optional(),
  onBehalfOf: z.string().optional(),
  title: ZText.max(120),
  name: ZText.max(80, 'họ tên người ký quá dài'),
  note: z.string().optional(),
});

export const ZRecipients = z.object({
  lines: z.array(ZText).default([]),
  archive: z.string().optional(),
});

export const ZRun = z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional(), underline: z.boolean().optional() });
export const ZInline = z.union([z.string(), z.array(ZRun)]);

const ZCell = z.union([
  z.string(),
  z.object({ text: ZInline, colSpan: z.number().int().positive().optional(), bold: z.boolean().optional(), italic: z.boolean().optional(), align: z.enum(['left', 'center', 'right']).optional() }),
]);

/** Free-form body blocks (same shape as TBlock), for the parts of a document users write themselves. */
export const ZBlock: z.ZodType<TBlock> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('paragraph'),
      text: ZInline,
      align: z.enum(['justify', 'center', 'left', 'right']).optional(),
      indent: z.boolean().optional(),
      bold: z.boolean().optional(),
      italic: z.boolean().optional(),
      sizePt: z.number().min(11).max(14).optional(),
    }),
    z.object({ kind: z.literal('section'), title: ZInline, children: z.array(ZBlock).optional(), label: z.string().optional() }),
    z.object({ kind: z.literal('bullet'), items: z.array(ZInline), marker: z.enum(['-', '+']).optional() }),
    z.object({
      kind: z.literal('table'),
      columns: z.array(z.object({ title: z.string(), width: z.number().positive(), align: z.enum(['left', 'center', 'right']).optional() })).min(1),
      rows: z.array(z.array(ZCell)),
      footerRows: z.array(z.array(ZCell)).optional(),
      fontSizePt: z.number().min(10).max(14).optional(),
      caption: z.string().optional(),
    }),
    z.object({ kind: z.literal('pageBreak') }),
  ]),
) as z.ZodType<TBlock>;

export const ZLayout = z
  .object({
    marginsMm: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }).partial().optional(),
    fontSizePt: z.number().optional(),
    lineSpacing: z.number().optional(),
    firstLineIndentMm: z.number().optional(),
  })
  .optional();

export { ZIsoDate, ZText };

/** The NĐ 30 header of a template document from its issuing data. */
export function headerOf(issuing: TIssuing, typeCode: string | null, extra: Partial<TDocumentHeader> = {}): TDocumentHeader {
  return {
    parentOrg: issuing.parentOrg,
    issuer: issuing.issuer,
    issuerCode: issuing.issuerCode,
    number: issuing.number,
    typeCode,
    place: issuing.place,
    date: issuing.date,
    ...extra,
  };
}

export function signerOf(s: z.infer<typeof ZSigner>): TSigner {
  return { ...s, authority: s.authority ?? null };
}
export function recipientsOf(r: z.infer<typeof ZRecipients> | undefined): TRecipients | undefined {
  return r ? { lines: r.lines, archive: r.archive } : undefined;
}

export const para = (text: TInline, opts: Partial<Extract<TBlock, { kind: 'paragraph' }>> = {}): TBlock => ({ kind: 'paragraph', text, ...opts });
export const section = (title: TInline, children: TBlock[] = []): TBlock => ({ kind: 'section', title, children });
export const bullets = (items: TInline[], marker: '-' | '+' = '-'): TBlock => ({ kind: 'bullet', items, marker });

/** Two-digit count as written in documents: 3 → "03", 12 → "12". */
export function count2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "05/02/2026" from an ISO date, or "ngày … /… /…" blanks when the document is not dated yet. */
export function shortDate(iso: string | null): string {
  if (!iso) return '     /     /     ';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Strip a trailing ";" or "." the user typed, to add the right one. */
export function trimEnd(text: string): string {
  return text.trim().replace(/[;.,]+$/, '');
}
