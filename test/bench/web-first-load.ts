// JavaScript a browser downloads for the first load of a page (gzip), from a vite build's manifest:
// the entry chunk and its static imports, plus the route's lazily loaded chunk and its static imports;
// chunks a page only loads later (a dynamic import inside the page, e.g. the dashboard's chart) are listed apart.
//   npx vite build --outDir /tmp/x --emptyOutDir --manifest && npx tsx test/bench/web-first-load.ts /tmp/x
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type TChunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const outDir = process.argv[2] ?? '/tmp/thidua-web';
const manifest: Record<string, TChunk> = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'));
const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) walk(i);
  };
  keys.forEach(walk);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
const pages: Record<string, string> = { '/dang-nhap': 'routes/login.tsx', '/': 'routes/dashboard.tsx' };
const limitKb = 250;
let over = false;
for (const [url, route] of Object.entries(pages)) {
  const key = Object.keys(manifest).find((k) => k.endsWith(route));
  if (!key) throw new Error(`không thấy ${route} trong manifest`);
  const files = closure([entryKey, key]);
  const rows = [...files].map((k) => ({ file: manifest[k].file, gzip: gz(manifest[k].file) }));
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  const later = [...closure(manifest[key].dynamicImports ?? [])].filter((k) => !files.has(k)).map((k) => ({ file: manifest[k].file, gzip: gz(manifest[k].file) }));
  console.log(`${url}: ${(total / 1024).toFixed(1)} KB JS (gzip) khi tải lần đầu, ${rows.length} tệp${total / 1024 > limitKb ? `  > ${limitKb} KB` : ''}`);
  for (const r of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${(r.gzip / 1024).toFixed(1).padStart(7)} KB  ${r.file}`);
  if (later.length) console.log(`  tải sau (import động trong trang): ${later.map((r) => `${r.file} ${(r.gzip / 1024).toFixed(1)} KB`).join(', ')}`);
  over ||= total / 1024 > limitKb;
}
process.exitCode = over ? 1 : 0;
