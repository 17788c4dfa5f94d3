// `thidua import units|people <file.xlsx> --as <user> [--dry-run]`: the same import as the web, with progress.
import fs from 'node:fs';
import { runImport } from '../../server/imports/run-import';
import { actorContext, openForCli } from './context';
import { flag } from '../main';

export async function runImportCommand(args: string[]): Promise<number> {
  const [kind, file] = args;
  if ((kind !== 'units' && kind !== 'people') || !file) { console.error('Cách dùng: thidua import units|people <tệp.xlsx> --as <tên đăng nhập> [--dry-run]'); return 1; }
  const as = flag(args, '--as') ?? 'admin';
  const dryRun = args.includes('--dry-run');
  const deps = await openForCli();
  try {
    const ctx = await actorContext(deps, as);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const report = await runImport(ctx, kind, bytes, dryRun, async (p, m) => { process.stderr.write(`\r[${'#'.repeat(Math.round(p / 5)).padEnd(20)}] ${p}% ${m ?? ''}`.padEnd(80)); });
    process.stderr.write('\n');
    console.log(report.message);
    for (const e of report.errors.slice(0, 200)) console.log(`  Dòng ${e.row}, cột "${e.column}": ${e.message}`);
    if (report.errors.length > 200) console.log(`  … và ${report.errors.length - 200} lỗi khác`);
    return report.errors.length ? 2 : 0;
  } finally {
    await deps.database.close();
  }
}
