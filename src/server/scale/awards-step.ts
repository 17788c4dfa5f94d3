// Generator step: ten school years of award history (table `awards`, migration 0005) at plausible rates,
// consistent with the generated ratings so that eligibility has real facts to read:
//  - individuals: Lao động tiên tiến to most of those rated HTTNV/HTXSNV; Chiến sĩ thi đua cơ sở to about
//    half of the LĐTT holders rated HTXSNV; CSTĐ tỉnh to some after three CSTĐCS in a row; CSTĐ toàn quốc
//    rarely after two CSTĐ tỉnh; Giấy khen (a fifth of them chuyên đề), Bằng khen tỉnh / Bộ / Thủ tướng at
//    low rates and only after the record the law asks for; Kỷ niệm chương at twenty years in the sector;
//  - collectives (every school): Tập thể lao động tiên tiến, some Tập thể lao động xuất sắc (only with a
//    CSTĐCS among its staff that year), Giấy khen tập thể, and a Cờ thi đua of the province to one THPT
//    per cụm each year.
// Decisions are numbered per issuer and year (e.g. 57/QĐ-THPT3, 412/QĐ-UBND, 1520/QĐ-BGDĐT) and dated in the
// summer after the school year; amounts are the coefficient × lương cơ sở in force on that date, rounded up
// to 10.000 đ; a title that is not paid (LĐTT in a year with a CSTĐCS) has no amount.
import type { TTableSpec } from './bulk';
import type { TPersonInfo, TScaleStep, TUnitInfo } from './generate';
import { awardDedupeKey } from '../awards/awards.repository';
import { AWARD_CODE_LABELS } from '../../shared/labels';

export const AWARDS_TABLE: TTableSpec = {
  table: 'awards',
  columns: [['id', 'text'], ['province_code', 'text'], ['person_id', 'text'], ['unit_id', 'text'], ['recipient_kind', 'text'], ['code', 'text'], ['name', 'text'],
    ['school_year', 'int'], ['decision_number', 'text'], ['decision_date', 'text'], ['authority', 'text'], ['amount', 'int'], ['thematic', 'int'], ['source', 'text'],
    ['dedupe_key', 'text'], ['voided_at', 'text'], ['voided_by', 'text'], ['void_reason', 'text'], ['created_by', 'text'], ['created_at', 'text']],
};

const AWARDS_TAG = '0010';

/** Lương cơ sở by effective date (NĐ 47/2016, 72/2018, 38/2019, 24/2023, 73/2024, 161/2026). */
const BASE_SALARY: [string, number][] = [
  ['2016-05-01', 1_210_000], ['2017-07-01', 1_300_000], ['2018-07-01', 1_390_000], ['2019-07-01', 1_490_000],
  ['2023-07-01', 1_800_000], ['2024-07-01', 2_340_000], ['2026-07-01', 2_530_000],
];

export function baseSalaryAt(date: string): number {
  let v = 1_150_000;
  for (const [from, amount] of BASE_SALARY) if (date >= from) v = amount;
  return v;
}

/** Coefficient × lương cơ sở, rounded up to 10.000 đ (NĐ 152 Điều 49). */
export function bonusAmount(coefficient: number, date: string): number {
  return Math.ceil((coefficient * baseSalaryAt(date)) / 10_000) * 10_000;
}

const COEFFICIENT: Record<string, [number, number]> = {
  LDTT: [0.3, 0], CSTDCS: [1, 0], CSTD_TINH: [3, 0], CSTD_TQ: [4.5, 0], GIAY_KHEN: [0.3, 0.6], BK_TINH: [1.5, 3], BK_BO: [1.5, 3], BK_TTG: [3.5, 7],
  KNC_GD: [0.6, 0], TTLDTT: [0, 0.8], TTLDXS: [0, 1.5], CO_THI_DUA: [0, 8],
};

type TCode = keyof typeof AWARD_CODE_LABELS;

