// HTTP for /api/v1/documents: generated documents, the register (sổ văn bản đi), certificates,
// the format checker. Every handler calls one use-case; static paths are declared before /{id}.
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, fileOk, fileResponse, jsonBody, jsonOk, MIME, pageOf, uploadedFile, useCaseContext, ZIdParam, ZPageQuery } from '../http';
import { ZCertificateBatchRequest, createCertificateBatch, getCertificateBatch, getCertificateBatchFile, getCertificateLayout, putCertificateLayout } from './certificates';
import { converterUnavailable, pdfDownload } from './document-files';
import { checkUploadedFormat, createDocument, getDocument, getDocumentDocx, getDocumentPdf, getSignedScan, issueDocument, listDocumentsForActor, updateDraft, uploadSignedScan } from './manage-documents';
import { cancelNumber, getDocumentSettings, issueReservedNumber, listRegister, putDocumentSettings, reserveNumber } from './register';
import {
  ZCancelNumberRequest, ZCertificateBatch, ZCertificateLayout, ZCreateDocumentRequest, ZDocument, ZDocumentDetail, ZDocumentSettings, ZFormatReport,
  ZIssueDocumentRequest, ZIssueNumberRequest, ZRegisterEntry, ZReserveRequest, ZUpdateDocumentRequest,
} from './documents.schemas';

const tags = ['Văn bản'];
const ZUnitParam = z.object({ unitId: z.string().min(1).max(64) });
const multipart = (fields: Record<string, z.ZodType>) => ({ body: { content: { 'multipart/form-data': { schema: z.object(fields) } } } });

