// Backups. SQLite: an online, consistent copy while the server runs; restore swaps the file in (server
// stopped). PostgreSQL: pg_dump / pg_restore, as docs say — they are the right tools for it.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { loadConfig } from '../../server/config';
import { backupSqlite, openSqlite } from '../../server/db/sqlite';

function sqliteFile(config: ReturnType<typeof loadConfig>): string {
  return config.DATABASE_URL.startsWith('sqlite:') ? path.resolve(config.DATABASE_URL.slice(7)) : path.join(config.dataDir, 'thidua.sqlite');
}

export async function runBackupCommand(args: string[]): Promise<number> {
  const target = args[0];
  if (!target) { console.error('Cách dùng: thidua backup <tệp>'); return 1; }
  const config = loadConfig();
  if (config.dbKind === 'postgres') {
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.DATABASE_URL], { stdio: 'inherit' });
    console.log(`Đã sao lưu PostgreSQL vào ${target} (pg_dump, định dạng custom)`);
    return 0;
  }
  const file = sqliteFile(config);
  if (!fs.existsSync(file)) { console.error(`Không có cơ sở dữ liệu ${file}`); return 1; }
  await backupSqlite(file, target);
  const check = openSqlite(target);
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  console.log(`Đã sao lưu vào ${target} (${(fs.statSync(target).size / 1024 / 1024).toFixed(1)} MB, kiểm tra toàn vẹn: ${ok})`);
  return ok === 'ok' ? 0 : 3;
}

export async function runRestoreCommand(args: string[]): Promise<number> {
  const source = args[0];
  if (!source || !fs.existsSync(source)) { console.error('Cách dùng: thidua restore <tệp sao lưu>'); return 1; }
  const config = loadConfig();
  if (config.dbKind === 'postgres') {
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.DATABASE_URL}`, source], { stdio: 'inherit' });
    // pg_restore brings the rows but not the planner's statistics nor the visibility map: until autovacuum
    // came by, every query was planned blind (on the national set: the awards of 500 people by a parallel
    // scan of 14,7 million rows, a province's eligibility taking minutes instead of 2 s).
    const client = new pg.Client({ connectionString: config.DATABASE_URL });
    await client.connect();
    try {
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end();
    }
    console.log('Đã khôi phục PostgreSQL (pg_restore) và cập nhật thống kê cho bộ lập kế hoạch truy vấn (VACUUM ANALYZE)');
    return 0;
  }
  const check = openSqlite(source);
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') { console.error('Tệp sao lưu bị hỏng, không khôi phục'); return 3; }
  const file = sqliteFile(config);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.before-restore-${Date.now()}`);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.rmSync(file + ext);
  fs.copyFileSync(source, file);
  console.log(`Đã khôi phục ${file} từ ${source} (bản cũ được giữ với đuôi .before-restore-…)`);
  return 0;
}
