// Eligibility from the database: facts of people and collectives loaded in bulk (a few queries per
// chunk of people, never one per person), evaluated by the pure rules core (src/rules) with the active
// rule sets stored in the database. Every verdict explains itself (rule, fact, citation) and carries
// the rule set code + version it used, so a caller can store a snapshot.
//
// Other features call `evaluatePeople` / `evaluateUnits`; both check access themselves.
import {
  evaluateCollective,
  evaluateIndividualTitles,
  individualStatuses,
  selectRuleSet,
  suggestProposals,
  type CollectiveFacts,
  type CollectiveYear,
  type HeldRecord,
  type IndividualFacts,
  type Rating,
  type Reason,
  type RuleSet,
  type Verdict,
  type VerdictStatus,
} from '../../rules';
import { sql } from 'kysely';
import { RulesError } from '../../rules/errors';
import { DISCIPLINE_LABELS } from '../../shared/labels';
import { foldVietnamese, schoolYearOf } from '../../shared/vn';
import { grantRoots, hasPermissionSomewhere, requireAccess, type TContext } from '../auth/access';
import type { Db, Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { todayIso } from '../ids';
import { awardCodeGroups, factsWindow, type TFactsWindow } from './facts-window';
import { loadActiveRuleSets, tableExists } from './rule-sets';

/** People per round of queries. */
export const CHUNK = 2000;
/**
 * People per round of the list's counting pass: smaller rounds keep less alive between two garbage
 * collections (province 42 on SQLite: peak RSS 343 MB with 2,000, 270 MB with 500, and less CPU).
 */
export const LIST_CHUNK = 500;
const RATING_RANK: Record<Rating, number> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };

export type TEligibilityVerdict = {
  titleCode: string;
  titleName: string;
  status: VerdictStatus;
  eligible: boolean;
  reasons: Reason[];
  ruleSetCode: string;
  ruleSetVersion: number;
  /** "chưa xác minh": the verdict relies on a value (or a set) not verified in the legal text. */
  unverified: boolean;
  unverifiedNotes: string[];
};
export type TSuggestion = { titleCode: string; titleName: string; status: VerdictStatus; message: string };
export type TPersonEligibility = {
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string | null;
  position: string | null;
  verdicts: TEligibilityVerdict[];
  suggestions: TSuggestion[];
};
export type TUnitEligibility = {
  unitId: string;
  unitName: string;
  unitKind: string;
  memberCount: number;
  verdicts: TEligibilityVerdict[];
};
export type TRuleSetUsed = { code: string; version: number; name: string; verified: boolean; citation: string; trail: string[] };

/** When a year's review is assumed to happen: end of May of the school year, or today if earlier. */
export function defaultReviewDate(schoolYear: number): string {
  const endOfYear = `${schoolYear + 1}-05-31`;
  const today = todayIso();
  return today < endOfYear ? today : endOfYear;
}

/** The school year whose results are complete (the one that ended last, or is ending). */
export function defaultSchoolYear(): number {
  return schoolYearOf(todayIso()) - 1;
}

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const day = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/**
 * Months covered by employment periods inside school year `y` (overlaps merged; rounded to a tenth, at
 * most 12). An open employment counts to the end of the school year, also when the review comes earlier.
 */
export function monthsEmployed(periods: { from: string; to: string | null }[], y: number): number {
  const from = day(`${y}-08-01`);
  const to = day(`${y + 1}-07-31`);
  const spans = periods
    .map((p) => [Math.max(day(p.from), from), Math.min(p.to ? day(p.to) : to, to)] as const)
    .filter(([a, b]) => b >= a)
    .sort((a, b) => a[0] - b[0]);
  let days = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    const start = Math.max(a, end + 1);
    if (b >= start) days += b - start + 1;
    end = Math.max(end, b);
  }
  return Math.min(12, Math.round((days / 30.4375) * 10) / 10);
}

// ---------------------------------------------------------------------------------------------------
// Facts from the database.

type TPersonRow = { id: string; full_name: string; unit_id: string; position: string | null; sector_start_date: string | null; unit_name: string | null };

export type TLoadedFacts = { person: TPersonRow; facts: IndividualFacts };

