// Which school years of a person's history a rule set can look at, so that eligibility loads only those
// rows (ratings, awards, initiatives) instead of ten years of everything. Derived from the rule set's
// criteria, per kind of fact and per award code — an administrator who raises a count or a window widens
// the loading with it. Nested prerequisites are evaluated for the same year, so the criteria of every
// title of the set together bound what any verdict reads.
import type { Criterion, RuleSet } from '../../rules';

/** Extra school years loaded on each side of what the criteria need (a guard, not a requirement). */
export const WINDOW_MARGIN = 1;

export type TFactsWindow = {
  /** Last school year (start year) loaded, for every kind of row except `allYearsCodes`. */
  toYear: number;
  /** First school year of ratings (consecutive_ratings, min_rating) and of recognised initiatives. */
  ratingsFrom: number;
  initiativesFrom: number;
  /** First school year of an award whose code no criterion names (the duplicate check reads the year considered). */
  awardsFrom: number;
  /** Earlier first years for the codes criteria count over several years (consecutive_titles, titles_in_window). */
  awardCodeFrom: Record<string, number>;
  /** Award codes read whatever their year (has_award_before, once_only): loaded without a year filter. */
  allYearsCodes: string[];
};

type TLookback = { ratings: number; initiatives: number; codes: Map<string, number>; allYearsCodes: Set<string> };

/** Widens `acc` to what a criterion reads (years back, including the year considered); false when it cannot be bounded. */
function criterionLookback(c: Criterion, titleCode: string, acc: TLookback): boolean {
  const years = (n: unknown): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.max(1, Math.ceil(n)) : null);
  const code = (title: string, n: unknown) => {
    const y = years(n);
    if (y === null) return false;
    acc.codes.set(title, Math.max(acc.codes.get(title) ?? 1, y));
    return true;
  };
  const ratings = (n: unknown) => {
    const y = years(n);
    if (y === null) return false;
    acc.ratings = Math.max(acc.ratings, y);
    return true;
  };
  switch (c.type) {
    case 'min_rating':
    case 'collective_min_rating':
      return ratings(1);
    case 'consecutive_ratings':
      return ratings(c.count);
    case 'title_same_year':
      return code(c.title, 1);
    case 'consecutive_titles':
      return code(c.title, c.count);
    case 'titles_in_window':
      return code(c.title, c.windowYears);
    case 'initiative': {
      const y = years(c.windowYears);
      if (y === null) return false;
      acc.initiatives = Math.max(acc.initiatives, y);
      return true;
    }
    case 'has_award_before':
      for (const a of c.awards) acc.allYearsCodes.add(a);
      return true;
    case 'once_only':
      acc.allYearsCodes.add(titleCode);
      return true;
    case 'min_months_worked': // employments (loaded whole) → the year considered
    case 'no_discipline': // discipline periods are dates, loaded whole
    case 'years_in_sector': // years in the sector and discipline periods, not yearly rows
    case 'manual':
    case 'member_share_title':
    case 'all_members_complete':
    case 'min_members_with_title':
    case 'no_member_discipline':
    case 'leads_cluster':
      return true;
    case 'any_of':
    case 'all_of':
      return c.criteria.every((sub) => criterionLookback(sub, titleCode, acc));
    default:
      // A criterion type this file does not know: load everything rather than guess.
      return false;
  }
}

/**
 * The years of history the individual criteria of `set` can read for school year `schoolYear`, each kind
 * (and each award code counted over several years) widened to at least `minYears` back and by
 * WINDOW_MARGIN on both sides. Null: no bound (load every year).
 */
export function factsWindow(set: RuleSet, schoolYear: number, minYears = 1): TFactsWindow | null {
  const min = Math.max(1, minYears);
  const acc: TLookback = { ratings: min, initiatives: min, codes: new Map(), allYearsCodes: new Set() };
  for (const t of Object.values(set.titles)) {
    for (const c of t.criteria.individual ?? []) if (!criterionLookback(c, t.code, acc)) return null;
  }
  const from = (back: number) => schoolYear - Math.max(back, min) + 1 - WINDOW_MARGIN;
  const awardsFrom = from(1);
  const awardCodeFrom: Record<string, number> = {};
  for (const [code, back] of [...acc.codes].sort(([a], [b]) => a.localeCompare(b))) {
    if (!acc.allYearsCodes.has(code) && from(back) < awardsFrom) awardCodeFrom[code] = from(back);
  }
  return {
    toYear: schoolYear + WINDOW_MARGIN,
    ratingsFrom: from(acc.ratings),
    initiativesFrom: from(acc.initiatives),
    awardsFrom,
    awardCodeFrom,
    allYearsCodes: [...acc.allYearsCodes].sort(),
  };
}

/** The same test as the SQL filters of loadPeopleFacts (kept here so that it can be unit-tested). */
export function inFactsWindow(w: TFactsWindow | null, kind: 'ratings' | 'initiatives', year: number): boolean;
export function inFactsWindow(w: TFactsWindow | null, kind: 'awards', year: number, code: string): boolean;
export function inFactsWindow(w: TFactsWindow | null, kind: 'ratings' | 'initiatives' | 'awards', year: number, code?: string): boolean {
  if (!w) return true;
  if (kind === 'ratings') return year >= w.ratingsFrom && year <= w.toYear;
  if (kind === 'initiatives') return year >= w.initiativesFrom && year <= w.toYear;
  if (w.allYearsCodes.includes(code!)) return true;
  return year <= w.toYear && year >= (w.awardCodeFrom[code!] ?? w.awardsFrom);
}

/** Award codes grouped by their first year (for the SQL filter), earliest first. */
export function awardCodeGroups(w: TFactsWindow): { from: number; codes: string[] }[] {
  const groups = new Map<number, string[]>();
  for (const [code, from] of Object.entries(w.awardCodeFrom)) groups.set(from, [...(groups.get(from) ?? []), code]);
  return [...groups].sort(([a], [b]) => a - b).map(([from, codes]) => ({ from, codes: codes.sort() }));
}
