// The "deadline rush" load test (issue #9), as a function: N users (default 200) at a reporting deadline,
// through the public HTTP API only (ApiClient), loopback only, bounded in requests and time.
//
// Who is who (user i belongs to province i mod (number of provinces)):
//  - every `officerEvery`-th user (i mod n = n − 1) is the Sở's TĐKT officer `so<P>.tdkt`: searches people in
//    the province, opens a record, and reads the deadline board of the open report period;
//  - every `schoolOfficerEvery`-th user (i mod n = n − 2) is a school officer `vp<P>.<nn>` (the province's
//    next group school): opens the school's report for the open period, saves figures as a draft several
//    times, sends it once at the end;
//  - the others are teachers `gv<P>.<nnnn>`, numbered per province (the t-th teacher of the province is
//    teacher t mod 5 of group ⌊t/5⌋, as `thidua generate-data` makes them): they sit on their school's bình
//    xét council, read the session, cast their secret ballot once, then read their record, edit their phone
//    number, list people and read notifications.
// Set-up (untimed, before the rush): for every group school used, its `vp` officer closes a session left open
// by an earlier run, creates a review session, puts the head (chair), the group's teachers and — when needed
// for an odd council — itself (secretary) on the council, adds three candidates who are not members and were
// never nominated for that title this year (so nobody has a conflict and the script can run again), and opens
// it; a report already sent by an earlier run is returned by the Sở's officer with a reason.
// After the rush: every voter's ballot must be counted in its session's participation and every school
// officer's report must be "submitted"; a mismatch is an error.
import fs from 'node:fs';
import os from 'node:os';
import { ApiClient, assertLoopback, rssMb, summarizeMs } from './http-client';

export type TRushOptions = {
  url: string;
  users: number;
  seconds: number;
  /** Requests per user (the school officer always does: my reports, open, at least one save, send). */
  requests: number;
  /** Pause between one user's requests (uniform 0.5–1.5 × this); 0 = back-to-back. */
  thinkMs: number;
  /** Logins spread over this many seconds. */
  rampSeconds: number;
  /** Everybody logs in first (spread over rampSeconds); the timed rush starts when the last login is done,
   * all users at once — the deadline with everyone already in the app. Logins are reported apart. */
  loginsFirst?: boolean;
  /** Every n-th user is the Sở's TĐKT officer (0: none). */
  officerEvery: number;
  /** Every n-th user (shifted by one from the Sở's) is a school officer sending the report (0: none). */
  schoolOfficerEvery: number;
  provinces: string[];
  password: string;
  /** The server's process id on this machine: its CPU time and peak memory during the rush are reported. */
  pid?: number;
  /** Progress of the set-up. */
  log?: (line: string) => void;
};

export type TRushRole =
  | { kind: 'so'; province: string; username: string }
  | { kind: 'vp'; province: string; group: number; username: string }
  | { kind: 'teacher'; province: string; group: number; username: string };

export type TRushRow = { action: string; n: number; errors: number; p50: number; p95: number; max: number; mean: number };
export type TRushResult = {
  url: string;
  overall: {
    n: number; errors: number; p50: number; p95: number; max: number; mean: number; requestsPerSecond: number; seconds: number; users: number;
    serverCpuSeconds: number | null; serverCpuMsPerRequest: number | null; serverRssPeakMb: number | null;
    machineLoad: { start: number; end: number; cores: number };
  };
  rows: TRushRow[];
  /** After the rush: ballots counted per session, reports sent per school officer. */
  checks: {
    ballots: { expected: number; counted: number; sessions: { school: string; sessionId: string; voters: number; counted: number }[] };
    reports: { expected: number; submitted: number; schools: { school: string; username: string; state: string }[] };
  };
  setupSeconds: number;
  errors: string[];
};

export const GROUP_SIZE = 5;
const SEARCHES = ['nguyen', 'tran thi', 'le van', 'pham', 'hoa', 'hung', 'lan', 'minh'];
/** Session name (and its folded search term): how the set-up finds a session an earlier run left open. */
const SESSION_NAME = 'Bình xét thi đua (thử tải giờ cao điểm)';
const SESSION_SEARCH = 'thu tai gio cao diem';
/** Titles proposed for the candidates, in order: the next one when everybody was already proposed for the first. */
const CANDIDATE_TITLES = ['LDTT', 'GIAY_KHEN', 'CSTDCS'];
const CANDIDATES = 3;
const HEAD = /^(Hiệu trưởng|Giám đốc)$/;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const teacherUsername = (province: string, t: number) => `gv${province}.${pad(t + 1, 4)}`;
export const schoolOfficerUsername = (province: string, group: number) => `vp${province}.${pad(group + 1, 2)}`;

