// Request and response shapes of /api/v1/documents (OpenAPI).
import { z } from '@hono/zod-openapi';
import { DOCUMENT_KINDS } from '../../documents';
import { REGISTER_TYPE_CODES } from './document-kinds';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const kinds = Object.keys(DOCUMENT_KINDS) as [string, ...string[]];

export const ZCreateDocumentRequest = z
  .object({
    unitId: z.string().min(1).openapi({ description: 'Đơn vị ban hành' }),
    kind: z.enum(kinds).openapi({ description: 'Loại văn bản (xem docs/documents.md)' }),
    data: z.any().openapi({ description: 'Dữ liệu đầu vào theo lược đồ của loại văn bản; số văn bản để trống (sổ văn bản cấp khi ban hành)' }),
    title: z.string().max(500).optional().openapi({ description: 'Trích yếu hiển thị; mặc định lấy từ dữ liệu' }),
  })
  .openapi('CreateDocumentRequest');

export const ZUpdateDocumentRequest = z.object({ data: z.any(), title: z.string().max(500).optional() }).openapi('UpdateDocumentRequest');

export const ZIssueDocumentRequest = z
  .object({
    date: ZIsoDate.optional().openapi({ description: 'Ngày ban hành; mặc định hôm nay' }),
    numberId: z.string().optional().openapi({ description: 'Dùng một số đã giữ chỗ thay vì lấy số mới' }),
    signerName: z.string().max(80).optional(),
  })
  .openapi('IssueDocumentRequest');

export const ZRegisterEntry = z
  .object({
    id: z.string(), unitId: z.string(), year: z.number(), number: z.number(), typeCode: z.string().nullable(), symbol: z.string(), numberText: z.string(),
    status: z.enum(['reserved', 'issued', 'cancelled']), documentId: z.string().nullable(), summary: z.string().nullable(), signerName: z.string().nullable(),
    issuedDate: z.string().nullable(), note: z.string().nullable(), cancelReason: z.string().nullable(), reservedAt: z.string(), issuedAt: z.string().nullable(), cancelledAt: z.string().nullable(),
  })
  .openapi('RegisterEntry');

export const ZDocument = z
  .object({
    id: z.string(), unitId: z.string(), unitName: z.string().nullable(), kind: z.string(), kindTitle: z.string(), title: z.string(),
    status: z.enum(['draft', 'issued']), statusLabel: z.string(), numbered: z.boolean(), numberText: z.string().nullable(), issuedDate: z.string().nullable(),
    signerName: z.string().nullable(), hasPdf: z.boolean(), hasSignedScan: z.boolean(), finalCopy: z.enum(['signed-scan', 'docx']).nullable(),
    createdAt: z.string(), updatedAt: z.string(), data: z.any().optional(),
  })
  .openapi('Document');
export const ZDocumentDetail = ZDocument.extend({ register: ZRegisterEntry.nullable() }).openapi('DocumentDetail');

export const ZReserveRequest = z
  .object({
    unitId: z.string().min(1),
    typeCode: z.enum(REGISTER_TYPE_CODES).nullable().openapi({ description: 'Mã loại văn bản (KH, TTr, BB, BC, QĐ, TB, …); null cho Công văn' }),
    year: z.number().int().min(2000).max(2100).optional(),
    issuerCode: z.string().max(40).optional().openapi({ description: 'Ký hiệu cơ quan, mặc định chữ viết tắt của đơn vị; có thể thêm đơn vị soạn thảo: SGDĐT-VP' }),
    note: z.string().max(500).optional(),
  })
  .openapi('ReserveNumberRequest');
export const ZIssueNumberRequest = z.object({ issuedDate: ZIsoDate, signerName: z.string().min(1).max(80), summary: z.string().min(1).max(500) }).openapi('IssueNumberRequest');
export const ZCancelNumberRequest = z.object({ reason: z.string().trim().min(3, 'Cần ghi lý do hủy số').max(500) }).openapi('CancelNumberRequest');

export const ZDocumentSettings = z.object({ unitId: z.string(), numbering: z.enum(['shared', 'per_type']), updatedAt: z.string().nullable() }).openapi('DocumentSettings');

export const ZFormatIssue = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), rule: z.string(), found: z.string().optional() }).openapi('FormatIssue');
export const ZFormatReport = z.object({ ok: z.boolean(), errors: z.number(), warnings: z.number(), issues: z.array(ZFormatIssue), text: z.string() }).openapi('FormatReport');

export const ZCertificateBatch = z
  .object({
    id: z.string(), unitId: z.string(), mode: z.enum(['design', 'blank']), count: z.number(), status: z.string(), jobId: z.number().nullable(),
    progress: z.number(), progressMessage: z.string().nullable(), docxUrl: z.string().nullable(), pdfUrl: z.string().nullable(), createdAt: z.string(), finishedAt: z.string().nullable(),
  })
  .openapi('CertificateBatch');
export const ZCertificateLayout = z.object({ unitId: z.string(), layout: z.any().nullable(), updatedAt: z.string().nullable() }).openapi('CertificateLayout');
