// Thông báo (e.g. results of a review): intro, optional results table, closing.
import { z } from 'zod';
import { parseDocumentInput } from '../errors';
import { renderNd30Document, type TBlock, type TNd30Document } from '../nd30';
import { ZBlock, ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, headerOf, para, recipientsOf, signerOf } from './common';

export const ZNoticeData = z.object({
  issuing: ZIssuing,
  /** Trích yếu: "Kết quả xét danh hiệu thi đua năm học 2025-2026". */
  summary: ZText,
  paragraphs: z.array(ZText).min(1),
  results: z
    .object({
      caption: z.string().optional(),
      rows: z.array(z.object({ name: ZText, unit: ZText, result: ZText })).min(1),
    })
    .optional(),
  extra: z.array(ZBlock).default([]),
  closing: z.string().optional(),
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TNoticeData = z.input<typeof ZNoticeData>;

export function buildNoticeDocument(input: TNoticeData): TNd30Document {
  const d = parseDocumentInput(ZNoticeData, input, 'thông báo');
  const body: TBlock[] = [
    ...d.paragraphs.map((p) => para(p)),
    ...(d.results
      ? [
          {
            kind: 'table' as const,
            fontSizePt: 12,
            caption: d.results.caption,
            columns: [
              { title: 'STT', width: 8, align: 'center' as const },
              { title: 'Họ và tên / Tập thể', width: 32 },
              { title: 'Đơn vị', width: 30 },
              { title: 'Kết quả', width: 30 },
            ],
            rows: d.results.rows.map((r, i) => [String(i + 1), r.name, r.unit, r.result]),
          },
        ]
      : []),
    ...d.extra,
    para(d.closing ?? `${d.issuing.issuer} thông báo để các tập thể, cá nhân biết và thực hiện.`),
  ];
  return {
    header: headerOf(d.issuing, 'TB'),
    typeName: 'Thông báo',
    summary: d.summary,
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf(d.recipients),
    layout: d.layout as TNd30Document['layout'],
  };
}

export async function renderNoticeDocx(data: TNoticeData): Promise<Buffer> {
  return renderNd30Document(buildNoticeDocument(data));
}