/** The role of every user index (see the header). */
export function rushRoles(o: Pick<TRushOptions, 'users' | 'officerEvery' | 'schoolOfficerEvery' | 'provinces'>): TRushRole[] {
  const teachers = new Map<string, number>();
  const officers = new Map<string, number>();
  return Array.from({ length: o.users }, (_, i): TRushRole => {
    const province = o.provinces[i % o.provinces.length];
    if (o.officerEvery > 0 && i % o.officerEvery === o.officerEvery - 1) return { kind: 'so', province, username: `so${province}.tdkt` };
    if (o.schoolOfficerEvery > 1 && i % o.schoolOfficerEvery === o.schoolOfficerEvery - 2) {
      const g = officers.get(province) ?? 0;
      officers.set(province, g + 1);
      return { kind: 'vp', province, group: g, username: schoolOfficerUsername(province, g) };
    }
    const t = teachers.get(province) ?? 0;
    teachers.set(province, t + 1);
    return { kind: 'teacher', province, group: Math.floor(t / GROUP_SIZE), username: teacherUsername(province, t) };
  });
}

function cpuSeconds(p: number): number | null {
  try {
    const f = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

type TProvinceSetup = {
  code: string;
  so: ApiClient;
  soId: string | null;
  /** The report form and its open period (the latest one opened, of a plan not closed). */
  period: { formId: string; periodId: string; label: string } | null;
  /** username → person id of the province's teacher accounts (read by the Sở's administrator). */
  teachers: Map<string, string>;
};

type TGroupSetup = {
  key: string; province: string; group: number; username: string;
  vp: ApiClient; schoolId: string; schoolName: string;
  sessionId: string | null;
  /** Teachers of this group among the rush's users. */
  voters: number;
};

/** Throws with the server's message when the answer is not 200. */
async function must(what: string, p: Promise<{ status: number; json: any }>) {
  const r = await p;
  if (r.status !== 200) throw new Error(`Chuẩn bị: ${what} không được (HTTP ${r.status}): ${r.json?.error?.message ?? r.json?.message ?? ''}`);
  return r.json;
}

async function login(url: string, username: string, password: string): Promise<ApiClient> {
  const api = new ApiClient(url);
  try {
    await api.login(username, password);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : e}. Hãy chạy thidua generate-data (bản có tài khoản nhóm gv/vp) trước.`);
  }
  return api;
}

async function setupProvince(o: TRushOptions, code: string, needsTeachers: boolean): Promise<TProvinceSetup> {
  const so = await login(o.url, `so${code}.tdkt`, o.password);
  const soId = (await so.get(`/api/v1/units?q=SGDDT-${code}&pageSize=5`)).json?.items?.find((u: { code: string }) => u.code === `SGDDT-${code}`)?.id ?? null;
  // The open period: among the forms of plans still running, the period opened last.
  let period: TProvinceSetup['period'] = null;
  const forms = await must('danh sách mẫu báo cáo', so.get('/api/v1/reports/forms?pageSize=20'));
  let best = '';
  for (const f of forms.items as { id: string }[]) {
    const form = await must('mẫu báo cáo', so.get(`/api/v1/reports/forms/${f.id}`));
    if (form.plan?.state === 'closed') continue;
    for (const p of form.periods as { id: string; label: string; open: boolean; dueDate: string }[]) {
      if (p.open && p.dueDate > best) { best = p.dueDate; period = { formId: form.id, periodId: p.id, label: p.label }; }
    }
  }
  const teachers = new Map<string, string>();
  if (needsTeachers) {
    const admin = await login(o.url, `so${code}.admin`, o.password);
    for (let page = 1; ; page++) {
      const r = await must('danh sách tài khoản', admin.get(`/api/v1/users?q=${encodeURIComponent(`gv${code}.`)}&pageSize=200&page=${page}`));
      for (const u of r.items as { username: string; personId: string | null }[]) if (u.personId) teachers.set(u.username, u.personId);
      if (page * 200 >= r.total || !r.items.length) break;
    }
  }
  return { code, so, soId, period, teachers };
}

async function setupGroup(o: TRushOptions, prov: TProvinceSetup, group: number, voters: number): Promise<TGroupSetup> {
  const username = schoolOfficerUsername(prov.code, group);
  const vp = await login(o.url, username, o.password);
  const role = (vp.me?.roles ?? []).find((r: { role: string }) => r.role === 'officer');
  if (!role) throw new Error(`Chuẩn bị: ${username} không có vai trò cán bộ TĐKT ở trường`);
  const g: TGroupSetup = { key: `${prov.code}:${group}`, province: prov.code, group, username, vp, schoolId: role.unitId, schoolName: role.unitName, sessionId: null, voters };
  if (!voters) return g;
  const school = g.schoolId;
  // A session an earlier run left open: the meeting is over, close it.
  const left = await must('danh sách phiên bình xét', vp.get(`/api/v1/reviews?unitId=${school}&status=open,voting&q=${encodeURIComponent(SESSION_SEARCH)}&pageSize=50`));
  for (const s of left.items as { id: string }[]) await must('kết thúc phiên bình xét cũ', vp.post(`/api/v1/reviews/${s.id}/close`));

  const session = await must('tạo phiên bình xét', vp.post('/api/v1/reviews', { unitId: school, name: SESSION_NAME, location: `Phòng họp ${g.schoolName}` }));
  const staff = (await must('danh sách cán bộ của trường', vp.get(`/api/v1/people?unitId=${school}&pageSize=200`))).items as { id: string; position: string | null }[];
  const head = staff.find((p) => HEAD.test(p.position ?? ''));
  if (!head) throw new Error(`Chuẩn bị: ${g.schoolName} không có Hiệu trưởng/Giám đốc trong danh sách cán bộ`);
  const teacherIds: string[] = [];
  for (let k = 0; k < GROUP_SIZE; k++) {
    const id = prov.teachers.get(teacherUsername(prov.code, group * GROUP_SIZE + k));
    if (id) teacherIds.push(id);
  }
  const members = [{ personId: head.id, role: 'chair' }, ...teacherIds.map((personId) => ({ personId, role: 'member' }))];
  // The council must be odd: the school officer (a deputy head) is its secretary when that makes it so.
  if (members.length % 2 === 0 && vp.me?.personId && !members.some((m) => m.personId === vp.me.personId)) members.push({ personId: vp.me.personId, role: 'secretary' });
  await must('thêm thành viên Hội đồng', vp.post(`/api/v1/reviews/${session.id}/members`, { members }));

  // Candidates: staff who are not members and have no nomination for the title this school year yet.
  const taken = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await must('danh sách đề nghị', vp.get(`/api/v1/nominations?unitId=${school}&schoolYear=${session.schoolYear}&pageSize=200&page=${page}`));
    for (const n of r.items as { titleCode: string; personId: string | null }[]) if (n.personId) taken.add(`${n.titleCode}|${n.personId}`);
    if (page * 200 >= r.total || !r.items.length) break;
  }
  const memberIds = new Set(members.map((m) => m.personId));
  const people: { personId: string; titleCode: string }[] = [];
  for (const titleCode of CANDIDATE_TITLES) {
    for (const p of staff) {
      if (people.length >= CANDIDATES) break;
      if (memberIds.has(p.id) || taken.has(`${titleCode}|${p.id}`) || people.some((x) => x.personId === p.id)) continue;
      people.push({ personId: p.id, titleCode });
    }
  }
  if (!people.length) throw new Error(`Chuẩn bị: ở ${g.schoolName} không còn ai chưa được đề nghị; hãy sinh lại dữ liệu (generate-data --force)`);
  await must('thêm ứng viên', vp.post(`/api/v1/reviews/${session.id}/candidates`, { people }));
  await must('khai mạc phiên bình xét', vp.post(`/api/v1/reviews/${session.id}/open`));
  g.sessionId = session.id;
  return g;
}

/** The school's duty for the open period (or the latest one opened), from GET /reports/my. */
async function myDuty(vp: ApiClient, prov: TProvinceSetup) {
  const r = await vp.get('/api/v1/reports/my?pageSize=10');
  const items = (r.json?.items ?? []) as { formId: string; periodId: string; submissionId: string | null; state: string }[];
  return { r, item: items.find((x) => x.periodId === prov.period?.periodId) ?? items[0] ?? null };
}

export async function runDeadlineRush(o: TRushOptions): Promise<TRushResult> {
  assertLoopback(o.url);
  const log = o.log ?? (() => undefined);
  const think = () => (o.thinkMs ? new Promise((r) => setTimeout(r, o.thinkMs * (0.5 + Math.random()))) : Promise.resolve());
  const roles = rushRoles(o);
  const samples: { action: string; ms: number; ok: boolean; status: number }[] = [];
  const errors: string[] = [];
  let failed = 0;
  const fail = (msg: string) => { failed++; if (errors.length < 30) errors.push(msg); };

  // ------------------------------------------------------------------ set-up (untimed)
  const t0 = Date.now();
  const provinces = new Map<string, TProvinceSetup>();
  for (const code of [...new Set(roles.map((r) => r.province))]) {
    provinces.set(code, await setupProvince(o, code, roles.some((r) => r.kind === 'teacher' && r.province === code)));
  }
  const groups = new Map<string, TGroupSetup>();
  const used = new Map<string, { province: string; group: number; voters: number }>();
  for (const r of roles) {
    if (r.kind === 'so') continue;
    const key = `${r.province}:${r.group}`;
    const u = used.get(key) ?? { province: r.province, group: r.group, voters: 0 };
    if (r.kind === 'teacher') u.voters++;
    used.set(key, u);
  }
  for (const [key, u] of used) {
    groups.set(key, await setupGroup(o, provinces.get(u.province)!, u.group, u.voters));
  }
  // A report sent by an earlier run (or by the generated data) goes back to the school, with a reason.
  for (const r of roles) {
    if (r.kind !== 'vp') continue;
    const g = groups.get(`${r.province}:${r.group}`)!;
    const prov = provinces.get(r.province)!;
    const { item } = await myDuty(g.vp, prov);
    if (!item) throw new Error(`Chuẩn bị: ${g.schoolName} (${g.username}) không có kỳ báo cáo nào đang mở`);
    if (item.submissionId && (item.state === 'submitted' || item.state === 'accepted')) {
      await must('trả lại báo cáo đã gửi', prov.so.post(`/api/v1/reports/submissions/${item.submissionId}/return`, { reason: 'Trả lại để trường gửi lại trong lần thử tải giờ cao điểm.' }));
    }
  }
  const setupSeconds = (Date.now() - t0) / 1000;
  log(`Chuẩn bị xong trong ${setupSeconds.toFixed(1).replace('.', ',')} s: ${[...groups.values()].filter((g) => g.sessionId).length} phiên bình xét đã khai mạc, ${roles.filter((r) => r.kind === 'vp').length} trường gửi báo cáo ${[...provinces.values()].map((p) => p.period?.label).filter(Boolean)[0] ?? ''}`);

  // ------------------------------------------------------------------ the rush (timed)
  async function timed(action: string, fn: () => Promise<{ status: number; ms: number; json?: any }>, okStatus = 200) {
    try {
      const r = await fn();
      const ok = r.status === okStatus;
      samples.push({ action, ms: r.ms, ok, status: r.status });
      if (!ok) fail(`${action}: HTTP ${r.status} ${r.json?.error?.message ?? r.json?.message ?? ''}`);
      return r;
    } catch (e) {
      samples.push({ action, ms: NaN, ok: false, status: 0 });
      fail(`${action}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }
  const submissions = new Map<string, string>(); // username of a school officer → its submission id

  // With loginsFirst, users wait here until every login is done; the rush's clock starts then.
  let loggedIn = 0;
  let releaseAll!: () => void;
  const allIn = new Promise<void>((r) => { releaseAll = r; });
  let rushStarted = 0;
  const loginDone = () => {
    if (++loggedIn === roles.length) {
      rushStarted = Date.now();
      endAt = rushStarted + o.seconds * 1000;
      releaseAll();
    }
  };

  async function virtualUser(i: number, role: TRushRole) {
    const api = new ApiClient(o.url);
    await new Promise((r) => setTimeout(r, (o.rampSeconds * 1000 * i) / o.users));
    const start = performance.now();
    try {
      await api.login(role.username, o.password);
      samples.push({ action: 'Đăng nhập', ms: performance.now() - start, ok: true, status: 200 });
    } catch (e) {
      samples.push({ action: 'Đăng nhập', ms: performance.now() - start, ok: false, status: 0 });
      fail(`${role.username}: ${e instanceof Error ? e.message : String(e)}`);
      loginDone();
      return;
    }
    loginDone();
    if (o.loginsFirst) await allIn;
    const prov = provinces.get(role.province)!;
    const more = (k: number) => k < o.requests && Date.now() < endAt;
    if (role.kind === 'so') {
      let seen: string[] = [];
      for (let k = 0; more(k); k++) {
        await think();
        if (k % 3 === 2 && prov.period) {
          await timed('Sở: bảng theo dõi hạn báo cáo', () => api.get(`/api/v1/reports/board?formId=${prov.period!.formId}&periodId=${prov.period!.periodId}`));
          continue;
        }
        const q = SEARCHES[(i + k) % SEARCHES.length];
        const r = await timed('Sở: tìm cán bộ trong tỉnh', () => api.get(`/api/v1/people?q=${encodeURIComponent(q)}${prov.soId ? `&withinId=${prov.soId}` : ''}&pageSize=20`));
        if (r?.json?.items?.length) seen = r.json.items.map((p: { id: string }) => p.id);
        if (seen.length) await timed('Sở: xem hồ sơ cán bộ', () => api.get(`/api/v1/people/${seen[k % seen.length]}`));
      }
      return;
    }
    const g = groups.get(`${role.province}:${role.group}`)!;
    if (role.kind === 'vp') {
      // my reports → open (create if none) → save the draft several times → send once, at the end.
      let periodItem: { formId: string; periodId: string; submissionId: string | null } | null = null;
      let subId: string | null = null;
      let saves = 0;
      let sent = false;
      const step = async (k: number) => {
        if (!periodItem) {
          const { r, item } = await myDuty(api, prov);
          samples.push({ action: 'Trường: các kỳ báo cáo của tôi', ms: r.ms, ok: r.status === 200 && !!item, status: r.status });
          if (r.status !== 200 || !item) { fail(`${role.username}: các kỳ báo cáo HTTP ${r.status} ${item ? '' : '(không có kỳ nào)'}`); return false; }
          periodItem = item;
        } else if (!subId) {
          const it = periodItem;
          const r = await timed('Trường: mở báo cáo của kỳ', () => (it.submissionId ? api.get(`/api/v1/reports/submissions/${it.submissionId}`) : api.post('/api/v1/reports/submissions', { formId: it.formId, periodId: it.periodId })));
          if (!r?.json?.id) return false;
          subId = r.json.id as string;
          submissions.set(role.username, subId);
        } else if (!saves || k < o.requests - 1) {
          const received = 60 + ((i * 13 + k * 7) % 90);
          const late = (i + k) % 4;
          const full = Math.round(received * 0.6);
          const values = {
            tthc_received: received, tthc_on_time: received - late, tthc_late: late, tthc_online_full: full, tthc_online_partial: Math.round(received * 0.2),
            tthc_paid_online: Math.round(received * 0.5), satisfaction_rate: 85 + ((i + k) % 15), cds_hoc_ba_so: 1, cds_ho_so_dien_tu_rate: 60 + ((i * 3 + k) % 40),
            ket_qua_noi_bat: `Cập nhật số liệu lần ${saves + 1}: tiếp nhận ${received} hồ sơ, ${full} hồ sơ trực tuyến toàn trình.`,
          };
          const r = await timed('Trường: lưu nháp số liệu', () => api.put(`/api/v1/reports/submissions/${subId}/values`, { values }));
          if (r?.status === 200) saves++;
        } else {
          const r = await timed('Trường: gửi báo cáo', () => api.post(`/api/v1/reports/submissions/${subId}/submit`));
          sent = true;
          return r?.status === 200;
        }
        return true;
      };
      let k = 0;
      for (; more(k) && !sent; k++) {
        await think();
        if (!(await step(k))) return;
      }
      // Out of time or requests before sending: the officer still sends (opening and saving once first if needed).
      for (let extra = 0; !sent && extra < 4; extra++) {
        if (!(await step(o.requests))) return;
      }
      if (!sent) fail(`${role.username}: không gửi được báo cáo (chưa lưu được số liệu)`);
      return;
    }
    // A teacher on the council: read the session, vote once, then the everyday reads.
    const personId: string | null = api.me?.personId ?? null;
    if (!personId) { fail(`${role.username}: tài khoản không gắn hồ sơ`); return; }
    let choices: Record<string, string> | null = null;
    let voted = false;
    const vote = async () => {
      if (!g.sessionId) { fail(`${role.username}: trường không có phiên bình xét`); voted = true; return; }
      if (!choices) {
        const r = await timed('Hội đồng: xem phiên bình xét', () => api.get(`/api/v1/reviews/${g.sessionId}`));
        if (!r?.json?.candidates) { voted = true; return; }
        const skip = new Set<string>(r.json.me?.conflictCandidateIds ?? []);
        choices = Object.fromEntries((r.json.candidates as { id: string; result: string }[]).filter((c) => c.result !== 'withdrawn' && !skip.has(c.id))
          .map((c, n) => [c.id, (i + n) % 9 === 4 ? 'against' : (i + n) % 11 === 7 ? 'abstain' : 'for']));
        return;
      }
      await timed('Hội đồng: bỏ phiếu kín', () => api.post(`/api/v1/reviews/${g.sessionId}/ballot`, { choices }));
      voted = true;
    };
    for (let k = 0; more(k); k++) {
      await think();
      if (!voted) { await vote(); continue; }
      switch (k % 4) {
        case 0: await timed('Xem hồ sơ của mình', () => api.get(`/api/v1/people/${personId}`)); break;
        case 1: await timed('Sửa số điện thoại của mình', () => api.patch(`/api/v1/people/${personId}`, { phone: `09${String(10_000_000 + ((i * 7919 + k) % 89_999_999))}` })); break;
        case 2: await timed('Danh sách cán bộ', () => api.get('/api/v1/people?pageSize=10')); break;
        default: await timed('Thông báo', () => api.get('/api/v1/notifications')); break;
      }
    }
    // Out of time or requests before voting: the member still votes.
    while (!voted) await vote();
  }

  const started = Date.now();
  let endAt = started + (o.rampSeconds + o.seconds) * 1000;
  const cpu0 = o.pid ? cpuSeconds(o.pid) : null;
  let rssPeak = 0;
  const sampler = o.pid ? setInterval(() => { rssPeak = Math.max(rssPeak, rssMb(o.pid!) ?? 0); }, 200) : null;
  const load0 = os.loadavg()[0];
  await Promise.all(roles.map((role, i) => virtualUser(i, role)));
  if (sampler) clearInterval(sampler);
  const cpu1 = o.pid ? cpuSeconds(o.pid) : null;
  const load1 = os.loadavg()[0];
  // Requests per second over the rush itself (after the logins, when they come first).
  const wall = (Date.now() - (o.loginsFirst && rushStarted ? rushStarted : started)) / 1000;

  // ------------------------------------------------------------------ checks (untimed)
  const sessions: TRushResult['checks']['ballots']['sessions'] = [];
  for (const g of groups.values()) {
    if (!g.voters || !g.sessionId) continue;
    const r = await g.vp.get(`/api/v1/reviews/${g.sessionId}`);
    const counted = Number(r.json?.participation?.electronic ?? -1);
    sessions.push({ school: g.schoolName, sessionId: g.sessionId, voters: g.voters, counted });
    if (counted !== g.voters) fail(`Kiểm tra: ${g.schoolName} có ${g.voters} thành viên bỏ phiếu nhưng phiên ghi nhận ${counted} phiếu (HTTP ${r.status})`);
  }
  const reportRows: TRushResult['checks']['reports']['schools'] = [];
  for (const r of roles) {
    if (r.kind !== 'vp') continue;
    const g = groups.get(`${r.province}:${r.group}`)!;
    const id = submissions.get(r.username);
    const state = id ? String((await g.vp.get(`/api/v1/reports/submissions/${id}`)).json?.state ?? 'không đọc được') : 'chưa mở';
    reportRows.push({ school: g.schoolName, username: r.username, state });
    if (state !== 'submitted') fail(`Kiểm tra: báo cáo của ${g.schoolName} (${r.username}) ở trạng thái "${state}", không phải "đã gửi"`);
  }

  const byAction = new Map<string, typeof samples>();
  for (const s of samples) {
    if (!byAction.has(s.action)) byAction.set(s.action, []);
    byAction.get(s.action)!.push(s);
  }
  const rows = [...byAction].map(([action, list]) => ({ action, ...summarizeMs(list.filter((s) => s.ok).map((s) => s.ms)), n: list.length, errors: list.filter((s) => !s.ok).length }));
  const work = samples.filter((s) => s.action !== 'Đăng nhập');
  const serverCpuSeconds = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
  return {
    url: o.url,
    overall: {
      ...summarizeMs(work.filter((s) => s.ok).map((s) => s.ms)), n: work.length, errors: failed, requestsPerSecond: work.length / wall, seconds: wall, users: o.users,
      serverCpuSeconds, serverCpuMsPerRequest: serverCpuSeconds !== null ? (serverCpuSeconds * 1000) / samples.length : null, serverRssPeakMb: o.pid ? rssPeak : null,
      machineLoad: { start: load0, end: load1, cores: os.cpus().length },
    },
    rows,
    checks: {
      ballots: { expected: sessions.reduce((s, x) => s + x.voters, 0), counted: sessions.reduce((s, x) => s + Math.max(0, x.counted), 0), sessions },
      reports: { expected: reportRows.length, submitted: reportRows.filter((x) => x.state === 'submitted').length, schools: reportRows },
    },
    setupSeconds,
    errors,
  };
}

/** The human-readable report (Vietnamese), one line per string. */
export function formatRush(res: TRushResult, o: Pick<TRushOptions, 'rampSeconds' | 'thinkMs' | 'pid' | 'loginsFirst'>): string[] {
  const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(1).replace('.', ','));
  const { overall } = res;
  const out = [
    `Giờ cao điểm: ${overall.users} người dùng đồng thời (đăng nhập rải trong ${o.rampSeconds} s${o.loginsFirst ? ', xong hết rồi mới cùng bắt đầu' : ''}, nghỉ ~${o.thinkMs} ms giữa hai thao tác), ${overall.n} yêu cầu trong ${f(overall.seconds)} s (${f(overall.requestsPerSecond)} yêu cầu/s) tới ${res.url}`,
    `${'Thao tác'.padEnd(34)} ${'n'.padStart(6)} ${'lỗi'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
    ...res.rows.map((r) => `${r.action.padEnd(34)} ${String(r.n).padStart(6)} ${String(r.errors).padStart(5)} ${f(r.p50).padStart(8)} ${f(r.p95).padStart(8)} ${f(r.max).padStart(8)}`),
    `${'Tất cả (trừ đăng nhập)'.padEnd(34)} ${String(overall.n).padStart(6)} ${String(overall.errors).padStart(5)} ${f(overall.p50).padStart(8)} ${f(overall.p95).padStart(8)} ${f(overall.max).padStart(8)}`,
    `Phiếu bầu: ${res.checks.ballots.counted}/${res.checks.ballots.expected} phiếu được ghi nhận ở ${res.checks.ballots.sessions.length} phiên bình xét`,
    `Báo cáo định kỳ: ${res.checks.reports.submitted}/${res.checks.reports.expected} trường đã gửi`,
  ];
  if (overall.serverCpuSeconds !== null) out.push(`Máy chủ (pid ${o.pid}): CPU ${f(overall.serverCpuSeconds)} s = ${f(overall.serverCpuMsPerRequest!)} ms/yêu cầu (kể cả đăng nhập), RSS cao nhất ${f(overall.serverRssPeakMb!)} MB`);
  out.push(`Tải máy (load average 1 phút, ${overall.machineLoad.cores} lõi): đầu ${f(overall.machineLoad.start)}, cuối ${f(overall.machineLoad.end)}`);
  for (const e of res.errors) out.push(`  lỗi: ${e}`);
  return out;
}
