// `thidua generate-data --scale school|province|national --seed N [--province 42] [--force]
//  [--password P] [--teacher-accounts N] [--json]`: synthetic data into the configured database.
import fs from 'node:fs';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';
import { generateData } from '../../server/scale/generate';
import { stderrProgress, formatDuration } from '../../server/scale/progress';
import type { TScale } from '../../server/scale/plan';
import { flag } from '../main';

const USAGE = 'Cách dùng: thidua generate-data --scale school|province|national --seed <số> [--province <mã tỉnh, mặc định 42>] [--force] [--password <mật khẩu các tài khoản sinh ra>] [--teacher-accounts <số mỗi tỉnh>] [--json]';
const nf = new Intl.NumberFormat('vi-VN');

export async function runGenerateDataCommand(args: string[]): Promise<number> {
  const scale = flag(args, '--scale') as TScale | undefined;
  const seedText = flag(args, '--seed') ?? '1';
  if (!scale || !['school', 'province', 'national'].includes(scale) || !/^\d+$/.test(seedText)) {
    console.error(USAGE);
    return 1;
  }
  const teacherText = flag(args, '--teacher-accounts');
  if (teacherText !== undefined && !/^\d+$/.test(teacherText)) { console.error(USAGE); return 1; }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
  try {
    await migrateToLatest(database);
    const res = await generateData({
      database, databaseUrl: config.DATABASE_URL, scale, seed: Number(seedText), province: flag(args, '--province'), force: args.includes('--force'),
      password: flag(args, '--password') ?? process.env.THIDUA_DEMO_PASSWORD ?? null, adminPassword: config.THIDUA_ADMIN_PASSWORD ?? null,
      teacherAccounts: teacherText === undefined ? undefined : Number(teacherText),
      onProgress: args.includes('--quiet') ? undefined : stderrProgress(),
    });
    if (args.includes('--json')) {
      console.log(JSON.stringify({ ...res, password: undefined, adminPassword: undefined, database: database.kind }, null, 2));
    } else {
      console.log(`Đã sinh dữ liệu (${database.kind}, quy mô ${scale}, seed ${res.seed}) trong ${formatDuration(res.seconds)}: ${nf.format(res.rows)} dòng, ${nf.format(Math.round(res.rows / res.seconds))} dòng/s.`);
      console.log(`  ${res.plan.provinces} tỉnh, ${res.plan.communes} xã, ${nf.format(res.plan.institutions)} cơ sở giáo dục (${Object.entries(res.plan.byKind).map(([k, n]) => `${k} ${nf.format(n)}`).join(', ')})`);
      for (const [table, n] of Object.entries(res.counts)) console.log(`  ${table.padEnd(20)} ${nf.format(n).padStart(12)}`);
      const sample = res.accounts.slice(0, 3).map((a) => a.username).join(', ');
      console.log(`Tài khoản: ${res.accounts.length} (ví dụ ${sample}…: so<mã tỉnh>.admin, so<mã tỉnh>.tdkt, gv<mã tỉnh>.<số> theo nhóm 5 giáo viên một trường, vp<mã tỉnh>.<nhóm> cán bộ TĐKT của trường)`);
      console.log(flag(args, '--password') || process.env.THIDUA_DEMO_PASSWORD ? 'Mật khẩu các tài khoản: giá trị đã cho' : `Mật khẩu chung của các tài khoản sinh ra: ${res.password}  (chỉ hiển thị lần này)`);
      if (res.adminPassword) console.log(config.THIDUA_ADMIN_PASSWORD ? 'Tài khoản admin (Bộ): mật khẩu trong THIDUA_ADMIN_PASSWORD' : `Tài khoản admin (Bộ): admin / ${res.adminPassword}  (chỉ hiển thị lần này)`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
