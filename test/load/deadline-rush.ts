// Load test "deadline rush": N concurrent users (default 200) log in at once, then each reads and
// writes what exists today — their own record (GET, PATCH phone), the people list; one in ten is the
// Sở's TĐKT officer searching people in the province — until a request count or a time limit is hit.
// Loopback only, bounded, self-terminating. Prints errors and p50/p95/max per action; exit code 1 when
// any request failed.
//
//   npx tsx test/load/deadline-rush.ts [--url http://127.0.0.1:3000] [--users 200] [--seconds 30]
//     [--pid <server pid>] [--requests 25] [--think-ms 1000] [--ramp-seconds 10] [--officer-every 10] [--provinces 42[,01,…]] [--password demo-pass-123] [--json]
//
// Accounts come from `thidua generate-data` (gv<province>.<nnnn> teachers, so<province>.tdkt); user i
// belongs to province i mod (number of provinces) — national data has 10 teacher accounts per province.
import fs from 'node:fs';
import os from 'node:os';
import { ApiClient, assertLoopback, rssMb, summarizeMs } from '../../src/server/scale/http-client';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const url = arg('--url', 'http://127.0.0.1:3000');
assertLoopback(url);
const users = Math.min(1000, Number(arg('--users', '200')));
const seconds = Math.min(600, Number(arg('--seconds', '30')));
const requestsPerUser = Math.min(1000, Number(arg('--requests', '25')));
const provinces = arg('--provinces', arg('--province', '42')).split(',').map((p) => p.trim()).filter(Boolean);
const password = arg('--password', process.env.THIDUA_DEMO_PASSWORD ?? 'demo-pass-123');
const json = process.argv.includes('--json');
/** The server's process id on this machine: its CPU time and peak memory during the run are reported. */
const pid = Number(arg('--pid', '0')) || 0;

function cpuSeconds(p: number): number | null {
  try {
    const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}
/** Every n-th user is the Sở's TĐKT officer searching the province (0: none). */
const officerEvery = Math.max(0, Number(arg('--officer-every', '10')));
/** Pause between one user's requests (uniform 0.5–1.5 × this); 0 = back-to-back (a stress test). */
const thinkMs = Math.max(0, Number(arg('--think-ms', '1000')));
/** Logins spread over this many seconds (a burst of 200 argon2id checks otherwise swamps two cores). */
const rampSeconds = Math.max(0, Math.min(120, Number(arg('--ramp-seconds', '10'))));
const think = () => (thinkMs ? new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random()))) : Promise.resolve());

// Hard stop whatever happens.
const hardStop = setTimeout(() => { console.error('Dừng cưỡng bức: quá thời gian tối đa'); process.exit(2); }, (seconds + 240) * 1000);
hardStop.unref();

type TSample = { action: string; ms: number; ok: boolean; status: number };
const samples: TSample[] = [];
const errors: string[] = [];
const SEARCHES = ['nguyen', 'tran thi', 'le van', 'pham', 'hoa', 'hung', 'lan', 'minh'];

