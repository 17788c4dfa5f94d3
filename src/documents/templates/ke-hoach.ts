// Kế hoạch tổ chức phong trào thi đua — the structure of the plans in shared/seeds:
// căn cứ; I. mục đích, yêu cầu; II. đối tượng, nội dung; III. tiêu chuẩn, hình thức khen thưởng
// (with quotas), hồ sơ; IV. thời gian; V. tổ chức thực hiện; VI. kinh phí.
import { z } from 'zod';
import { formatMoneyVi } from '../../shared/vn';
import { parseDocumentInput } from '../errors';
import { renderNd30Document, type TBlock, type TNd30Document } from '../nd30';
import { ZBlock, ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, bullets, count2, headerOf, para, recipientsOf, section, signerOf, trimEnd } from './common';

export const ZPlanData = z.object({
  issuing: ZIssuing,
  /** Trích yếu: "Phát động phong trào thi đua “Dạy tốt, học tốt” năm học 2025-2026". */
  title: ZText.max(300),
  legalBasis: z.array(ZText).min(1, 'kế hoạch phải có ít nhất một căn cứ'),
  intro: z.string().optional(),
  purposes: z.array(ZText).min(1),
  requirements: z.array(ZText).min(1),
  subjects: z.object({ collectives: z.string().optional(), individuals: z.string().optional() }),
  contents: z.array(z.union([ZText, z.object({ title: ZText, items: z.array(ZText) })])).min(1),
  criteria: z.object({ collectives: z.array(ZText).default([]), individuals: z.array(ZText).default([]) }),
  awards: z
    .array(
      z.object({
        name: ZText,
        target: z.enum(['Tập thể', 'Cá nhân']),
        quota: z.union([z.number().int().nonnegative(), ZText]),
        awardedBy: z.string().optional(),
        amount: z.number().nonnegative().optional(),
      }),
    )
    .min(1),
  dossier: z.array(ZText).default([]),
  dossierDeadline: z.string().optional(),
  timeline: z.array(z.object({ time: ZText, task: ZText, owner: z.string().optional() })).default([]),
  implementation: z.array(z.object({ unit: ZText, duties: z.array(ZText).min(1) })).min(1),
  funding: z.array(ZText).default([]),
  extraSections: z.array(ZBlock).default([]),
  closing: z.string().optional(),
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TPlanData = z.input<typeof ZPlanData>;

export function buildPlanDocument(input: TPlanData): TNd30Document {
  const d = parseDocumentInput(ZPlanData, input, 'kế hoạch');
  const semi = (s: string) => `${trimEnd(s)};`;
  const body: TBlock[] = [
    ...d.legalBasis.map((b, i) => para(i === d.legalBasis.length - 1 ? `${trimEnd(b)}.` : semi(b))),
    para(d.intro ?? `${d.issuing.issuer} xây dựng Kế hoạch ${lowerFirst(d.title)} với các nội dung sau:`),
    section('Mục đích, yêu cầu', [section('Mục đích', [bullets(d.purposes)]), section('Yêu cầu', [bullets(d.requirements)])]),
    section('Đối tượng, nội dung thi đua', [
      section('Đối tượng thi đua', [
        bullets([
          ...(d.subjects.collectives ? [`Tập thể: ${d.subjects.collectives}`] : []),
          ...(d.subjects.individuals ? [`Cá nhân: ${d.subjects.individuals}`] : []),
        ]),
      ]),
      section(
        'Nội dung thi đua',
        d.contents.map((c): TBlock => (typeof c === 'string' ? bullets([c]) : section(c.title, c.items.length ? [bullets(c.items, '+')] : []))),
      ),
    ]),
    section('Tiêu chuẩn, hình thức khen thưởng', [
      section('Tiêu chuẩn', [
        ...(d.criteria.collectives.length ? [section('Đối với tập thể', [bullets(d.criteria.collectives)])] : []),
        ...(d.criteria.individuals.length ? [section('Đối với cá nhân', [bullets(d.criteria.individuals)])] : []),
      ]),
      section('Hình thức và số lượng khen thưởng', [awardTable(d.awards)]),
      ...(d.dossier.length
        ? [section('Hồ sơ đề nghị khen thưởng', [bullets(d.dossier), ...(d.dossierDeadline ? [para(`Thời hạn nộp hồ sơ: ${trimEnd(d.dossierDeadline)}.`)] : [])])]
        : []),
    ]),
    ...(d.timeline.length ? [section('Thời gian thực hiện', [timelineTable(d.timeline)])] : []),
    section(
      'Tổ chức thực hiện',
      d.implementation.map((u) => section(u.unit, [bullets(u.duties)])),
    ),
    ...(d.funding.length ? [section('Kinh phí thực hiện', [bullets(d.funding)])] : []),
    ...d.extraSections,
    para(d.closing ?? `Trên đây là Kế hoạch ${lowerFirst(d.title)} của ${d.issuing.issuer}. Đề nghị các tập thể, cá nhân nghiêm túc triển khai thực hiện.`),
  ];
  return {
    header: headerOf(d.issuing, 'KH'),
    typeName: 'Kế hoạch',
    summary: d.title,
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf(d.recipients),
    layout: d.layout as TNd30Document['layout'],
  };
}

function awardTable(awards: z.infer<typeof ZPlanData>['awards']): TBlock {
  const withMoney = awards.some((a) => a.amount !== undefined);
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 8, align: 'center' },
      { title: 'Danh hiệu, hình thức khen thưởng', width: 40 },
      { title: 'Đối tượng', width: 14, align: 'center' },
      { title: 'Số lượng', width: 14, align: 'center' },
      ...(withMoney ? [{ title: 'Mức thưởng', width: 18, align: 'right' as const }] : []),
    ],
    rows: awards.map((a, i) => [
      String(i + 1),
      a.awardedBy ? `${a.name} (${a.awardedBy})` : a.name,
      a.target,
      typeof a.quota === 'number' ? count2(a.quota) : a.quota,
      ...(withMoney ? [a.amount !== undefined ? formatMoneyVi(a.amount) : ''] : []),
    ]),
  };
}

function timelineTable(rows: z.infer<typeof ZPlanData>['timeline']): TBlock {
  return {
    kind: 'table',
    columns: [
      { title: 'Thời gian', width: 22, align: 'center' },
      { title: 'Nội dung công việc', width: 52 },
      { title: 'Đơn vị, người thực hiện', width: 26 },
    ],
    rows: rows.map((r) => [r.time, r.task, r.owner ?? '']),
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export async function renderPlanDocx(data: TPlanData): Promise<Buffer> {
  return renderNd30Document(buildPlanDocument(data));
}
