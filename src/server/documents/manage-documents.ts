// Use-cases for generated documents: create (validate with the kind's schema, render, store DOCX),
// edit a draft, read (scoped to the unit subtree), PDF (converted once, cached), issue (number from
// the register, re-rendered with number and date, then immutable), signed scan (the final copy),
// and the NĐ 30 format check of an uploaded DOCX.
import { checkNd30Docx, DOCUMENT_KINDS, DocumentInputError, formatIssues, renderDocumentKind, type TDocumentKind } from '../../documents';
import { foldVietnamese } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit } from '../units/units.repository';
import { documentIssuerCode, documentSignerName, documentTitle, isDocumentKind, isNumbered, KIND_TYPE_CODES, withNumberAndDate } from './document-kinds';
import { convertToPdf, generatedStorage, storeFile } from './document-files';
import { findDocument, findNumber, insertDocument, listDocuments, setDocumentPdf, updateDocument, updateNumber, type TDocumentRow } from './documents.repository';
import { allocateNumber, presentNumber, resolveIssuerCode, statusLabel } from './register';

export const DOCUMENT_STATUS_LABELS: Record<TDocumentRow['status'], string> = { draft: 'Dự thảo', issued: 'Đã ban hành' };

export function presentDocument(row: TDocumentRow & { unit_name?: string | null }, opts: { withData?: boolean } = {}) {
  const kind = row.kind as TDocumentKind;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name ?? null,
    kind: row.kind,
    kindTitle: DOCUMENT_KINDS[kind]?.title ?? row.kind,
    title: row.title,
    status: row.status,
    statusLabel: DOCUMENT_STATUS_LABELS[row.status],
    numbered: isDocumentKind(row.kind) && isNumbered(kind),
    numberText: row.number_text,
    issuedDate: row.issued_date,
    signerName: row.signer_name,
    hasPdf: !!row.pdf_sha256,
    hasSignedScan: !!row.signed_scan_sha256,
    finalCopy: row.signed_scan_sha256 ? ('signed-scan' as const) : row.status === 'issued' ? ('docx' as const) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(opts.withData ? { data: JSON.parse(row.input_json) as unknown } : {}),
  };
}

/** Engine validation errors → 400 naming each field under "data.". */
function toValidationError(e: unknown): never {
  if (e instanceof DocumentInputError) {
    const fields = e.issues.map((i) => {
      const at = i.indexOf(': ');
      return at > 0 ? { field: `data.${i.slice(0, at)}`, message: i.slice(at + 2) } : { field: 'data', message: i };
    });
    const first = fields[0];
    throw new AppError('VALIDATION', first ? `Dữ liệu văn bản không hợp lệ: ${first.field} — ${first.message}` : e.message, { fields });
  }
  throw e;
}

async function renderChecked(kind: TDocumentKind, data: unknown): Promise<Buffer> {
  try {
    return await renderDocumentKind(kind, data);
  } catch (e) {
    return toValidationError(e);
  }
}

function requireKind(kind: string): TDocumentKind {
  if (!isDocumentKind(kind)) {
    throw new AppError('VALIDATION', `Loại văn bản không hỗ trợ: "${kind}".`, { fields: [{ field: 'kind', message: `Một trong: ${Object.keys(DOCUMENT_KINDS).join(', ')}` }] });
  }
  return kind;
}

async function loadReadable(ctx: TContext, id: string): Promise<TDocumentRow> {
  const doc = await findDocument(ctx.db, id);
  if (!doc) throw notFound('Không tìm thấy văn bản');
  await requireAccess(ctx, 'document.read', [doc.unit_id]);
  return doc;
}

async function loadWritable(ctx: TContext, id: string): Promise<TDocumentRow> {
  const doc = await findDocument(ctx.db, id);
  if (!doc) throw notFound('Không tìm thấy văn bản');
  await requireAccess(ctx, 'document.write', [doc.unit_id]);
  return doc;
}

export async function createDocument(ctx: TContext, storage: FileStorage, input: { unitId: string; kind: string; data: unknown; title?: string }) {
  await requireAccess(ctx, 'document.write', [input.unitId]);
  const kind = requireKind(input.kind);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  // A draft has no number yet: the register gives it when the document is issued.
  const data = withNumberAndDate(kind, input.data, null, undefined);
  if (isNumbered(kind)) resolveIssuerCode(unit, documentIssuerCode(kind, data));
  const docx = await renderChecked(kind, data);
  const sha = await storeFile(ctx.db, generatedStorage(storage), docx, ['docx']);
  const now = nowIso();
  const title = (input.title?.trim() || documentTitle(kind, data)).slice(0, 500);
  const row: TDocumentRow = {
    id: newId(), unit_id: unit.id, kind, title, title_search: foldVietnamese(title), status: 'draft', input_json: JSON.stringify(data),
    docx_sha256: sha, pdf_sha256: null, signed_scan_sha256: null, number_id: null, number_text: null, issued_date: null,
    signer_name: documentSignerName(data), created_by: ctx.actor.userId, province_code: unit.province_code, created_at: now, updated_at: now,
  };
  await withTransaction(ctx, async (trx) => {
    await insertDocument(trx, row);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document.create', entityType: 'document', entityId: row.id, unitId: unit.id, after: { kind, title, docxSha256: sha } });
  });
  return presentDocument({ ...row, unit_name: unit.name }, { withData: true });
}

