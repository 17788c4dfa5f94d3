// The benchmark behind `thidua bench`: fixed scenarios against a running server on this machine, each
// timed over a bounded number of requests (p50 / p95 / max), and — for every scenario backed by the
// database — the same queries in hand-written SQL straight through the driver, so the ratio shows our
// overhead (HTTP, session, access checks, Kysely, JSON, Excel) over the floor.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { ROLE_PERMISSIONS, type Permission } from '../auth/access';
import type { RoleCode } from '../db/schema';
import { ApiClient, rssMb, summarizeMs } from './http-client';

export type TBenchOptions = {
  url: string;
  user: string;
  password: string;
  /** Requests per scenario (login: a quarter of it). */
  iterations?: number;
  /** Server process id, for its resident memory. */
  pid?: number;
  /** The server's database, for the raw-SQL floor: a SQLite file or a postgres:// URL. Null: no floor. */
  raw?: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string } | null;
  province?: string;
  /** School year (start year) of the eligibility scenarios; default the one that ended last. */
  schoolYear?: number;
  /** A document for the reader's parse scenario (e.g. a seed Kế hoạch as .txt); skipped when absent. */
  parseFile?: string;
  /** Scenario groups to leave out: eligibility, docx, parse, rollup. */
  skip?: string[];
  log?: (line: string) => void;
};

function defaultBenchSchoolYear(): number {
  const d = new Date();
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() - 1 : d.getUTCFullYear() - 2;
}

export type TBenchRow = {
  scenario: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  rawP50: number | null;
  rawP95: number | null;
  /** p50 of ours over p50 of the raw SQL. */
  ratio: number | null;
  /** The same after taking away the fixed cost every request pays (the "minimal request" scenario's p50: HTTP,
   *  session, roles, JSON): what our reading of the data costs over the floor. */
  netRatio: number | null;
  note: string;
};

export type TBenchResult = { url: string; database: string | null; rows: TBenchRow[]; rssMb: { before: number | null; peak: number | null; after: number | null } | null };

/** Untimed requests before a sub-millisecond scenario is timed. */
const WARM_UP = 30;

type TRaw = { kind: 'sqlite' | 'postgres'; query: (text: string, params: unknown[]) => Promise<any[]>; close: () => Promise<void> };

async function openRaw(spec: NonNullable<TBenchOptions['raw']>): Promise<TRaw> {
  if (spec.kind === 'sqlite') {
    const conn = new SqliteDatabase(spec.file, { readonly: true, fileMustExist: true });
    conn.pragma('cache_size = -65536');
    const cache = new Map<string, SqliteDatabase.Statement>();
    return {
      kind: 'sqlite',
      query: async (text, params) => {
        let st = cache.get(text);
        if (!st) { st = conn.prepare(text); cache.set(text, st); }
        return st.all(...(params as unknown[]));
      },
      close: async () => { conn.close(); },
    };
  }
  const client = new pg.Client({ connectionString: spec.url });
  await client.connect();
  return {
    kind: 'postgres',
    query: async (text, params) => {
      let i = 0;
      const res = await client.query(text.replace(/\?/g, () => `$${++i}`), params);
      return res.rows;
    },
    close: async () => client.end(),
  };
}

const list = (n: number) => Array(n).fill('?').join(',');
const SEARCHES = ['nguyen thi lan', 'tran van hung', 'le thi hoa', 'pham minh', 'hoang thi mai', 'vo van nam', 'thi huong', 'dang duc'];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

