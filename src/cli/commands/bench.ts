// `thidua bench [--url http://127.0.0.1:3000] [--user U --password P] [--pid N] [--iterations N]
//  [--province 42] [--no-raw] [--json]`: times fixed scenarios against a running server on this
// machine. The raw-SQL floor reads the database named by DATABASE_URL / THIDUA_DATA_DIR (the same
// environment as the server's).
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { formatBenchTable, runBench, type TBenchOptions } from '../../server/scale/bench';
import { flag } from '../main';

export async function runBenchCommand(args: string[]): Promise<number> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const url = flag(args, '--url') ?? `http://127.0.0.1:${config.PORT}`;
  const user = flag(args, '--user') ?? 'admin';
  const password = flag(args, '--password') ?? (user === 'admin' ? config.THIDUA_ADMIN_PASSWORD : config.THIDUA_DEMO_PASSWORD);
  if (!password) {
    console.error('Cần mật khẩu: --password, hoặc THIDUA_ADMIN_PASSWORD (admin) / THIDUA_DEMO_PASSWORD');
    return 1;
  }
  let raw: TBenchOptions['raw'] = null;
  if (!args.includes('--no-raw')) {
    if (config.dbKind === 'postgres') raw = { kind: 'postgres', url: config.DATABASE_URL };
    else {
      const file = config.DATABASE_URL.startsWith('sqlite:') ? path.resolve(config.DATABASE_URL.slice(7)) : path.join(config.dataDir, 'thidua.sqlite');
      if (fs.existsSync(file)) raw = { kind: 'sqlite', file };
    }
  }
  const pidText = flag(args, '--pid');
  const json = args.includes('--json');
  const result = await runBench({
    url, user, password, raw, pid: pidText ? Number(pidText) : undefined, iterations: flag(args, '--iterations') ? Number(flag(args, '--iterations')) : undefined,
    province: flag(args, '--province'), log: json ? undefined : (l) => console.error(l),
    schoolYear: flag(args, '--school-year') ? Number(flag(args, '--school-year')) : undefined,
    parseFile: flag(args, '--parse-file') ?? path.resolve('test/fixtures/documents/seed-ke-hoach-mn-hoa-sen.txt'),
    skip: flag(args, '--skip')?.split(','),
  });
  console.log(json ? JSON.stringify(result, null, 2) : formatBenchTable(result));
  return 0;
}
