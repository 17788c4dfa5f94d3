// DOCX → PDF with LibreOffice headless. Each call gets its own profile directory
// (-env:UserInstallation) so parallel conversions do not fight over one profile lock.
// Times New Roman is not shipped on Linux: LibreOffice substitutes Liberation Serif (fonts-liberation2),
// which is metric-compatible, so line and page breaks match Word.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class PdfConversionError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PdfConversionError';
  }
}

export type TPdfOptions = {
  /** Path or name of the soffice binary (default: env THIDUA_SOFFICE or "soffice"). */
  soffice?: string;
  /** Kill the conversion after this many ms (default 120 000). */
  timeoutMs?: number;
};

function sofficeBinary(opts?: TPdfOptions): string {
  return opts?.soffice ?? process.env.THIDUA_SOFFICE ?? 'soffice';
}

function run(bin: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout: String(stdout), stderr: String(stderr) }));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

let availability: Promise<boolean> | undefined;

/** true when `soffice --version` runs. Cached per process for the default binary. */
export function isLibreOfficeAvailable(opts?: TPdfOptions): Promise<boolean> {
  const check = () =>
    run(sofficeBinary(opts), ['--version'], 30_000).then(
      (r) => /LibreOffice/i.test(r.stdout),
      () => false,
    );
  if (opts?.soffice) return check();
  availability ??= check();
  return availability;
}

/**
 * Convert several DOCX files in ONE LibreOffice start (start-up dominates the cost of small files).
 * Returns the PDFs in the same order.
 */
export async function convertDocxBatchToPdf(docxs: (Buffer | Uint8Array)[], opts?: TPdfOptions): Promise<Buffer[]> {
  if (!docxs.length) return [];
  const bin = sofficeBinary(opts);
  const work = await mkdtemp(join(tmpdir(), 'thidua-pdf-'));
  try {
    const names = docxs.map((_, i) => `doc-${String(i).padStart(5, '0')}`);
    await Promise.all(docxs.map((d, i) => writeFile(join(work, `${names[i]}.docx`), d)));
    const profile = pathToFileURL(join(work, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      join(work, 'out'),
      ...names.map((n) => join(work, `${n}.docx`)),
    ];
    try {
      await run(bin, args, opts?.timeoutMs ?? 120_000);
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { killed?: boolean; stderr?: string; signal?: string };
      if (err.code === 'ENOENT') {
        throw new PdfConversionError(
          `Không tìm thấy LibreOffice ("${bin}"). Cài gói libreoffice-writer-nogui (Debian) hoặc đặt biến THIDUA_SOFFICE trỏ tới soffice.`,
        );
      }
      if (err.killed || err.signal === 'SIGKILL') {
        throw new PdfConversionError(`LibreOffice chuyển sang PDF quá thời gian cho phép (${opts?.timeoutMs ?? 120_000} ms).`);
      }
      throw new PdfConversionError('LibreOffice không chuyển được tệp sang PDF.', err.stderr ?? String(e));
    }
    return await Promise.all(
      names.map(async (n) => {
        try {
          return await readFile(join(work, 'out', `${n}.pdf`));
        } catch {
          throw new PdfConversionError('LibreOffice không tạo ra tệp PDF (tệp DOCX có thể bị hỏng).');
        }
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Convert one DOCX to PDF. */
export async function convertDocxToPdf(docx: Buffer | Uint8Array, opts?: TPdfOptions): Promise<Buffer> {
  const [pdf] = await convertDocxBatchToPdf([docx], opts);
  return pdf;
}
