// `thidua generate-data`: deterministic, realistic synthetic data at school, province or national
// scale. The unit tree after 2025 (Bộ → 34 Sở → THPT/GDTX; UBND tỉnh → UBND xã → Phòng VH‑XH →
// MN/TH/THCS, professional parent the Sở), tổ chuyên môn in every school, staff with employment
// history, ten years of ratings, qualifications, a few disciplines, clusters and accounts.
//
// Work is organised in steps (TScaleStep) run province by province, each province in its own
// transaction; later features (titles and awards, plans, reports, nominations) plug in as extra steps
// that read the province model (units, staff) and write through the same bulk writer.
// Same seed → same rows: ids come from counters (UUID-shaped, version 8), names from seeded streams.
import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { RoleCode, UnitKind } from '../db/schema';
import { foldVietnamese, schoolYearOf } from '../../shared/vn';
import { hashPassword } from '../auth/password';
import { writeAudit } from '../audit/audit';
import { newId, nowIso, randomPassword, todayIso } from '../ids';
import { makeRandom, personName, type TRandom } from '../demo/seed-demo';
import { ETHNICITIES } from '../demo/names';
import { awardsStep } from './awards-step';
import { plansReportsStep } from './plans-reports-step';
import { participationStep } from './participation-step';
import { reviewsStep } from './reviews-step';
import { assessmentsStep } from './assessments-step';
import { ensureShippedRuleSets } from '../rules/rule-sets';
import { PostgresBulkWriter, SqliteBulkWriter, TABLES, type TBulkSink, type TBulkWriter, type TTableSpec } from './bulk';
import { COMMUNE_KINDS, FEMALE_SHARE, KIND_PREFIX, planFor, SO_DEPARTMENTS, STAFF_RANGE, summarize, TO_BY_KIND, type TPlanSummary, type TProvincePlan, type TScale } from './plan';

export type TUnitInfo = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  abbreviation: string | null;
  communeCode: string | null;
  /** ancestor id → depth (itself at 0); kept for units that have children. */
  ancestors: Map<string, number>;
};

export type TPersonInfo = {
  id: string; unitId: string; fullName: string; position: string; category: string; female: boolean; startYear: number;
  /** Ratings of the ten school years before the current one, one letter a year from the oldest: x = HTXSNV,
   *  t = HTTNV, h = HTNV, k = KHTNV, '-' = not in service. Later steps (awards) stay consistent with them. */
  ratings: string;
  /** The unit of the years before a move (`switchYear`), if the person moved once. */
  prevUnitId: string | null;
  switchYear: number;
};

/** The letter of `p.ratings` for school year `y` ('-' when out of the ten years or not in service). */
export function ratingOf(p: TPersonInfo, currentYear: number, y: number): string {
  return p.ratings[y - (currentYear - 10)] ?? '-';
}

export type TCommuneModel = { code: string; name: string; ubnd: TUnitInfo; phong: TUnitInfo; schools: TUnitInfo[] };

/** What the generator knows about the province being written; steps read and extend it. */
export type TProvinceModel = {
  plan: TProvincePlan;
  code: string;
  ubndTinh: TUnitInfo;
  so: TUnitInfo;
  departments: TUnitInfo[];
  soSchools: TUnitInfo[];
  communes: TCommuneModel[];
  /** Every school (Sở-level first, then by commune). */
  schools: TUnitInfo[];
  /** Staff written by the people step, in order. */
  people: TPersonInfo[];
  /** Cụm/khối written by the clusters step (this school year), members in order (trưởng, phó, thành viên). */
  clusters: { id: string; name: string; kind: 'cum' | 'khoi'; owner: TUnitInfo; members: TUnitInfo[] }[];
  /** A seeded random stream private to one step, so adding a step never changes the others' data. */
  random: (stepName: string) => TRandom;
};

export type TGenContext = {
  writer: TBulkWriter;
  seed: number;
  today: string;
  /** The current school year (start year); ratings cover the ten years before it. */
  currentYear: number;
  now: string;
  bo: TUnitInfo;
  /** Next deterministic id; `tag` is 4 hex digits per table (built-in tags 0001–000a; take 0010+ for new tables). */
  id: (tag: string, provinceCode: string) => string;
  /** Rows written per table. */
  counts: Record<string, number>;
  passwordHash: string;
  teacherAccounts: number;
  accounts: { username: string; role: RoleCode; unitName: string }[];
  /** Called often; redraws the progress bar when due. */
  tick: (label?: string) => void;
  /** Writes one row of a built-in table through the bulk writer and counts it. */
  add: (table: keyof typeof TABLES, row: (string | number | null)[]) => void | Promise<void>;
  /** Same for a table a later step brings (its own spec: column order and types). */
  write: (spec: TTableSpec, row: (string | number | null)[]) => void | Promise<void>;
};

export type TScaleStep = {
  name: string;
  perProvince?: (ctx: TGenContext, model: TProvinceModel) => Promise<void>;
  finish?: (ctx: TGenContext) => Promise<void>;
};

