// Tờ trình đề nghị khen thưởng (Mẫu 01, NĐ 98/2023 and NĐ 152/2025) with its Danh sách annex.
import { z } from 'zod';
import { parseDocumentInput } from '../errors';
import { renderNd30Document, toRoman, type TBlock, type TNd30Document, type TTableCell } from '../nd30';
import { ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, bullets, count2, headerOf, para, recipientsOf, shortDate, signerOf, trimEnd } from './common';

export const ZNominee = z.object({
  kind: z.enum(['individual', 'collective']),
  name: ZText.max(200),
  position: z.string().optional(),
  unit: ZText.max(200),
  award: ZText.max(200),
  achievements: z.string().default(''),
});

export const ZProposalData = z.object({
  issuing: ZIssuing,
  /** "Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo Hà Tĩnh". */
  kinhGui: z.array(ZText).min(1),
  /** Loại hình khen thưởng (footnote 5): công trạng, đột xuất, theo chuyên đề, cống hiến, niên hạn, đối ngoại. */
  commendationType: z.enum(['công trạng', 'đột xuất', 'theo chuyên đề', 'quá trình cống hiến', 'niên hạn', 'đối ngoại']),
  /** "năm học 2025-2026" / "trong phong trào thi đua “…”". */
  period: ZText,
  /** Who decides: "Giám đốc Sở Giáo dục và Đào tạo". */
  approver: ZText,
  legalBasis: z.array(ZText).min(1),
  /** Footnote 7: a sentence on the unit (founding, functions). */
  unitIntro: z.string().optional(),
  nominees: z.array(ZNominee).min(1, 'tờ trình phải có ít nhất một tập thể hoặc cá nhân được đề nghị'),
  attachments: z.array(ZText).default([]),
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TProposalData = z.input<typeof ZProposalData>;

type TNomineeOut = z.infer<typeof ZNominee>;

/** Nominees grouped by award, in first-seen order. */
export function groupByAward<T extends { award: string }>(rows: T[]): { award: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const g = groups.get(r.award);
    if (g) g.push(r);
    else groups.set(r.award, [r]);
  }
  return [...groups].map(([award, rs]) => ({ award, rows: rs }));
}

export function countPhrase(rows: { kind: 'individual' | 'collective' }[]): string {
  const c = rows.filter((r) => r.kind === 'collective').length;
  const i = rows.filter((r) => r.kind === 'individual').length;
  return [c ? `${count2(c)} tập thể` : '', i ? `${count2(i)} cá nhân` : ''].filter(Boolean).join(' và ');
}

export function buildProposalDocument(input: TProposalData): TNd30Document {
  const d = parseDocumentInput(ZProposalData, input, 'tờ trình');
  const groups = groupByAward(d.nominees);
  const awardsText = groups.length === 1 ? `tặng ${groups[0].award}` : 'khen thưởng';
  const summary = `Về việc đề nghị ${awardsText} ${d.period}`;
  const number = d.issuing.number === null ? '      ' : count2(d.issuing.number);
  const body: TBlock[] = [
    ...d.legalBasis.map((b) => para(`${trimEnd(b)};`)),
    ...(d.unitIntro ? [para(trimEnd(d.unitIntro) + '.')] : []),
    para(
      `${d.issuing.issuer} kính trình ${d.approver} xem xét, khen thưởng ${d.commendationType} ${d.period} cho ${countPhrase(d.nominees)} có thành tích xuất sắc, cụ thể như sau:`,
    ),
    bullets(groups.map((g) => `${g.award}: ${countPhrase(g.rows)}`).map((t, i, all) => (i === all.length - 1 ? `${t}.` : `${t};`))),
    para('(Có danh sách và báo cáo thành tích kèm theo)', { italic: true, align: 'center', indent: false }),
    ...(d.attachments.length ? [para('Hồ sơ kèm theo gồm:'), bullets(d.attachments.map((a) => `${trimEnd(a)};`))] : []),
    para(`Kính trình ${d.approver} xem xét, quyết định.`),
  ];
  const rows: TTableCell[][] = [];
  let stt = 0;
  groups.forEach((g, gi) => {
    rows.push([{ text: `${toRoman(gi + 1)}. ${g.award} (${countPhrase(g.rows)})`, colSpan: 5, bold: true }]);
    for (const n of g.rows as TNomineeOut[]) {
      stt += 1;
      rows.push([String(stt), n.name, [n.position, n.unit].filter(Boolean).join(', '), n.award, n.achievements]);
    }
  });
  return {
    header: headerOf(d.issuing, 'TTr'),
    typeName: 'Tờ trình',
    summary,
    kinhGui: d.kinhGui,
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf(d.recipients),
    layout: d.layout as TNd30Document['layout'],
    annexes: [
      {
        title: 'Danh sách',
        subtitle: [`Đề nghị ${awardsText} ${d.period}`],
        reference: `(Kèm theo Tờ trình số ${number}/TTr-${d.issuing.issuerCode} ngày ${shortDate(d.issuing.date)} của ${d.issuing.issuer})`,
        landscape: true,
        body: [
          {
            kind: 'table',
            fontSizePt: 12,
            columns: [
              { title: 'STT', width: 6, align: 'center' },
              { title: 'Họ và tên', width: 20 },
              { title: 'Chức vụ, đơn vị', width: 24 },
              { title: 'Hình thức', width: 16 },
              { title: 'Tóm tắt thành tích', width: 34, align: 'left' },
            ],
            rows,
          },
        ],
      },
    ],
  };
}

export async function renderProposalDocx(data: TProposalData): Promise<Buffer> {
  return renderNd30Document(buildProposalDocument(data));
}
