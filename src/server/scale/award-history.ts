// Ten school years of award history, consistent with the ratings, shared by the synthetic-data generator
// (scale/awards-step.ts) and the demo province (demo/demo-awards.ts). Pure: a seeded random stream and
// the people's ratings in, award records out (the caller writes them).
//  - individuals: Lao động tiên tiến to most of those rated HTTNV/HTXSNV; Chiến sĩ thi đua cơ sở to about
//    half of the LĐTT holders rated HTXSNV; CSTĐ tỉnh to some after three CSTĐCS in a row; CSTĐ toàn quốc
//    rarely after two CSTĐ tỉnh; Giấy khen (a fifth of them chuyên đề), Bằng khen tỉnh / Bộ / Thủ tướng at
//    low rates and only after the record the law asks for; Kỷ niệm chương at twenty years in the sector;
//  - collectives (every school): Tập thể lao động tiên tiến, some Tập thể lao động xuất sắc (only with a
//    CSTĐCS among its staff that year), Giấy khen tập thể, and a Cờ thi đua of the province to one THPT
//    per group of eight each year.
// Decisions are numbered per issuer and year (e.g. 57/QĐ-THPTPĐP, 412/QĐ-UBND, 1520/QĐ-BGDĐT) and dated in
// the summer after the school year. Amounts come from computePayout (src/rules/money.ts), per recipient and
// school year, so that the law's "only the highest danh hiệu at one moment" holds: an unpaid line has no
// amount. Decisions before the first shipped rule set (2024) use that set's coefficients (NĐ 91/2017 had
// the same ones) and the lương cơ sở of their date.
import { BASE_SALARY_TABLE } from '../../rules/data/base-salary';
import { SHIPPED_RULE_SETS } from '../../rules/data/rule-sets';
import { computePayout } from '../../rules/money';
import { ruleSetInForce } from '../../rules/select-rule-set';
import type { BaseSalaryEntry, RuleSet } from '../../rules/types';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel } from '../../shared/vn';
import { awardDedupeKey } from '../awards/awards.repository';
import type { UnitKind } from '../db/schema';
import type { TRandom } from '../demo/seed-demo';

export type TAwardCode = Exclude<keyof typeof AWARD_CODE_LABELS, 'other' | 'CO_CP'>;

/** Lương cơ sở before the shipped table (which starts at 01/07/2019). */
const EARLIER_BASE_SALARY: BaseSalaryEntry[] = [
  { amount: 1_150_000, effectiveFrom: '2013-07-01', effectiveTo: '2016-04-30', citation: 'Nghị định 66/2013/NĐ-CP', verified: false },
  { amount: 1_210_000, effectiveFrom: '2016-05-01', effectiveTo: '2017-06-30', citation: 'Nghị định 47/2016/NĐ-CP', verified: false },
  { amount: 1_300_000, effectiveFrom: '2017-07-01', effectiveTo: '2018-06-30', citation: 'Nghị định 47/2017/NĐ-CP', verified: false },
  { amount: 1_390_000, effectiveFrom: '2018-07-01', effectiveTo: '2019-06-30', citation: 'Nghị định 72/2018/NĐ-CP', verified: false },
];

export const HISTORY_BASE_SALARY: BaseSalaryEntry[] = [...EARLIER_BASE_SALARY, ...BASE_SALARY_TABLE];

const earliestSet = [...SHIPPED_RULE_SETS].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The shipped rule sets, plus the earliest one stretched back for older decisions (history only). */
export const HISTORY_RULE_SETS: RuleSet[] = [
  ...SHIPPED_RULE_SETS,
  { ...earliestSet, id: `${earliestSet.id}-lich-su`, effectiveFrom: '2000-01-01', effectiveTo: dayBefore(earliestSet.effectiveFrom) },
];

const amountCache = new Map<string, (number | null)[]>();

/**
 * Amounts of one recipient's awards for one school year (computePayout: coefficient × lương cơ sở on the
 * decision date, rounded as the rule set says, only the highest danh hiệu of one date paid); null when
 * not paid or when the title carries no money for that kind of recipient.
 */
