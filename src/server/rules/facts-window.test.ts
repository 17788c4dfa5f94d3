// The fast path of the eligibility list must give exactly the verdicts of the full path:
//  1. evaluateIndividualTitles (nested prerequisites memoised per person) = evaluateIndividual title by title,
//     and individualStatuses (no text) = their statuses;
//  2. facts cut to factsWindow (what loadPeopleFacts loads) = the whole history.
// Checked on varied, seeded random facts (ratings, streaks, thematic/đột xuất records, old and future
// awards, initiatives, discipline, months worked, years in the sector) under every shipped rule set.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import {
  SHIPPED_RULE_SETS,
  RULE_SET_LUAT2022_ND152,
  evaluateIndividual,
  evaluateIndividualTitles,
  individualStatuses,
  type Criterion,
  type HeldRecord,
  type IndividualFacts,
  type InitiativeLevel,
  type Rating,
  type RuleSet,
} from '../../rules';
import { factsWindow, inFactsWindow, type TFactsWindow } from './facts-window';

const rng = mulberry32;

const RATINGS: Rating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
const LEVELS: InitiativeLevel[] = ['co_so', 'tinh', 'toan_quoc'];

function manualCodes(set: RuleSet): string[] {
  const out: string[] = [];
  const walk = (c: Criterion) => {
    if (c.type === 'manual') out.push(c.code);
    if (c.type === 'any_of' || c.type === 'all_of') c.criteria.forEach(walk);
  };
  for (const t of Object.values(set.titles)) (t.criteria.individual ?? []).forEach(walk);
  return out;
}

/** A person's facts around school year Y: half of them "strong" (streaks that reach the higher titles). */
function randomFacts(r: () => number, Y: number, set: RuleSet): IndividualFacts {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const strong = r() < 0.5;
  const years = [];
  for (let y = Y - 12; y <= Y + 2; y += 1) {
    // The year considered is often not rated yet (→ "cần xem xét" up the chain of titles).
    const rated = y === Y ? 0.75 : strong ? 0.97 : 0.8;
    if (r() < rated) years.push({ year: y, rating: strong && r() < 0.85 ? 'HTXSNV' : pick(RATINGS) });
  }
  if (r() < 0.25) {
    const months = Math.round(r() * 120) / 10;
    const entry = years.find((x) => x.year === Y);
    if (entry) Object.assign(entry, { monthsWorked: months });
    else years.push({ year: Y, monthsWorked: months } as never);
  }
  const record = (code: string, year: number): HeldRecord => {
    const x = r();
    return {
      code,
      year,
      ...(x < 0.12 ? { thematic: true } : x < 0.18 ? { adHoc: true } : {}),
      ...(r() < 0.5 ? { decisionRef: `Quyết định số ${Math.floor(r() * 900)}/QĐ-UBND`, decisionDate: `${year + 1}-06-1${Math.floor(r() * 9)}` } : {}),
    };
  };
  const titles: HeldRecord[] = [];
  for (let y = Y - 12; y <= Y + 2; y += 1) {
    if (r() < (strong ? 0.9 : 0.5)) titles.push(record('LDTT', y));
    if (r() < (strong ? 0.75 : 0.15)) titles.push(record('CSTDCS', y));
    if (r() < (strong ? 0.3 : 0.03)) titles.push(record('CSTD_TINH', y));
    if (r() < 0.02) titles.push(record('CSTD_TQ', y));
  }
  const awards: HeldRecord[] = [];
  const awardCodes = ['GIAY_KHEN', 'BK_BO', 'BK_TINH', 'BK_TTG', 'KNC_GD'].filter((c) => set.titles[c]);
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i += 1) awards.push(record(pick(awardCodes), Y - 25 + Math.floor(r() * 28)));
  const initiatives = [];
  const k = Math.floor(r() * (strong ? 5 : 2));
  for (let i = 0; i < k; i += 1) initiatives.push({ year: Y - 12 + Math.floor(r() * 15), level: pick(LEVELS), ...(r() < 0.5 ? { title: `Sáng kiến ${i + 1}` } : {}) });
  const disciplinePeriods = [];
  if (r() < 0.1) {
    const from = `${Y - Math.floor(r() * 6)}-0${1 + Math.floor(r() * 9)}-15`;
    const to = r() < 0.3 ? null : `${Number(from.slice(0, 4)) + 1}-0${1 + Math.floor(r() * 9)}-14`;
    disciplinePeriods.push({ from, to, level: pick(['khiển trách', 'cảnh cáo']) });
  }
  const maternityLeavePeriods = r() < 0.08 ? [{ from: `${Y}-09-01`, to: `${Y + 1}-02-28` }] : [];
  const manual = manualCodes(set);
  return {
    id: `p${Math.floor(r() * 1e9)}`,
    name: 'Nguyễn Thị Lan',
    years,
    titles,
    awards,
    initiatives,
    disciplinePeriods,
    maternityLeavePeriods,
    ...(r() < 0.9 ? { yearsInSector: Math.round(r() * 3500) / 100 } : {}),
    ...(r() < 0.2 ? { yearsInDisadvantagedAreas: Math.floor(r() * 10) } : {}),
    ...(r() < 0.3 ? { confirmed: manual.filter(() => r() < 0.5) } : {}),
  };
}

