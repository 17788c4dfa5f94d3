// The demo province: Sở GD&ĐT Hà Tĩnh with its THPT and GDTX, UBND tỉnh → 4 communes (real codes)
// → Phòng Văn hóa – Xã hội → MN, TH, THCS; tổ chuyên môn and đoàn thể in every school; ~1,600
// staff with ratings and ten school years of award history (demo-awards.ts); clusters for the current school
// year; demo accounts (incl. a commune head, xa.chutich).
// Deterministic: the same seed gives the same data.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Tx } from '../db/database';
import type { PersonTable, RoleCode, UnitTable } from '../db/schema';
import { foldVietnamese, schoolYearOf } from '../../shared/vn';
import { hashPassword } from '../auth/password';
import { writeAudit } from '../audit/audit';
import { newId, nowIso, todayIso } from '../ids';
import { insertUnit } from '../units/units.repository';
import { ETHNICITIES, FAMILY_NAMES, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from './names';
import { seedAssessmentsDemo } from '../assessments/demo';
import { seedReviewsDemo } from '../reviews/demo';
import { seedReportsDemo } from '../reports/demo';
import { seedParticipationDemo } from '../participation/demo';
import { buildDemoHistory } from './demo-awards';
import { mulberry32 } from '../../shared/random';

export const DEMO_PROVINCE_CODE = '42';
const COMMUNE_CODES = ['18073', '18100', '18115', '18229'];

export type TRandom = ReturnType<typeof makeRandom>;
export function makeRandom(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(arr: readonly T[]) => arr[Math.floor(next() * arr.length)];
  const weighted = <T>(arr: readonly [T, number][]) => {
    const total = arr.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of arr) { r -= w; if (r <= 0) return v; }
    return arr[arr.length - 1][0];
  };
  return { next, int, pick, weighted };
}