/** Replaces the input of a draft (re-rendered). Issued documents are immutable. */
export async function updateDraft(ctx: TContext, storage: FileStorage, id: string, input: { data: unknown; title?: string }) {
  const doc = await loadWritable(ctx, id);
  if (doc.status !== 'draft') throw new AppError('INVALID_STATE', `Văn bản ${doc.number_text ?? ''} đã ban hành, không sửa được.`.replace('  ', ' '));
  const kind = requireKind(doc.kind);
  const unit = (await findUnit(ctx.db, doc.unit_id))!;
  const data = withNumberAndDate(kind, input.data, null, undefined);
  if (isNumbered(kind)) resolveIssuerCode(unit, documentIssuerCode(kind, data));
  const docx = await renderChecked(kind, data);
  const sha = await storeFile(ctx.db, generatedStorage(storage), docx, ['docx']);
  const title = (input.title?.trim() || documentTitle(kind, data)).slice(0, 500);
  const now = nowIso();
  return withTransaction(ctx, async (trx) => {
    const fresh = await findDocument(trx, id);
    if (!fresh || fresh.status !== 'draft') throw new AppError('INVALID_STATE', 'Văn bản đã ban hành, không sửa được.');
    const values = { title, title_search: foldVietnamese(title), input_json: JSON.stringify(data), docx_sha256: sha, pdf_sha256: null, signer_name: documentSignerName(data), updated_at: now };
    await updateDocument(trx, id, values);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document.update', entityType: 'document', entityId: id, unitId: doc.unit_id, before: { title: fresh.title, docxSha256: fresh.docx_sha256 }, after: { title, docxSha256: sha } });
    return presentDocument({ ...fresh, ...values, unit_name: unit.name }, { withData: true });
  });
}

export async function listDocumentsForActor(ctx: TContext, f: { unitId?: string; kind?: string; q?: string; status?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'document.read', f.unitId ? [f.unitId] : []);
  const res = await listDocuments(ctx.db, ctx.actor, { ...f, q: f.q ? foldVietnamese(f.q) : undefined });
  return { items: res.items.map((r) => presentDocument(r)), total: res.total, page: f.page, pageSize: f.pageSize };
}

export async function getDocument(ctx: TContext, id: string) {
  const doc = await loadReadable(ctx, id);
  const unit = await findUnit(ctx.db, doc.unit_id);
  const number = doc.number_id ? await findNumber(ctx.db, doc.number_id) : undefined;
  return { ...presentDocument({ ...doc, unit_name: unit?.name ?? null }, { withData: true }), register: number ? presentNumber(number) : null };
}

export async function getDocumentDocx(ctx: TContext, storage: FileStorage, id: string) {
  const doc = await loadReadable(ctx, id);
  return { doc, bytes: await storage.get(doc.docx_sha256) };
}

export async function getDocumentPdf(ctx: TContext, storage: FileStorage, id: string) {
  const doc = await loadReadable(ctx, id);
  if (doc.pdf_sha256) return { doc, bytes: await storage.get(doc.pdf_sha256) };
  const [pdf] = await convertToPdf([await storage.get(doc.docx_sha256)]);
  const sha = await storeFile(ctx.db, generatedStorage(storage), pdf, ['pdf']);
  await setDocumentPdf(ctx.db, doc.id, doc.docx_sha256, sha);
  return { doc, bytes: pdf };
}

export async function getSignedScan(ctx: TContext, storage: FileStorage, id: string) {
  const doc = await loadReadable(ctx, id);
  if (!doc.signed_scan_sha256) throw notFound('Văn bản chưa có bản scan đã ký');
  return { doc, bytes: await storage.get(doc.signed_scan_sha256) };
}

