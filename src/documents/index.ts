// Public surface of the document engine (pure: data in, DOCX/PDF bytes out).
export { DocumentInputError, parseDocumentInput } from './errors';
export {
  A4_MM,
  DEFAULT_MARGINS_MM,
  DOCUMENT_TYPE_CODES,
  MARGIN_RANGES_MM,
  QUOC_HIEU,
  TIEU_NGU,
  buildNd30Sections,
  formatDocumentNumber,
  formatPlaceDate,
  recipientLines,
  renderNd30Document,
  sanitizeText,
  toRoman,
  toViLetter,
  type TAnnex,
  type TBlock,
  type TDocumentHeader,
  type TDocumentTypeName,
  type TInline,
  type TLayoutOptions,
  type TNd30Document,
  type TRecipients,
  type TRun,
  type TSigner,
  type TTableCell,
  type TTableColumn,
} from './nd30';
export { ACHIEVEMENT_FORMS, formLabel, selectForm, type TAchievementForm, type TAchievementReportKind, type TFormSection, type TFormSectionKey } from './forms';
export { moneyInWordsVi, numberInWordsVi } from './money-words';
export { checkDateLine, checkNd30Docx, checkNd30Text, checkNumberLine, checkRecipientLines, formatIssues, readDocxLines, type TFormatIssue } from './nd30-check';
export { PdfConversionError, convertDocxBatchToPdf, convertDocxToPdf, isLibreOfficeAvailable, type TPdfOptions } from './pdf';
export {
  PAPER_SIZES_MM,
  ZBlankLayout,
  ZCertificate,
  ZCertificateIssuer,
  blankSheetMm,
  renderBlankCertificatesDocx,
  renderCertificateDocx,
  renderCertificatesDocx,
  type TBlankField,
  type TBlankLayout,
  type TBlankValues,
  type TCertificate,
  type TCertificateIssuer,
} from './certificate';
export { ZPlanData, buildPlanDocument, renderPlanDocx, type TPlanData } from './templates/ke-hoach';
export { ZProposalData, buildProposalDocument, renderProposalDocx, type TProposalData } from './templates/to-trinh';
export { ZMinutesData, buildMinutesDocument, renderMinutesDocx, votePercent, type TMinutesData } from './templates/bien-ban';
export { ZAchievementReportData, buildAchievementReportDocument, renderAchievementReportDocx, type TAchievementReportData } from './templates/bao-cao-thanh-tich';
export { ZDecisionData, buildDecisionDocument, renderDecisionDocx, type TDecisionData } from './templates/quyet-dinh';
export { ZReportData, achievementRate, buildReportDocument, renderReportDocx, type TReportData } from './templates/bao-cao';
export { ZNoticeData, buildNoticeDocument, renderNoticeDocx, type TNoticeData } from './templates/thong-bao';
export { ZLetterData, buildLetterDocument, renderLetterDocx, type TLetterData } from './templates/cong-van';
export { DOCUMENT_KINDS, renderDocumentKind, type TDocumentKind } from './kinds';