export const awardsStep: TScaleStep = {
  name: 'awards',
  async perProvince(ctx, m) {
    const rnd = m.random('awards');
    const P = m.code;
    const firstYear = ctx.currentYear - 10;
    // Decision numbers run per issuer and year.
    const seq = new Map<string, number>();
    const decisionNo = (issuerKey: string, abbr: string, year: number) => {
      const k = `${issuerKey}/${year}`;
      if (!seq.has(k)) seq.set(k, rnd.int(20, 400));
      const n = seq.get(k)! + 1;
      seq.set(k, n);
      return `${n}/QĐ-${abbr}`;
    };
    // One decision per issuer, kind of award and year (all its recipients share it).
    const decisions = new Map<string, { number: string; date: string }>();
    const decision = (issuerKey: string, abbr: string, code: string, year: number, month: number, day: number) => {
      const k = `${issuerKey}|${code}|${year}`;
      let d = decisions.get(k);
      if (!d) {
        d = { number: decisionNo(issuerKey, abbr, year), date: `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
        decisions.set(k, d);
      }
      return d;
    };
    const write = async (a: { person: TPersonInfo | null; unitId: string; code: TCode; year: number; issuer: { key: string; abbr: string; authority: string }; month: number; day: number; thematic?: boolean; paid?: boolean; name?: string }) => {
      const d = decision(a.issuer.key, a.issuer.abbr, `${a.code}${a.thematic ? '*' : ''}`, a.year, a.month, a.day);
      const [ci, cc] = COEFFICIENT[a.code] ?? [0, 0];
      const coefficient = a.person ? ci : cc;
      const name = a.name ?? AWARD_CODE_LABELS[a.code];
      const row = [
        ctx.id(AWARDS_TAG, P), P, a.person?.id ?? null, a.unitId, a.person ? 'individual' : 'collective', a.code, name, a.year, d.number, d.date, a.issuer.authority,
        a.paid === false || !coefficient ? null : bonusAmount(coefficient, d.date), a.thematic ? 1 : 0, 'manual',
        awardDedupeKey({ personId: a.person?.id ?? null, unitId: a.unitId, code: a.code, name, schoolYear: a.year, decisionNumber: d.number }),
        null, null, null, null, ctx.now,
      ];
      await ctx.write(AWARDS_TABLE, row);
    };

    const units = new Map<string, TUnitInfo>([[m.so.id, m.so], ...m.schools.map((s) => [s.id, s] as const), ...m.communes.map((c) => [c.phong.id, c.phong] as const)]);
    const communeOf = new Map<string, TUnitInfo>();
    for (const c of m.communes) {
      communeOf.set(c.phong.id, c.ubnd);
      for (const s of c.schools) communeOf.set(s.id, c.ubnd);
    }
    /** Who awards LĐTT, CSTĐCS and Giấy khen at a unit: its head (Hiệu trưởng, Giám đốc Sở, Chủ tịch UBND xã). */
    const headOf = (unitId: string) => {
      const u = units.get(unitId) ?? m.so;
      if (u.kind === 'so') return { key: u.id, abbr: 'SGDĐT', authority: `Giám đốc ${u.name}` };
      if (u.kind === 'phong_vhxh') {
        const ubnd = communeOf.get(u.id)!;
        return { key: ubnd.id, abbr: 'UBND', authority: `Chủ tịch ${ubnd.name}` };
      }
      const head = u.kind === 'gdtx' ? 'Giám đốc' : u.kind === 'truong_khac' ? 'Chủ nhóm' : 'Hiệu trưởng';
      return { key: u.id, abbr: u.abbreviation ?? 'DV', authority: `${head} ${u.name}` };
    };
    const soIssuer = { key: m.so.id, abbr: 'SGDĐT', authority: `Giám đốc ${m.so.name}` };
    const tinh = { key: m.ubndTinh.id, abbr: 'UBND', authority: `Chủ tịch ${m.ubndTinh.name}` };
    const bo = { key: 'bo', abbr: 'BGDĐT', authority: 'Bộ trưởng Bộ Giáo dục và Đào tạo' };
    const ttg = { key: 'ttg', abbr: 'TTg', authority: 'Thủ tướng Chính phủ' };

    /** Per school and year: did any of its staff get CSTĐCS (a condition of Tập thể lao động xuất sắc). */
    const cstdAt = new Set<string>();
    for (const p of m.people) {
      const history: Set<TCode>[] = [];
      for (let i = 0; i < 10; i++) {
        const year = firstYear + i;
        const got = new Set<TCode>();
        history.push(got);
        const r = p.ratings[i] ?? '-';
        if (r === '-') continue;
        const unitId = p.prevUnitId && year < p.switchYear ? p.prevUnitId : p.unitId;
        const head = headOf(unitId);
        const good = r === 'x' || r === 't';
        if (good && rnd.next() < 0.88) got.add('LDTT');
        if (got.has('LDTT') && r === 'x' && rnd.next() < 0.55) got.add('CSTDCS');
        const streak = (code: TCode, n: number) => history.length >= n && history.slice(-n).every((h) => h.has(code));
        if (streak('CSTDCS', 3) && !history.slice(-3, -1).some((h) => h.has('CSTD_TINH')) && rnd.next() < 0.15) got.add('CSTD_TINH');
        if (got.has('CSTD_TINH') && history.slice(0, -3).some((h) => h.has('CSTD_TINH')) && rnd.next() < 0.2) got.add('CSTD_TQ');
        if (got.has('LDTT')) {
          if (got.has('CSTDCS')) cstdAt.add(`${unitId}|${year}`);
          await write({ person: p, unitId, code: 'LDTT', year, issuer: head, month: 6, day: 5, paid: !got.has('CSTDCS') });
          if (got.has('CSTDCS')) await write({ person: p, unitId, code: 'CSTDCS', year, issuer: head, month: 6, day: 5, paid: !got.has('CSTD_TINH') });
          if (got.has('CSTD_TINH')) await write({ person: p, unitId, code: 'CSTD_TINH', year, issuer: tinh, month: 8, day: 20, paid: !got.has('CSTD_TQ') });
          if (got.has('CSTD_TQ')) await write({ person: p, unitId, code: 'CSTD_TQ', year, issuer: ttg, month: 11, day: 15 });
          if (rnd.next() < 0.12) {
            const thematic = rnd.next() < 0.2;
            await write({ person: p, unitId, code: 'GIAY_KHEN', year, issuer: head, month: thematic ? 3 : 6, day: thematic ? 20 : 10, thematic });
          }
          const cstdRecent = history.slice(-5).filter((h) => h.has('CSTDCS')).length;
          if (cstdRecent >= 2 && rnd.next() < 0.06) { got.add('BK_TINH'); await write({ person: p, unitId, code: 'BK_TINH', year, issuer: tinh, month: 8, day: 25 }); }
          if (got.has('CSTDCS') && rnd.next() < 0.01) { got.add('BK_BO'); await write({ person: p, unitId, code: 'BK_BO', year, issuer: bo, month: 9, day: 1 }); }
          const hadBk = history.slice(0, -1).some((h) => h.has('BK_TINH') || h.has('BK_BO'));
          const fiveGood = i >= 4 && [...p.ratings.slice(i - 4, i + 1)].every((c) => c === 'x' || c === 't');
          if (hadBk && fiveGood && cstdRecent >= 3 && rnd.next() < 0.1) { got.add('BK_TTG'); await write({ person: p, unitId, code: 'BK_TTG', year, issuer: ttg, month: 12, day: 10 }); }
        }
        if (year === p.startYear + 20 && rnd.next() < 0.9) await write({ person: p, unitId, code: 'KNC_GD', year, issuer: bo, month: 10, day: 20 });
      }
      ctx.tick(m.plan.name);
    }

    // Collectives: every school, every year.
    const thpt = m.soSchools.filter((s) => s.kind === 'thpt');
    const groups = Math.max(1, Math.round(thpt.length / 8));
    for (let year = firstYear; year < ctx.currentYear; year++) {
      for (const s of m.schools) {
        const commune = communeOf.get(s.id);
        const issuer = commune ? { key: commune.id, abbr: 'UBND', authority: `Chủ tịch ${commune.name}` } : soIssuer;
        if (rnd.next() < 0.72) {
          const xs = cstdAt.has(`${s.id}|${year}`) && rnd.next() < 0.2;
          await write({ person: null, unitId: s.id, code: 'TTLDTT', year, issuer, month: 6, day: 15, paid: !xs });
          if (xs) await write({ person: null, unitId: s.id, code: 'TTLDXS', year, issuer: tinh, month: 8, day: 20 });
        }
        if (rnd.next() < 0.08) await write({ person: null, unitId: s.id, code: 'GIAY_KHEN', year, issuer: soIssuer, month: 6, day: 20 });
      }
      for (let g = 0; g < groups; g++) {
        const members = thpt.filter((_, i) => i % groups === g);
        if (members.length) await write({ person: null, unitId: rnd.pick(members).id, code: 'CO_THI_DUA', year, issuer: tinh, month: 8, day: 28, name: `Cờ thi đua của ${m.ubndTinh.name}` });
      }
      ctx.tick(m.plan.name);
    }
  },
};

