// How many institutions of each kind exist, and where: the national totals of school year 2024‑25
// (domain.md §7: 53.979 institutions, 13.455 mầm non, 1.659.589 staff) spread over the 34 provinces
// and 3.321 communes of 2025 (resources/admin-units-2025.csv). Deterministic for a seed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRandom } from '../demo/seed-demo';
import type { UnitKind } from '../db/schema';

export type TScale = 'school' | 'province' | 'national';

/** National totals by kind. MN is the published figure; TH, THCS, THPT, liên cấp and GDTX follow the
 * sector's usual shares; licensed independent nhóm trẻ / lớp mẫu giáo (of 12.673) fill the total to 53.979. */
export const NATIONAL_SCHOOLS = { mn: 13_455, th: 14_900, thcs: 10_150, thpt: 2_450, lien_cap: 1_250, gdtx: 650, truong_khac: 11_124 } as const;
export const NATIONAL_INSTITUTIONS = Object.values(NATIONAL_SCHOOLS).reduce((s, n) => s + n, 0);
export const NATIONAL_STAFF_TARGET = 1_659_589;

/** Kinds founded by the UBND xã (NĐ 142/2025), placed under the commune's Phòng Văn hóa – Xã hội. */
export const COMMUNE_KINDS = ['mn', 'th', 'thcs', 'lien_cap', 'truong_khac'] as const;
/** Kinds under the Sở directly. */
export const SO_KINDS = ['thpt', 'gdtx'] as const;

/** Staff per unit, uniform in [min, max]; averages give ≈ 1,65 million staff nationally. */
export const STAFF_RANGE: Record<string, [number, number]> = {
  mn: [26, 38], th: [30, 42], thcs: [30, 42], thpt: [62, 86], lien_cap: [36, 52], gdtx: [20, 32], truong_khac: [2, 6], so: [48, 56], phong_vhxh: [4, 8],
};
export const FEMALE_SHARE: Record<string, number> = { thpt: 0.62, thcs: 0.7, th: 0.82, mn: 0.98, lien_cap: 0.75, gdtx: 0.55, truong_khac: 0.99, so: 0.5, phong_vhxh: 0.5 };

export const TO_BY_KIND: Record<string, string[]> = {
  thpt: ['Tổ Toán – Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Ngoại ngữ', 'Tổ Thể dục – Quốc phòng', 'Tổ Văn phòng'],
  thcs: ['Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Văn phòng'],
  th: ['Tổ khối 1', 'Tổ khối 2 – 3', 'Tổ khối 4 – 5', 'Tổ Văn phòng'],
  mn: ['Tổ Nhà trẻ', 'Tổ Mẫu giáo', 'Tổ Văn phòng'],
  lien_cap: ['Tổ Tiểu học', 'Tổ Trung học cơ sở', 'Tổ Văn phòng'],
  gdtx: ['Tổ Văn hóa', 'Tổ Hướng nghiệp – Dạy nghề', 'Tổ Hành chính'],
  truong_khac: [],
};

export const SO_DEPARTMENTS = ['Văn phòng Sở', 'Phòng Tổ chức cán bộ', 'Phòng Giáo dục phổ thông', 'Phòng Giáo dục mầm non – Tiểu học', 'Phòng Kế hoạch – Tài chính', 'Phòng Khảo thí và Quản lý chất lượng'];

export type TCommune = { code: string; name: string; type: string };
export type TProvince = { code: string; name: string; type: string; communes: TCommune[] };

let provincesCache: TProvince[] | null = null;
/** The 34 provinces with their communes, in code order. */
export function readProvinces(): TProvince[] {
  if (provincesCache) return provincesCache;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const csv = fs.readFileSync(path.resolve(here, '../../../resources/admin-units-2025.csv'), 'utf8');
  const byCode = new Map<string, TProvince>();
  for (const line of csv.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const [pc, pn, pt, cc, cn, ct] = line.trim().split(',');
    let p = byCode.get(pc);
    if (!p) { p = { code: pc, name: pn, type: pt, communes: [] }; byCode.set(pc, p); }
    p.communes.push({ code: cc, name: cn, type: ct });
  }
  provincesCache = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  return provincesCache;
}

