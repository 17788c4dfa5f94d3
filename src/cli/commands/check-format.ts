// `thidua check-format <file.docx> [--json]`: every departure from the NĐ 30/2020 format (page size,
// margins, fonts and sizes, header parts, number and date lines, signer block, Nơi nhận).
// Exit code 0 when the file is clean, 1 when there are issues, 2 when the file cannot be read.
import fs from 'node:fs';
import { checkNd30Docx, formatIssues } from '../../documents';

export const CHECK_FORMAT_USAGE = 'Cách dùng: thidua check-format <tệp.docx> [--json]';

export async function runCheckFormatCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(CHECK_FORMAT_USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    console.error(`Không đọc được tệp: ${file}`);
    return 2;
  }
  const issues = await checkNd30Docx(bytes);
  if (json) {
    console.log(JSON.stringify({ file, ok: issues.length === 0, issues }, null, 2));
  } else {
    const errors = issues.filter((i) => i.severity === 'error').length;
    const warnings = issues.length - errors;
    console.log(issues.length ? `${file}: ${errors} lỗi, ${warnings} lưu ý về thể thức` : `${file}: đúng thể thức`);
    console.log(formatIssues(issues));
  }
  return issues.length ? 1 : 0;
}
