// Quyết định khen thưởng: thẩm quyền line, Căn cứ…, QUYẾT ĐỊNH:, Điều 1/2/3, and the Danh sách kèm theo
// (STT, Họ và tên, Chức vụ/đơn vị, Danh hiệu/hình thức, Số tiền) with a total row.
import { z } from 'zod';
import { formatMoneyVi } from '../../shared/vn';
import { parseDocumentInput } from '../errors';
import { moneyInWordsVi } from '../money-words';
import { renderNd30Document, type TBlock, type TNd30Document, type TTableCell } from '../nd30';
import { ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, headerOf, para, recipientsOf, section, shortDate, signerOf, trimEnd } from './common';
import { countPhrase, groupByAward } from './to-trinh';

export const ZAwardee = z.object({
  kind: z.enum(['individual', 'collective']),
  name: ZText.max(200),
  position: z.string().optional(),
  unit: ZText.max(200),
  award: ZText.max(200),
  /** Tiền thưởng in đồng (already computed by the rules: coefficient × lương cơ sở, rounded). */
  amount: z.number().int().nonnegative().default(0),
});

export const ZDecisionData = z.object({
  issuing: ZIssuing,
  /** "HIỆU TRƯỞNG TRƯỜNG THPT PHAN ĐÌNH PHÙNG" — who decides, printed above the Căn cứ. */
  authority: ZText,
  /** The same in running text, for the annex reference: "Hiệu trưởng Trường THPT Phan Đình Phùng" (default: the issuer). */
  authorityInText: z.string().optional(),
  /** Trích yếu: "Về việc tặng Giấy khen năm học 2025-2026". */
  summary: ZText,
  legalBasis: z.array(ZText).min(1),
  /** "Theo đề nghị của Hội đồng Thi đua - Khen thưởng nhà trường". */
  proposedBy: ZText,
  /** "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026". */
  achievementText: ZText,
  awardees: z.array(ZAwardee).min(1, 'quyết định phải có ít nhất một tập thể hoặc cá nhân'),
  /** "từ nguồn quỹ thi đua, khen thưởng của nhà trường". */
  fundingSource: z.string().optional(),
  /** Legal basis of the bonus, e.g. "Nghị định số 152/2025/NĐ-CP". */
  bonusBasis: z.string().optional(),
  /** Who executes (Điều 3): "Văn phòng, Tổ Tài vụ, các tổ chuyên môn". */
  executors: ZText,
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TDecisionData = z.input<typeof ZDecisionData>;

export function buildDecisionDocument(input: TDecisionData): TNd30Document {
  const d = parseDocumentInput(ZDecisionData, input, 'quyết định khen thưởng');
  const groups = groupByAward(d.awardees);
  const total = d.awardees.reduce((a, r) => a + r.amount, 0);
  const number = d.issuing.number === null ? '      ' : String(d.issuing.number).padStart(2, '0');
  const articles: TBlock[] =
    groups.length === 1
      ? [section(`Tặng ${groups[0].award} cho ${countPhrase(d.awardees)} (có danh sách kèm theo) ${trimEnd(d.achievementText)}.`)]
      : [
          section(
            `Khen thưởng ${countPhrase(d.awardees)} (có danh sách kèm theo) ${trimEnd(d.achievementText)}, gồm:`,
            groups.map((g, i) => section(`${g.award}: ${countPhrase(g.rows)}${i === groups.length - 1 ? '.' : ';'}`)),
          ),
        ];
  if (total > 0) {
    articles.push(
      section(
        `Tiền thưởng kèm theo${d.bonusBasis ? ` theo quy định tại ${trimEnd(d.bonusBasis)}` : ''}: tổng cộng ${formatMoneyVi(total)} (Bằng chữ: ${moneyInWordsVi(total)})${d.fundingSource ? `, ${trimEnd(d.fundingSource)}` : ''}.`,
      ),
    );
  }
  articles.push(section(`Quyết định này có hiệu lực kể từ ngày ký. ${trimEnd(d.executors)} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`));
  const body: TBlock[] = [
    ...d.legalBasis.map((b) => para(`${trimEnd(b)};`, { italic: true })),
    para(`${trimEnd(d.proposedBy)}.`, { italic: true }),
    para('QUYẾT ĐỊNH:', { bold: true, align: 'center', indent: false }),
    ...articles,
  ];

  const hasBoth = d.awardees.some((a) => a.kind === 'collective') && d.awardees.some((a) => a.kind === 'individual');
  const rows: TTableCell[][] = [];
  let stt = 0;
  const addRows = (list: typeof d.awardees) => {
    for (const a of list) {
      stt += 1;
      rows.push([String(stt), a.name, [a.position, a.unit].filter(Boolean).join(', '), a.award, a.amount ? formatMoneyVi(a.amount) : '']);
    }
  };
  if (hasBoth) {
    const coll = d.awardees.filter((a) => a.kind === 'collective');
    const ind = d.awardees.filter((a) => a.kind === 'individual');
    rows.push([{ text: `A. TẬP THỂ (${countPhrase(coll)})`, colSpan: 5, bold: true }]);
    addRows(coll);
    rows.push([{ text: `B. CÁ NHÂN (${countPhrase(ind)})`, colSpan: 5, bold: true }]);
    addRows(ind);
  } else {
    addRows(d.awardees);
  }
  return {
    header: headerOf(d.issuing, 'QĐ'),
    typeName: 'Quyết định',
    summary: d.summary,
    preamble: [para(d.authority.toLocaleUpperCase('vi'), { bold: true, align: 'center', indent: false })],
    numbering: 'articles',
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf({ ...d.recipients, lines: ensureFirst(d.recipients.lines, 'Như Điều 3') }),
    layout: d.layout as TNd30Document['layout'],
    annexes: [
      {
        title: 'Danh sách',
        subtitle: [`Tập thể, cá nhân được khen thưởng`],
        reference: `(Kèm theo Quyết định số ${number}/QĐ-${d.issuing.issuerCode} ngày ${shortDate(d.issuing.date)} của ${d.authorityInText ?? d.issuing.issuer})`,
        body: [
          {
            kind: 'table',
            fontSizePt: 12,
            columns: [
              { title: 'STT', width: 7, align: 'center' },
              { title: 'Họ và tên', width: 25 },
              { title: 'Chức vụ, đơn vị', width: 28 },
              { title: 'Danh hiệu, hình thức', width: 22 },
              { title: 'Số tiền', width: 18, align: 'right' },
            ],
            rows,
            footerRows: [[{ text: `Tổng cộng: ${countPhrase(d.awardees)}`, colSpan: 4, align: 'center' }, formatMoneyVi(total)]],
          },
          para(`(Bằng chữ: ${moneyInWordsVi(total)})`, { italic: true, indent: false, align: 'center' }),
        ],
      },
    ],
  };
}

function ensureFirst(lines: string[], first: string): string[] {
  return lines.some((l) => l.trim().toLowerCase() === first.toLowerCase()) ? lines : [first, ...lines];
}

export async function renderDecisionDocx(data: TDecisionData): Promise<Buffer> {
  return renderNd30Document(buildDecisionDocument(data));
}