async function timed(action: string, fn: () => Promise<{ status: number; ms: number; json?: any }>, okStatus = 200) {
  try {
    const r = await fn();
    const ok = r.status === okStatus;
    samples.push({ action, ms: r.ms, ok, status: r.status });
    if (!ok && errors.length < 20) errors.push(`${action}: HTTP ${r.status} ${r.json?.message ?? ''}`);
    return r;
  } catch (e) {
    samples.push({ action, ms: NaN, ok: false, status: 0 });
    if (errors.length < 20) errors.push(`${action}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

async function virtualUser(i: number, endAt: number, soIds: Map<string, string>) {
  const officer = officerEvery > 0 && i % officerEvery === officerEvery - 1;
  const province = provinces[i % provinces.length];
  const soId = soIds.get(province) ?? null;
  const username = officer ? `so${province}.tdkt` : `gv${province}.${String(Math.floor(i / provinces.length) + 1).padStart(4, '0')}`;
  const api = new ApiClient(url);
  await new Promise((r) => setTimeout(r, (rampSeconds * 1000 * i) / users));
  const t0 = performance.now();
  try {
    await api.login(username, password);
    samples.push({ action: 'Đăng nhập', ms: performance.now() - t0, ok: true, status: 200 });
  } catch (e) {
    samples.push({ action: 'Đăng nhập', ms: performance.now() - t0, ok: false, status: 0 });
    if (errors.length < 20) errors.push(`${username}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const personId: string | null = api.me?.personId ?? null;
  let seen: string[] = [];
  for (let k = 0; k < requestsPerUser && Date.now() < endAt; k++) {
    await think();
    if (officer) {
      const q = SEARCHES[(i + k) % SEARCHES.length];
      const r = await timed('Cán bộ TĐKT: tìm trong tỉnh', () => api.get(`/api/v1/people?q=${encodeURIComponent(q)}${soId ? `&withinId=${soId}` : ''}&pageSize=20`));
      if (r?.json?.items?.length) seen = r.json.items.map((p: { id: string }) => p.id);
      if (seen.length) await timed('Cán bộ TĐKT: xem hồ sơ', () => api.get(`/api/v1/people/${seen[k % seen.length]}`));
      continue;
    }
    if (!personId) { errors.push(`${username}: tài khoản không gắn hồ sơ`); return; }
    switch (k % 4) {
      case 0: await timed('Xem hồ sơ của mình', () => api.get(`/api/v1/people/${personId}`)); break;
      case 1: await timed('Sửa số điện thoại của mình', () => api.patch(`/api/v1/people/${personId}`, { phone: `09${String(10_000_000 + ((i * 7919 + k) % 89_999_999))}` })); break;
      case 2: await timed('Danh sách cán bộ', () => api.get('/api/v1/people?pageSize=10')); break;
      default: await timed('Thông báo', () => api.get('/api/v1/notifications')); break;
    }
  }
}

async function main() {
  // Each Sở's id for the officers' searches (as its officer sees it).
  const soIds = new Map<string, string>();
  for (const province of provinces) {
    try {
      const probe = new ApiClient(url);
      await probe.login(`so${province}.tdkt`, password);
      const id = (await probe.get(`/api/v1/units?q=SGDDT-${province}&pageSize=5`)).json?.items?.find((u: { code: string }) => u.code === `SGDDT-${province}`)?.id;
      if (id) soIds.set(province, id);
    } catch (e) {
      console.error(`Không đăng nhập được so${province}.tdkt: ${e instanceof Error ? e.message : e}. Hãy chạy thidua generate-data trước.`);
      process.exit(1);
    }
  }
  const started = Date.now();
  const endAt = started + (rampSeconds + seconds) * 1000;
  // Server process: CPU seconds used during the run (independent of how busy the machine is) and peak RSS.
  const cpu0 = pid ? cpuSeconds(pid) : null;
  let rssPeak = 0;
  const sampler = pid ? setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(pid) ?? 0); }, 200) : null;
  const load0 = os.loadavg()[0];
  await Promise.all(Array.from({ length: users }, (_, i) => virtualUser(i, endAt, soIds)));
  if (sampler) clearInterval(sampler);
  const cpu1 = pid ? cpuSeconds(pid) : null;
  const load1 = os.loadavg()[0];
  const wall = (Date.now() - started) / 1000;
  const byAction = new Map<string, TSample[]>();
  for (const s of samples) {
    if (!byAction.has(s.action)) byAction.set(s.action, []);
    byAction.get(s.action)!.push(s);
  }
  const rows = [...byAction].map(([action, list]) => ({ action, ...summarizeMs(list.filter((s) => s.ok).map((s) => s.ms)), n: list.length, errors: list.filter((s) => !s.ok).length }));
  const work = samples.filter((s) => s.action !== 'Đăng nhập');
  const serverCpuSeconds = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
  const overall = {
    ...summarizeMs(work.filter((s) => s.ok).map((s) => s.ms)), n: work.length, errors: samples.filter((s) => !s.ok).length, requestsPerSecond: work.length / wall, seconds: wall, users,
    serverCpuSeconds, serverCpuMsPerRequest: serverCpuSeconds !== null ? (serverCpuSeconds * 1000) / samples.length : null, serverRssPeakMb: pid ? rssPeak : null,
    machineLoad: { start: load0, end: load1, cores: os.cpus().length },
  };
  if (json) {
    console.log(JSON.stringify({ url, overall, rows, errors }, null, 2));
  } else {
    const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1).replace('.', ','));
    console.log(`Giờ cao điểm: ${users} người dùng đồng thời (đăng nhập rải trong ${rampSeconds} s, nghỉ ~${thinkMs} ms giữa hai thao tác), ${overall.n} yêu cầu trong ${f(wall)} s (${f(overall.requestsPerSecond)} yêu cầu/s) tới ${url}`);
    console.log(`${'Thao tác'.padEnd(30)} ${'n'.padStart(6)} ${'lỗi'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    for (const r of rows) console.log(`${r.action.padEnd(30)} ${String(r.n).padStart(6)} ${String(r.errors).padStart(5)} ${f(r.p50).padStart(8)} ${f(r.p95).padStart(8)} ${f(r.max).padStart(8)}`);
    console.log(`${'Tất cả (trừ đăng nhập)'.padEnd(30)} ${String(overall.n).padStart(6)} ${String(overall.errors).padStart(5)} ${f(overall.p50).padStart(8)} ${f(overall.p95).padStart(8)} ${f(overall.max).padStart(8)}`);
    if (overall.serverCpuSeconds !== null) console.log(`Máy chủ (pid ${pid}): CPU ${f(overall.serverCpuSeconds)} s = ${f(overall.serverCpuMsPerRequest!)} ms/yêu cầu (kể cả đăng nhập), RSS cao nhất ${f(overall.serverRssPeakMb!)} MB`);
    console.log(`Tải máy (load average 1 phút, ${overall.machineLoad.cores} lõi): đầu ${f(load0)}, cuối ${f(load1)}`);
    for (const e of errors) console.log(`  lỗi: ${e}`);
  }
  process.exit(overall.errors > 0 ? 1 : 0);
}

void main();