/** Splits `total` over items in proportion to `weights`, exactly (cumulative rounding). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out: number[] = [];
  let acc = 0;
  let prev = 0;
  for (const w of weights) {
    acc += w;
    const upTo = Math.round((total * acc) / sum);
    out.push(upTo - prev);
    prev = upTo;
  }
  return out;
}

export type TCommunePlan = TCommune & { counts: Record<(typeof COMMUNE_KINDS)[number], number> };
export type TProvincePlan = Omit<TProvince, 'communes'> & { communes: TCommunePlan[]; thpt: number; gdtx: number };

/** Institutions per commune and per Sở for the whole country; the same for any scale, so a province
 * generated alone has the same schools as in the national set. */
export function nationalPlan(seed: number): TProvincePlan[] {
  const provinces = readProvinces();
  const rnd = makeRandom(seed ^ 0x5eed);
  const communes = provinces.flatMap((p) => p.communes.map((c) => ({ p, c, size: 0.45 + rnd.next() * 1.1 })));
  const perKind = new Map<string, number[]>();
  for (const kind of COMMUNE_KINDS) {
    const weights = communes.map((x) => x.size * (0.75 + rnd.next() * 0.5));
    perKind.set(kind, allocate(NATIONAL_SCHOOLS[kind], weights));
  }
  const provinceWeights = provinces.map((p) => p.communes.length * (0.85 + rnd.next() * 0.3));
  const thpt = allocate(NATIONAL_SCHOOLS.thpt, provinceWeights);
  const gdtx = allocate(NATIONAL_SCHOOLS.gdtx, provinceWeights);
  let i = 0;
  return provinces.map((p, pi) => ({
    code: p.code, name: p.name, type: p.type, thpt: thpt[pi], gdtx: gdtx[pi],
    communes: p.communes.map((c) => {
      const counts = Object.fromEntries(COMMUNE_KINDS.map((k) => [k, perKind.get(k)![i]])) as TCommunePlan['counts'];
      i++;
      return { ...c, counts };
    }),
  }));
}

/** The provinces (and communes) a scale covers. `school`: one commune with its schools and one THPT. */
export function planFor(scale: TScale, seed: number, provinceCode = '42'): TProvincePlan[] {
  const all = nationalPlan(seed);
  if (scale === 'national') return all;
  const p = all.find((x) => x.code === provinceCode);
  if (!p) throw new Error(`Không có tỉnh mã ${provinceCode} (các mã: ${all.map((x) => x.code).join(', ')})`);
  if (scale === 'province') return [p];
  const c = p.communes[0];
  return [{ ...p, thpt: 1, gdtx: 0, communes: [{ ...c, counts: { mn: 1, th: 1, thcs: 1, lien_cap: 0, truong_khac: 1 } }] }];
}

export type TPlanSummary = { provinces: number; communes: number; institutions: number; byKind: Record<string, number>; expectedStaff: number };

export function summarize(plan: TProvincePlan[]): TPlanSummary {
  const byKind: Record<string, number> = {};
  let communes = 0;
  for (const p of plan) {
    byKind.thpt = (byKind.thpt ?? 0) + p.thpt;
    byKind.gdtx = (byKind.gdtx ?? 0) + p.gdtx;
    for (const c of p.communes) {
      communes++;
      for (const k of COMMUNE_KINDS) byKind[k] = (byKind[k] ?? 0) + c.counts[k];
    }
  }
  const avg = (k: string) => (STAFF_RANGE[k][0] + STAFF_RANGE[k][1]) / 2;
  const institutions = Object.values(byKind).reduce((s, n) => s + n, 0);
  const expectedStaff = Object.entries(byKind).reduce((s, [k, n]) => s + n * avg(k), 0) + plan.length * avg('so') + communes * avg('phong_vhxh');
  return { provinces: plan.length, communes, institutions, byKind, expectedStaff: Math.round(expectedStaff) };
}

export const KIND_PREFIX: Partial<Record<UnitKind, string>> = { mn: 'MN', th: 'TH', thcs: 'THCS', thpt: 'THPT', lien_cap: 'LC', gdtx: 'GDTX', truong_khac: 'NT' };
