// `thidua <command>`: start, migrate, seed-demo, user, import, audit verify, backup, restore, parse,
// render, check-format.
import fs from 'node:fs';
import { loadConfig } from '../server/config';

const HELP = `thidua — thi đua, khen thưởng ngành giáo dục

Cách dùng: thidua <lệnh> [tham số]

  start                              chạy máy chủ web (mặc định cổng 3000)
  migrate                            cập nhật cấu trúc cơ sở dữ liệu
  seed-demo                          nạp dữ liệu mẫu (chỉ khi cơ sở dữ liệu còn trống)
  user create <tên> --unit <mã> --role <vai trò> [--name "Họ tên"] [--person <id>]
                                     tạo tài khoản; vai trò: admin, officer, head, council, individual
  user reset-password <tên>          đặt lại mật khẩu (in mật khẩu tạm một lần)
  import units|people <tệp.xlsx> --as <tên đăng nhập> [--dry-run]
                                     nhập Excel với quyền của tài khoản đó
  audit verify                       kiểm tra chuỗi băm của nhật ký thay đổi
  backup <tệp>                       sao lưu (SQLite: sao lưu trực tuyến; PostgreSQL: dùng pg_dump)
  restore <tệp>                      khôi phục từ bản sao lưu (máy chủ phải đang dừng)
  parse <tệp> [--json]               đọc một văn bản (txt, docx, doc, pdf) thành dữ liệu có cấu trúc
  rules check <tình-huống.json> [--json]
                                     kiểm tra điều kiện một danh hiệu và tiền thưởng (bộ quy tắc kèm theo, không cần CSDL)
  generate-data --scale school|province|national --seed <số> [--province 42] [--force]
                                     sinh dữ liệu tổng hợp (cây đơn vị 2025, cán bộ, lịch sử) để thử tải
  bench [--url http://127.0.0.1:3000] [--user admin --password …] [--pid <pid máy chủ>] [--json]
                                     đo thời gian các thao tác chính (p50/p95/max) và so với SQL thuần
  render <loại> <dữ-liệu.json> -o <tệp.docx|tệp.pdf>
                                     dựng văn bản theo thể thức NĐ 30 (loại: ke-hoach, to-trinh, bien-ban,
                                     bao-cao-thanh-tich-ca-nhan|tap-the|chuyen-de, quyet-dinh, bao-cao,
                                     thong-bao, cong-van, giay-khen); --schema <loại> in lược đồ đầu vào
  check-format <tệp.docx> [--json]   kiểm tra thể thức NĐ 30/2020 (mã thoát 0: đúng, 1: có lỗi)

Cấu hình qua biến môi trường: PORT, DATABASE_URL, THIDUA_DATA_DIR, THIDUA_ADMIN_PASSWORD (xem README).`;

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'start': {
        const { startServer } = await import('../server/main');
        const srv = await startServer();
        // Once: a Ctrl-C reaches both `thidua start` processes (bin/thidua.mjs passes signals on too).
        let stopping = false;
        const stop = async () => { if (stopping) return; stopping = true; await srv.close(); process.exit(0); };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        await new Promise(() => undefined);
        return 0;
      }
      case 'migrate': {
        const { openDatabase } = await import('../server/db/database');
        const { migrateToLatest } = await import('../server/db/migrate');
        const config = loadConfig();
        fs.mkdirSync(config.dataDir, { recursive: true });
        const database = openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir });
        const applied = await migrateToLatest(database);
        console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất');
        await database.close();
        return 0;
      }
      case 'seed-demo': {
        const { bootstrap } = await import('../server/bootstrap');
        const { ensureInitialData } = await import('../server/setup');
        const config = { ...loadConfig(), THIDUA_DEMO: '1' as const };
        const { deps } = await bootstrap(config);
        const res = await ensureInitialData(deps.database, config);
        console.log(res.demo ? `Đã nạp ${res.demo.units} đơn vị, ${res.demo.people} cán bộ. Mật khẩu tài khoản mẫu: ${res.demo.demoPassword}` : 'Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.');
        if (res.adminPassword) console.log(`Tài khoản quản trị: admin / ${res.adminPassword}`);
        await deps.database.close();
        return 0;
      }
      case 'user': return (await import('./commands/user')).runUserCommand(args);
      case 'import': return (await import('./commands/import')).runImportCommand(args);
      case 'audit': return (await import('./commands/audit')).runAuditCommand(args);
      case 'backup': return (await import('./commands/backup')).runBackupCommand(args);
      case 'restore': return (await import('./commands/backup')).runRestoreCommand(args);
      case 'render': return (await import('./commands/render')).runRenderCommand(args);
      case 'check-format': return (await import('./commands/check-format')).runCheckFormatCommand(args);
      case 'generate-data': return (await import('./commands/generate-data')).runGenerateDataCommand(args);
      case 'bench': return (await import('./commands/bench')).runBenchCommand(args);
      case 'parse': return (await import('./commands/parse')).runParseCommand(args);
      case 'rules': return (await import('./commands/rules')).runRulesCommand(args);
      case undefined: case 'help': case '--help': case '-h':
        console.log(HELP);
        return cmd ? 0 : 1;
      default:
        console.error(`Không có lệnh "${cmd}".\n\n${HELP}`);
        return 1;
    }
  } catch (e) {
    console.error(`Lỗi: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
