// Benchmark (prints, asserts nothing): roll-up of one quarter for a province of 2,000 reporting units
// (target < 1 s) and opening one unit's report form (target < 200 ms).
// Run: npx tsx test/bench/reports.bench.ts            (SQLite in a temp folder)
//      BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/reports.bench.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/server/config';
import { bootstrap } from '../../src/server/bootstrap';
import type { TContext } from '../../src/server/auth/access';
import { newId, nowIso } from '../../src/server/ids';
import { foldVietnamese } from '../../src/shared/vn';
import { createPlanFromCatalogue } from '../../src/server/plans/manage-plans';
import { createForm } from '../../src/server/reports/forms';
import { DEMO_REPORT_SECTIONS } from '../../src/server/reports/demo';
import { getRollup, getBoard } from '../../src/server/reports/rollup';
import { getSubmission } from '../../src/server/reports/submissions';
import { addDays } from '../../src/server/reports/periods';

const UNITS = Number(process.env.BENCH_UNITS ?? 2000);
const P = '99';

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-reports-'));
  let dbUrl = '';
  let dropPg: (() => Promise<void>) | null = null;
  if (process.env.BENCH_PG_URL) {
    const name = `thidua_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.BENCH_PG_URL }); await admin.connect(); await admin.query(`create database ${name}`); await admin.end();
    const u = new URL(process.env.BENCH_PG_URL); u.pathname = `/${name}`; dbUrl = u.toString();
    dropPg = async () => { const c = new pg.Client({ connectionString: process.env.BENCH_PG_URL }); await c.connect(); await c.query(`drop database if exists ${name} with (force)`); await c.end(); };
  }
  const config = loadConfig({ DATABASE_URL: dbUrl, THIDUA_DATA_DIR: dataDir, THIDUA_DEMO: '0', LOG_LEVEL: 'silent', THIDUA_ADMIN_PASSWORD: 'bench-pass-123' });
  const { deps } = await bootstrap(config, { logDestination: pino.destination({ dest: '/dev/null', sync: true }) });
  const { db, kind } = deps.database;
  const now = nowIso();
  const unit = (id: string, code: string, name: string, k: string, parent: string | null, prof: string | null) => ({ id, code, name, short_name: null, abbreviation: null, kind: k as any, province_code: P, commune_code: null, parent_id: parent, prof_parent_id: prof, address: null, phone: null, email: null, status: 'active' as const, valid_from: '2025-07-01', valid_to: null, name_search: foldVietnamese(name), created_at: now, updated_at: now });
  const root = newId(), so = newId();
  const schools = Array.from({ length: UNITS }, (_, i) => unit(newId(), `THPT-${P}-${String(i + 1).padStart(4, '0')}`, `Trường THPT số ${i + 1}`, 'thpt', root, so));
  let t = Date.now();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('units').values([unit(root, `UBND-${P}`, 'UBND tỉnh Thử nghiệm', 'ubnd_tinh', null, null), unit(so, `SGDDT-${P}`, 'Sở Giáo dục và Đào tạo', 'so', root, null)]).execute();
    for (let i = 0; i < schools.length; i += 200) await trx.insertInto('units').values(schools.slice(i, i + 200)).execute();
    const closure = [
      { ancestor_id: root, descendant_id: root, depth: 0, province_code: P }, { ancestor_id: so, descendant_id: so, depth: 0, province_code: P }, { ancestor_id: root, descendant_id: so, depth: 1, province_code: P },
      ...schools.flatMap((s) => [{ ancestor_id: s.id, descendant_id: s.id, depth: 0, province_code: P }, { ancestor_id: so, descendant_id: s.id, depth: 1, province_code: P }, { ancestor_id: root, descendant_id: s.id, depth: 1, province_code: P }]),
    ];
    for (let i = 0; i < closure.length; i += 300) await trx.insertInto('unit_closure').values(closure.slice(i, i + 300)).execute();
  });
  const userId = newId();
  await db.insertInto('users').values({ id: userId, username: 'bench.so', full_name: 'Bench', email: null, password_hash: 'x', person_id: null, is_active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
  const ctx: TContext = { db, kind, actor: { userId, username: 'bench.so', fullName: 'Bench', personId: null, roles: [{ role: 'officer', unitId: so }] } };
  const plan = await createPlanFromCatalogue(ctx, { unitId: so, code: 'cai-cach-hanh-chinh', schoolYear: 2026 });
  await db.updateTable('plans').set({ state: 'in_progress', issued_date: plan.period_from }).where('id', '=', plan.id).execute();
  const form = await createForm(ctx, { planId: plan.id, title: 'Báo cáo CCHC quý', schedule: 'quarterly', dueDays: 10, sections: DEMO_REPORT_SECTIONS, unitKinds: ['thpt'] });
  const period = form.periods.find((p) => p.kind === 'q4')!;
  const prev = form.periods.find((p) => p.kind === 'q3')!;
  // 90 % of the units sent both quarters; figures vary by unit.
  for (const per of [prev, period]) {
    const subs: any[] = []; const vals: any[] = [];
    schools.forEach((s, i) => {
      if (i % 10 === 9) return;
      const sid = newId();
      subs.push({ id: sid, form_id: form.id, period_id: per.id, unit_id: s.id, province_code: P, state: i % 3 ? 'submitted' : 'accepted', late: i % 7 === 0 ? 1 : 0, submitted_at: now, submitted_by: userId, decided_at: null, decided_by: null, return_reason: null, version: 1, created_by: userId, created_at: now, updated_at: now });
      const r = 50 + (i % 150), on = r - (i % 9), full = Math.floor(r * 0.6), part = Math.floor(r * 0.2);
      const v: Record<string, number> = { tthc_received: r, tthc_on_time: on, tthc_late: r - on, tthc_online_full: full, tthc_online_partial: part, tthc_paid_online: Math.floor(r / 2), tthc_on_time_rate: Math.round((on / r) * 10000) / 100, tthc_online_rate: Math.round(((full + part) / r) * 10000) / 100, tthc_online_full_rate: Math.round((full / r) * 10000) / 100, satisfaction_rate: 80 + (i % 20), cds_hoc_ba_so: i % 2, cds_ho_so_dien_tu_rate: 60 + (i % 40) };
      for (const [code, n] of Object.entries(v)) vals.push({ id: newId(), submission_id: sid, form_id: form.id, period_id: per.id, unit_id: s.id, province_code: P, indicator_code: code, value_num: n, value_text: null, updated_at: now });
    });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < subs.length; i += 200) await trx.insertInto('report_submissions').values(subs.slice(i, i + 200)).execute();
      for (let i = 0; i < vals.length; i += 500) await trx.insertInto('report_values').values(vals.slice(i, i + 500)).execute();
    });
  }
  console.log(`data (${kind}): ${UNITS} units, ${UNITS * 2 * 0.9} reports, ${(UNITS * 2 * 0.9 * 12).toLocaleString('vi-VN')} values in ${Date.now() - t} ms`);

  const time = async (label: string, n: number, fn: () => Promise<unknown>) => {
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < n; i++) { const s = performance.now(); await fn(); ms.push(performance.now() - s); }
    ms.sort((a, b) => a - b);
    console.log(`${label}: p50 ${ms[Math.floor(n / 2)].toFixed(1)} ms, max ${ms[n - 1].toFixed(1)} ms (n=${n})`);
  };
  await time(`roll-up of ${period.label}, ${UNITS} units (target < 1000 ms)`, 10, () => getRollup(ctx, { formId: form.id, periodId: period.id }));
  await time(`roll-up with weighted composite ranking`, 10, () => getRollup(ctx, { formId: form.id, periodId: period.id, rankBy: 'composite', weights: 'tthc_online_rate:2,tthc_on_time_rate:1,satisfaction_rate:1' }));
  await time('board of who has not reported', 10, () => getBoard(ctx, { formId: form.id, periodId: period.id }));
  const one = await db.selectFrom('report_submissions').select('id').where('period_id', '=', period.id).limit(1).offset(777).executeTakeFirstOrThrow();
  await time('opening one unit\'s report form (target < 200 ms)', 30, () => getSubmission(ctx, one.id));
  // A draft's figures fed by the outreach log are counted on open: 5 activities per unit in the quarter.
  const channels = ['ban_tin', 'website', 'zalo', 'facebook', 'hoi_nghi', 'tap_huan'] as const;
  const entries = schools.flatMap((s, i) => Array.from({ length: 5 }, (_, k) => ({ id: newId(), province_code: P, unit_id: s.id, plan_id: null, channel: channels[(i + k) % 6], activity_date: addDays(period.from, 5 + k * 17), title: `Hoạt động ${k + 1}`, participants: 30 + k, reach: 100 * k, link: null, note: null, created_by: userId, created_at: now })));
  for (let i = 0; i < entries.length; i += 500) await db.insertInto('outreach_entries').values(entries.slice(i, i + 500)).execute();
  await db.updateTable('report_submissions').set({ state: 'draft' }).where('id', '=', one.id).execute();
  await time(`opening one unit's draft with figures from the outreach log (${entries.length} log rows; target < 200 ms)`, 30, () => getSubmission(ctx, one.id));
  await deps.database.close?.();
  if (dropPg) await dropPg();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