export function personName(rnd: TRandom, female: boolean): string {
  const family = rnd.weighted(FAMILY_NAMES);
  const middle = rnd.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rnd.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${middle} ${given}`;
}

type TCommune = { code: string; name: string; type: string; provinceName: string };

export function readCommunes(provinceCode: string): TCommune[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const csv = fs.readFileSync(path.resolve(here, '../../../resources/admin-units-2025.csv'), 'utf8');
  return csv.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')).filter((c) => c[0] === provinceCode).map((c) => ({ code: c[3], name: c[4], type: c[5], provinceName: c[1] }));
}

const THPT_NAMES = ['Phan Đình Phùng', 'Thành Sen', 'Hà Huy Tập', 'Lý Tự Trọng', 'Hồng Lĩnh', 'Nguyễn Du', 'Cẩm Xuyên', 'Kỳ Anh', 'Nghi Xuân', 'Hương Khê'];
const THPT_ABBR = ['PĐP', 'TS', 'HHT', 'LTT', 'HL', 'ND', 'CX', 'KA', 'NX', 'HK'];
const TO_BY_KIND: Record<string, string[]> = {
  thpt: ['Tổ Toán – Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Ngoại ngữ', 'Tổ Thể dục – Quốc phòng', 'Tổ Văn phòng'],
  thcs: ['Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Văn phòng'],
  th: ['Tổ khối 1', 'Tổ khối 2 – 3', 'Tổ khối 4 – 5', 'Tổ Văn phòng'],
  mn: ['Tổ Nhà trẻ', 'Tổ Mẫu giáo', 'Tổ Văn phòng'],
  lien_cap: ['Tổ Tiểu học', 'Tổ Trung học cơ sở', 'Tổ Văn phòng'],
  gdtx: ['Tổ Văn hóa', 'Tổ Hướng nghiệp – Dạy nghề', 'Tổ Hành chính'],
};
const DOAN_THE_BY_KIND: Record<string, string[]> = {
  thpt: ['Công đoàn trường', 'Đoàn trường'], thcs: ['Công đoàn trường', 'Liên đội'], th: ['Công đoàn trường', 'Liên đội'],
  mn: ['Công đoàn trường'], lien_cap: ['Công đoàn trường', 'Liên đội'], gdtx: ['Công đoàn', 'Đoàn thanh niên'],
};
const STAFF_BY_KIND: Record<string, [number, number]> = { thpt: [62, 78], thcs: [30, 40], th: [26, 34], mn: [20, 28], lien_cap: [36, 44], gdtx: [22, 28], so: [48, 52], phong_vhxh: [5, 7] };
const FEMALE_SHARE: Record<string, number> = { thpt: 0.62, thcs: 0.7, th: 0.82, mn: 0.98, lien_cap: 0.75, gdtx: 0.55, so: 0.5, phong_vhxh: 0.5 };
const SUBJECTS = ['Toán', 'Ngữ văn', 'Tiếng Anh', 'Vật lý', 'Hóa học', 'Sinh học', 'Lịch sử', 'Địa lý', 'Tin học', 'Giáo dục công dân', 'Thể dục', 'Âm nhạc', 'Mỹ thuật'];
const UNIVERSITIES = ['Trường Đại học Vinh', 'Trường Đại học Hà Tĩnh', 'Trường Đại học Sư phạm Hà Nội', 'Trường Đại học Sư phạm – Đại học Huế'];

export type TDemoAccount = { username: string; role: RoleCode; unitName: string; description: string };
export type TDemoResult = { units: number; people: number; accounts: TDemoAccount[]; adminPassword: string | null; demoPassword: string };

export async function seedDemo(database: Database, opts: { seed?: number; adminPassword?: string | null; demoPassword: string; today?: string }): Promise<TDemoResult> {
  const rnd = makeRandom(opts.seed ?? 20251120);
  const today = opts.today ?? todayIso();
  const currentYear = schoolYearOf(today);
  const now = nowIso();
  const P = DEMO_PROVINCE_CODE;
  const communes = readCommunes(P).filter((c) => COMMUNE_CODES.includes(c.code));
  const provinceName = communes[0]?.provinceName ?? 'Hà Tĩnh';
  const units: UnitTable[] = [];
  const mk = (u: Partial<UnitTable> & Pick<UnitTable, 'code' | 'name' | 'kind'>): UnitTable => {
    const row: UnitTable = {
      id: newId(), short_name: null, abbreviation: null, province_code: P, commune_code: null, parent_id: null, prof_parent_id: null,
      address: null, phone: null, email: null, status: 'active', valid_from: '2025-07-01', valid_to: null, name_search: foldVietnamese(u.name),
      created_at: now, updated_at: now, ...u,
    };
    units.push(row);
    return row;
  };
  const bo = mk({ code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', kind: 'bo', abbreviation: 'BGDĐT', province_code: '00', valid_from: '1945-08-28' });
  const ubndTinh = mk({ code: `UBND-${P}`, name: `Ủy ban nhân dân tỉnh ${provinceName}`, kind: 'ubnd_tinh', abbreviation: 'UBND', valid_from: '1991-08-12' });
  const so = mk({ code: `SGDDT-${P}`, name: `Sở Giáo dục và Đào tạo ${provinceName}`, kind: 'so', abbreviation: 'SGDĐT', parent_id: ubndTinh.id, prof_parent_id: bo.id, address: `Số 2 Trần Phú, phường Thành Sen, tỉnh ${provinceName}`, phone: '0239 3855 605', valid_from: '1991-08-12' });
  const soDepartments = ['Văn phòng Sở', 'Phòng Tổ chức cán bộ', 'Phòng Giáo dục phổ thông', 'Phòng Giáo dục mầm non – Tiểu học', 'Phòng Kế hoạch – Tài chính', 'Phòng Khảo thí và Quản lý chất lượng'];
  soDepartments.forEach((name, i) => mk({ code: `SGDDT-${P}-P${i + 1}`, name, kind: 'phong_ban', parent_id: so.id }));
  const schools: UnitTable[] = [];
  const addSchoolParts = (school: UnitTable) => {
    (TO_BY_KIND[school.kind] ?? []).forEach((name, i) => mk({ code: `${school.code}-T${i + 1}`, name, kind: 'to_chuyen_mon', parent_id: school.id, commune_code: school.commune_code }));
    (DOAN_THE_BY_KIND[school.kind] ?? []).forEach((name, i) => mk({ code: `${school.code}-D${i + 1}`, name, kind: 'doan_the', parent_id: school.id, commune_code: school.commune_code }));
  };
  THPT_NAMES.forEach((n, i) => {
    const s = mk({ code: `THPT-${P}-${String(i + 1).padStart(2, '0')}`, name: `Trường THPT ${n}`, kind: 'thpt', abbreviation: `THPT${THPT_ABBR[i]}`, parent_id: so.id, valid_from: '1990-09-05' });
    schools.push(s);
  });
  ['Trung tâm GDNN – GDTX Hồng Lĩnh', 'Trung tâm GDNN – GDTX Đức Thọ'].forEach((n, i) => schools.push(mk({ code: `GDTX-${P}-${i + 1}`, name: n, kind: 'gdtx', parent_id: so.id, abbreviation: `TTGDTX${i + 1}` })));
  const communeUnits: { ubnd: UnitTable; phong: UnitTable }[] = [];
  for (const c of communes) {
    const full = `${c.type} ${c.name}`;
    const ubnd = mk({ code: `UBND-X${c.code}`, name: `Ủy ban nhân dân ${full.toLowerCase().startsWith('phường') ? 'phường' : 'xã'} ${c.name}`, kind: 'ubnd_xa', parent_id: ubndTinh.id, commune_code: c.code, abbreviation: 'UBND' });
    const phong = mk({ code: `VHXH-${c.code}`, name: `Phòng Văn hóa – Xã hội ${c.type.toLowerCase()} ${c.name}`, kind: 'phong_vhxh', parent_id: ubnd.id, commune_code: c.code, abbreviation: 'VHXH' });
    communeUnits.push({ ubnd, phong });
    const plan: [UnitTable['kind'], string][] = [['mn', 'Trường Mầm non'], ['mn', 'Trường Mầm non'], ['th', 'Trường Tiểu học'], ['th', 'Trường Tiểu học'], ['thcs', 'Trường THCS'], ['thcs', 'Trường THCS']];
    const suffix = ['Hoa Sen', 'Sơn Ca', 'Họa Mi', 'Bình Minh', 'Ánh Dương', 'Tuổi Thơ', 'Hoa Hồng', 'Măng Non'];
    let k = 0;
    for (const [kind, prefix] of plan) {
      const nm = kind === 'mn' ? `${prefix} ${suffix[(COMMUNE_CODES.indexOf(c.code) * 2 + k) % suffix.length]}` : `${prefix} ${c.name}${plan.filter((p) => p[0] === kind).length > 1 ? ` ${k % 2 === 0 ? '1' : '2'}` : ''}`;
      schools.push(mk({ code: `${kind.toUpperCase()}-${c.code}-${k + 1}`, name: nm, kind, parent_id: ubnd.id, prof_parent_id: so.id, commune_code: c.code, abbreviation: `${kind.toUpperCase()}${c.code.slice(-3)}${k + 1}` }));
      k++;
    }
  }
  // One liên cấp school in the last commune.
  const lastCommune = communeUnits[communeUnits.length - 1];
  schools.push(mk({ code: `LC-${lastCommune.ubnd.commune_code}-1`, name: `Trường TH và THCS ${communes[communes.length - 1]?.name ?? ''}`.trim(), kind: 'lien_cap', parent_id: lastCommune.ubnd.id, prof_parent_id: so.id, commune_code: lastCommune.ubnd.commune_code, abbreviation: 'THTHCS' }));
  for (const s of [...schools]) addSchoolParts(s);

  const people: PersonTable[] = [];
  const employments: { id: string; person_id: string; unit_id: string; position: string; from_date: string; to_date: string | null; province_code: string }[] = [];
  const ratings: { id: string; person_id: string; school_year: number; rating: 'htxsnv' | 'httnv' | 'htnv' | 'khtnv'; unit_id: string; province_code: string }[] = [];
  const quals: { id: string; person_id: string; kind: string; name: string; year: number | null; province_code: string }[] = [];
  const disciplines: { id: string; person_id: string; form: 'khien_trach' | 'canh_cao'; decision_number: string | null; from_date: string; to_date: string | null; reason: string | null; province_code: string }[] = [];
  const usedCccd = new Set<string>();
  const staffOf = (unit: UnitTable, kindKey: string) => {
    const [lo, hi] = STAFF_BY_KIND[kindKey];
    const n = rnd.int(lo, hi);
    for (let i = 0; i < n; i++) {
      const female = rnd.next() < FEMALE_SHARE[kindKey];
      const birthYear = rnd.int(1968, 2000);
      const birth = `${birthYear}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
      let cccd: string | null = null;
      if (rnd.next() < 0.92) {
        do {
          cccd = `0${P}${female ? (birthYear >= 2000 ? '3' : '1') : birthYear >= 2000 ? '2' : '0'}${String(birthYear).slice(2)}${String(rnd.int(0, 999999)).padStart(6, '0')}`;
        } while (usedCccd.has(cccd));
        usedCccd.add(cccd);
      }
      const position = kindKey === 'so'
        ? (i === 0 ? 'Giám đốc Sở' : i < 3 ? 'Phó Giám đốc Sở' : i < 10 ? 'Trưởng phòng' : 'Chuyên viên')
        : kindKey === 'phong_vhxh' ? (i === 0 ? 'Trưởng phòng' : i === 1 ? 'Phó Trưởng phòng' : 'Công chức')
        : i === 0 ? (unit.kind === 'gdtx' ? 'Giám đốc' : 'Hiệu trưởng') : i < 3 ? (unit.kind === 'gdtx' ? 'Phó Giám đốc' : 'Phó Hiệu trưởng') : i < 3 + (TO_BY_KIND[unit.kind]?.length ?? 0) ? 'Tổ trưởng chuyên môn' : rnd.next() < 0.86 ? (unit.kind === 'mn' ? 'Giáo viên mầm non' : `Giáo viên ${unit.kind === 'th' ? 'tiểu học' : rnd.pick(SUBJECTS)}`) : rnd.pick(['Kế toán', 'Văn thư', 'Nhân viên y tế', 'Nhân viên thư viện', 'Nhân viên thiết bị']);
      const category = /Hiệu trưởng|Giám đốc|Trưởng phòng/.test(position) ? 'Cán bộ quản lý' : position.startsWith('Giáo viên') || position.startsWith('Tổ trưởng') ? 'Giáo viên' : kindKey === 'so' || kindKey === 'phong_vhxh' ? 'Công chức' : 'Nhân viên';
      const startYear = Math.max(birthYear + 22, 1990) + rnd.int(0, 4);
      const person: PersonTable = {
        id: newId(), full_name: personName(rnd, female), name_search: '', birth_date: birth, gender: female ? 'nu' : 'nam', ethnicity: rnd.weighted(ETHNICITIES), cccd,
        phone: rnd.next() < 0.8 ? `09${rnd.int(10000000, 99999999)}` : null, email: null, unit_id: unit.id, position, staff_category: category,
        sector_start_date: `${startYear}-09-0${rnd.int(1, 5)}`, province_code: P, created_at: now, updated_at: now,
      };
      person.name_search = foldVietnamese(person.full_name);
      people.push(person);
      const moved = rnd.next() < 0.25 && startYear < currentYear - 6;
      if (moved) {
        const prev = rnd.pick(schools.filter((s) => s.kind === unit.kind && s.id !== unit.id)) ?? unit;
        const switchYear = rnd.int(startYear + 2, currentYear - 2);
        employments.push({ id: newId(), person_id: person.id, unit_id: prev.id, position: category === 'Cán bộ quản lý' ? 'Giáo viên' : position, from_date: person.sector_start_date!, to_date: `${switchYear}-08-31`, province_code: P });
        employments.push({ id: newId(), person_id: person.id, unit_id: unit.id, position, from_date: `${switchYear}-09-01`, to_date: null, province_code: P });
      } else {
        employments.push({ id: newId(), person_id: person.id, unit_id: unit.id, position, from_date: person.sector_start_date!, to_date: null, province_code: P });
      }
      const strength = rnd.next();
      for (let y = currentYear - 5; y < currentYear; y++) {
        if (y < startYear) continue;
        const r = rnd.next() * 0.6 + strength * 0.4;
        const rating = r > 0.72 ? 'htxsnv' : r > 0.2 ? 'httnv' : r > 0.04 ? 'htnv' : 'khtnv';
        ratings.push({ id: newId(), person_id: person.id, school_year: y, rating, unit_id: unit.id, province_code: P });
      }
      const degree = category === 'Nhân viên' ? 'Cao đẳng' : rnd.next() < 0.18 ? 'Thạc sĩ' : 'Đại học';
      quals.push({ id: newId(), person_id: person.id, kind: 'Trình độ chuyên môn', name: `${degree} ${unit.kind === 'mn' ? 'Giáo dục mầm non' : unit.kind === 'th' ? 'Giáo dục tiểu học' : position.replace(/^Giáo viên /, 'Sư phạm ')} – ${rnd.pick(UNIVERSITIES)}`, year: startYear - 1, province_code: P });
      if (rnd.next() < 0.08) quals.push({ id: newId(), person_id: person.id, kind: 'Lý luận chính trị', name: 'Trung cấp lý luận chính trị', year: rnd.int(startYear, currentYear), province_code: P });
      if (rnd.next() < 0.006) {
        const y = rnd.int(currentYear - 3, currentYear);
        disciplines.push({ id: newId(), person_id: person.id, form: rnd.next() < 0.8 ? 'khien_trach' : 'canh_cao', decision_number: `${rnd.int(10, 300)}/QĐ-${unit.abbreviation ?? 'DV'}`, from_date: `${y}-03-15`, to_date: `${y + 1}-03-14`, reason: 'Vi phạm quy định về dạy thêm, học thêm', province_code: P });
      }
    }
  };
  staffOf(so, 'so');
  for (const c of communeUnits) staffOf(c.phong, 'phong_vhxh');
  for (const s of schools) staffOf(s, s.kind);

  // A teacher the guides and browser tests can find by an unaccented name.
  const pdp = schools[0];
  const lan = people.find((p) => p.unit_id === pdp.id && p.gender === 'nu' && p.position?.startsWith('Giáo viên'))!;
  lan.full_name = 'Nguyễn Thị Lan';
  lan.name_search = foldVietnamese(lan.full_name);
  lan.position = 'Giáo viên Ngữ văn';
  const pdpHead = people.find((p) => p.unit_id === pdp.id && p.position === 'Hiệu trưởng')!;
  const soHead = people.find((p) => p.unit_id === so.id && p.position === 'Giám đốc Sở')!;
  // Award history (own random stream: the data above stays as it was).
  const history = await buildDemoHistory({
    rnd: makeRandom((opts.seed ?? 20251120) + 7919), currentYear, provinceCode: P, now, ubndTinh, so, schools, pdp, lan, people, employments, ratings, disciplines,
    communes: communeUnits,
  });

  const database_ = database;
  await database_.db.transaction().execute(async (trx: Tx) => {
    for (const u of units) await insertUnit(trx, u);
    const insert = async <T extends Record<string, unknown>>(table: 'people' | 'employments' | 'performance_ratings' | 'qualifications' | 'disciplines' | 'awards' | 'initiatives', rows: T[]) => {
      for (let i = 0; i < rows.length; i += 300) await trx.insertInto(table).values(rows.slice(i, i + 300) as never).execute();
    };
    await insert('people', people);
    await insert('employments', employments);
    await insert('performance_ratings', ratings);
    await insert('qualifications', quals);
    await insert('disciplines', disciplines);
    await insert('awards', history.awards);
    await insert('initiatives', history.initiatives);
    for (const u of units) {
      await trx.insertInto('unit_events').values({ id: newId(), unit_id: u.id, event: 'created', effective_date: u.valid_from, related_unit_id: u.parent_id, details: JSON.stringify({ source: 'demo' }), actor_user_id: null, province_code: u.province_code, created_at: now }).execute();
    }
    // Clusters of the current school year.
    const thpt = schools.filter((s) => s.kind === 'thpt');
    const clusters = [
      { name: 'Cụm thi đua số 1 – các trường THPT', kind: 'cum' as const, owner: so, members: thpt.slice(0, 5) },
      { name: 'Cụm thi đua số 2 – các trường THPT', kind: 'cum' as const, owner: so, members: thpt.slice(5) },
      { name: 'Khối các trung tâm GDNN – GDTX', kind: 'khoi' as const, owner: so, members: schools.filter((s) => s.kind === 'gdtx') },
      { name: 'Khối các phòng thuộc Sở', kind: 'khoi' as const, owner: so, members: units.filter((u) => u.kind === 'phong_ban') },
      ...communeUnits.map((c) => ({ name: `Cụm thi đua các trường ${c.ubnd.name.replace('Ủy ban nhân dân ', '')}`, kind: 'cum' as const, owner: c.ubnd, members: schools.filter((s) => s.parent_id === c.ubnd.id) })),
    ];
    for (const c of clusters) {
      const id = newId();
      await trx.insertInto('clusters').values({ id, name: c.name, kind: c.kind, school_year: currentYear, owner_unit_id: c.owner.id, province_code: P, note: null, created_at: now }).execute();
      await trx.insertInto('cluster_members').values(c.members.map((m, i) => ({ cluster_id: id, unit_id: m.id, role: i === 0 ? 'truong' as const : i === 1 ? 'pho' as const : 'thanh_vien' as const }))).execute();
    }
    await writeAudit(trx, database.kind, { actorUserId: null, action: 'demo.seed', entityType: 'system', entityId: 'demo', unitId: ubndTinh.id, after: { units: units.length, people: people.length } });
  });

  const accounts: (TDemoAccount & { fullName: string; unitId: string; personId?: string })[] = [
    { username: 'so.tdkt', role: 'officer', unitId: so.id, unitName: so.name, fullName: 'Trần Thị Thu Hà', description: 'Cán bộ TĐKT của Sở: kế hoạch, hồ sơ, danh sách' },
    { username: 'so.giamdoc', role: 'head', unitId: so.id, unitName: so.name, fullName: soHead.full_name, description: 'Giám đốc Sở: duyệt, ký', personId: soHead.id },
    { username: 'xa.vhxh', role: 'officer', unitId: communeUnits[0].ubnd.id, unitName: communeUnits[0].ubnd.name, fullName: 'Lê Văn Minh', description: 'Công chức Phòng VH-XH phụ trách TĐKT của xã' },
    { username: 'xa.chutich', role: 'head', unitId: communeUnits[0].ubnd.id, unitName: communeUnits[0].ubnd.name, fullName: 'Hoàng Văn Quyết', description: 'Chủ tịch UBND: quyết định khen thưởng cho các trường MN, TH, THCS của xã, phường' },
    { username: 'pdp.tdkt', role: 'officer', unitId: pdp.id, unitName: pdp.name, fullName: 'Phạm Thị Hồng', description: 'Thư ký Hội đồng TĐKT trường' },
    { username: 'pdp.hieutruong', role: 'head', unitId: pdp.id, unitName: pdp.name, fullName: pdpHead.full_name, description: 'Hiệu trưởng', personId: pdpHead.id },
    { username: 'pdp.hoidong', role: 'council', unitId: pdp.id, unitName: pdp.name, fullName: 'Võ Đức Thắng', description: 'Thành viên Hội đồng TĐKT trường' },
    { username: 'gv.lan', role: 'individual', unitId: pdp.id, unitName: pdp.name, fullName: lan.full_name, description: 'Giáo viên: hồ sơ của mình', personId: lan.id },
  ];
  const demoHash = await hashPassword(opts.demoPassword);
  await database.db.transaction().execute(async (trx) => {
    for (const a of accounts) {
      const uid = newId();
      await trx.insertInto('users').values({ id: uid, username: a.username, full_name: a.fullName, email: null, password_hash: demoHash, person_id: a.personId ?? null, is_active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('user_roles').values({ id: newId(), user_id: uid, role: a.role, unit_id: a.unitId, created_at: now }).execute();
    }
    await trx.insertInto('settings').values({ key: 'demo.seeded', value: JSON.stringify({ at: now, units: units.length, people: people.length }), updated_at: now }).execute();
  });
  accounts.push(...(await seedAssessmentsDemo(database, { demoHash, currentYear, provinceCode: P })));
  accounts.push(...(await seedReviewsDemo(database, { demoHash, currentYear, today })));
  await seedReportsDemo(database, { provinceCode: P, today });
  await seedParticipationDemo(database, { provinceCode: P, today });
  return { units: units.length, people: people.length, accounts: accounts.map(({ username, role, unitName, description }) => ({ username, role, unitName, description })), adminPassword: null, demoPassword: opts.demoPassword };
}

export function rootUnitCode(): string {
  return `UBND-${DEMO_PROVINCE_CODE}`;
}