export type TGenerateOptions = {
  database: Database;
  /** The postgres:// URL of `database` (the bulk writer opens its own connection); unused on SQLite. */
  databaseUrl?: string;
  scale: TScale;
  seed: number;
  province?: string;
  force?: boolean;
  /** Password of every generated account; random when not given. */
  password?: string | null;
  /** Password of `admin` (created at the Bộ when missing); random when not given. */
  adminPassword?: string | null;
  /** Individual accounts per province (teachers linked to their record), named gv<province>.<nnnn>. */
  teacherAccounts?: number;
  today?: string;
  steps?: TScaleStep[];
  onProgress?: (p: TProgressInfo) => void;
};

export type TProgressInfo = { written: number; expected: number; rowsPerSecond: number; etaSeconds: number | null; label: string; done: boolean };

export type TGenerateResult = {
  scale: TScale;
  seed: number;
  seconds: number;
  rows: number;
  counts: Record<string, number>;
  /** Seconds spent in each step (rows built and batches written while it ran), and in the per-province commits. */
  stepSeconds: Record<string, number>;
  plan: TPlanSummary;
  accounts: { username: string; role: RoleCode; unitName: string }[];
  password: string;
  adminPassword: string | null;
};

const ID_TAGS: Record<string, string> = {
  units: '0001', people: '0002', employments: '0003', performance_ratings: '0004', qualifications: '0005', disciplines: '0006',
  clusters: '0007', users: '0008', user_roles: '0009', unit_events: '000a',
};

