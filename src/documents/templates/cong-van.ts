// Công văn: number without a type code ("Số: 12/SGDĐT-VP"), "V/v …" under it, Kính gửi, body.
import { z } from 'zod';
import { parseDocumentInput } from '../errors';
import { renderNd30Document, type TBlock, type TNd30Document } from '../nd30';
import { ZBlock, ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, headerOf, para, recipientsOf, signerOf } from './common';

export const ZLetterData = z.object({
  /** issuerCode carries the drafting unit: "SGDĐT-VP". */
  issuing: ZIssuing,
  /** Trích yếu without "V/v": "triển khai bình xét thi đua năm học 2025-2026". */
  subject: ZText.max(250),
  kinhGui: z.array(ZText).min(1),
  body: z.array(z.union([z.string(), ZBlock])).min(1),
  signer: ZSigner,
  recipients: ZRecipients,
  layout: ZLayout,
});
export type TLetterData = z.input<typeof ZLetterData>;

export function buildLetterDocument(input: TLetterData): TNd30Document {
  const d = parseDocumentInput(ZLetterData, input, 'công văn');
  const body: TBlock[] = d.body.map((b) => (typeof b === 'string' ? para(b) : b));
  return {
    header: headerOf(d.issuing, null),
    typeName: null,
    summary: d.subject.replace(/^V\/v\s*/i, ''),
    kinhGui: d.kinhGui,
    body,
    signer: signerOf(d.signer),
    recipients: recipientsOf(d.recipients),
    layout: d.layout as TNd30Document['layout'],
  };
}

export async function renderLetterDocx(data: TLetterData): Promise<Buffer> {
  return renderNd30Document(buildLetterDocument(data));
}
