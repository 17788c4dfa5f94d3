// Starts the HTTP server: config → database (migrated) → first-boot data → web app → worker → listen.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { loadConfig, type TConfig } from './config';
import { bootstrap } from './bootstrap';
import { createApp } from './app';
import { ensureInitialData } from './setup';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(log: (m: string) => void): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'src/web')), newestMtime(path.join(ROOT, 'src/shared')), fs.existsSync(path.join(ROOT, 'vite.config.ts')) ? fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs : 0);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  if (!fs.existsSync(path.join(ROOT, 'src/web/index.html'))) return;
  log('Đang dựng giao diện web (lần đầu hoặc sau khi mã nguồn thay đổi)…');
  // Build into a private folder, then swap it in, so that servers starting together never serve a half-built app.
  const vite = await import('vite');
  const tmp = `${WEB_DIST}.build-${process.pid}-${Date.now()}`;
  await vite.build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  const old = `${WEB_DIST}.old-${process.pid}-${Date.now()}`;
  if (fs.existsSync(WEB_DIST)) fs.renameSync(WEB_DIST, old);
  fs.renameSync(tmp, WEB_DIST);
  fs.rmSync(old, { recursive: true, force: true });
}

export async function startServer(config: TConfig = loadConfig(), opts: { quiet?: boolean; buildWeb?: boolean } = {}) {
  const started = Date.now();
  const say = (m: string) => { if (!opts.quiet) console.log(m); };
  const { deps, worker } = await bootstrap(config);
  const setup = await ensureInitialData(deps.database, config);
  if (opts.buildWeb !== false) await ensureWebBuilt(say);
  const app = createApp(deps, { webDir: WEB_DIST });
  if (config.THIDUA_WORKER === '1') worker.start();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  say(`\nthidua đang chạy tại ${url}  (cơ sở dữ liệu: ${deps.database.kind}, khởi động ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (setup.adminCreated) {
    say(setup.adminPassword
      ? `Tài khoản quản trị: admin / ${setup.adminPassword}  (chỉ hiển thị lần này; đổi mật khẩu sau khi đăng nhập)`
      : 'Tài khoản quản trị: admin / (mật khẩu trong THIDUA_ADMIN_PASSWORD)');
  }
  const demoFile = path.join(config.dataDir, 'demo-accounts.txt');
  const demoSeeded = await deps.database.db.selectFrom('settings').select('value').where('key', '=', 'demo.seeded').executeTakeFirst();
  if (demoSeeded) {
    if (setup.demo) say(`Đã nạp dữ liệu mẫu: ${setup.demo.units} đơn vị, ${setup.demo.people} cán bộ (tỉnh Hà Tĩnh).`);
    say('Tài khoản mẫu: so.tdkt (cán bộ TĐKT Sở), so.giamdoc, xa.vhxh (xã), pdp.tdkt, pdp.hieutruong, pdp.hoidong (trường THPT Phan Đình Phùng), gv.lan (giáo viên)');
    say(config.THIDUA_DEMO_PASSWORD ? 'Mật khẩu tài khoản mẫu: giá trị THIDUA_DEMO_PASSWORD' : `Mật khẩu tài khoản mẫu: xem tệp ${demoFile}${setup.demo ? ` (${setup.demo.demoPassword})` : ''}`);
  }
  const close = async () => {
    await worker.stop();
    await new Promise<void>((r) => server.close(() => r()));
    await deps.database.close();
  };
  return { url, port, close, deps };
}