export function historyAmounts(recipientKind: 'individual' | 'collective', schoolYear: number, awards: readonly { code: string; decisionDate: string }[]): (number | null)[] {
  const key = `${recipientKind}|${schoolYear}|${awards.map((a) => `${a.code}@${a.decisionDate}`).join(',')}`;
  const hit = amountCache.get(key);
  if (hit) return hit;
  const payable = awards.map((a) => {
    const c = ruleSetInForce(HISTORY_RULE_SETS, a.decisionDate)?.titles[a.code]?.coefficient;
    return !!(c && (recipientKind === 'individual' ? c.individual : c.collective));
  });
  const list = awards.filter((_, i) => payable[i]);
  const payout = computePayout(
    list.map((a) => ({ recipientId: 'r', recipientKind, code: a.code, decisionDate: a.decisionDate, period: schoolYearLabel(schoolYear) })),
    { ruleSets: HISTORY_RULE_SETS, baseSalaryTable: HISTORY_BASE_SALARY },
  );
  let n = 0;
  const out = payable.map((p) => {
    if (!p) return null;
    const line = payout.lines[n++];
    return line.paid && line.amount > 0 ? line.amount : null;
  });
  amountCache.set(key, out);
  return out;
}

export type THistoryUnit = { id: string; name: string; kind: UnitKind; abbreviation: string | null };

export type THistoryPerson = {
  id: string;
  unitId: string;
  startYear: number;
  /** One letter a school year from `firstYear`: x = HTXSNV, t = HTTNV, h = HTNV, k = KHTNV, '-' = not in service. */
  ratings: string;
  /** The unit of the years before a move (`switchYear`), if the person moved once. */
  prevUnitId: string | null;
  switchYear: number;
};

/** A fixed history entry (demo: teachers with telling histories); issuer from the code unless given. */
export type TScriptedAward = { year: number; code: TAwardCode; thematic?: boolean; issuer?: 'head' | 'so' | 'tinh' | 'bo' | 'ttg' };

export type TAwardRecord = {
  personId: string | null;
  unitId: string;
  recipientKind: 'individual' | 'collective';
  code: TAwardCode;
  name: string;
  schoolYear: number;
  decisionNumber: string;
  decisionDate: string;
  authority: string;
  amount: number | null;
  thematic: boolean;
  dedupeKey: string;
};

export type TAwardHistoryInput = {
  rnd: TRandom;
  /** The oldest school year of the history; `years` years from it. */
  firstYear: number;
  years: number;
  ubndTinh: THistoryUnit;
  so: THistoryUnit;
  communes: { ubnd: THistoryUnit; phong: THistoryUnit; schools: THistoryUnit[] }[];
  /** Every school (Sở-level first, then by commune). */
  schools: THistoryUnit[];
  emit: (a: TAwardRecord) => void | Promise<void>;
};

type TIssuer = { key: string; abbr: string; authority: string };

/** Decision month and day (in the summer after the school year) per kind of award. */
const DATES: Record<TAwardCode, [number, number]> = {
  LDTT: [6, 5], CSTDCS: [6, 5], CSTD_TINH: [8, 20], CSTD_TQ: [11, 15], GIAY_KHEN: [6, 10], BK_TINH: [8, 25], BK_BO: [9, 1], BK_TTG: [12, 10],
  KNC_GD: [10, 20], TTLDTT: [6, 15], TTLDXS: [8, 20], CO_THI_DUA: [8, 28],
};

