// Báo cáo (định kỳ, sơ kết, tổng kết) of a movement or of the TĐKT work, with an indicator table.
import { z } from 'zod';
import { formatDecimalVi } from '../../shared/vn';
import { parseDocumentInput } from '../errors';
import { renderNd30Document, type TBlock, type TNd30Document } from '../nd30';
import { ZBlock, ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, bullets, headerOf, para, recipientsOf, section, signerOf } from './common';

const ZContent = z.array(z.union([z.string(), ZBlock])).default([]);

export const ZReportData = z.object({
  issuing: ZIssuing,
  reportKind: z.enum(['periodic', 'midterm', 'final']),
  /** Trích yếu: "Sơ kết học kỳ I phong trào thi đua “Dạy tốt, học tốt” năm học 2025-2026". */
  summary: ZText,
  kinhGui: z.array(ZText).default([]),
  intro: z.string().optional(),
  situation: z.object({ advantages: z.array(ZText).default([]), difficulties: z.array(ZText).default([]) }),
  results: ZContent,
  indicators: z
    .array(
      z.object({
        name: ZText,
        unit: ZText,
        target: z.number().nullable(),
        actual: z.number(),
      }),
    )
    .default([]),
  strengths: z.array(ZText).default([]),
  weaknesses: z.array(ZText).default([]),
  /** Tổng kết: awards given in the period. */
  commendations: ZContent,
  nextSteps: z.array(ZText).default([]),
  proposals: z.array(ZText).default([]),
  closing: z.string().optional(),
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TReportData = z.input<typeof ZReportData>;

/** Thực hiện / kế hoạch in per cent, one decimal: 45 / 50 → "90%"; no target → "". */
export function achievementRate(actual: number, target: number | null): string {
  if (target === null || target === 0) return '';
  return `${formatDecimalVi((actual / target) * 100, 1)}%`;
}

const NEXT_TITLE = { periodic: 'Nhiệm vụ trọng tâm kỳ tới', midterm: 'Phương hướng, nhiệm vụ thời gian tới', final: 'Phương hướng, nhiệm vụ năm tiếp theo' } as const;

export function buildReportDocument(input: TReportData): TNd30Document {
  const d = parseDocumentInput(ZReportData, input, 'báo cáo');
  const blocks = (items: (string | TBlock)[]) => items.map((i) => (typeof i === 'string' ? para(i) : i));
  const indicatorTable: TBlock[] = d.indicators.length
    ? [
        {
          kind: 'table',
          fontSizePt: 12,
          caption: 'Kết quả thực hiện các chỉ tiêu',
          columns: [
            { title: 'STT', width: 7, align: 'center' },
            { title: 'Chỉ tiêu', width: 41 },
            { title: 'Đơn vị tính', width: 13, align: 'center' },
            { title: 'Kế hoạch', width: 13, align: 'right' },
            { title: 'Thực hiện', width: 13, align: 'right' },
            { title: 'Tỷ lệ', width: 13, align: 'right' },
          ],
          rows: d.indicators.map((r, i) => [
            String(i + 1),
            r.name,
            r.unit,
            r.target === null ? '' : formatDecimalVi(r.target),
            formatDecimalVi(r.actual),
            achievementRate(r.actual, r.target),
          ]),
        },
      ]
    : [];
  const body: TBlock[] = [
    ...(d.intro ? [para(d.intro)] : []),
    section('Đặc điểm tình hình', [
      ...(d.situation.advantages.length ? [section('Thuận lợi', [bullets(d.situation.advantages)])] : []),
      ...(d.situation.difficulties.length ? [section('Khó khăn', [bullets(d.situation.difficulties)])] : []),
    ]),
    section('Kết quả thực hiện', [...blocks(d.results), ...indicatorTable]),
    ...(d.reportKind === 'final' && d.commendations.length ? [section('Công tác khen thưởng', blocks(d.commendations))] : []),
    section('Đánh giá chung', [
      ...(d.strengths.length ? [section('Ưu điểm', [bullets(d.strengths)])] : []),
      ...(d.weaknesses.length ? [section('Tồn tại, hạn chế và nguyên nhân', [bullets(d.weaknesses)])] : []),
    ]),
    ...(d.nextSteps.length ? [section(NEXT_TITLE[d.reportKind], [bullets(d.nextSteps)])] : []),
    ...(d.proposals.length ? [section('Kiến nghị, đề xuất', [bullets(d.proposals)])] : []),
    para(d.closing ?? `Trên đây là báo cáo ${d.summary.charAt(0).toLocaleLowerCase('vi')}${d.summary.slice(1)} của ${d.issuing.issuer}.`),
  ];
  return {
    header: headerOf(d.issuing, 'BC'),
    typeName: 'Báo cáo',
    summary: d.summary,
    kinhGui: d.kinhGui.length ? d.kinhGui : undefined,
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf(d.recipients),
    layout: d.layout as TNd30Document['layout'],
  };
}

export async function renderReportDocx(data: TReportData): Promise<Buffer> {
  return renderNd30Document(buildReportDocument(data));
}