/** What loadPeopleFacts loads with `w` (the SQL filter, written as the pure test it mirrors). */
function cut(f: IndividualFacts, w: TFactsWindow | null): IndividualFacts {
  return {
    ...f,
    // The entry of the year considered also carries the months worked (from employments, loaded whole).
    years: f.years.filter((y) => inFactsWindow(w, 'ratings', y.year) || y.monthsWorked !== undefined),
    titles: f.titles.filter((t) => inFactsWindow(w, 'awards', t.year, t.code)),
    awards: f.awards.filter((a) => inFactsWindow(w, 'awards', a.year, a.code)),
    initiatives: f.initiatives.filter((i) => inFactsWindow(w, 'initiatives', i.year)),
  };
}

const individual = (set: RuleSet) => Object.values(set.titles).filter((t) => t.criteria.individual).map((t) => t.code);
const YEARS = [2023, 2024, 2025];
const onDate = (Y: number) => `${Y + 1}-05-31`;

/** A copy of ND 152's set whose administrator asked for longer streaks than ten years of history hold. */
function widened(): RuleSet {
  const set = structuredClone(RULE_SET_LUAT2022_ND152);
  set.id = 'thu-nghiem-dai-han';
  for (const c of set.titles.CSTD_TINH.criteria.individual!) if (c.type === 'consecutive_titles') c.count = 9;
  for (const c of set.titles.CSTD_TQ.criteria.individual!) if (c.type === 'titles_in_window') Object.assign(c, { count: 3, windowYears: 11 });
  return set;
}

/** A set whose chains of prerequisites run past MAX_DEPTH (LĐTT needs a Giấy khen of the same year; CSTĐCS
 * nests itself), so a nested verdict cut short at depth 3 differs from the same title evaluated at depth 0. */
function deep(): RuleSet {
  const set = structuredClone(RULE_SET_LUAT2022_ND152);
  set.id = 'thu-nghiem-long-nhau';
  set.titles.LDTT.criteria.individual!.push({ type: 'title_same_year', title: 'GIAY_KHEN', code: 'co_giay_khen', label: 'Có Giấy khen cùng năm', citation: 'Thử nghiệm', verified: false });
  set.titles.CSTDCS.criteria.individual!.push({ type: 'consecutive_titles', title: 'CSTDCS', count: 2, code: 'hai_nam_cstdcs', label: 'Hai năm CSTĐCS', citation: 'Thử nghiệm', verified: false });
  return set;
}

describe('factsWindow: the school years a rule set reads', () => {
  it('shipped sets: ratings 5 years (Bằng khen Thủ tướng), initiatives 6, CSTĐCS 5 and CSTĐ cấp tỉnh 6, other awards the year itself — plus a margin; Bằng khen and Kỷ niệm chương history whole', () => {
    for (const set of SHIPPED_RULE_SETS) {
      expect(factsWindow(set, 2025), set.id).toEqual({
        toYear: 2026,
        ratingsFrom: 2020,
        initiativesFrom: 2019,
        awardsFrom: 2024,
        awardCodeFrom: { CSTDCS: 2020, CSTD_TINH: 2019 },
        allYearsCodes: ['BK_BO', 'BK_TINH', 'KNC_GD'],
      });
    }
    const w = factsWindow(RULE_SET_LUAT2022_ND152, 2025)!;
    expect([inFactsWindow(w, 'awards', 2023, 'LDTT'), inFactsWindow(w, 'awards', 2024, 'LDTT'), inFactsWindow(w, 'awards', 2020, 'CSTDCS'), inFactsWindow(w, 'awards', 2019, 'CSTDCS')]).toEqual([false, true, true, false]);
    expect([inFactsWindow(w, 'awards', 1995, 'KNC_GD'), inFactsWindow(w, 'awards', 2030, 'BK_TINH'), inFactsWindow(w, 'awards', 2027, 'CSTDCS')]).toEqual([true, true, false]);
    // The collectives count six years of members' titles: every kind widened to six years.
    expect(factsWindow(RULE_SET_LUAT2022_ND152, 2025, 6)).toMatchObject({ ratingsFrom: 2019, initiativesFrom: 2019, awardsFrom: 2019, awardCodeFrom: {} });
  });

  it('follows an edited rule set (9 consecutive CSTĐCS → 2016, an 11-year window → 2014) and refuses to bound a criterion type it does not know', () => {
    expect(factsWindow(widened(), 2025)).toMatchObject({ toYear: 2026, awardCodeFrom: { CSTDCS: 2016, CSTD_TINH: 2014 } });
    const odd = structuredClone(RULE_SET_LUAT2022_ND152);
    odd.titles.LDTT.criteria.individual!.push({ type: 'something_new', code: 'x', label: 'x', citation: 'x', verified: false } as never);
    expect(factsWindow(odd, 2025)).toBeNull();
    expect(inFactsWindow(null, 'awards', 1990, 'LDTT')).toBe(true);
  });
});

