// The document kinds the CLI (`thidua render <kind>`) and the server name, each with its input schema
// and renderer. Certificates ('giay-khen') take { issuer, certificates } or { layout, entries } (blanks).
import { z } from 'zod';
import { ZBlankLayout, ZCertificate, ZCertificateIssuer, renderBlankCertificatesDocx, renderCertificatesDocx } from './certificate';
import { DocumentInputError, parseDocumentInput } from './errors';
import { ZAchievementReportData, renderAchievementReportDocx, type TAchievementReportData } from './templates/bao-cao-thanh-tich';
import { ZReportData, renderReportDocx } from './templates/bao-cao';
import { ZMinutesData, renderMinutesDocx } from './templates/bien-ban';
import { ZLetterData, renderLetterDocx } from './templates/cong-van';
import { ZPlanData, renderPlanDocx } from './templates/ke-hoach';
import { ZDecisionData, renderDecisionDocx } from './templates/quyet-dinh';
import { ZNoticeData, renderNoticeDocx } from './templates/thong-bao';
import { ZProposalData, renderProposalDocx } from './templates/to-trinh';

const ZCertificateInput = z.union([
  z.object({ issuer: ZCertificateIssuer, certificates: z.array(ZCertificate).min(1) }),
  z.object({ layout: ZBlankLayout, entries: z.array(z.record(z.string(), z.string())).min(1) }),
]);

/** The kind comes from the command, not from the JSON. */
const achievement = (kind: TAchievementReportData['kind']) => (data: unknown) =>
  renderAchievementReportDocx({ ...(typeof data === 'object' && data !== null ? data : {}), kind } as TAchievementReportData);

export const DOCUMENT_KINDS = {
  'ke-hoach': { title: 'Kế hoạch', schema: ZPlanData, render: (d: unknown) => renderPlanDocx(d as never) },
  'to-trinh': { title: 'Tờ trình đề nghị khen thưởng', schema: ZProposalData, render: (d: unknown) => renderProposalDocx(d as never) },
  'bien-ban': { title: 'Biên bản họp Hội đồng TĐKT', schema: ZMinutesData, render: (d: unknown) => renderMinutesDocx(d as never) },
  'bao-cao-thanh-tich-ca-nhan': { title: 'Báo cáo thành tích cá nhân', schema: ZAchievementReportData, render: achievement('individual') },
  'bao-cao-thanh-tich-tap-the': { title: 'Báo cáo thành tích tập thể', schema: ZAchievementReportData, render: achievement('collective') },
  'bao-cao-thanh-tich-chuyen-de': { title: 'Báo cáo thành tích theo chuyên đề', schema: ZAchievementReportData, render: achievement('thematic') },
  'quyet-dinh': { title: 'Quyết định khen thưởng', schema: ZDecisionData, render: (d: unknown) => renderDecisionDocx(d as never) },
  'bao-cao': { title: 'Báo cáo', schema: ZReportData, render: (d: unknown) => renderReportDocx(d as never) },
  'thong-bao': { title: 'Thông báo', schema: ZNoticeData, render: (d: unknown) => renderNoticeDocx(d as never) },
  'cong-van': { title: 'Công văn', schema: ZLetterData, render: (d: unknown) => renderLetterDocx(d as never) },
  'giay-khen': {
    title: 'Giấy khen',
    schema: ZCertificateInput,
    render: (d: unknown) => {
      const input = parseDocumentInput(ZCertificateInput, d, 'giấy khen');
      return 'layout' in input ? renderBlankCertificatesDocx(input.layout, input.entries) : renderCertificatesDocx(input.issuer, input.certificates);
    },
  },
} as const;

export type TDocumentKind = keyof typeof DOCUMENT_KINDS;

/** Render any kind from untrusted JSON; bad input throws DocumentInputError naming the fields. */
export async function renderDocumentKind(kind: string, data: unknown): Promise<Buffer> {
  if (!(kind in DOCUMENT_KINDS)) {
    throw new DocumentInputError(`Loại văn bản không hỗ trợ: "${kind}". Các loại: ${Object.keys(DOCUMENT_KINDS).join(', ')}.`);
  }
  return DOCUMENT_KINDS[kind as TDocumentKind].render(data);
}