export function createAwardHistory(input: TAwardHistoryInput) {
  const { rnd, firstYear, years } = input;
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
  const decision = (issuer: TIssuer, code: string, year: number, month: number, day: number) => {
    const k = `${issuer.key}|${code}|${year}`;
    let d = decisions.get(k);
    if (!d) {
      d = { number: decisionNo(issuer.key, issuer.abbr, year), date: `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
      decisions.set(k, d);
    }
    return d;
  };

  const units = new Map<string, THistoryUnit>([[input.so.id, input.so], ...input.schools.map((s) => [s.id, s] as const), ...input.communes.map((c) => [c.phong.id, c.phong] as const)]);
  const communeOf = new Map<string, THistoryUnit>();
  for (const c of input.communes) {
    communeOf.set(c.phong.id, c.ubnd);
    for (const s of c.schools) communeOf.set(s.id, c.ubnd);
  }
  /** Who awards LĐTT, CSTĐCS and Giấy khen at a unit: its head (Hiệu trưởng, Giám đốc Sở, Chủ tịch UBND xã). */
  const headOf = (unitId: string): TIssuer => {
    const u = units.get(unitId) ?? input.so;
    if (u.kind === 'so') return { key: u.id, abbr: 'SGDĐT', authority: `Giám đốc ${u.name}` };
    if (u.kind === 'phong_vhxh') {
      const ubnd = communeOf.get(u.id)!;
      return { key: ubnd.id, abbr: 'UBND', authority: `Chủ tịch ${ubnd.name}` };
    }
    const head = u.kind === 'gdtx' ? 'Giám đốc' : u.kind === 'truong_khac' ? 'Chủ nhóm' : 'Hiệu trưởng';
    return { key: u.id, abbr: u.abbreviation ?? 'DV', authority: `${head} ${u.name}` };
  };
  const soIssuer: TIssuer = { key: input.so.id, abbr: 'SGDĐT', authority: `Giám đốc ${input.so.name}` };
  const tinh: TIssuer = { key: input.ubndTinh.id, abbr: 'UBND', authority: `Chủ tịch ${input.ubndTinh.name}` };
  const bo: TIssuer = { key: 'bo', abbr: 'BGDĐT', authority: 'Bộ trưởng Bộ Giáo dục và Đào tạo' };
  const ttg: TIssuer = { key: 'ttg', abbr: 'TTg', authority: 'Thủ tướng Chính phủ' };
  const issuerFor = (code: TAwardCode, unitId: string, given?: TScriptedAward['issuer']): TIssuer => {
    if (given) return given === 'head' ? headOf(unitId) : given === 'so' ? soIssuer : given === 'tinh' ? tinh : given === 'bo' ? bo : ttg;
    if (code === 'CSTD_TINH' || code === 'BK_TINH' || code === 'TTLDXS' || code === 'CO_THI_DUA') return tinh;
    if (code === 'BK_BO' || code === 'KNC_GD') return bo;
    if (code === 'CSTD_TQ' || code === 'BK_TTG') return ttg;
    return headOf(unitId);
  };

  type TPending = Omit<TAwardRecord, 'amount' | 'dedupeKey'>;
  /** Assigns the decision now (numbers follow the order of the awards); amounts when the year is complete. */
  const pending = (a: { personId: string | null; unitId: string; code: TAwardCode; year: number; issuer: TIssuer; thematic?: boolean; name?: string; month?: number; day?: number }): TPending => {
    const [dm, dd] = a.thematic ? [3, 20] : a.personId === null && a.code === 'GIAY_KHEN' ? [6, 20] : DATES[a.code];
    const d = decision(a.issuer, `${a.code}${a.thematic ? '*' : ''}`, a.year, a.month ?? dm, a.day ?? dd);
    return {
      personId: a.personId, unitId: a.unitId, recipientKind: a.personId ? 'individual' : 'collective', code: a.code, name: a.name ?? AWARD_CODE_LABELS[a.code],
      schoolYear: a.year, decisionNumber: d.number, decisionDate: d.date, authority: a.issuer.authority, thematic: !!a.thematic,
    };
  };
  const flush = async (batch: TPending[]) => {
    if (!batch.length) return;
    const amounts = historyAmounts(batch[0].recipientKind, batch[0].schoolYear, batch);
    for (const [i, a] of batch.entries()) {
      await input.emit({ ...a, amount: amounts[i], dedupeKey: awardDedupeKey({ personId: a.personId, unitId: a.unitId, code: a.code, name: a.name, schoolYear: a.schoolYear, decisionNumber: a.decisionNumber }) });
    }
  };

  /** Per school and year: did any of its staff get CSTĐCS (a condition of Tập thể lao động xuất sắc). */
  const cstdAt = new Set<string>();

  /** One person's history: drawn from the ratings, or exactly `script` when given. */
  const person = async (p: THistoryPerson, script?: readonly TScriptedAward[]) => {
    const history: Set<TAwardCode>[] = [];
    for (let i = 0; i < years; i++) {
      const year = firstYear + i;
      const got = new Set<TAwardCode>();
      history.push(got);
      const r = p.ratings[i] ?? '-';
      if (r === '-') continue;
      const unitId = p.prevUnitId && year < p.switchYear ? p.prevUnitId : p.unitId;
      const head = headOf(unitId);
      const batch: TPending[] = [];
      const add = (code: TAwardCode, issuer: TIssuer, extra: { thematic?: boolean } = {}) => batch.push(pending({ personId: p.id, unitId, code, year, issuer, ...extra }));
      if (script) {
        for (const s of script.filter((x) => x.year === year)) {
          got.add(s.code);
          add(s.code, issuerFor(s.code, unitId, s.issuer), { thematic: s.thematic });
        }
        if (got.has('CSTDCS')) cstdAt.add(`${unitId}|${year}`);
        await flush(batch);
        continue;
      }
      const good = r === 'x' || r === 't';
      if (good && rnd.next() < 0.88) got.add('LDTT');
      if (got.has('LDTT') && r === 'x' && rnd.next() < 0.55) got.add('CSTDCS');
      const streak = (code: TAwardCode, n: number) => history.length >= n && history.slice(-n).every((h) => h.has(code));
      if (streak('CSTDCS', 3) && !history.slice(-3, -1).some((h) => h.has('CSTD_TINH')) && rnd.next() < 0.15) got.add('CSTD_TINH');
      if (got.has('CSTD_TINH') && history.slice(0, -3).some((h) => h.has('CSTD_TINH')) && rnd.next() < 0.2) got.add('CSTD_TQ');
      if (got.has('LDTT')) {
        if (got.has('CSTDCS')) cstdAt.add(`${unitId}|${year}`);
        add('LDTT', head);
        if (got.has('CSTDCS')) add('CSTDCS', head);
        if (got.has('CSTD_TINH')) add('CSTD_TINH', tinh);
        if (got.has('CSTD_TQ')) add('CSTD_TQ', ttg);
        if (rnd.next() < 0.12) add('GIAY_KHEN', head, { thematic: rnd.next() < 0.2 });
        const cstdRecent = history.slice(-5).filter((h) => h.has('CSTDCS')).length;
        if (cstdRecent >= 2 && rnd.next() < 0.06) { got.add('BK_TINH'); add('BK_TINH', tinh); }
        if (got.has('CSTDCS') && rnd.next() < 0.01) { got.add('BK_BO'); add('BK_BO', bo); }
        const hadBk = history.slice(0, -1).some((h) => h.has('BK_TINH') || h.has('BK_BO'));
        const fiveGood = i >= 4 && [...p.ratings.slice(i - 4, i + 1)].every((c) => c === 'x' || c === 't');
        if (hadBk && fiveGood && cstdRecent >= 3 && rnd.next() < 0.1) { got.add('BK_TTG'); add('BK_TTG', ttg); }
      }
      if (year === p.startYear + 20 && rnd.next() < 0.9) add('KNC_GD', bo);
      await flush(batch);
    }
  };

  /** Collectives: every school, every year; a Cờ thi đua to one THPT per group of eight. */
  const collectives = async (tick?: () => void) => {
    const thpt = input.schools.filter((s) => s.kind === 'thpt');
    const groups = Math.max(1, Math.round(thpt.length / 8));
    for (let year = firstYear; year < firstYear + years; year++) {
      for (const s of input.schools) {
        const commune = communeOf.get(s.id);
        const issuer = commune ? { key: commune.id, abbr: 'UBND', authority: `Chủ tịch ${commune.name}` } : soIssuer;
        const batch: TPending[] = [];
        if (rnd.next() < 0.72) {
          const xs = cstdAt.has(`${s.id}|${year}`) && rnd.next() < 0.2;
          batch.push(pending({ personId: null, unitId: s.id, code: 'TTLDTT', year, issuer }));
          if (xs) batch.push(pending({ personId: null, unitId: s.id, code: 'TTLDXS', year, issuer: tinh }));
        }
        if (rnd.next() < 0.08) batch.push(pending({ personId: null, unitId: s.id, code: 'GIAY_KHEN', year, issuer: soIssuer }));
        await flush(batch);
      }
      for (let g = 0; g < groups; g++) {
        const members = thpt.filter((_, i) => i % groups === g);
        if (members.length) await flush([pending({ personId: null, unitId: rnd.pick(members).id, code: 'CO_THI_DUA', year, issuer: tinh, name: `Cờ thi đua của ${input.ubndTinh.name}` })]);
      }
      tick?.();
    }
  };

  return { person, collectives };
}
