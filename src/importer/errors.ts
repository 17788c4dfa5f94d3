// The one error type the importer throws: a code for programs and a Vietnamese message for people.

export type TImporterErrorCode =
  | 'empty'
  | 'binary'
  | 'unsupported'
  | 'corrupt'
  | 'scanned_pdf'
  | 'no_converter'
  | 'timeout'
  | 'not_found';

export class ImporterError extends Error {
  readonly code: TImporterErrorCode;

  constructor(code: TImporterErrorCode, message: string) {
    super(message);
    this.name = 'ImporterError';
    this.code = code;
  }
}

export const SCANNED_PDF_MESSAGE =
  'Tệp PDF là bản quét, chưa có lớp văn bản; chưa hỗ trợ nhận dạng ký tự (OCR).';