describe('fast path = full path, on varied facts', () => {
  const sets = [...SHIPPED_RULE_SETS, widened(), deep()];

  it('memoised titles of a person equal title-by-title verdicts, and the status-only path their statuses (every set, three years, 150 people each)', () => {
    const r = rng(20261204);
    const statuses = new Map<string, Set<string>>();
    for (const set of sets) {
      const codes = individual(set);
      for (const Y of YEARS) {
        for (let i = 0; i < 150; i += 1) {
          const facts = randomFacts(r, Y, set);
          const full = codes.map((c) => evaluateIndividual(facts, c, set, Y, { on: onDate(Y) }));
          expect(evaluateIndividualTitles(facts, codes, set, Y, { on: onDate(Y) })).toEqual(full);
          // Another order (higher titles first) fills the memo from the other end.
          const reversed = [...codes].reverse();
          expect(evaluateIndividualTitles(facts, reversed, set, Y, { on: onDate(Y) })).toEqual([...full].reverse());
          expect(individualStatuses(facts, codes, set, Y, { on: onDate(Y) })).toEqual(full.map((v) => v.status));
          expect(individualStatuses(facts, reversed, set, Y, { on: onDate(Y) })).toEqual([...full].reverse().map((v) => v.status));
          // One title alone (a fresh memo: nested prerequisites computed at depth 1 and more).
          const one = codes[i % codes.length];
          expect(individualStatuses(facts, [one], set, Y, { on: onDate(Y) })).toEqual([full[i % codes.length].status]);
          for (const v of full) {
            const s = statuses.get(v.titleCode) ?? new Set();
            s.add(v.status);
            statuses.set(v.titleCode, s);
          }
        }
      }
    }
    // The facts reach every outcome of the titles that nest (so a wrong memo would show).
    for (const code of ['LDTT', 'CSTDCS', 'CSTD_TINH']) expect([...statuses.get(code)!].sort(), code).toEqual(['eligible', 'needs_review', 'not_eligible']);
    expect(statuses.get('CSTD_TQ')!.has('not_eligible')).toBe(true);
    expect(statuses.get('CSTD_TQ')!.size).toBeGreaterThan(1);
  });

  it('facts cut to the window give the same verdicts (reasons included) as the whole history', () => {
    const r = rng(42);
    for (const set of sets) {
      const codes = individual(set);
      for (const Y of YEARS) {
        const w = factsWindow(set, Y);
        for (let i = 0; i < 250; i += 1) {
          const facts = randomFacts(r, Y, set);
          const full = codes.map((c) => evaluateIndividual(facts, c, set, Y, { on: onDate(Y) }));
          expect(evaluateIndividualTitles(cut(facts, w), codes, set, Y, { on: onDate(Y) }), `${set.id} ${Y} #${i}`).toEqual(full);
          expect(individualStatuses(cut(facts, w), codes, set, Y, { on: onDate(Y) })).toEqual(full.map((v) => v.status));
        }
      }
    }
  });

  it('control: a window one year too short (and without the whole-history codes) changes verdicts, so the comparison above can fail', () => {
    const r = rng(7);
    let differ = 0;
    for (const set of sets) {
      const codes = individual(set);
      const Y = 2025;
      const w = factsWindow(set, Y)!;
      const short = { ...w, ratingsFrom: w.ratingsFrom + 2, initiativesFrom: w.initiativesFrom + 2, awardCodeFrom: { CSTDCS: w.awardCodeFrom.CSTDCS + 2, CSTD_TINH: w.awardCodeFrom.CSTD_TINH + 2 }, allYearsCodes: [] };
      for (let i = 0; i < 250; i += 1) {
        const facts = randomFacts(r, Y, set);
        const full = codes.map((c) => evaluateIndividual(facts, c, set, Y, { on: onDate(Y) }).status);
        const shortened = evaluateIndividualTitles(cut(facts, short), codes, set, Y, { on: onDate(Y) }).map((v) => v.status);
        if (full.join() !== shortened.join()) differ += 1;
      }
    }
    expect(differ).toBeGreaterThan(0);
  });
});
