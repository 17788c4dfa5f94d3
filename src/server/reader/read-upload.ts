// One uploaded file → the reader's parsed document, or a Vietnamese error with the right HTTP status:
// 413 too large, 415 not a txt/docx/doc/pdf, 400 empty or broken, 422 readable but without text
// (a scanned PDF) or beyond the time limit. Nothing is stored.
import { basename } from 'node:path';
import { ImporterError, parseDocumentBuffer, type TParsedDocument } from '../../importer';
import { AppError } from '../errors';
import { sniffType } from '../files/storage';

export const READER_TYPES = ['txt', 'docx', 'doc', 'pdf'] as const;
export const READER_TIMEOUT_MS = 60_000;

/** A failure to read one file: what the API answers (status, code, message). */
export class ReaderFailure extends Error {
  constructor(readonly status: 400 | 413 | 415 | 422 | 503, readonly code: string, message: string) {
    super(message);
  }
}

function fromImporter(e: ImporterError, fileName: string): ReaderFailure {
  switch (e.code) {
    case 'scanned_pdf':
      return new ReaderFailure(422, 'SCANNED_PDF', e.message);
    case 'timeout':
      return new ReaderFailure(422, 'READ_TIMEOUT', e.message);
    case 'unsupported':
      return new ReaderFailure(415, 'UNSUPPORTED_TYPE', e.message);
    case 'no_converter':
      return new ReaderFailure(503, 'CONVERTER_UNAVAILABLE', e.message);
    case 'empty':
      return new ReaderFailure(400, 'EMPTY_FILE', e.message);
    default:
      return new ReaderFailure(400, 'UNREADABLE', e.message || `Không đọc được tệp "${basename(fileName)}".`);
  }
}

/** Checks size and type (sniffed from the bytes), then reads the document. Throws ReaderFailure. */
export async function readUploadedDocument(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<TParsedDocument> {
  if (bytes.length === 0) throw new ReaderFailure(400, 'EMPTY_FILE', `Tệp "${basename(fileName)}" rỗng, không có nội dung để đọc.`);
  if (bytes.length > maxBytes) throw new ReaderFailure(413, 'PAYLOAD_TOO_LARGE', `Tệp "${basename(fileName)}" quá lớn: tối đa ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const type = await sniffType(bytes);
  if (!type || !(READER_TYPES as readonly string[]).includes(type.ext)) {
    throw new ReaderFailure(415, 'UNSUPPORTED_TYPE', `Tệp "${basename(fileName)}" không phải văn bản đọc được. Chỉ nhận: văn bản (.txt), Word (.docx, .doc), PDF có lớp chữ.`);
  }
  try {
    return await parseDocumentBuffer(bytes, fileName, { timeoutMs: READER_TIMEOUT_MS });
  } catch (e) {
    if (e instanceof ImporterError) throw fromImporter(e, fileName);
    throw e;
  }
}

/** The same failure as an AppError where the caller must throw one (status mapped to the closest code). */
export function asAppError(f: ReaderFailure): AppError {
  if (f.status === 413) return new AppError('PAYLOAD_TOO_LARGE', f.message);
  if (f.status === 415) return new AppError('UNSUPPORTED_TYPE', f.message);
  return new AppError('VALIDATION', f.message);
}
