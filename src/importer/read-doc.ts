// .doc (and .rtf, .odt) → .docx with LibreOffice headless, then the .docx reader. Each conversion uses a private
// LibreOffice profile in a temporary directory (so it never clashes with a running LibreOffice) and a time limit.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImporterError } from './errors';
import { readDocx, type TDocxText } from './read-docx';

/** Path of the LibreOffice binary (env THIDUA_SOFFICE, else `soffice`/`libreoffice` on PATH), or null. */
export function findSoffice(): string | null {
  const fromEnv = process.env.THIDUA_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) {
        const killed = (err as NodeJS.ErrnoException & { killed?: boolean }).killed;
        reject(killed ? new ImporterError('timeout', `LibreOffice chuyển đổi quá ${Math.round(timeoutMs / 1000)} giây, đã dừng.`) : new Error(String(stderr || err.message)));
      } else resolve();
    });
  });
}

/** Convert a file's bytes to another format with LibreOffice; returns the converted bytes. */
export async function convertWithSoffice(
  buf: Uint8Array,
  inputExt: string,
  target: 'docx' | 'pdf' | 'doc' | 'odt',
  timeoutMs = 90_000,
): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new ImporterError('no_converter', 'Không tìm thấy LibreOffice (soffice) để chuyển tệp .doc; hãy cài LibreOffice hoặc lưu tệp thành .docx.');
  }
  const dir = await mkdtemp(join(tmpdir(), 'thidua-soffice-'));
  try {
    const input = join(dir, `input.${inputExt}`);
    const outDir = join(dir, 'out');
    await writeFile(input, buf);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(
      soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', target, '--outdir', outDir, input],
      timeoutMs,
    );
    const produced = existsSync(outDir) ? (await readdir(outDir)).filter((f) => f.endsWith(`.${target}`)) : [];
    if (!produced.length) throw new ImporterError('corrupt', `LibreOffice không chuyển được tệp .${inputExt} (tệp hỏng hoặc không đúng định dạng).`);
    return new Uint8Array(await readFile(join(outDir, produced[0])));
  } catch (e) {
    if (e instanceof ImporterError) throw e;
    throw new ImporterError('corrupt', `LibreOffice không chuyển được tệp .${inputExt}: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Read a legacy Word .doc (or .rtf/.odt) file through LibreOffice. */
export async function readDoc(buf: Uint8Array, ext = 'doc', timeoutMs?: number): Promise<TDocxText> {
  const docx = await convertWithSoffice(buf, ext, 'docx', timeoutMs);
  const result = await readDocx(docx);
  return { text: result.text, warnings: [...result.warnings] };
}
