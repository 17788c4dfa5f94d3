// `thidua start` as a user runs it: the command starts the server in a child node with V8's heap growing
// factor (bin/thidua.mjs), the server answers, and SIGTERM to the command stops both (no server left behind).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const BIN = path.resolve('bin/thidua.mjs');

function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

it('thidua start: máy chủ chạy với --heap-growing-percent=50, dừng hẳn khi nhận SIGTERM', { timeout: 240_000 }, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', THIDUA_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', THIDUA_DEMO: '0', THIDUA_WORKER: '0', THIDUA_ADMIN_PASSWORD: 'Start-test-2026' };
  delete env.THIDUA_HEAP_GROWING_PERCENT; // the default
  const proc = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stderr.on('data', (d) => { out += String(d); });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      const m = /đang chạy tại http:\/\/[^:\s]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    void exited.then((code) => reject(new Error(`thidua start exited (${code}): ${out}`)));
  });
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

  const [server] = childrenOf(proc.pid!);
  expect(server, 'the server runs in a child process').toBeTruthy();
  const cmdline = fs.readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0');
  expect(cmdline).toContain('--heap-growing-percent=50');

  proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(fs.existsSync(`/proc/${server}`) && !fs.readFileSync(`/proc/${server}/stat`, 'utf8').includes(') Z')).toBe(false);
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
