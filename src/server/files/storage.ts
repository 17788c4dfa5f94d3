// Content-addressed file store: bytes live under <dataDir>/files/ab/cd/<sha256>, never under a served
// folder, never under the client's file name. Types are sniffed from the bytes, not trusted from the client.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { AppError } from '../errors';

export type TSniffed = { mime: string; ext: string; label: string };

const ALLOWED: Record<string, TSniffed> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', ext: 'png', label: 'ảnh PNG' },
  jpg: { mime: 'image/jpeg', ext: 'jpg', label: 'ảnh JPEG' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', label: 'Word (.docx)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', label: 'Excel (.xlsx)' },
  doc: { mime: 'application/msword', ext: 'doc', label: 'Word 97–2003 (.doc)' },
  txt: { mime: 'text/plain; charset=utf-8', ext: 'txt', label: 'văn bản (.txt)' },
};

/** Identifies a file by its first bytes (and, for Office Open XML, by its parts). */
export async function sniffType(bytes: Uint8Array): Promise<TSniffed | null> {
  const b = bytes;
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return ALLOWED.pdf;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return ALLOWED.png;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return ALLOWED.jpg;
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return ALLOWED.doc;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    try {
      const zip = await JSZip.loadAsync(b);
      if (zip.file('word/document.xml')) return ALLOWED.docx;
      if (zip.file('xl/workbook.xml')) return ALLOWED.xlsx;
    } catch {
      return null;
    }
    return null;
  }
  // Plain text: valid UTF-8 without control bytes other than tab/newline.
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 64 * 1024));
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(text)) return ALLOWED.txt;
  } catch {
    return null;
  }
  return null;
}

export class FileStorage {
  constructor(readonly root: string, readonly maxBytes: number) {}

  pathOf(sha256: string): string {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new AppError('VALIDATION', 'Mã tệp không hợp lệ');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores bytes once per content; returns the hash and sniffed type. Rejects oversize or unknown types. */
  async put(bytes: Uint8Array, allowed?: string[]): Promise<{ sha256: string; size: number; type: TSniffed }> {
    if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng');
    if (bytes.length > this.maxBytes) {
      const limit = this.maxBytes >= 1024 * 1024 ? `${Math.round(this.maxBytes / 1024 / 1024)} MB` : `${Math.round(this.maxBytes / 1024)} KB`;
      throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn: tối đa ${limit}`);
    }
    const type = await sniffType(bytes);
    if (!type || (allowed && !allowed.includes(type.ext))) {
      const want = (allowed ?? Object.keys(ALLOWED)).map((k) => ALLOWED[k]?.label ?? k).join(', ');
      throw new AppError('UNSUPPORTED_TYPE', `Loại tệp không được chấp nhận. Chỉ nhận: ${want}`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    try {
      await fs.access(target);
    } catch {
      await fs.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.rename(tmp, target);
    }
    return { sha256, size: bytes.length, type };
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}