export async function runBench(opts: TBenchOptions): Promise<TBenchResult> {
  const n = Math.max(3, Math.min(500, opts.iterations ?? 30));
  const log = opts.log ?? (() => undefined);
  const api = new ApiClient(opts.url);
  const rows: TBenchRow[] = [];
  const raw = opts.raw ? await openRaw(opts.raw) : null;
  let peak: number | null = null;
  const before = opts.pid ? rssMb(opts.pid) : null;
  const sampler = opts.pid ? setInterval(() => { const m = rssMb(opts.pid!); if (m !== null) peak = Math.max(peak ?? 0, m); }, 100) : null;
  const ok = <R extends { status: number; json: any }>(res: R, what: string): R => {
    if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${res.json?.message ?? ''}`);
    return res;
  };
  let fixedP50 = 0;
  const add = (scenario: string, ours: number[], floor: number[] | null, note: string) => {
    const a = summarizeMs(ours);
    const b = floor ? summarizeMs(floor) : null;
    rows.push({
      scenario, n: a.n, p50: a.p50, p95: a.p95, max: a.max, rawP50: b?.p50 ?? null, rawP95: b?.p95 ?? null,
      ratio: b && b.p50 > 0 ? a.p50 / b.p50 : null, netRatio: b && b.p50 > 0 ? Math.max(0, a.p50 - fixedP50) / b.p50 : null, note,
    });
    log(`  ${scenario}: p50 ${a.p50.toFixed(1)} ms, p95 ${a.p95.toFixed(1)} ms${b ? `, SQL thuần p50 ${b.p50.toFixed(2)} ms` : ''}`);
  };
  try {
    // 1. Log in (argon2id verification dominates by design; no SQL floor).
    const loginTimes: number[] = [];
    for (let i = 0; i < Math.max(3, Math.round(n / 4)); i++) loginTimes.push((await api.login(opts.user, opts.password)).ms);
    add('Đăng nhập', loginTimes, null, 'argon2id m=19 MiB, t=2');

    // The fixed cost of any request: HTTP, the session with its user and roles, JSON — no data of the scenario.
    // Warmed first (untimed), as every sub-millisecond scenario here: otherwise the p50 of a few reads measures
    // the JIT compiling the path, not the path (a person's record: 2,5 ms cold, 1,3 ms warm on SQLite).
    const minimal: number[] = [];
    for (let i = 0; i < WARM_UP; i++) ok(await api.get('/api/v1/auth/me'), 'yêu cầu tối thiểu');
    for (let i = 0; i < n; i++) minimal.push(ok(await api.get('/api/v1/auth/me'), 'yêu cầu tối thiểu').ms);
    add('Yêu cầu tối thiểu (GET /auth/me)', minimal, null, 'chi phí cố định mỗi yêu cầu: HTTP, phiên, vai trò, JSON');
    fixedP50 = summarizeMs(minimal).p50;

    // The actor's roots for person.read / unit.read, as the server computes them.
    const roles: { role: RoleCode; unitId: string }[] = api.me?.roles?.map((r: any) => ({ role: r.role, unitId: r.unitId })) ?? [];
    const roots = (p: Permission) => [...new Set(roles.filter((r) => ROLE_PERMISSIONS[r.role]?.includes(p)).map((r) => r.unitId))];
    const province = opts.province ?? '42';
    const so = ok(await api.get(`/api/v1/units?q=SGDDT-${province}&pageSize=5`), 'tìm Sở').json.items.find((u: any) => u.code === `SGDDT-${province}`);
    if (!so) throw new Error(`Không thấy Sở mã SGDDT-${province} trong phạm vi của ${opts.user}`);
    const school = ok(await api.get(`/api/v1/units?kind=thpt&withinId=${so.id}&pageSize=1`), 'tìm trường').json.items[0];
    const commune = ok(await api.get(`/api/v1/units?kind=ubnd_xa&pageSize=1`), 'tìm xã').json.items[0] ?? null;

    // 2. People search, unaccented, inside the Sở's subtree.
    const ours: number[] = [];
    const floor: number[] = [];
    const personIds: string[] = [];
    let total = 0;
    const readRoots = roots('person.read');
    for (let i = 0; i < n; i++) {
      const q = SEARCHES[i % SEARCHES.length];
      const res = ok(await api.get(`/api/v1/people?q=${encodeURIComponent(q)}&withinId=${so.id}&page=1&pageSize=20`), 'tìm cán bộ');
      ours.push(res.ms);
      total = Math.max(total, res.json.total);
      for (const p of res.json.items.slice(0, 3)) if (personIds.length < n) personIds.push(p.id);
      if (raw) {
        // The best hand-written shape: the Sở's subtree (inside the reach, as the server has checked), its province
        // as a filter, the name matched while scanning the province's name index (not the national trigram index).
        const where = `people.province_code = ? and (people.name_search || '') like ? and people.unit_id in (select descendant_id from unit_closure where ancestor_id = ?)`;
        const params = [province, `%${q}%`, so.id];
        const [ms] = await time(async () => {
          await raw.query(`select count(*) as n from people where ${where}`, params);
          return raw.query(`select people.*, units.name as unit_name from people left join units on units.id = people.unit_id where ${where} order by people.name_search, people.id limit 20 offset 0`, params);
        });
        floor.push(ms);
      }
    }
    add('Tìm cán bộ không dấu trong phạm vi một Sở', ours, raw ? floor : null, `tối đa ${total.toLocaleString('vi-VN')} kết quả, trang 20`);

    // 3. A person's record with its history.
    const o3: number[] = [];
    const f3: number[] = [];
    let ratings = 0;
    for (let i = 0; i < WARM_UP && personIds.length; i++) ok(await api.get(`/api/v1/people/${personIds[i % personIds.length]}`), 'hồ sơ cán bộ');
    for (let i = 0; i < n && personIds.length; i++) {
      const id = personIds[i % personIds.length];
      const floorOnce = raw ? () => time(async () => {
        await raw.query('select people.*, units.name as unit_name from people left join units on units.id = people.unit_id where people.id = ?', [id]);
        await raw.query('select employments.*, units.name as unit_name from employments left join units on units.id = employments.unit_id where person_id = ? order by from_date desc', [id]);
        await raw.query('select * from qualifications where person_id = ? order by year desc', [id]);
        await raw.query('select performance_ratings.*, units.name as unit_name from performance_ratings left join units on units.id = performance_ratings.unit_id where person_id = ? order by school_year desc', [id]);
        return raw.query('select * from disciplines where person_id = ? order by from_date desc', [id]);
      }) : null;
      // A record read for the first time comes from disk and fills each process's own SQLite cache; so each
      // side reads it once untimed, and both are timed on their second read.
      if (floorOnce) {
        await floorOnce();
        ok(await api.get(`/api/v1/people/${id}`), 'hồ sơ cán bộ');
      }
      const res = ok(await api.get(`/api/v1/people/${id}`), 'hồ sơ cán bộ');
      o3.push(res.ms);
      ratings = Math.max(ratings, res.json.ratings?.length ?? 0);
      if (floorOnce) f3.push((await floorOnce())[0]);
    }
    add('Hồ sơ một cán bộ và quá trình công tác', o3, raw ? f3 : null, `đến ${ratings} năm xếp loại`);

    // 4. One level of the unit tree: under the Sở (THPT, GDTX and every MN/TH/THCS it guides) and under a UBND xã.
    const treeFloor = async (parentId: string) => {
      const unitRoots = roots('unit.read');
      const scope = `exists (select 1 from unit_closure c where c.descendant_id = units.id and c.ancestor_id in (${list(unitRoots.length)}))`;
      await raw!.query(`select count(*) as n from units where ${scope} and units.status = 'active' and (units.parent_id = ? or units.prof_parent_id = ?)`, [...unitRoots, parentId, parentId]);
      const kids = await raw!.query(`select units.* from units where ${scope} and units.status = 'active' and (units.parent_id = ? or units.prof_parent_id = ?) order by units.kind, units.name limit 200`, [...unitRoots, parentId, parentId]);
      const ids = kids.map((k: any) => k.id);
      if (!ids.length) return;
      await raw!.query(`select parent_id, count(*) as n from units where parent_id in (${list(ids.length)}) and status = 'active' group by parent_id`, ids);
      await raw!.query(`select prof_parent_id, count(*) as n from units where prof_parent_id in (${list(ids.length)}) and status = 'active' group by prof_parent_id`, ids);
      await raw!.query(`select unit_id, count(*) as n from people where unit_id in (${list(ids.length)}) group by unit_id`, ids);
    };
    for (const [label, parent] of [['Cây đơn vị: một cấp dưới Sở', so], ['Cây đơn vị: một cấp dưới UBND xã', commune]] as const) {
      if (!parent) continue;
      const o: number[] = [];
      const f: number[] = [];
      let items = 0;
      for (let i = 0; i < n; i++) {
        const res = ok(await api.get(`/api/v1/units/tree?parentId=${parent.id}&pageSize=200`), label);
        o.push(res.ms);
        items = res.json.total ?? res.json.items.length;
        if (raw) f.push((await time(() => treeFloor(parent.id)))[0]);
      }
      add(label, o, raw ? f : null, `${items} đơn vị con, trang đầu 200 (như giao diện)`);
    }

    // 4b. The cascade board of the Sở's plan of this school year: every assigned unit with its status, as a tree.
    const soPlans = (await api.get(`/api/v1/plans?unitId=${so.id}&pageSize=50`)).json?.items ?? [];
    const boardPlan = soPlans.filter((p: any) => p.state !== 'closed' && p.state !== 'draft')
      .sort((a: any, b: any) => Number(b.catalogueCode === 'thi-dua-nam-hoc') - Number(a.catalogueCode === 'thi-dua-nam-hoc') || b.schoolYear - a.schoolYear)[0] ?? null;
    const firstBoard = boardPlan ? await api.get(`/api/v1/plans/${boardPlan.id}/board`) : null;
    if (firstBoard?.status === 200 && firstBoard.json.counts?.total > 0) {
      const label = 'Bảng theo dõi triển khai kế hoạch (cả tỉnh)';
      const o: number[] = [];
      const f: number[] = [];
      const c = firstBoard.json.counts;
      for (let i = 0; i < n; i++) {
        o.push(ok(await api.get(`/api/v1/plans/${boardPlan.id}/board`), label).ms);
        if (raw) {
          // The floor: the tasks, the plans linked to them, the assigned units and their parents (one level up).
          const [ms] = await time(async () => {
            await raw.query('select * from plan_cascade_tasks where plan_id = ?', [boardPlan.rootPlanId ?? boardPlan.id]);
            await raw.query('select id, unit_id, state, cascade_task_id, issued_date, doc_number, doc_symbol, title, version, superseded_by_id from plans where cascade_task_id in (select id from plan_cascade_tasks where plan_id = ?)', [boardPlan.rootPlanId ?? boardPlan.id]);
            await raw.query('select u.* from units u where u.id in (select unit_id from plan_cascade_tasks where plan_id = ?)', [boardPlan.rootPlanId ?? boardPlan.id]);
            return raw.query('select p.* from units p where p.id in (select u.parent_id from units u join plan_cascade_tasks t on t.unit_id = u.id where t.plan_id = ?)', [boardPlan.rootPlanId ?? boardPlan.id]);
          });
          f.push(ms);
        }
      }
      add(label, o, raw ? f : null, `${c.total.toLocaleString('vi-VN')} đơn vị được giao (${c.issued} đã ban hành, ${c.drafting} đang xây dựng, ${c.not_started} chưa bắt đầu, ${c.overdue} quá hạn)`);
    } else log(`  Bảng theo dõi triển khai kế hoạch: bỏ qua (${boardPlan ? `kế hoạch chưa giao triển khai${firstBoard && firstBoard.status !== 200 ? `, HTTP ${firstBoard.status}` : ''}` : 'Sở chưa có kế hoạch đã ban hành'})`);

    // 5. Excel export of one school's staff.
    if (school) {
      const o: number[] = [];
      const f: number[] = [];
      let bytes = 0;
      let count = 0;
      for (let i = 0; i < Math.max(3, Math.round(n / 3)); i++) {
        const res = await api.get(`/api/v1/imports/export/people?withinId=${school.id}`);
        if (res.status !== 200) throw new Error(`xuất Excel: HTTP ${res.status}`);
        o.push(res.ms);
        bytes = res.bytes;
        if (raw) {
          const [ms, r] = await time(() => raw.query(`select people.full_name, people.birth_date, people.gender, people.ethnicity, people.cccd, units.code as unit_code, people.position, people.staff_category, people.phone, people.email, people.sector_start_date from people inner join units on units.id = people.unit_id where people.unit_id in (select descendant_id from unit_closure where ancestor_id = ?) order by units.code, people.name_search limit 100000`, [school.id]));
          f.push(ms);
          count = r.length;
        }
      }
      add(`Xuất Excel cán bộ một trường (${school.name})`, o, raw ? f : null, `${count ? `${count} người, ` : ''}${Math.round(bytes / 1024)} KB`);
    }

    // 6. Eligibility (every person's verdicts for the titles of the rule set): one school, then the whole province.
    const year = opts.schoolYear ?? defaultBenchSchoolYear();
    const skip = new Set(opts.skip ?? []);
    for (const [label, unit, times] of skip.has('eligibility') ? [] :  [['Xét điều kiện khen thưởng: một trường', school, Math.max(3, Math.round(n / 3))], ['Xét điều kiện khen thưởng: cả tỉnh (Sở)', so, 3]] as const) {
      if (!unit) continue;
      const o: number[] = [];
      let total = 0;
      let skipped = '';
      for (let i = 0; i < times; i++) {
        const res = await api.get(`/api/v1/eligibility?unitId=${unit.id}&schoolYear=${year}&pageSize=25`);
        if (res.status === 404 && !res.json?.error) { skipped = 'chưa có API'; break; }
        ok(res, label);
        o.push(res.ms);
        total = res.json.total ?? 0;
      }
      if (o.length) add(label, o, null, `${total.toLocaleString('vi-VN')} người, năm học ${year}–${year + 1}, trang 25`);
      else log(`  ${label}: bỏ qua (${skipped})`);
    }

    let parsedDoc: unknown = null;
    // 7. Reading a document (the reader's parse of a real Kế hoạch text).
    if (!skip.has('parse') && opts.parseFile && fs.existsSync(opts.parseFile)) {
      const content = fs.readFileSync(opts.parseFile);
      const o: number[] = [];
      let fields = 0;
      for (let i = 0; i < Math.max(3, Math.round(n / 3)); i++) {
        const form = new FormData();
        form.append('file', new Blob([content], { type: 'text/plain' }), path.basename(opts.parseFile));
        const res = ok(await api.post('/api/v1/reader/parse', form), 'đọc văn bản');
        o.push(res.ms);
        fields = Object.keys(res.json ?? {}).length;
        parsedDoc = res.json;
      }
      add('Đọc một văn bản (/reader/parse)', o, null, `${path.basename(opts.parseFile)}, ${Math.round(content.length / 1024)} KB, ${fields} trường`);
    }

    // 8. Rendering a Kế hoạch as DOCX: a plan of the Sở that renders, else one made from the parsed document
    //    (POST /reader/to-plan: a draft with every section filled; the bench database gains that draft).
    if (!skip.has('docx')) {
      let planId: string | null = null;
      // The generated plans render as they are (the board's plan first); the reader's draft is the fallback.
      for (const p of [...(boardPlan ? [boardPlan] : []), ...soPlans.filter((x: any) => x.id !== boardPlan?.id)].slice(0, 20)) {
        if ((await api.get(`/api/v1/plans/${p.id}/docx`)).status === 200) { planId = p.id; break; }
      }
      if (!planId && parsedDoc) {
        const made = await api.post('/api/v1/reader/to-plan', { unitId: so.id, parsed: parsedDoc });
        if (made.status === 200) planId = made.json.planId;
        else log(`  Kết xuất Kế hoạch (DOCX): không tạo được kế hoạch từ văn bản (HTTP ${made.status} ${made.json?.error?.message ?? ''})`);
      }
      if (planId) {
        const o: number[] = [];
        let bytes = 0;
        for (let i = 0; i < Math.max(3, Math.round(n / 3)); i++) {
          const res = await api.get(`/api/v1/plans/${planId}/docx`);
          if (res.status !== 200) { log(`  Kết xuất Kế hoạch (DOCX): HTTP ${res.status} ${res.json?.error?.message ?? ''}`); break; }
          o.push(res.ms);
          bytes = res.bytes;
        }
        if (o.length) add('Kết xuất Kế hoạch (DOCX)', o, null, `${Math.round(bytes / 1024)} KB`);
      } else log('  Kết xuất Kế hoạch (DOCX): bỏ qua (không có kế hoạch đủ nội dung)');
    }

    // 9. A quarter's report roll-up, once the reports API exists.
    //    The Sở's newest report form (the quarterly CCHC report its schools send), its default period.
    if (!skip.has('rollup')) {
      const forms = (await api.get('/api/v1/reports/forms?pageSize=200')).json?.items ?? [];
      const form = forms.find((f: { unitId: string }) => f.unitId === so.id);
      const url = form ? `/api/v1/reports/rollup?formId=${form.id}&unitId=${so.id}` : null;
      const res = url ? await api.get(url) : null;
      if (res?.status === 200) {
        const o = [res.ms];
        for (let i = 1; i < n; i++) o.push(ok(await api.get(url!), 'tổng hợp báo cáo').ms);
        const units = Array.isArray(res.json?.rows) ? res.json.rows.length : null;
        add('Tổng hợp báo cáo quý (cả tỉnh)', o, null, `${form.title}${res.json?.period?.label ? `, ${res.json.period.label}` : ''}${units !== null ? `, ${units} đơn vị` : ''}`);
      } else log(`  Tổng hợp báo cáo quý: bỏ qua (${res ? `HTTP ${res.status}${res.json?.error?.message ? `: ${res.json.error.message}` : ''}` : 'Sở chưa có mẫu báo cáo'})`);
    }
  } finally {
    if (sampler) clearInterval(sampler);
    await raw?.close();
  }
  const after = opts.pid ? rssMb(opts.pid) : null;
  return { url: opts.url, database: raw?.kind ?? null, rows, rssMb: opts.pid ? { before, peak, after } : null };
}

export function formatBenchTable(r: TBenchResult): string {
  const f = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d).replace('.', ','));
  const head = ['Kịch bản', 'n', 'p50 ms', 'p95 ms', 'max ms', 'SQL p50', 'SQL p95', 'tỉ lệ', 'trừ cố định', 'ghi chú'];
  const body = r.rows.map((x) => [x.scenario, String(x.n), f(x.p50), f(x.p95), f(x.max), f(x.rawP50, 2), f(x.rawP95, 2), x.ratio === null ? '—' : `${f(x.ratio, 1)}×`, x.netRatio === null ? '—' : x.netRatio < 0.05 ? '≈ 0×' : `${f(x.netRatio, 1)}×`, x.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)];
  if (r.rssMb) out.push('', `Bộ nhớ máy chủ (RSS): trước ${f(r.rssMb.before, 0)} MB, cao nhất ${f(r.rssMb.peak, 0)} MB, sau ${f(r.rssMb.after, 0)} MB`);
  if (!r.database) out.push('', '(không mở được cơ sở dữ liệu của máy chủ: không có cột SQL thuần)');
  return out.join('\n');
}