function splitRecords(rows: HeldRecord[], set: RuleSet): { titles: HeldRecord[]; awards: HeldRecord[] } {
  const titles: HeldRecord[] = [];
  const awards: HeldRecord[] = [];
  for (const r of rows) (set.titles[r.code]?.category === 'hinh_thuc' ? awards : titles).push(r);
  return { titles, awards };
}

/**
 * Facts of many people in bulk: ratings, award history (valid rows, thematic flag), disciplines,
 * employments (months worked in the year considered), years in the sector, recognised initiatives.
 * About six queries per 2,000 people. With `window` (see facts-window.ts) only the school years the rule
 * set can read are loaded for ratings, awards and initiatives; without it, every year. `lean` leaves out
 * what only the reasons' texts use (names, unit, decision numbers and dates, initiative titles): enough
 * for `individualStatuses`, not for verdicts shown to a user.
 */
export async function loadPeopleFacts(
  db: Db | Tx,
  kind: 'sqlite' | 'postgres',
  personIds: readonly string[],
  opts: { schoolYear: number; reviewDate: string; ruleSet: RuleSet; window?: TFactsWindow | null; chunkSize?: number; lean?: boolean },
): Promise<TLoadedFacts[]> {
  const out: TLoadedFacts[] = [];
  const hasInitiatives = await tableExists(db, kind, 'initiatives');
  const w = opts.window ?? null;
  const lean = !!opts.lean;
  for (const ids of chunks([...new Set(personIds)], opts.chunkSize)) {
    // PostgreSQL plans a long `IN ($1 … $2000)` as a sequential scan of the whole table (≈ 450 ms for the
    // awards of a province, per chunk); a semi-join on unnest($1) probes the person index once per id.
    const these = kind === 'postgres' ? sql<string>`(select unnest(${ids}::text[]))` : ids;
    const [people, ratings, awards, disciplines, employments, initiatives] = await Promise.all([
      lean
        ? (db.selectFrom('people').select(['people.id', 'people.sector_start_date']).where('people.id', 'in', these).execute() as Promise<TPersonRow[]>)
        : db
            .selectFrom('people')
            .leftJoin('units', 'units.id', 'people.unit_id')
            .select(['people.id', 'people.full_name', 'people.unit_id', 'people.position', 'people.sector_start_date', 'units.name as unit_name'])
            .where('people.id', 'in', these)
            .execute(),
      db
        .selectFrom('performance_ratings')
        .select(['person_id', 'school_year', 'rating'])
        .where('person_id', 'in', these)
        .$if(!!w, (qb) => qb.where('school_year', '>=', w!.ratingsFrom).where('school_year', '<=', w!.toYear))
        .execute(),
      db
        .selectFrom('awards')
        // lean: the decision columns are left out (read below as absent).
        .select((lean ? ['person_id', 'code', 'school_year', 'thematic'] : ['person_id', 'code', 'school_year', 'thematic', 'decision_number', 'decision_date']) as ['person_id', 'code', 'school_year', 'thematic', 'decision_number', 'decision_date'])
        .where('person_id', 'in', these)
        .where('voided_at', 'is', null)
        // Oldest first, so that a reason quoting "the" earlier award names the same one on both databases.
        .orderBy('school_year')
        .orderBy('code')
        .orderBy('thematic')
        // As inFactsWindow(w, 'awards', year, code): whole history of allYearsCodes; else up to toYear, from
        // the code's own first year or awardsFrom.
        .$if(!!w, (qb) =>
          qb.where((eb) => {
            const from = [eb('school_year', '>=', w!.awardsFrom), ...awardCodeGroups(w!).map((g) => eb.and([eb('code', 'in', g.codes), eb('school_year', '>=', g.from)]))];
            const inYears = eb.and([eb('school_year', '<=', w!.toYear), eb.or(from)]);
            return w!.allYearsCodes.length ? eb.or([eb('code', 'in', w!.allYearsCodes), inYears]) : inYears;
          }),
        )
        .execute(),
      db.selectFrom('disciplines').select(['person_id', 'form', 'from_date', 'to_date', 'decision_number']).where('person_id', 'in', these).execute(),
      db.selectFrom('employments').select(['person_id', 'from_date', 'to_date']).where('person_id', 'in', these).execute(),
      hasInitiatives
        ? db
            .selectFrom('initiatives')
            .select((lean ? ['person_id', 'school_year', 'level'] : ['person_id', 'school_year', 'level', 'title']) as ['person_id', 'school_year', 'level', 'title'])
            .where('person_id', 'in', these)
            .where('status', '=', 'recognised')
            .$if(!!w, (qb) => qb.where('school_year', '>=', w!.initiativesFrom).where('school_year', '<=', w!.toYear))
            .execute()
        : Promise.resolve([] as { person_id: string; school_year: number; level: 'co_so' | 'tinh' | 'toan_quoc'; title: string }[]),
    ]);
    const group = <T extends { person_id: string | null }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) {
        if (!r.person_id) continue;
        const l = m.get(r.person_id);
        if (l) l.push(r);
        else m.set(r.person_id, [r]);
      }
      return m;
    };
    const byRating = group(ratings);
    const byAward = group(awards);
    const byDiscipline = group(disciplines);
    const byEmployment = group(employments);
    const byInitiative = group(initiatives);
    const order = new Map(ids.map((id, i) => [id, i]));
    people.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    for (const p of people) {
      const years = (byRating.get(p.id) ?? []).map((r) => ({ year: Number(r.school_year), rating: r.rating.toUpperCase() as Rating }));
      const emp = byEmployment.get(p.id) ?? [];
      if (emp.length) {
        const months = monthsEmployed(emp.map((e) => ({ from: e.from_date, to: e.to_date })), opts.schoolYear);
        if (months < 12) {
          const y = years.find((r) => r.year === opts.schoolYear);
          if (y) Object.assign(y, { monthsWorked: months });
          else years.push({ year: opts.schoolYear, monthsWorked: months } as never);
        }
      }
      const held: HeldRecord[] = (byAward.get(p.id) ?? []).map((a) => {
        const r: HeldRecord = { code: a.code, year: Number(a.school_year), thematic: Number(a.thematic) === 1 };
        if (a.decision_number) r.decisionRef = `Quyết định số ${a.decision_number}`;
        if (a.decision_date) r.decisionDate = a.decision_date;
        return r;
      });
      const { titles, awards: forms } = splitRecords(held, opts.ruleSet);
      const yearsInSector = p.sector_start_date ? Math.max(0, Math.floor(((day(opts.reviewDate) - day(p.sector_start_date)) / 365.25) * 100) / 100) : undefined;
      out.push({
        person: p,
        facts: {
          id: p.id,
          name: p.full_name,
          years,
          titles,
          awards: forms,
          initiatives: (byInitiative.get(p.id) ?? []).map((i) => ({ year: Number(i.school_year), level: i.level, title: i.title })),
          disciplinePeriods: (byDiscipline.get(p.id) ?? []).map((d) => ({
            from: d.from_date,
            to: d.to_date,
            level: DISCIPLINE_LABELS[d.form as keyof typeof DISCIPLINE_LABELS] ?? d.form,
            ...(d.decision_number ? { note: `Quyết định số ${d.decision_number}` } : {}),
          })),
          maternityLeavePeriods: [],
          ...(yearsInSector !== undefined ? { yearsInSector } : {}),
        },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Rule set choice and verdict shape.

export async function chooseRuleSet(db: Db | Tx, reviewDate: string): Promise<{ set: RuleSet; used: TRuleSetUsed }> {
  const sets = await loadActiveRuleSets(db);
  try {
    const sel = selectRuleSet(sets, { on: reviewDate });
    const set = sel.ruleSet;
    return { set, used: { code: set.id, version: set.version, name: set.name, verified: set.verified, citation: set.citation, trail: sel.trail.map((t) => t.reason) } };
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
}

export function presentVerdict(v: Verdict, set: RuleSet): TEligibilityVerdict {
  const unverified = v.unverifiedValuesUsed || !set.verified;
  const notes = v.unverifiedValuesUsed ? v.unverifiedNotes : !set.verified ? set.unverifiedNotes : [];
  return {
    titleCode: v.titleCode,
    titleName: v.titleName,
    status: v.status,
    eligible: v.eligible,
    reasons: v.reasons.map((r) => ({ ...r, unverified: r.unverified || !set.verified })),
    ruleSetCode: v.ruleSetId,
    ruleSetVersion: v.ruleSetVersion,
    unverified,
    unverifiedNotes: notes.length ? notes : unverified ? ['Bộ quy tắc đang áp dụng được đánh dấu "chưa xác minh".'] : [],
  };
}

function individualTitles(set: RuleSet, title?: string): string[] {
  const codes = Object.values(set.titles).filter((t) => t.criteria.individual).map((t) => t.code);
  if (!title) return codes;
  if (!set.titles[title]) throw new AppError('VALIDATION', `Bộ quy tắc "${set.name}" không có danh hiệu, hình thức mã ${title}`, { fields: [{ field: 'title', message: 'Không có trong bộ quy tắc' }] });
  return codes.filter((c) => c === title);
}

/** Titles worth proposing next (as suggestProposals in src/rules does), from verdicts already computed. */
export function suggestionsFrom(verdicts: Verdict[], set: RuleSet): TSuggestion[] {
  const out: TSuggestion[] = [];
  for (const v of verdicts) {
    if (v.status === 'not_eligible') continue;
    const t = set.titles[v.titleCode];
    const builds = (t?.criteria.individual ?? []).some((c) => c.type === 'consecutive_titles' || c.type === 'titles_in_window' || c.type === 'has_award_before');
    if (!builds) continue;
    const basis = v.reasons.find((r) => r.outcome === 'pass' && /liên tục|lần/.test(r.message));
    const lead = v.status === 'eligible' ? 'Đủ điều kiện đề nghị' : 'Có thể đề nghị (cần xác nhận)';
    out.push({ titleCode: v.titleCode, titleName: v.titleName, status: v.status, message: `${lead} ${v.titleName}${basis ? `: ${basis.message}` : ''}` });
  }
  return out;
}

function evaluateLoaded(loaded: TLoadedFacts, set: RuleSet, schoolYear: number, reviewDate: string, titles: string[], computed?: Verdict[]): TPersonEligibility {
  const raw = computed ?? evaluateIndividualTitles(loaded.facts, titles, set, schoolYear, { on: reviewDate });
  // Suggestions need every title that builds on earlier ones; reuse the verdicts already computed.
  const all = titles.length === individualTitles(set).length;
  const suggestions = all
    ? suggestionsFrom(raw, set)
    : suggestProposals(loaded.facts, set, schoolYear, { on: reviewDate }).map((s) => ({ titleCode: s.titleCode, titleName: s.titleName, status: s.status, message: s.message }));
  return {
    personId: loaded.person.id,
    fullName: loaded.person.full_name,
    unitId: loaded.person.unit_id,
    unitName: loaded.person.unit_name,
    position: loaded.person.position,
    verdicts: raw.map((v) => presentVerdict(v, set)),
    suggestions,
  };
}

// ---------------------------------------------------------------------------------------------------
// Service functions (called by routes and by other features).

export type TEvaluatePeopleInput = { personIds: string[]; schoolYear: number; reviewDate?: string; titles?: string[] };

/**
 * Verdicts for the given people (every individual title of the rule set in force on `reviewDate`, or
 * `titles`), with reasons, suggestions, and the rule set code/version used. The actor needs
 * commendation.read over each person's unit (or is the person). Unknown or unreachable ids → 404.
 */
export async function evaluatePeople(ctx: TContext, input: TEvaluatePeopleInput): Promise<{ schoolYear: number; reviewDate: string; ruleSet: TRuleSetUsed; people: TPersonEligibility[] }> {
  const reviewDate = input.reviewDate ?? defaultReviewDate(input.schoolYear);
  const ids = [...new Set(input.personIds)];
  await requirePeopleReadable(ctx, ids);
  const { set, used } = await chooseRuleSet(ctx.db, reviewDate);
  const titles = input.titles?.length ? input.titles.flatMap((t) => individualTitles(set, t)) : individualTitles(set);
  const window = factsWindow(set, input.schoolYear);
  const loaded = await loadPeopleFacts(ctx.db, ctx.kind, ids, { schoolYear: input.schoolYear, reviewDate, ruleSet: set, window });
  return { schoolYear: input.schoolYear, reviewDate, ruleSet: used, people: loaded.map((l) => evaluateLoaded(l, set, input.schoolYear, reviewDate, titles)) };
}

async function requirePeopleReadable(ctx: TContext, ids: string[]): Promise<void> {
  const others = ids.filter((id) => id !== ctx.actor.personId);
  if (others.length === 0) {
    if (ids.length && !(await ctx.db.selectFrom('people').select('id').where('id', '=', ids[0]).executeTakeFirst())) throw notFound('Không tìm thấy cán bộ');
    return;
  }
  if (!hasPermissionSomewhere(ctx.actor, 'commendation.read')) throw notFound('Không tìm thấy cán bộ');
  const roots = grantRoots(ctx.actor, 'commendation.read');
  for (const part of chunks(others)) {
    const rows = await ctx.db
      .selectFrom('people')
      .select(['people.id'])
      .where('people.id', 'in', part)
      .where('people.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots))
      .execute();
    if (rows.length < part.length) throw notFound('Không tìm thấy cán bộ');
  }
}

export type TEligibilityListQuery = {
  unitId: string;
  schoolYear?: number;
  reviewDate?: string;
  title?: string;
  onlyEligible?: boolean;
  q?: string;
  page: number;
  pageSize: number;
};

/**
 * Everyone in a unit's subtree for a school year: verdicts per title, counts per title over the whole
 * list, and the page asked for. The counters are evaluated chunk by chunk (`chunkSize` people at a time, LIST_CHUNK)
 * by the status-only evaluator on lean facts, so memory holds one or two chunks and the counters (plus
 * the ids of the list, and with "only eligible" the set of those eligible); the page's rows are then
 * loaded again with their full facts and evaluated with reasons and suggestions. Counts, `total` (also with
 * "only eligible") and the page are exactly those of evaluating everyone at once.
 */
export async function listEligibility(ctx: TContext, q: TEligibilityListQuery, opts: { chunkSize?: number } = {}) {
  await requireAccess(ctx, 'commendation.read', [q.unitId]);
  const schoolYear = q.schoolYear ?? defaultSchoolYear();
  const reviewDate = q.reviewDate ?? defaultReviewDate(schoolYear);
  const { set, used } = await chooseRuleSet(ctx.db, reviewDate);
  const titles = individualTitles(set, q.title);
  let people = ctx.db
    .selectFrom('people')
    .select(['people.id'])
    .where('people.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId))
    .orderBy('people.name_search')
    .orderBy('people.id');
  if (q.q) {
    people = people.where('people.name_search', 'like', `%${foldVietnamese(q.q)}%`);
  }
  const ids = (await people.execute()).map((r) => r.id);
  const window = factsWindow(set, schoolYear);
  const size = Math.max(1, opts.chunkSize ?? LIST_CHUNK);
  const counts = titles.map(() => ({ eligible: 0, needsReview: 0, notEligible: 0 }));
  // Pass 1, chunk by chunk: statuses only (lean facts, no text) → counters, and who is eligible for
  // something when the list is filtered so.
  const eligibleIds = q.onlyEligible ? new Set<string>() : null;
  const load = (part: string[]) => {
    const p = loadPeopleFacts(ctx.db, ctx.kind, part, { schoolYear, reviewDate, ruleSet: set, window, chunkSize: size, lean: true });
    p.catch(() => undefined); // a failure is reported where the chunk is awaited, never as an unhandled rejection
    return p;
  };
  const parts = chunks(ids, size);
  // The next chunk's queries run (on PostgreSQL, in the database's own process) while this one is evaluated.
  let next = parts.length ? load(parts[0]) : null;
  for (let i = 0; i < parts.length; i += 1) {
    const loaded = await next!;
    next = i + 1 < parts.length ? load(parts[i + 1]) : null;
    for (const l of loaded) {
      const statuses = individualStatuses(l.facts, titles, set, schoolYear, { on: reviewDate });
      let any = false;
      for (let t = 0; t < statuses.length; t += 1) {
        const status = statuses[t];
        if (status === 'eligible') {
          counts[t].eligible += 1;
          any = true;
        } else if (status === 'needs_review') counts[t].needsReview += 1;
        else counts[t].notEligible += 1;
      }
      if (any) eligibleIds?.add(l.person.id);
    }
  }
  // Pass 2: the page's people, with their full facts, reasons and suggestions.
  const listed = eligibleIds ? ids.filter((id) => eligibleIds.has(id)) : ids;
  const pageIds = listed.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const pageFacts = pageIds.length ? await loadPeopleFacts(ctx.db, ctx.kind, pageIds, { schoolYear, reviewDate, ruleSet: set, window }) : [];
  const items = pageFacts.map((l) => evaluateLoaded(l, set, schoolYear, reviewDate, titles));
  const summary = titles.map((code, t) => ({ titleCode: code, titleName: set.titles[code].name, shortName: set.titles[code].shortName, ...counts[t] }));
  return {
    schoolYear,
    reviewDate,
    ruleSet: used,
    titles: titles.map((code) => ({ code, name: set.titles[code].name, shortName: set.titles[code].shortName })),
    summary,
    items,
    total: listed.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One person's verdicts (their own record, or a person inside the actor's commendation.read reach). */
export async function personEligibility(ctx: TContext, personId: string, q: { schoolYear?: number; reviewDate?: string }) {
  const schoolYear = q.schoolYear ?? defaultSchoolYear();
  const res = await evaluatePeople(ctx, { personIds: [personId], schoolYear, reviewDate: q.reviewDate });
  const person = res.people[0];
  if (!person) throw notFound('Không tìm thấy cán bộ');
  return { schoolYear: res.schoolYear, reviewDate: res.reviewDate, ruleSet: res.ruleSet, person };
}

// ---------------------------------------------------------------------------------------------------
// Collectives.

export type TEvaluateUnitsInput = { unitIds: string[]; schoolYear: number; reviewDate?: string; titles?: string[] };

/**
 * Collective verdicts for units. Members are the people whose unit lies in the unit's subtree; each
 * year's counts come from their ratings, award history and disciplines (for the year considered, a
 * member eligible for LĐTT / CSTĐCS now counts as holding it, as the core does for prerequisites).
 * The unit's own rating and its rank in a cụm/khối are not stored yet, so those criteria ask for review.
 */
export async function evaluateUnits(ctx: TContext, input: TEvaluateUnitsInput): Promise<{ schoolYear: number; reviewDate: string; ruleSet: TRuleSetUsed; units: TUnitEligibility[] }> {
  const unitIds = [...new Set(input.unitIds)];
  await requireAccess(ctx, 'commendation.read', unitIds);
  const reviewDate = input.reviewDate ?? defaultReviewDate(input.schoolYear);
  const { set, used } = await chooseRuleSet(ctx.db, reviewDate);
  const Y = input.schoolYear;
  const titleCodes = Object.values(set.titles)
    .filter((t) => t.criteria.collective && (!input.titles?.length || input.titles.includes(t.code)))
    .map((t) => t.code);
  const units = unitIds.length ? await ctx.db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', unitIds).execute() : [];
  const members = unitIds.length
    ? await ctx.db
        .selectFrom('unit_closure')
        .innerJoin('people', 'people.unit_id', 'unit_closure.descendant_id')
        .select(['unit_closure.ancestor_id as unit_id', 'people.id as person_id'])
        .where('unit_closure.ancestor_id', 'in', unitIds)
        .execute()
    : [];
  const memberIds = [...new Set(members.map((m) => m.person_id))];
  // Members' rows of the six years counted below, and whatever the individual titles read.
  const window = factsWindow(set, Y, 6);
  const loaded = await loadPeopleFacts(ctx.db, ctx.kind, memberIds, { schoolYear: Y, reviewDate, ruleSet: set, window });
  const byId = new Map(loaded.map((l) => [l.person.id, l]));
  // For the year considered: members eligible now for LĐTT / CSTĐCS.
  const nowLdtt = new Set<string>();
  const nowCstdcs = new Set<string>();
  const nowCodes = ['LDTT', 'CSTDCS'].filter((code) => set.titles[code]);
  for (const l of loaded) {
    for (const v of evaluateIndividualTitles(l.facts, nowCodes, set, Y, { on: reviewDate })) {
      if (v.eligible) (v.titleCode === 'LDTT' ? nowLdtt : nowCstdcs).add(l.person.id);
    }
  }
  const unitAwards = unitIds.length
    ? await ctx.db.selectFrom('awards').select(['unit_id', 'code', 'school_year', 'thematic']).where('unit_id', 'in', unitIds).where('person_id', 'is', null).where('voided_at', 'is', null).execute()
    : [];
  const out: TUnitEligibility[] = [];
  for (const u of units) {
    const mine = members.filter((m) => m.unit_id === u.id).map((m) => byId.get(m.person_id)).filter((x): x is TLoadedFacts => !!x);
    const years: CollectiveYear[] = [];
    for (let y = Y - 5; y <= Y; y += 1) {
      const rated = mine.filter((m) => m.facts.years.some((r) => r.year === y && r.rating));
      if (rated.length === 0) continue;
      const holds = (m: TLoadedFacts, code: string) => m.facts.titles.some((t) => t.code === code && t.year === y && !t.thematic);
      const from = `${y}-08-01`;
      const to = `${y + 1}-07-31`;
      years.push({
        year: y,
        memberCount: rated.length,
        ldttCount: rated.filter((m) => holds(m, 'LDTT') || holds(m, 'CSTDCS') || (y === Y && nowLdtt.has(m.person.id))).length,
        completedCount: rated.filter((m) => {
          const r = m.facts.years.find((x) => x.year === y)?.rating;
          return !!r && RATING_RANK[r] >= RATING_RANK.HTNV;
        }).length,
        cstdcsCount: rated.filter((m) => holds(m, 'CSTDCS') || (y === Y && nowCstdcs.has(m.person.id))).length,
        disciplinedCount: rated.filter((m) =>
          m.facts.disciplinePeriods.some((d) => d.level !== DISCIPLINE_LABELS.khien_trach && d.from <= to && (d.to === null || d.to >= from)),
        ).length,
      });
    }
    const held: HeldRecord[] = unitAwards.filter((a) => a.unit_id === u.id).map((a) => ({ code: a.code, year: Number(a.school_year), thematic: Number(a.thematic) === 1 }));
    const { titles, awards } = splitRecords(held, set);
    const facts: CollectiveFacts = { id: u.id, name: u.name, years, titles, awards, disciplinePeriods: [] };
    out.push({
      unitId: u.id,
      unitName: u.name,
      unitKind: u.kind,
      memberCount: mine.length,
      verdicts: titleCodes.map((code) => presentVerdict(evaluateCollective(facts, code, set, Y, { on: reviewDate }), set)),
    });
  }
  out.sort((a, b) => unitIds.indexOf(a.unitId) - unitIds.indexOf(b.unitId));
  return { schoolYear: Y, reviewDate, ruleSet: used, units: out };
}

/** Collective verdicts for a unit and its direct sub-units that have members. */
export async function unitEligibility(ctx: TContext, unitId: string, q: { schoolYear?: number; reviewDate?: string }) {
  await requireAccess(ctx, 'commendation.read', [unitId]);
  const children = await ctx.db
    .selectFrom('unit_closure')
    .innerJoin('units', 'units.id', 'unit_closure.descendant_id')
    .select('units.id')
    .where('unit_closure.ancestor_id', '=', unitId)
    .where('unit_closure.depth', '=', 1)
    .where('units.status', '=', 'active')
    .orderBy('units.name')
    .limit(200)
    .execute();
  const res = await evaluateUnits(ctx, { unitIds: [unitId, ...children.map((c) => c.id)], schoolYear: q.schoolYear ?? defaultSchoolYear(), reviewDate: q.reviewDate });
  return { ...res, units: res.units.filter((u, i) => i === 0 || u.memberCount > 0) };
}

