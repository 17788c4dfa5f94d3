// The background job behind "read several files at once": each stored upload is read in turn,
// progress reported after each; one bad file gives its own error line and does not stop the others.
import type { TParsedDocument } from '../../importer/schema';
import { PermanentJobError, type TJobHelpers } from '../jobs/worker';
import { ReaderFailure, readUploadedDocument } from './read-upload';

export const READER_JOB = 'reader.batch';
export const MAX_READER_BATCH = 50;

export type TReaderJobPayload = { userId: string; files: { sha256: string; fileName: string }[] };
export type TReaderJobItem =
  | { fileName: string; ok: true; parsed: TParsedDocument }
  | { fileName: string; ok: false; status: number; code: string; message: string };
export type TReaderJobResult = { total: number; read: number; failed: number; items: TReaderJobItem[] };

export async function runReaderJob(payload: TReaderJobPayload, h: TJobHelpers): Promise<TReaderJobResult> {
  const user = await h.database.db.selectFrom('users').select(['id', 'is_active']).where('id', '=', payload.userId).executeTakeFirst();
  if (!user || user.is_active !== 1) throw new PermanentJobError('Tài khoản yêu cầu đọc văn bản không còn hoạt động');
  const items: TReaderJobItem[] = [];
  const n = payload.files.length;
  for (let i = 0; i < n; i++) {
    const f = payload.files[i];
    await h.progress((i / n) * 100, `Đang đọc ${i + 1}/${n}: ${f.fileName}`);
    try {
      const bytes = await h.storage.get(f.sha256);
      items.push({ fileName: f.fileName, ok: true, parsed: await readUploadedDocument(new Uint8Array(bytes), f.fileName, Number.MAX_SAFE_INTEGER) });
    } catch (e) {
      if (e instanceof ReaderFailure) items.push({ fileName: f.fileName, ok: false, status: e.status, code: e.code, message: e.message });
      else items.push({ fileName: f.fileName, ok: false, status: 500, code: 'INTERNAL', message: `Không đọc được tệp "${f.fileName}": ${(e as Error).message}` });
    }
  }
  const read = items.filter((x) => x.ok).length;
  await h.progress(100, `Đã đọc ${read}/${n} tệp`);
  return { total: n, read, failed: n - read, items };
}
