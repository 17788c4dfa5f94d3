#!/usr/bin/env node
// The `thidua` command. TypeScript runs through tsx's loader, so there is no build step for the server.
//
// `thidua start` runs the server in a child node process started with V8's --heap-growing-percent
// (THIDUA_HEAP_GROWING_PERCENT, default 50; 0 leaves V8's own factor). V8 reads that flag only when it
// starts: set later (v8.setFlagsFromString) it changed nothing measurable. With it, a server stays under
// 400 MB through a whole province's eligibility on national data (docs/performance.md §0). The parent
// passes SIGTERM / SIGINT / SIGHUP on and exits with the child's code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const growing = process.env.THIDUA_HEAP_GROWING_PERCENT ?? '50';
const hasFlag = process.execArgv.some((a) => a.startsWith('--heap-growing-percent'));

if (args[0] === 'start' && !hasFlag && /^[1-9]\d{0,2}$/.test(growing)) {
  const child = spawn(process.execPath, [...process.execArgv, `--heap-growing-percent=${growing}`, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => { process.exit(code ?? (signal ? 1 : 0)); });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
