// Document reader: a plan, decision, proposal… (.txt, .docx, .doc, .pdf) → one structured object whose every
// value carries its source span. Pure code: no HTTP, no database (LibreOffice is run only for .doc/.rtf/.odt).

import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeTextBytes } from './decode-text';
import { ImporterError } from './errors';
import { fixLegacyVietnamese } from './legacy-fonts';
import { normalizeDocumentText } from './normalize';
import { parseNormalizedText } from './parse-text';
import { readDoc } from './read-doc';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { ZParsedDocument, type TParsedDocument } from './schema';

export { ImporterError, SCANNED_PDF_MESSAGE } from './errors';
export type { TImporterErrorCode } from './errors';
export { ZParsedDocument, parsedDocumentJsonSchema, DOC_TYPES } from './schema';
export type { TParsedDocument, TSpan, TSpannedText, TSection, TDocType } from './schema';
export { fixLegacyVietnamese, tcvn3ToUnicode, vniToUnicode } from './legacy-fonts';
export { findSoffice } from './read-doc';

export type TParseOptions = {
  /** Time limit for one file in milliseconds (default 120 000). */
  timeoutMs?: number;
};

type TFormat = TParsedDocument['format'];

function buildResult(raw: string, format: TFormat, encoding: string | null, readerWarnings: string[]): TParsedDocument {
  // text typed in TCVN3/VNI that reached a Word or PDF file without its font name (or pasted into a txt)
  if (format !== 'txt') {
    const legacy = fixLegacyVietnamese(raw);
    if (legacy.encoding) {
      raw = legacy.text;
      encoding = legacy.encoding;
      readerWarnings = [...readerWarnings, `Có đoạn gõ bằng phông ${legacy.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}; đã chuyển sang Unicode.`];
    }
  }
  const normalized = normalizeDocumentText(raw);
  if (!normalized.text.trim()) throw new ImporterError('empty', 'Tệp không có nội dung chữ để đọc.');
  const fields = parseNormalizedText(normalized.text);
  const result: TParsedDocument = {
    format,
    encoding,
    text: normalized.text,
    ...fields,
    warnings: [...readerWarnings, ...normalized.warnings, ...fields.warnings],
  };
  return ZParsedDocument.parse(result);
}

/** Parse a document given as text (already decoded). Legacy-font text (TCVN3/VNI) is converted. */
export function parseDocumentText(text: string): TParsedDocument {
  if (!text || !text.trim()) throw new ImporterError('empty', 'Văn bản rỗng, không có nội dung để đọc.');
  const legacy = fixLegacyVietnamese(text);
  const warnings = legacy.encoding ? [`Văn bản gõ bằng phông ${legacy.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'}; đã chuyển sang Unicode.`] : [];
  return buildResult(legacy.text, 'txt', legacy.encoding, warnings);
}

function sniff(buf: Uint8Array, fileName: string): 'pdf' | 'docx' | 'doc' | 'rtf' | 'odt' | 'txt' | 'zip' | 'image' {
  const head = Buffer.from(buf.subarray(0, 8)).toString('latin1');
  const ext = extname(fileName).toLowerCase().replace('.', '');
  if (head.startsWith('%PDF')) return 'pdf';
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    if (ext === 'odt') return 'odt';
    return ext === 'docx' || ext === 'docm' || ext === 'dotx' || !ext ? 'docx' : ext === 'zip' ? 'zip' : 'docx';
  }
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return 'doc';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if ((buf[0] === 0xff && buf[1] === 0xd8) || head.startsWith('\x89PNG') || head.startsWith('GIF8')) return 'image';
  if (ext === 'pdf' || ext === 'docx' || ext === 'doc') return ext;
  return 'txt';
}

async function parseBuffer(buf: Uint8Array, fileName: string, options: TParseOptions): Promise<TParsedDocument> {
  if (!buf || buf.length === 0) throw new ImporterError('empty', `Tệp "${basename(fileName)}" rỗng, không có nội dung để đọc.`);
  const kind = sniff(buf, fileName);
  switch (kind) {
    case 'pdf': {
      if (!Buffer.from(buf.subarray(0, 5)).toString('latin1').startsWith('%PDF')) {
        throw new ImporterError('corrupt', 'Tệp có đuôi .pdf nhưng không phải tệp PDF.');
      }
      const r = await readPdf(buf);
      return buildResult(r.text, 'pdf', null, r.warnings);
    }
    case 'docx': {
      if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw new ImporterError('corrupt', 'Tệp có đuôi .docx nhưng không phải tệp Word (.docx).');
      const r = await readDocx(buf);
      return buildResult(r.text, 'docx', null, r.warnings);
    }
    case 'doc':
    case 'rtf':
    case 'odt': {
      if (kind === 'doc' && !(buf[0] === 0xd0 && buf[1] === 0xcf)) throw new ImporterError('corrupt', 'Tệp có đuôi .doc nhưng không phải tệp Word 97-2003.');
      const r = await readDoc(buf, kind, options.timeoutMs);
      return buildResult(r.text, 'doc', null, r.warnings);
    }
    case 'zip':
      throw new ImporterError('unsupported', 'Tệp nén (.zip) chưa được hỗ trợ; hãy giải nén rồi chọn từng văn bản.');
    case 'image':
      throw new ImporterError('unsupported', 'Tệp ảnh chưa được hỗ trợ; chưa có nhận dạng ký tự (OCR).');
    default: {
      const d = decodeTextBytes(buf);
      return buildResult(d.text, 'txt', d.encoding, d.warnings);
    }
  }
}

/**
 * Parse a document from its bytes. The file name's extension helps choose the reader; the content decides.
 * Throws ImporterError (Vietnamese message) for an empty, binary, broken or scanned file.
 */
export async function parseDocumentBuffer(buf: Uint8Array, fileName: string, options: TParseOptions = {}): Promise<TParsedDocument> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImporterError('timeout', `Đọc tệp "${basename(fileName)}" quá ${Math.round(timeoutMs / 1000)} giây, đã dừng.`)), timeoutMs);
  });
  try {
    return await Promise.race([parseBuffer(buf, fileName, { ...options, timeoutMs }), timeout]);
  } catch (e) {
    if (e instanceof ImporterError) throw e;
    throw new ImporterError('corrupt', `Không đọc được tệp "${basename(fileName)}": ${(e as Error).message ?? String(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** Parse a document file from disk. */
export async function parseDocumentFile(path: string, options: TParseOptions = {}): Promise<TParsedDocument> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    throw new ImporterError('not_found', `Không mở được tệp "${path}" (không tồn tại hoặc không có quyền đọc).`);
  }
  return parseDocumentBuffer(new Uint8Array(buf), basename(path), options);
}