/** UUID-shaped, version-8 ids from counters: deterministic and increasing, so index inserts append. */
export function makeIdFactory(seed: number) {
  const s8 = (seed >>> 0).toString(16).padStart(8, '0');
  const counters = new Map<string, number>();
  return (tag: string, provinceCode: string) => {
    const key = `${tag}:${provinceCode}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${s8}-${tag}-8${provinceCode.padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

function streamSeed(seed: number, province: string, step: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const ch of `${province}/${step}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// ---------------------------------------------------------------- units

const SCHOOL_PATRONS = ['Nguyễn Du', 'Lê Quý Đôn', 'Trần Phú', 'Nguyễn Trãi', 'Lê Lợi', 'Quang Trung', 'Chu Văn An', 'Trần Hưng Đạo', 'Lý Thường Kiệt', 'Phan Bội Châu', 'Phan Châu Trinh', 'Hoàng Hoa Thám', 'Võ Thị Sáu', 'Lê Hồng Phong', 'Nguyễn Thị Minh Khai', 'Hùng Vương', 'Ngô Quyền', 'Đinh Tiên Hoàng', 'Lê Thánh Tông', 'Nguyễn Khuyến', 'Nguyễn Đình Chiểu', 'Tô Hiến Thành', 'Huỳnh Thúc Kháng', 'Nguyễn Bỉnh Khiêm', 'Lương Thế Vinh', 'Trần Nhân Tông', 'Phan Đình Phùng', 'Hà Huy Tập', 'Lý Tự Trọng', 'Kim Đồng', 'Nguyễn Văn Trỗi', 'Bà Triệu', 'Hai Bà Trưng', 'Trần Quang Khải', 'Mạc Đĩnh Chi', 'Nguyễn Công Trứ', 'Cao Bá Quát', 'Ngô Gia Tự', 'Trần Quốc Toản', 'Nguyễn Hiền'];
const MN_NAMES = ['Hoa Sen', 'Sơn Ca', 'Họa Mi', 'Bình Minh', 'Ánh Dương', 'Tuổi Thơ', 'Hoa Hồng', 'Măng Non', 'Hoa Mai', 'Vành Khuyên', 'Hoa Phượng', 'Sao Mai', 'Búp Sen Hồng', 'Thỏ Ngọc', 'Hướng Dương'];

function closureOf(selfId: string, parents: TUnitInfo[]): Map<string, number> {
  const m = new Map<string, number>([[selfId, 0]]);
  for (const p of parents) {
    for (const [a, d] of p.ancestors) {
      const cur = m.get(a);
      if (cur === undefined || d + 1 < cur) m.set(a, d + 1);
    }
  }
  return m;
}

async function writeUnit(
  ctx: TGenContext, P: string,
  u: { code: string; name: string; kind: UnitKind; abbreviation?: string | null; communeCode?: string | null; parent?: TUnitInfo | null; profParent?: TUnitInfo | null; validFrom: string; address?: string | null; phone?: string | null },
): Promise<TUnitInfo> {
  const id = ctx.id(ID_TAGS.units, P);
  const parents = [u.parent, u.profParent].filter((x): x is TUnitInfo => !!x);
  const ancestors = closureOf(id, parents);
  await ctx.add('units', [id, u.code, u.name, null, u.abbreviation ?? null, u.kind, P, u.communeCode ?? null, u.parent?.id ?? null, u.profParent?.id ?? null, u.address ?? null, u.phone ?? null, null, 'active', u.validFrom, null, foldVietnamese(u.name), ctx.now, ctx.now]);
  for (const [a, d] of ancestors) await ctx.add('unit_closure', [a, id, d, P]);
  await ctx.add('unit_events', [ctx.id(ID_TAGS.unit_events, P), id, 'created', u.validFrom, u.parent?.id ?? null, '{"source":"generate-data"}', null, P, ctx.now]);
  return { id, code: u.code, name: u.name, kind: u.kind, abbreviation: u.abbreviation ?? null, communeCode: u.communeCode ?? null, ancestors };
}

function provinceWord(type: string) {
  return /Thành phố/i.test(type) ? 'thành phố' : 'tỉnh';
}

export const unitsStep: TScaleStep = {
  name: 'units',
  async perProvince(ctx, m) {
    const rnd = m.random('units');
    const P = m.code;
    const pw = provinceWord(m.plan.type);
    m.ubndTinh = await writeUnit(ctx, P, { code: `UBND-${P}`, name: `Ủy ban nhân dân ${pw} ${m.plan.name}`, kind: 'ubnd_tinh', abbreviation: 'UBND', validFrom: '2025-07-01' });
    m.so = await writeUnit(ctx, P, { code: `SGDDT-${P}`, name: `Sở Giáo dục và Đào tạo ${m.plan.name}`, kind: 'so', abbreviation: 'SGDĐT', parent: m.ubndTinh, profParent: ctx.bo, validFrom: '2025-07-01', address: `${pw === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${m.plan.name}`, phone: `02${rnd.int(10, 99)} ${rnd.int(3000, 3999)} ${rnd.int(100, 999)}` });
    for (const [i, name] of SO_DEPARTMENTS.entries()) m.departments.push(await writeUnit(ctx, P, { code: `SGDDT-${P}-P${i + 1}`, name, kind: 'phong_ban', parent: m.so, validFrom: '2025-07-01' }));
    const addTo = async (school: TUnitInfo) => {
      for (const [i, name] of (TO_BY_KIND[school.kind] ?? []).entries()) {
        await writeUnit(ctx, P, { code: `${school.code}-T${i + 1}`, name, kind: 'to_chuyen_mon', parent: school, communeCode: school.communeCode, validFrom: '2025-07-01' });
      }
      m.schools.push(school);
    };
    const usedNames = new Set<string>();
    for (let i = 0; i < m.plan.thpt; i++) {
      const c = m.plan.communes[Math.floor((i * m.plan.communes.length) / Math.max(1, m.plan.thpt))];
      let label = i < SCHOOL_PATRONS.length ? SCHOOL_PATRONS[i] : c.name;
      for (let k = 2; usedNames.has(label); k++) label = `${c.name} ${k}`;
      usedNames.add(label);
      const s = await writeUnit(ctx, P, { code: `THPT-${P}-${String(i + 1).padStart(3, '0')}`, name: `Trường THPT ${label}`, kind: 'thpt', abbreviation: `THPT${i + 1}`, parent: m.so, communeCode: c.code, validFrom: `${rnd.int(1960, 2010)}-09-05` });
      m.soSchools.push(s);
      await addTo(s);
    }
    for (let i = 0; i < m.plan.gdtx; i++) {
      const c = m.plan.communes[Math.floor((i * m.plan.communes.length) / Math.max(1, m.plan.gdtx))];
      const s = await writeUnit(ctx, P, { code: `GDTX-${P}-${String(i + 1).padStart(2, '0')}`, name: `Trung tâm GDNN – GDTX ${c.name}`, kind: 'gdtx', abbreviation: `TTGDTX${i + 1}`, parent: m.so, communeCode: c.code, validFrom: `${rnd.int(1980, 2015)}-09-01` });
      m.soSchools.push(s);
      await addTo(s);
    }
    for (const c of m.plan.communes) {
      const ward = /phường/i.test(c.type) ? 'phường' : /đặc khu/i.test(c.type) ? 'đặc khu' : 'xã';
      const ubnd = await writeUnit(ctx, P, { code: `UBND-X${c.code}`, name: `Ủy ban nhân dân ${ward} ${c.name}`, kind: 'ubnd_xa', abbreviation: 'UBND', parent: m.ubndTinh, communeCode: c.code, validFrom: '2025-07-01' });
      const phong = await writeUnit(ctx, P, { code: `VHXH-${c.code}`, name: `Phòng Văn hóa – Xã hội ${ward} ${c.name}`, kind: 'phong_vhxh', abbreviation: 'VHXH', parent: ubnd, communeCode: c.code, validFrom: '2025-07-01' });
      const cm: TCommuneModel = { code: c.code, name: c.name, ubnd, phong, schools: [] };
      for (const kind of COMMUNE_KINDS) {
        const n = c.counts[kind];
        for (let k = 0; k < n; k++) {
          let name: string;
          if (kind === 'mn') name = `Trường Mầm non ${k === 0 ? c.name : MN_NAMES[(k - 1 + rnd.int(0, MN_NAMES.length - 1)) % MN_NAMES.length]}${k > MN_NAMES.length ? ` ${k}` : ''}`;
          else if (kind === 'truong_khac') name = `${rnd.next() < 0.6 ? 'Nhóm trẻ độc lập' : 'Lớp mẫu giáo độc lập'} ${rnd.pick(MN_NAMES)} ${k + 1}`;
          else {
            const prefix = kind === 'th' ? 'Trường Tiểu học' : kind === 'thcs' ? 'Trường THCS' : 'Trường TH và THCS';
            name = k === 0 ? `${prefix} ${c.name}` : rnd.next() < 0.5 ? `${prefix} ${c.name} ${k + 1}` : `${prefix} ${rnd.pick(SCHOOL_PATRONS)}`;
          }
          const s = await writeUnit(ctx, P, {
            code: `${KIND_PREFIX[kind]}-${c.code}-${k + 1}`, name, kind, abbreviation: `${KIND_PREFIX[kind]}${c.code.slice(-3)}${k + 1}`,
            parent: phong, profParent: m.so, communeCode: c.code, validFrom: `${rnd.int(1960, 2020)}-09-05`,
          });
          cm.schools.push(s);
          await addTo(s);
        }
      }
      m.communes.push(cm);
      ctx.tick(m.plan.name);
    }
  },
};

// ---------------------------------------------------------------- people

const SUBJECTS = ['Toán', 'Ngữ văn', 'Tiếng Anh', 'Vật lý', 'Hóa học', 'Sinh học', 'Lịch sử', 'Địa lý', 'Tin học', 'Giáo dục công dân', 'Thể dục', 'Âm nhạc', 'Mỹ thuật'];
const UNIVERSITIES = ['Trường Đại học Sư phạm Hà Nội', 'Trường Đại học Sư phạm TP. Hồ Chí Minh', 'Trường Đại học Vinh', 'Trường Đại học Sư phạm – Đại học Huế', 'Trường Đại học Sư phạm – Đại học Đà Nẵng', 'Trường Đại học Sư phạm – Đại học Thái Nguyên', 'Trường Đại học Cần Thơ', 'Trường Đại học Quy Nhơn', 'Trường Đại học Hồng Đức', 'Trường Đại học Đồng Tháp'];
const STAFF_JOBS = ['Kế toán', 'Văn thư', 'Nhân viên y tế', 'Nhân viên thư viện', 'Nhân viên thiết bị'];
const DISCIPLINE_REASONS = ['Vi phạm quy định về dạy thêm, học thêm', 'Vi phạm quy chế chuyên môn', 'Vi phạm quy định về thu, chi', 'Vi phạm đạo đức nhà giáo'];

function positionFor(rnd: TRandom, unitKind: string, i: number, toCount: number): string {
  if (unitKind === 'so') return i === 0 ? 'Giám đốc Sở' : i < 3 ? 'Phó Giám đốc Sở' : i < 10 ? 'Trưởng phòng' : 'Chuyên viên';
  if (unitKind === 'phong_vhxh') return i === 0 ? 'Trưởng phòng' : i === 1 ? 'Phó Trưởng phòng' : 'Công chức';
  if (unitKind === 'truong_khac') return i === 0 ? 'Chủ nhóm' : rnd.next() < 0.7 ? 'Giáo viên mầm non' : 'Bảo mẫu';
  const gd = unitKind === 'gdtx';
  if (i === 0) return gd ? 'Giám đốc' : 'Hiệu trưởng';
  if (i < 3) return gd ? 'Phó Giám đốc' : 'Phó Hiệu trưởng';
  if (i < 3 + toCount) return 'Tổ trưởng chuyên môn';
  if (rnd.next() < 0.86) return unitKind === 'mn' ? 'Giáo viên mầm non' : unitKind === 'th' ? 'Giáo viên tiểu học' : `Giáo viên ${rnd.pick(SUBJECTS)}`;
  return rnd.pick(STAFF_JOBS);
}

function categoryFor(position: string, unitKind: string): string {
  if (/Hiệu trưởng|Giám đốc|Trưởng phòng|Chủ nhóm/.test(position)) return 'Cán bộ quản lý';
  if (position.startsWith('Giáo viên') || position.startsWith('Tổ trưởng')) return 'Giáo viên';
  if (unitKind === 'so' || unitKind === 'phong_vhxh') return 'Công chức';
  return 'Nhân viên';
}

export const peopleStep: TScaleStep = {
  name: 'people',
  async perProvince(ctx, m) {
    const rnd = m.random('people');
    const P = m.code;
    const usedCccd = new Set<string>();
    const folded = new Map<string, string>();
    const schoolsByKind = new Map<string, TUnitInfo[]>();
    const firstYear = ctx.currentYear - 10;
    const staff = async (unit: TUnitInfo) => {
      const kindKey = unit.kind;
      const [lo, hi] = STAFF_RANGE[kindKey];
      const n = rnd.int(lo, hi);
      const toCount = TO_BY_KIND[kindKey]?.length ?? 0;
      const peers = schoolsByKind.get(kindKey) ?? [];
      for (let i = 0; i < n; i++) {
        const female = rnd.next() < FEMALE_SHARE[kindKey];
        const birthYear = rnd.int(1966, 2002);
        const birth = `${birthYear}-${pad2(rnd.int(1, 12))}-${pad2(rnd.int(1, 28))}`;
        let cccd: string | null = null;
        if (rnd.next() < 0.92) {
          const head = `0${P}${female ? (birthYear >= 2000 ? '3' : '1') : birthYear >= 2000 ? '2' : '0'}${String(birthYear).slice(2)}`;
          do cccd = `${head}${String(rnd.int(0, 999_999)).padStart(6, '0')}`; while (usedCccd.has(cccd));
          usedCccd.add(cccd);
        }
        const position = positionFor(rnd, kindKey, i, toCount);
        const category = categoryFor(position, kindKey);
        const startYear = Math.max(birthYear + 22, 1988) + rnd.int(0, 4);
        const fullName = personName(rnd, female);
        let ns = folded.get(fullName);
        if (ns === undefined) { ns = foldVietnamese(fullName); folded.set(fullName, ns); }
        const id = ctx.id(ID_TAGS.people, P);
        const sectorStart = `${startYear}-09-0${rnd.int(1, 5)}`;
        await ctx.add('people', [id, fullName, ns, birth, female ? 'nu' : 'nam', rnd.weighted(ETHNICITIES), cccd, rnd.next() < 0.8 ? `09${rnd.int(10_000_000, 99_999_999)}` : null, null, unit.id, position, category, sectorStart, P, ctx.now, ctx.now]);
        const person: TPersonInfo = { id, unitId: unit.id, fullName, position, category, female, startYear, ratings: '', prevUnitId: null, switchYear: 0 };
        m.people.push(person);
        // Employment history: a quarter of the long-serving staff moved once from a school of the same kind.
        let switchYear = 0;
        let prevUnit: TUnitInfo | null = null;
        if (startYear < ctx.currentYear - 6 && peers.length && rnd.next() < 0.25) {
          prevUnit = rnd.pick(peers);
          switchYear = rnd.int(startYear + 2, ctx.currentYear - 2);
          await ctx.add('employments', [ctx.id(ID_TAGS.employments, P), id, P, prevUnit.id, category === 'Cán bộ quản lý' ? 'Giáo viên' : position, sectorStart, `${switchYear}-08-31`]);
          await ctx.add('employments', [ctx.id(ID_TAGS.employments, P), id, P, unit.id, position, `${switchYear}-09-01`, null]);
        } else {
          await ctx.add('employments', [ctx.id(ID_TAGS.employments, P), id, P, unit.id, position, sectorStart, null]);
        }
        // Ten school years of ratings (those in service), at the unit of that year.
        const strength = rnd.next();
        let letters = '-'.repeat(Math.max(0, Math.min(10, startYear - firstYear)));
        for (let y = Math.max(firstYear, startYear); y < ctx.currentYear; y++) {
          const r = rnd.next() * 0.6 + strength * 0.4;
          const rating = r > 0.72 ? 'htxsnv' : r > 0.2 ? 'httnv' : r > 0.04 ? 'htnv' : 'khtnv';
          letters += rating === 'htxsnv' ? 'x' : rating === 'httnv' ? 't' : rating === 'htnv' ? 'h' : 'k';
          await ctx.add('performance_ratings', [ctx.id(ID_TAGS.performance_ratings, P), id, P, y, rating, prevUnit && y < switchYear ? prevUnit.id : unit.id]);
        }
        person.ratings = letters;
        person.prevUnitId = prevUnit?.id ?? null;
        person.switchYear = switchYear;
        const degree = category === 'Nhân viên' ? 'Cao đẳng' : rnd.next() < 0.18 ? 'Thạc sĩ' : 'Đại học';
        const field = kindKey === 'mn' || kindKey === 'truong_khac' ? 'Giáo dục mầm non' : kindKey === 'th' ? 'Giáo dục tiểu học' : position.startsWith('Giáo viên ') ? position.replace(/^Giáo viên /, 'Sư phạm ') : 'Quản lý giáo dục';
        await ctx.add('qualifications', [ctx.id(ID_TAGS.qualifications, P), id, P, 'Trình độ chuyên môn', `${degree} ${field} – ${rnd.pick(UNIVERSITIES)}`, startYear - 1]);
        if (rnd.next() < 0.08) await ctx.add('qualifications', [ctx.id(ID_TAGS.qualifications, P), id, P, 'Lý luận chính trị', 'Trung cấp lý luận chính trị', rnd.int(startYear, ctx.currentYear)]);
        if (rnd.next() < 0.006) {
          const y = rnd.int(ctx.currentYear - 9, ctx.currentYear);
          await ctx.add('disciplines', [ctx.id(ID_TAGS.disciplines, P), id, P, rnd.next() < 0.8 ? 'khien_trach' : 'canh_cao', `${rnd.int(10, 300)}/QĐ-${unit.abbreviation ?? 'DV'}`, `${y}-03-15`, `${y + 1}-03-14`, rnd.pick(DISCIPLINE_REASONS)]);
        }
      }
      if (unit.kind !== 'so' && unit.kind !== 'phong_vhxh') {
        if (!schoolsByKind.has(kindKey)) schoolsByKind.set(kindKey, []);
        schoolsByKind.get(kindKey)!.push(unit);
      }
      ctx.tick(m.plan.name);
    };
    await staff(m.so);
    for (const c of m.communes) await staff(c.phong);
    for (const s of m.schools) await staff(s);
  },
};

// ---------------------------------------------------------------- clusters

export const clustersStep: TScaleStep = {
  name: 'clusters',
  async perProvince(ctx, m) {
    const P = m.code;
    const cluster = async (name: string, kind: 'cum' | 'khoi', owner: TUnitInfo, members: TUnitInfo[]) => {
      if (!members.length) return;
      const id = ctx.id(ID_TAGS.clusters, P);
      await ctx.add('clusters', [id, name, kind, ctx.currentYear, owner.id, P, null, ctx.now]);
      m.clusters.push({ id, name, kind, owner, members });
      for (const [i, u] of members.entries()) await ctx.add('cluster_members', [id, u.id, i === 0 ? 'truong' : i === 1 ? 'pho' : 'thanh_vien']);
    };
    const thpt = m.soSchools.filter((s) => s.kind === 'thpt');
    const groups = Math.max(1, Math.round(thpt.length / 8));
    for (let g = 0; g < groups; g++) {
      await cluster(`Cụm thi đua số ${g + 1} – các trường THPT`, 'cum', m.so, thpt.filter((_, i) => i % groups === g));
    }
    await cluster('Khối các trung tâm GDNN – GDTX', 'khoi', m.so, m.soSchools.filter((s) => s.kind === 'gdtx'));
    await cluster('Khối các phòng thuộc Sở', 'khoi', m.so, m.departments);
    for (const c of m.communes) {
      await cluster(`Cụm thi đua các trường ${c.ubnd.name.replace('Ủy ban nhân dân ', '')}`, 'cum', c.ubnd, c.schools.filter((s) => s.kind !== 'truong_khac'));
    }
  },
};

// ---------------------------------------------------------------- accounts

/** Teacher accounts come in groups of this size, all of one school (its bình xét council). */
export const TEACHER_GROUP_SIZE = 5;

/** `k` items spread evenly over `list` (its first item always among them). */
function spread<T>(list: T[], k: number): T[] {
  return Array.from({ length: Math.min(k, list.length) }, (_, j) => list[Math.floor((j * list.length) / Math.min(k, list.length))]);
}

/**
 * Per province: `so<P>.admin` (admin at the Sở), `so<P>.tdkt` (officer at the Sở), and the teacher accounts
 * in groups of five teachers of the SAME school: `gv<P>.<nnnn>` (numbered group after group, so group g holds
 * gv<P>.<5g+1 … 5g+5>), each linked to the teacher's record with the roles `individual` and `council` at the
 * school (they sit on its bình xét council), plus one officer per group school, `vp<P>.<nn>` (group nn, linked
 * to a Phó Hiệu trưởng / Phó Giám đốc): the one who fills in and sends the school's periodic report and sets up
 * its review session. Group schools are spread over the province, taken first among the schools that file the
 * Sở's quarterly CCHC report (THPT, GDTX: plans-reports-step.ts) and have a head, a deputy and at least six
 * teachers; only when those run out (school scale: one THPT) among the other schools that have them.
 * `ctx.teacherAccounts` (20 / 200 / 10 by scale) is the number of teacher accounts, rounded up to whole groups
 * and capped by the schools available.
 */
export const accountsStep: TScaleStep = {
  name: 'accounts',
  async perProvince(ctx, m) {
    const P = m.code;
    const rnd = m.random('accounts');
    const user = async (username: string, fullName: string, personId: string | null, roles: RoleCode[], unit: TUnitInfo) => {
      const uid = ctx.id(ID_TAGS.users, P);
      await ctx.add('users', [uid, username, fullName, null, ctx.passwordHash, personId, 1, 0, 0, null, null, ctx.now, ctx.now]);
      for (const role of roles) await ctx.add('user_roles', [ctx.id(ID_TAGS.user_roles, P), uid, role, unit.id, ctx.now]);
      ctx.accounts.push({ username, role: roles[0], unitName: unit.name });
    };
    await user(`so${P}.admin`, `Quản trị ${m.so.name}`, null, ['admin'], m.so);
    await user(`so${P}.tdkt`, personName(rnd, rnd.next() < 0.6), null, ['officer'], m.so);
    const staffOf = new Map<string, TPersonInfo[]>();
    for (const p of m.people) {
      let l = staffOf.get(p.unitId);
      if (!l) { l = []; staffOf.set(p.unitId, l); }
      l.push(p);
    }
    const teachersOf = (s: TUnitInfo) => (staffOf.get(s.id) ?? []).filter((p) => p.category === 'Giáo viên');
    const deputyOf = (s: TUnitInfo) => (staffOf.get(s.id) ?? []).find((p) => /^Phó (Hiệu trưởng|Giám đốc)$/.test(p.position));
    const fits = (s: TUnitInfo) => teachersOf(s).length >= TEACHER_GROUP_SIZE + 1 && !!deputyOf(s) && (staffOf.get(s.id) ?? []).some((p) => /^(Hiệu trưởng|Giám đốc)$/.test(p.position));
    const reporting = new Set(m.soSchools.map((s) => s.id));
    const filing = m.schools.filter((s) => reporting.has(s.id) && fits(s));
    const others = m.schools.filter((s) => !reporting.has(s.id) && fits(s));
    const groups = Math.ceil(Math.max(0, ctx.teacherAccounts) / TEACHER_GROUP_SIZE);
    const schools = [...spread(filing, groups), ...spread(others, groups - Math.min(groups, filing.length))];
    let n = 0;
    for (const [g, school] of schools.entries()) {
      const size = Math.min(TEACHER_GROUP_SIZE, ctx.teacherAccounts - g * TEACHER_GROUP_SIZE);
      for (const t of teachersOf(school).slice(0, size)) {
        n++;
        await user(`gv${P}.${String(n).padStart(4, '0')}`, t.fullName, t.id, ['individual', 'council'], school);
      }
      const deputy = deputyOf(school)!;
      await user(`vp${P}.${String(g + 1).padStart(2, '0')}`, deputy.fullName, deputy.id, ['officer'], school);
    }
  },
};

/** Built-in steps; the award history (awards-step.ts) reads the ratings the people step drew; then the
 * newer features' tables: plans and periodic reports, participation, nominations + bình xét + dossiers and
 * decisions, unit assessments (each its own file and random stream). */
export const DEFAULT_STEPS: TScaleStep[] = [unitsStep, peopleStep, clustersStep, accountsStep, awardsStep, plansReportsStep, participationStep, reviewsStep, assessmentsStep];

// ---------------------------------------------------------------- driver

/** Every data table emptied (schema and migrations kept). */
export async function wipeData(database: Database): Promise<void> {
  const { db, kind } = database;
  if (kind === 'postgres') {
    const rows = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema() and tablename <> 'thidua_migrations'`.execute(db);
    if (rows.rows.length) await sql.raw(`truncate ${rows.rows.map((r) => `"${r.tablename}"`).join(', ')} restart identity cascade`).execute(db);
    return;
  }
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'thidua_migrations'`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    for (const r of rows.rows) await sql.raw(`delete from "${r.name}"`).execute(db);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** Rows a run will write, roughly (for the ETA). */
function expectedRows(s: TPlanSummary, schoolsWithTo: number): number {
  const units = s.institutions + schoolsWithTo * 4 + s.communes * 2 + s.provinces * 8;
  // staff: person, employments, ratings, qualifications, ≈ 9 awards, ≈ 4 rows of the feature steps; units: closure, events, plans…
  return Math.round(s.expectedStaff * (1 + 1.19 + 8.5 + 1.08 + 9 + 4) + units * (1 + 5.5 + 1));
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('Trên PostgreSQL cần databaseUrl (DATABASE_URL) để nạp dữ liệu hàng loạt');
  return url;
}

export async function generateData(opts: TGenerateOptions): Promise<TGenerateResult> {
  const started = Date.now();
  const { database } = opts;
  const { db, kind } = database;
  const today = opts.today ?? todayIso();
  const plan = planFor(opts.scale, opts.seed, opts.province ?? '42');
  const summary = summarize(plan);

  const existing = await db.selectFrom('units').select(['id', 'code']).limit(2).execute();
  let boId: string | null = null;
  if (existing.length === 1 && existing[0].code === 'BGDDT') boId = existing[0].id; // the lone Bộ of a first boot
  else if (existing.length > 0) {
    if (!opts.force) {
      const n = await db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      throw new Error(`Cơ sở dữ liệu đã có ${Number(n.n)} đơn vị; không sinh dữ liệu đè lên. Dùng --force để xóa toàn bộ dữ liệu hiện có rồi sinh lại.`);
    }
    await wipeData(database);
  }

  const password = opts.password ?? randomPassword(12);
  const passwordHash = await hashPassword(password);
  const writer: TBulkWriter = kind === 'postgres'
    ? new PostgresBulkWriter(requireUrl(opts.databaseUrl))
    : new SqliteBulkWriter(database.sqliteFile!);
  const now = nowIso();
  const counts: Record<string, number> = {};
  const stepSeconds: Record<string, number> = {};
  const expected = expectedRows(summary, summary.institutions - (summary.byKind.truong_khac ?? 0));
  let lastDraw = 0;
  const report = (label: string, done = false) => {
    if (!opts.onProgress) return;
    const t = Date.now();
    if (!done && t - lastDraw < 250) return;
    lastDraw = t;
    const secs = Math.max(0.001, (t - started) / 1000);
    const written = Object.values(counts).reduce((s, n) => s + n, 0);
    const rate = written / secs;
    opts.onProgress({ written, expected: Math.max(expected, written), rowsPerSecond: rate, etaSeconds: done ? 0 : rate > 0 ? Math.max(0, (expected - written) / rate) : null, label, done });
  };
  /** ctx.add / ctx.write into one sink (the writer itself, or one province's connection), counted per table. */
  const addersFor = (sink: TBulkSink): Pick<TGenContext, 'add' | 'write'> => ({
    add: (table, row) => {
      counts[table] = (counts[table] ?? 0) + 1;
      return sink.add(TABLES[table], row);
    },
    write: (spec, row) => {
      counts[spec.table] = (counts[spec.table] ?? 0) + 1;
      return sink.add(spec, row);
    },
  });
  const ctx: TGenContext = {
    writer, seed: opts.seed, today, currentYear: schoolYearOf(today), now,
    bo: { id: '', code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', kind: 'bo', abbreviation: 'BGDĐT', communeCode: null, ancestors: new Map() },
    id: makeIdFactory(opts.seed), counts, passwordHash, teacherAccounts: opts.teacherAccounts ?? (opts.scale === 'national' ? 10 : opts.scale === 'province' ? 200 : 20), accounts: [],
    tick: (label) => report(label ?? ''),
    ...addersFor(writer),
  };
  const steps = opts.steps ?? DEFAULT_STEPS;
  try {
    if (boId) {
      ctx.bo.id = boId;
      ctx.bo.ancestors = new Map([[boId, 0]]);
    } else {
      ctx.bo = await writeUnit(ctx, '00', { code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', kind: 'bo', abbreviation: 'BGDĐT', validFrom: '1945-08-28', address: '35 Đại Cồ Việt, Hà Nội' });
      await writer.sync(); // every province refers to the Bộ
    }
    // Provinces in plan order, `writer.parallel` at a time (PostgreSQL: two, each into its own connection
    // and transaction; SQLite: one). Each province has its own model, random streams and id counters, so
    // the data does not depend on how the two interleave; accounts are listed in plan order.
    const queue = [...plan];
    const accountsOf = new Map<string, TGenContext['accounts']>();
    let failed = false;
    const runProvince = async (p: (typeof plan)[number], sink: TBulkSink) => {
      const pctx: TGenContext = { ...ctx, accounts: [], ...addersFor(sink) };
      accountsOf.set(p.code, pctx.accounts);
      const model: TProvinceModel = {
        plan: p, code: p.code, ubndTinh: null as unknown as TUnitInfo, so: null as unknown as TUnitInfo, departments: [], soSchools: [], communes: [], schools: [], people: [], clusters: [],
        random: (step) => makeRandom(streamSeed(opts.seed, p.code, step)),
      };
      for (const step of steps) {
        if (!step.perProvince) continue;
        const t0 = performance.now();
        await step.perProvince(pctx, model);
        stepSeconds[step.name] = (stepSeconds[step.name] ?? 0) + (performance.now() - t0) / 1000;
      }
      const t1 = performance.now();
      await sink.commit();
      stepSeconds.commit = (stepSeconds.commit ?? 0) + (performance.now() - t1) / 1000;
      report(p.name);
    };
    await Promise.all(Array.from({ length: Math.max(1, writer.parallel) }, async (_, i) => {
      const sink = writer.sink(i);
      while (queue.length && !failed) {
        try {
          await runProvince(queue.shift()!, sink);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    }));
    ctx.accounts.push(...plan.flatMap((p) => accountsOf.get(p.code) ?? []));
    await writer.sync();
    for (const step of steps) if (step.finish) await step.finish(ctx);
    const t2 = performance.now();
    await writer.finish();
    stepSeconds.finish = (performance.now() - t2) / 1000;
    for (const [k, v] of Object.entries(writer.finishSeconds)) stepSeconds[`finish.${k}`] = v;
  } catch (e) {
    await writer.abort();
    throw e;
  }

  // `admin` at the Bộ when the database has none (a fresh database), then one audit row for the run.
  let adminPassword: string | null = null;
  const hasAdmin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    // Review sessions name a rule set version: make sure the shipped sets exist (--force emptied the table).
    await ensureShippedRuleSets(trx);
    if (!hasAdmin) {
      adminPassword = opts.adminPassword ?? randomPassword();
      const id = newId();
      await trx.insertInto('users').values({ id, username: 'admin', full_name: 'Quản trị hệ thống', email: null, password_hash: await hashPassword(adminPassword), person_id: null, is_active: 1, must_change_password: opts.adminPassword ? 0 : 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('user_roles').values({ id: newId(), user_id: id, role: 'admin', unit_id: ctx.bo.id, created_at: now }).execute();
    }
    await writeAudit(trx, kind, { actorUserId: null, action: 'scale.generate', entityType: 'system', entityId: 'generate-data', unitId: ctx.bo.id, after: { scale: opts.scale, seed: opts.seed, province: opts.scale === 'national' ? null : opts.province ?? '42', counts } });
  });
  const rows = Object.values(counts).reduce((s, n) => s + n, 0);
  report('xong', true);
  return { scale: opts.scale, seed: opts.seed, seconds: (Date.now() - started) / 1000, rows, counts, stepSeconds: Object.fromEntries(Object.entries(stepSeconds).map(([k, v]) => [k, Math.round(v * 10) / 10])), plan: summary, accounts: ctx.accounts, password, adminPassword: hasAdmin ? null : adminPassword };
}