/** A download name like "05-KH-SGDĐT.docx" or "van-ban-<id>.docx". */
function downloadName(doc: { number_text: string | null; id: string }, ext: string, suffix = ''): string {
  const base = doc.number_text ? doc.number_text.replace(/^Số:\s*/, '').replace(/\//g, '-') : `du-thao-${doc.id.slice(0, 8)}`;
  return `${base}${suffix}.${ext}`;
}

export function documentRoutes() {
  const r = createRouter();

  // --- Register (sổ văn bản đi) ---
  r.openapi(
    createRoute({ method: 'get', path: '/register', tags, summary: 'Sổ văn bản đi của một đơn vị trong một năm', request: { query: ZPageQuery.extend({ unitId: z.string().min(1), year: z.coerce.number().int().optional(), status: z.enum(['reserved', 'issued', 'cancelled']).optional() }) }, responses: jsonOk(pageOf(ZRegisterEntry)) }),
    async (c) => c.json(await listRegister(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/register/reserve', tags, summary: 'Giữ chỗ một số văn bản', request: jsonBody(ZReserveRequest), responses: jsonOk(ZRegisterEntry) }),
    async (c) => c.json(await reserveNumber(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/register/{id}/issue', tags, summary: 'Ghi số giữ chỗ là đã ban hành (văn bản soạn ngoài hệ thống)', request: { params: ZIdParam, ...jsonBody(ZIssueNumberRequest) }, responses: jsonOk(ZRegisterEntry) }),
    async (c) => c.json(await issueReservedNumber(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/register/{id}/cancel', tags, summary: 'Hủy số đang giữ chỗ (số không được dùng lại)', request: { params: ZIdParam, ...jsonBody(ZCancelNumberRequest) }, responses: jsonOk(ZRegisterEntry) }),
    async (c) => c.json(await cancelNumber(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/settings/{unitId}', tags, summary: 'Cách đánh số văn bản của đơn vị', request: { params: ZUnitParam }, responses: jsonOk(ZDocumentSettings) }),
    async (c) => c.json(await getDocumentSettings(useCaseContext(c), c.req.valid('param').unitId), 200),
  );
  r.openapi(
    createRoute({ method: 'put', path: '/settings/{unitId}', tags, summary: 'Đổi cách đánh số: chung mọi loại (mặc định) hoặc riêng từng loại', request: { params: ZUnitParam, ...jsonBody(z.object({ numbering: z.enum(['shared', 'per_type']) })) }, responses: jsonOk(ZDocumentSettings) }),
    async (c) => c.json(await putDocumentSettings(useCaseContext(c), c.req.valid('param').unitId, c.req.valid('json')), 200),
  );

  // --- Certificates ---
  r.openapi(
    createRoute({ method: 'get', path: '/certificate-layouts/{unitId}', tags, summary: 'Mẫu in trên phôi giấy khen của đơn vị', request: { params: ZUnitParam }, responses: jsonOk(ZCertificateLayout) }),
    async (c) => c.json(await getCertificateLayout(useCaseContext(c), c.req.valid('param').unitId), 200),
  );
  r.openapi(
    createRoute({ method: 'put', path: '/certificate-layouts/{unitId}', tags, summary: 'Lưu mẫu in trên phôi (khổ giấy, vị trí từng trường, phông chữ)', request: { params: ZUnitParam, ...jsonBody(z.any()) }, responses: jsonOk(ZCertificateLayout) }),
    async (c) => c.json(await putCertificateLayout(useCaseContext(c), c.req.valid('param').unitId, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/certificates', tags, summary: 'In hàng loạt giấy khen (tác vụ nền: một tệp Word và một tệp PDF)', request: jsonBody(ZCertificateBatchRequest), responses: jsonOk(ZCertificateBatch) }),
    async (c) => c.json(await createCertificateBatch(useCaseContext(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/certificates/{id}', tags, summary: 'Tiến độ và kết quả một đợt in giấy khen', request: { params: ZIdParam }, responses: jsonOk(ZCertificateBatch) }),
    async (c) => c.json(await getCertificateBatch(useCaseContext(c), c.req.valid('param').id), 200),
  );
  for (const which of ['docx', 'pdf'] as const) {
    r.openapi(
      createRoute({ method: 'get', path: `/certificates/{id}/${which}`, tags, summary: `Tải tệp ${which.toUpperCase()} của đợt in giấy khen`, request: { params: ZIdParam }, responses: fileOk(which === 'pdf' ? 'PDF' : 'Word', which === 'pdf' ? MIME.pdf : MIME.docx) }),
      async (c) => {
        const { batch, bytes } = await getCertificateBatchFile(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id, which);
        return fileResponse(bytes, which === 'pdf' ? MIME.pdf : MIME.docx, `giay-khen-${batch.count}-ban.${which}`, which === 'pdf');
      },
    );
  }

  // --- Format check ---
  r.openapi(
    createRoute({ method: 'post', path: '/check-format', tags, summary: 'Kiểm tra thể thức NĐ 30/2020 của một tệp Word (multipart: file)', request: multipart({ file: z.any() }), responses: jsonOk(ZFormatReport) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const file = await uploadedFile(c, 'Chưa chọn tệp Word (.docx) cần kiểm tra');
      return c.json(await checkUploadedFormat(ctx, file.bytes, c.get('deps').config.THIDUA_MAX_UPLOAD_MB * 1024 * 1024), 200);
    },
  );

  // --- Documents ---
  r.openapi(
    createRoute({ method: 'get', path: '/', tags, summary: 'Danh sách văn bản trong phạm vi được xem', request: { query: ZPageQuery.extend({ unitId: z.string().optional(), kind: z.string().optional(), q: z.string().max(100).optional(), status: z.enum(['draft', 'issued']).optional() }) }, responses: jsonOk(pageOf(ZDocument)) }),
    async (c) => c.json(await listDocumentsForActor(useCaseContext(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/', tags, summary: 'Tạo văn bản (dự thảo) từ dữ liệu: kiểm tra theo lược đồ, dựng tệp Word', request: jsonBody(ZCreateDocumentRequest), responses: jsonOk(ZDocument) }),
    async (c) => c.json(await createDocument(useCaseContext(c), c.get('deps').storage, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, summary: 'Chi tiết văn bản', request: { params: ZIdParam }, responses: jsonOk(ZDocumentDetail) }),
    async (c) => c.json(await getDocument(useCaseContext(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({ method: 'put', path: '/{id}', tags, summary: 'Sửa dự thảo (văn bản đã ban hành không sửa được)', request: { params: ZIdParam, ...jsonBody(ZUpdateDocumentRequest) }, responses: jsonOk(ZDocument) }),
    async (c) => c.json(await updateDraft(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/docx', tags, summary: 'Tải tệp Word', request: { params: ZIdParam }, responses: fileOk('Word (.docx)', MIME.docx) }),
    async (c) => {
      const { doc, bytes } = await getDocumentDocx(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return fileResponse(bytes, MIME.docx, downloadName(doc, 'docx'));
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/pdf', tags, summary: 'Xem trước / tải PDF (LibreOffice; 503 nếu máy chủ chưa cài)', request: { params: ZIdParam }, responses: { ...fileOk('PDF', MIME.pdf), ...converterUnavailable } }),
    async (c) => pdfDownload(c, async () => {
      const { doc, bytes } = await getDocumentPdf(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return { bytes, fileName: downloadName(doc, 'pdf') };
    }),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/issue', tags, summary: 'Ban hành: lấy số từ sổ văn bản đi, dựng lại với số và ngày; sau đó không sửa được', request: { params: ZIdParam, ...jsonBody(ZIssueDocumentRequest) }, responses: jsonOk(ZDocumentDetail) }),
    async (c) => c.json(await issueDocument(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({ method: 'post', path: '/{id}/signed-scan', tags, summary: 'Tải lên bản scan đã ký (PDF) làm bản chính', request: { params: ZIdParam, ...multipart({ file: z.any() }) }, responses: jsonOk(ZDocument) }),
    async (c) => {
      const ctx = useCaseContext(c);
      const file = await uploadedFile(c, 'Chưa chọn tệp PDF bản đã ký');
      return c.json(await uploadSignedScan(ctx, c.get('deps').storage, c.req.valid('param').id, file), 200);
    },
  );
  r.openapi(
    createRoute({ method: 'get', path: '/{id}/signed-scan', tags, summary: 'Tải bản scan đã ký', request: { params: ZIdParam }, responses: fileOk('PDF', MIME.pdf) }),
    async (c) => {
      const { doc, bytes } = await getSignedScan(useCaseContext(c), c.get('deps').storage, c.req.valid('param').id);
      return fileResponse(bytes, MIME.pdf, downloadName(doc, 'pdf', '-ban-ky'), true);
    },
  );
  return r;
}