/** Takes a number from the register (or a number reserved earlier), re-renders with number and date, and freezes the document. */
export async function issueDocument(ctx: TContext, storage: FileStorage, id: string, input: { date?: string; numberId?: string; signerName?: string }) {
  const doc = await loadWritable(ctx, id);
  const kind = requireKind(doc.kind);
  if (!isNumbered(kind)) throw new AppError('INVALID_STATE', `${DOCUMENT_KINDS[kind].title} không vào sổ văn bản đi, không cấp số.`);
  if (doc.status !== 'draft') throw new AppError('INVALID_STATE', `Văn bản đã ban hành (${doc.number_text}), không cấp số lại.`);
  const unit = (await findUnit(ctx.db, doc.unit_id))!;
  const date = input.date ?? todayIso();
  const year = Number(date.slice(0, 4));
  const draft = JSON.parse(doc.input_json) as unknown;
  const issuerCode = resolveIssuerCode(unit, documentIssuerCode(kind, draft));
  const typeCode = KIND_TYPE_CODES[kind] ?? null;
  const gen = generatedStorage(storage);
  return withTransaction(ctx, async (trx) => {
    const fresh = await findDocument(trx, id);
    if (!fresh || fresh.status !== 'draft') throw new AppError('INVALID_STATE', 'Văn bản đã ban hành, không cấp số lại.');
    let number;
    if (input.numberId) {
      number = await findNumber(trx, input.numberId);
      if (!number || number.unit_id !== unit.id) throw new AppError('VALIDATION', 'Số giữ chỗ không thuộc sổ văn bản của đơn vị này.', { fields: [{ field: 'numberId', message: 'Không hợp lệ' }] });
      if (number.status !== 'reserved') throw new AppError('INVALID_STATE', `Số ${number.symbol} đang ở trạng thái ${statusLabel(number.status)}, không dùng được.`);
      if (number.type_code !== typeCode) throw new AppError('VALIDATION', `Số ${number.symbol} được giữ cho loại văn bản khác.`, { fields: [{ field: 'numberId', message: 'Khác loại văn bản' }] });
      if (number.year !== year) throw new AppError('VALIDATION', `Số ${number.symbol} thuộc sổ năm ${number.year}, ngày ban hành phải cùng năm.`, { fields: [{ field: 'date', message: `Năm ${number.year}` }] });
      if (!number.symbol.endsWith(`/${typeCode ? `${typeCode}-` : ''}${issuerCode}`)) {
        throw new AppError('VALIDATION', `Số ${number.symbol} được giữ với ký hiệu khác với văn bản (${issuerCode}).`, { fields: [{ field: 'numberId', message: 'Khác ký hiệu' }] });
      }
    } else {
      number = await allocateNumber(trx, ctx.kind, { unit, year, typeCode, issuerCode, actorUserId: ctx.actor.userId });
    }
    const data = withNumberAndDate(kind, draft, number.number, date);
    const docx = await renderChecked(kind, data);
    const sha = await storeFile(trx, gen, docx, ['docx']);
    const signerName = input.signerName?.trim() || documentSignerName(data);
    const now = nowIso();
    const numberValues = { status: 'issued' as const, document_id: id, summary: fresh.title, signer_name: signerName, issued_date: date, issued_at: now };
    await updateNumber(trx, number.id, numberValues);
    const docValues = {
      status: 'issued' as const, input_json: JSON.stringify(data), docx_sha256: sha, pdf_sha256: null, number_id: number.id,
      number_text: `Số: ${number.symbol}`, issued_date: date, signer_name: signerName, updated_at: now,
    };
    await updateDocument(trx, id, docValues);
    await writeAudit(trx, ctx.kind, {
      actorUserId: ctx.actor.userId, action: 'document.issue', entityType: 'document', entityId: id, unitId: unit.id,
      before: { status: 'draft', docxSha256: fresh.docx_sha256 }, after: { status: 'issued', number: number.symbol, issuedDate: date, signerName, docxSha256: sha },
    });
    return { ...presentDocument({ ...fresh, ...docValues, unit_name: unit.name }, { withData: true }), register: presentNumber({ ...number, ...numberValues }) };
  });
}

/** Stores the scanned signed copy (PDF only) as the document's final copy. */
export async function uploadSignedScan(ctx: TContext, storage: FileStorage, id: string, file: { bytes: Uint8Array; fileName: string }) {
  const doc = await loadWritable(ctx, id);
  const kind = requireKind(doc.kind);
  if (isNumbered(kind) && doc.status !== 'issued') throw new AppError('INVALID_STATE', 'Văn bản chưa được cấp số, chưa thể tải lên bản đã ký. Hãy ban hành (cấp số) trước.');
  const stored = await storage.put(file.bytes, ['pdf']).catch((e) => {
    if (e instanceof AppError && e.code === 'UNSUPPORTED_TYPE') throw new AppError('UNSUPPORTED_TYPE', `Tệp "${file.fileName}" không phải PDF. Bản scan văn bản đã ký phải là tệp PDF.`);
    throw e;
  });
  const now = nowIso();
  return withTransaction(ctx, async (trx) => {
    await trx.insertInto('files').values({ sha256: stored.sha256, size: stored.size, mime: stored.type.mime, created_at: now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await updateDocument(trx, id, { signed_scan_sha256: stored.sha256, updated_at: now });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document.signed_scan', entityType: 'document', entityId: id, unitId: doc.unit_id, before: { signedScanSha256: doc.signed_scan_sha256 }, after: { signedScanSha256: stored.sha256, fileName: file.fileName, size: stored.size } });
    const unit = await findUnit(trx, doc.unit_id);
    return presentDocument({ ...doc, signed_scan_sha256: stored.sha256, updated_at: now, unit_name: unit?.name ?? null });
  });
}

/** NĐ 30 check of an uploaded DOCX (nothing is stored). */
export async function checkUploadedFormat(ctx: TContext, bytes: Uint8Array, maxBytes: number) {
  await requireAccess(ctx, 'document.read', []);
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng');
  if (bytes.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn: tối đa ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const issues = await checkNd30Docx(bytes);
  return { ok: issues.length === 0, errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length, issues, text: formatIssues(issues) };
}

