// Bytes of generated documents: stored in the content-addressed FileStorage (same folder as uploads,
// without the upload size limit, since these are our own output), and PDF conversion through
// LibreOffice, one conversion at a time per process (each one is CPU-heavy).
import { convertDocxBatchToPdf, isLibreOfficeAvailable, PdfConversionError } from '../../documents';
import type { Db, Tx } from '../db/database';
import type { Context } from 'hono';
import { AppError } from '../errors';
import { fileResponse, MIME, ZErrorResponse, type AppEnv } from '../http';
import { nowIso } from '../ids';
import { FileStorage } from '../files/storage';
import { recordFile } from './documents.repository';

const GENERATED_MAX_BYTES = 1024 * 1024 * 1024;
const byRoot = new Map<string, FileStorage>();

/** The same store as `storage`, for files the server produced itself (no upload size limit). */
export function generatedStorage(storage: FileStorage): FileStorage {
  let s = byRoot.get(storage.root);
  if (!s) byRoot.set(storage.root, (s = new FileStorage(storage.root, GENERATED_MAX_BYTES)));
  return s;
}

/** Stores bytes and records them in `files`; returns the sha256. */
export async function storeFile(db: Db | Tx, storage: FileStorage, bytes: Uint8Array, allowed: string[]): Promise<string> {
  const stored = await storage.put(bytes, allowed);
  await recordFile(db, { sha256: stored.sha256, size: stored.size, mime: stored.type.mime, created_at: nowIso() });
  return stored.sha256;
}

/** Thrown when no LibreOffice is installed: the route answers 503 with this message. */
export class ConverterUnavailableError extends Error {
  constructor() {
    super('Máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF. Hãy tải tệp Word (.docx), hoặc đề nghị quản trị cài gói libreoffice-writer-nogui.');
    this.name = 'ConverterUnavailableError';
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** DOCX → PDF, serialised in this process. */
export async function convertToPdf(docxs: Buffer[], timeoutMs = 600_000): Promise<Buffer[]> {
  if (!(await isLibreOfficeAvailable())) throw new ConverterUnavailableError();
  const run = queue.then(() => convertDocxBatchToPdf(docxs, { timeoutMs }));
  queue = run.catch(() => undefined);
  try {
    return await run;
  } catch (e) {
    if (e instanceof PdfConversionError) throw new AppError('INVALID_STATE', e.message);
    throw e;
  }
}

/** The OpenAPI answer of a PDF route when no LibreOffice is installed. */
export const converterUnavailable = { 503: { description: 'Máy chủ chưa cài LibreOffice', content: { 'application/json': { schema: ZErrorResponse } } } } as const;

/**
 * A PDF download made by LibreOffice: 503 CONVERTER_UNAVAILABLE with the Vietnamese message when the
 * server has none (the web then offers the Word file).
 */
export async function pdfDownload(c: Context<AppEnv>, load: () => Promise<{ bytes: Uint8Array; fileName: string }>, inline = true): Promise<Response> {
  try {
    const f = await load();
    return fileResponse(f.bytes, MIME.pdf, f.fileName, inline);
  } catch (e) {
    if (e instanceof ConverterUnavailableError) return c.json({ error: { code: 'CONVERTER_UNAVAILABLE', message: e.message } }, 503);
    throw e;
  }
}
