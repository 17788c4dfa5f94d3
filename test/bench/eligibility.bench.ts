// Benchmark (not part of `npm test`): `npx tsx test/bench/eligibility.bench.ts [--province 40] [--seed 7]`
// Generates one province with the scale generator (units, staff, ten school years of ratings, award
// history) into a fresh SQLite file, or uses DATABASE_URL=postgres://… (an empty database), then times
//   1. the eligibility of one school: GET /eligibility's use-case for a THPT (every person × every
//      individual title, counts, first page) — target < 100 ms;
//   2. the eligibility of the whole province: evaluatePeople for every person — target < 5 s;
//   3. the collective titles of a school and its tổ.
// Numbers are printed, not asserted.
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
const province = arg('--province', '40');
const seed = Number(arg('--seed', '7'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

const pgUrl = process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL) ? process.env.DATABASE_URL : null;
// --keep <file.sqlite>: keep (or reuse, when it exists) the generated SQLite file between runs.
const keep = process.argv.includes('--keep') ? path.resolve(arg('--keep', '')) : null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-elig-'));
const sqliteFile = keep ?? path.join(dataDir, 'bench.sqlite');
const reuse = !pgUrl && !!keep && fs.existsSync(keep);
const database = openDatabase({ url: pgUrl ?? `sqlite:${sqliteFile}`, dataDir, poolMax: 4 });
try {
  await migrateToLatest(database);
  let t = performance.now();
  if (!reuse) {
    const gen = await generateData({ database, databaseUrl: pgUrl ?? undefined, scale: 'province', seed, province, force: true, password: 'bench-pass-123', adminPassword: 'bench-pass-123' });
    console.log(`Dữ liệu (${database.kind}): tỉnh ${province}, ${gen.counts.people?.toLocaleString('vi-VN')} cán bộ, ${gen.counts.performance_ratings?.toLocaleString('vi-VN')} kết quả đánh giá, ${(gen.counts.awards ?? 0).toLocaleString('vi-VN')} khen thưởng; sinh trong ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else console.log(`Dùng lại ${keep}`);

  const db = database.db;
  const root = await db.selectFrom('units').select('id').where('province_code', '=', province).where('parent_id', 'is', null).orderBy('code').executeTakeFirstOrThrow();
  const ctx: TContext = { db, kind: database.kind, actor: { userId: 'bench', username: 'bench', fullName: 'Bench', personId: null, roles: [{ role: 'admin', unitId: root.id }] } };
  const year = (await db.selectFrom('performance_ratings').select((eb) => eb.fn.max('school_year').as('y')).executeTakeFirstOrThrow()).y as number;
  const reviewDate = `${year + 1}-05-31`;

  console.log(`Máy: ${os.cpus().length} lõi, tải trung bình lúc đo ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (số đo chịu ảnh hưởng của các tiến trình khác)`);
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
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    const r = await listEligibility(ctx, { unitId: school.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 });
    times.push(performance.now() - t);
    eligibleLdtt = r.summary.find((s) => s.titleCode === 'LDTT')?.eligible ?? 0;
  }
  console.log(`1. Một trường (${school.name}, ${Number(school.n)} cán bộ × 9 danh hiệu, đếm và trang đầu): trung vị ${ms(median(times))}, nhanh nhất ${ms(Math.min(...times))}, chậm nhất ${ms(Math.max(...times))} (mục tiêu < 100 ms); ${eligibleLdtt} người đủ điều kiện LĐTT`);

  // 2. The whole province.
  const ids = (await db.selectFrom('people').select('id').where('province_code', '=', province).execute()).map((r) => r.id);
  const rounds: number[] = [];
  let counted = { people: 0, verdicts: 0, eligible: 0, suggestions: 0 };
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    const r = await evaluatePeople(ctx, { personIds: ids, schoolYear: year, reviewDate });
    rounds.push(performance.now() - t);
    counted = {
      people: r.people.length,
      verdicts: r.people.reduce((s, p) => s + p.verdicts.length, 0),
      eligible: r.people.reduce((s, p) => s + p.verdicts.filter((v) => v.eligible).length, 0),
      suggestions: r.people.reduce((s, p) => s + p.suggestions.length, 0),
    };
  }
  console.log(`2. Cả tỉnh: ${counted.people.toLocaleString('vi-VN')} cán bộ, ${counted.verdicts.toLocaleString('vi-VN')} kết luận (${counted.eligible.toLocaleString('vi-VN')} đủ điều kiện, ${counted.suggestions.toLocaleString('vi-VN')} đề xuất): ${rounds.map(ms).join(', ')} (mục tiêu < 5 s)`);
  t = performance.now();
  const listed = await listEligibility(ctx, { unitId: root.id, schoolYear: year, reviewDate, page: 1, pageSize: 25 });
  console.log(`   Danh sách cả tỉnh qua API (đếm + trang đầu, ${listed.total.toLocaleString('vi-VN')} người): ${ms(performance.now() - t)}`);

  // 3. Collective titles of the school and its sub-units.
  const ctimes: number[] = [];
  let units = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    units = (await unitEligibility(ctx, school.id, { schoolYear: year, reviewDate })).units.length;
    ctimes.push(performance.now() - t);
  }
  console.log(`3. Danh hiệu tập thể của trường và ${units - 1} đơn vị trực thuộc: trung vị ${ms(median(ctimes))}`);
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
