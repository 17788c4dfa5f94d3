// Benchmark (not part of `npm test`). Times, on one province with ten years of history:
//   1. the eligibility of one school: GET /eligibility's use-case for the biggest THPT (every person ×
//      every individual title, counts, first page) — target < 100 ms;
//   2. the eligibility of the whole province through the same use-case (counts + first page of 25, all
//      individual titles; then "only eligible" and one title) — target < 5 s, RSS < 400 MB;
//   3. the collective titles of a school and its tổ;
//   4. with --one-shot: evaluatePeople for every person of the province (every verdict kept in memory).
// Numbers are printed, not asserted. Data:
//   npx tsx test/bench/eligibility.bench.ts [--province 42] [--seed 7]          fresh SQLite file, generated
//   … --keep /tmp/e.sqlite                                                       keep / reuse that file
//   … --data-dir /tmp/h1/sqlite                                                  reuse <dir>/thidua.sqlite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/h1prov npx tsx …             reuse when the province is
//                                                                                there, else generate into it
//   --unit <unit code>: the unit of step 2 (default SGDDT-<province>, the Sở; else the province's root).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TContext } from '../../src/server/auth/access';
import { openDatabase } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import { evaluatePeople, listEligibility, unitEligibility } from '../../src/server/rules/eligibility-service';
import { generateData } from '../../src/server/scale/generate';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const province = arg('--province', '42');
const seed = Number(arg('--seed', '7'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
/** Peak RSS of this process since it started (getrusage), in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const pgUrl = process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;
const dataDirArg = process.argv.includes('--data-dir') ? path.resolve(arg('--data-dir', '')) : null;
// --keep <file.sqlite>: keep (or reuse, when it exists) the generated SQLite file between runs.
const keep = dataDirArg ? path.join(dataDirArg, 'thidua.sqlite') : process.argv.includes('--keep') ? path.resolve(arg('--keep', '')) : null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-elig-'));
const sqliteFile = keep ?? path.join(dataDir, 'bench.sqlite');
const database = openDatabase({ url: pgUrl ?? `sqlite:${sqliteFile}`, dataDir, poolMax: 4 });
try {
  await migrateToLatest(database);
  const db = database.db;
  let t = performance.now();
  const present = await db.selectFrom('people').select('id').where('province_code', '=', province).limit(1).executeTakeFirst();
  if (!present) {
    if (dataDirArg) throw new Error(`${sqliteFile}: không có dữ liệu tỉnh ${province}`);
    const gen = await generateData({ database, databaseUrl: pgUrl ?? undefined, scale: 'province', seed, province, force: true, password: 'bench-pass-123', adminPassword: 'bench-pass-123' });
    console.log(`Dữ liệu (${database.kind}): tỉnh ${province}, ${gen.counts.people?.toLocaleString('vi-VN')} cán bộ, ${gen.counts.performance_ratings?.toLocaleString('vi-VN')} kết quả đánh giá, ${(gen.counts.awards ?? 0).toLocaleString('vi-VN')} khen thưởng; sinh trong ${((performance.now() - t) / 1000).toFixed(1)} s (số đo RSS đỉnh bên dưới gồm cả bước sinh dữ liệu: chạy lại để đo)`);
  } else console.log(`Dùng dữ liệu có sẵn (${database.kind}: ${pgUrl ? pgUrl.replace(/\/\/[^@]*@/, '//') : sqliteFile})`);

  const unitCode = arg('--unit', `SGDDT-${province}`);
  const root =
    (await db.selectFrom('units').select(['id', 'name']).where('code', '=', unitCode).executeTakeFirst()) ??
    (await db.selectFrom('units').select(['id', 'name']).where('province_code', '=', province).where('parent_id', 'is', null).orderBy('code').executeTakeFirstOrThrow());
  const ctx: TContext = { db, kind: database.kind, actor: { userId: 'bench', username: 'bench', fullName: 'Bench', personId: null, roles: [{ role: 'admin', unitId: root.id }] } };
  const year = (await db.selectFrom('performance_ratings').select((eb) => eb.fn.max('school_year').as('y')).where('province_code', '=', province).executeTakeFirstOrThrow()).y as number;
  const reviewDate = `${year + 1}-05-31`;
  const counts = await Promise.all(
    (['people', 'performance_ratings', 'awards'] as const).map(async (table) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('province_code', '=', province).executeTakeFirstOrThrow()).n)),
  );
  console.log(`Tỉnh ${province}: ${counts[0].toLocaleString('vi-VN')} cán bộ, ${counts[1].toLocaleString('vi-VN')} kết quả đánh giá, ${counts[2].toLocaleString('vi-VN')} khen thưởng; năm học ${year}–${year + 1}, ngày xét ${reviewDate}`);
  console.log(`Máy: ${os.cpus().length} lõi, tải trung bình lúc bắt đầu ${load()}; RSS ${mb(process.memoryUsage().rss)}`);

  // 1. One school (the biggest THPT).
  const schools = await db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['units.id', 'units.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('units.kind', '=', 'thpt')
    .where('units.province_code', '=', province)
    .groupBy(['units.id', 'units.name'])
    .orderBy('n', 'desc')
    .limit(1)
    .execute();
  const school = schools[0];
  await listEligibility(ctx, { unitId: school.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 }); // warm-up
  const times: number[] = [];
  let eligibleLdtt = 0;
  let titleCount = 0;
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    const r = await listEligibility(ctx, { unitId: school.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 });
    times.push(performance.now() - t);
    eligibleLdtt = r.summary.find((s) => s.titleCode === 'LDTT')?.eligible ?? 0;
    titleCount = r.titles.length;
  }
  console.log(`1. Một trường (${school.name}, ${Number(school.n)} cán bộ × ${titleCount} danh hiệu, đếm và trang đầu): trung vị ${ms(median(times))}, nhanh nhất ${ms(Math.min(...times))}, chậm nhất ${ms(Math.max(...times))} (mục tiêu < 100 ms); ${eligibleLdtt} người đủ điều kiện LĐTT; tải ${load()}`);

  // 2. The whole province (or --unit) through the list use-case.
  const before = peakRss();
  const province3: number[] = [];
  let listed = await listEligibility(ctx, { unitId: root.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 });
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    listed = await listEligibility(ctx, { unitId: root.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 });
    province3.push(performance.now() - t);
  }
  const sum = (code: string) => listed.summary.find((s) => s.titleCode === code);
  console.log(
    `2. ${root.name} (${listed.total.toLocaleString('vi-VN')} người × ${listed.titles.length} danh hiệu, đếm + trang đầu 25): ${province3.map(ms).join(', ')} (mục tiêu < 5 s); ` +
      `đủ điều kiện LĐTT ${sum('LDTT')?.eligible.toLocaleString('vi-VN')}, CSTĐCS ${sum('CSTDCS')?.eligible.toLocaleString('vi-VN')}, CSTĐ cấp tỉnh ${sum('CSTD_TINH')?.eligible.toLocaleString('vi-VN')}; tải ${load()}`,
  );
  t = performance.now();
  const only = await listEligibility(ctx, { unitId: root.id, schoolYear: year, reviewDate, page: 3, pageSize: 25, onlyEligible: true });
  const onlyMs = performance.now() - t;
  t = performance.now();
  const one = await listEligibility(ctx, { unitId: root.id, schoolYear: year, reviewDate, page: 1, pageSize: 25, title: 'CSTD_TINH', onlyEligible: true });
  console.log(`   chỉ người đủ điều kiện (trang 3): ${ms(onlyMs)}, ${only.total.toLocaleString('vi-VN')} người; một danh hiệu (CSTĐ cấp tỉnh, chỉ đủ điều kiện): ${ms(performance.now() - t)}, ${one.total.toLocaleString('vi-VN')} người`);
  console.log(`   RSS đỉnh của tiến trình: ${mb(before)} trước bước 2, ${mb(peakRss())} sau (mục tiêu < 400 MB); heap hiện tại ${mb(process.memoryUsage().heapUsed)}`);

  // 3. Collective titles of the school and its sub-units.
  const ctimes: number[] = [];
  let units = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    units = (await unitEligibility(ctx, school.id, { schoolYear: year, reviewDate })).units.length;
    ctimes.push(performance.now() - t);
  }
  console.log(`3. Danh hiệu tập thể của trường và ${units - 1} đơn vị trực thuộc: trung vị ${ms(median(ctimes))}`);

  // 4. Every verdict of every person kept at once (what other features get from evaluatePeople).
  if (process.argv.includes('--one-shot')) {
    const ids = (await db.selectFrom('people').select('id').where('province_code', '=', province).execute()).map((r) => r.id);
    t = performance.now();
    const r = await evaluatePeople(ctx, { personIds: ids, schoolYear: year, reviewDate });
    console.log(`4. evaluatePeople cho ${r.people.length.toLocaleString('vi-VN')} cán bộ (giữ mọi kết luận kèm lý do): ${ms(performance.now() - t)}; RSS đỉnh ${mb(peakRss())}; tải ${load()}`);
  }
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
