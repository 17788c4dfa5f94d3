// Pure eligibility evaluators: facts + title + rule set + year → a verdict that explains itself.
// Years are school years by their start year (2024 = năm học 2024-2025).
import { formatDateVi, schoolYearLabel } from '../shared/vn';
import { RulesError } from './errors';
import { selectRuleSet, type CaseDates, type SelectionStep } from './select-rule-set';
import type {
  CollectiveFacts,
  CollectiveYear,
  Criterion,
  HeldRecord,
  IndividualFacts,
  InitiativeLevel,
  Period,
  Rating,
  Reason,
  RuleSet,
  TitleRule,
  Verdict,
  VerdictStatus,
} from './types';

export type EvaluateOptions = {
  /** The review or decision date: a discipline period covering it also blocks the award. */
  on?: string;
};

const RATING_RANK: Record<Rating, number> = { HTXSNV: 3, HTTNV: 2, HTNV: 1, KHTNV: 0 };
export const RATING_LABEL: Record<Rating, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};
const LEVEL_RANK: Record<InitiativeLevel, number> = { co_so: 0, tinh: 1, toan_quoc: 2 };
const LEVEL_LABEL: Record<InitiativeLevel, string> = { co_so: 'cấp cơ sở', tinh: 'cấp tỉnh', toan_quoc: 'toàn quốc' };
const MAX_DEPTH = 3;
const DUPLICATE_CITATION = 'Kiểm tra trùng: một danh hiệu, hình thức chỉ tặng một lần cho cùng một năm';

type Subject = { kind: 'individual'; facts: IndividualFacts } | { kind: 'collective'; facts: CollectiveFacts };

type Ctx = {
  subject: Subject;
  titleCode: string;
  ruleSet: RuleSet;
  year: number;
  on?: string;
  depth: number;
  /** Verdicts of nested titles already computed for the same subject, set, year and date. */
  memo?: Memo;
  /** How deep this evaluation nested, and whether MAX_DEPTH cut a nested evaluation short. */
  track: Track;
};

type Track = { reach: number; cut: boolean };
/**
 * One computed title per code. A verdict computed at depth d that nested `reach` levels without being cut
 * by MAX_DEPTH is the same at any depth d' with d' + reach ≤ MAX_DEPTH (the same nested calls succeed);
 * one that was cut is reused only at its own depth.
 */
type MemoEntry = Track & { verdict: Verdict; depth: number };
type Memo = Map<string, MemoEntry>;

// ---------------------------------------------------------------------------------------------------
// Small helpers.

/** School year `y` as an inclusive date range (August opens the year, as schoolYearOf does). */
export function schoolYearRange(y: number): { from: string; to: string } {
  return { from: `${y}-08-01`, to: `${y + 1}-07-31` };
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

function overlapDays(period: Period, from: string, to: string, openEnd: string): number {
  const start = Math.max(dayNumber(period.from), dayNumber(from));
  const end = Math.min(dayNumber(period.to ?? openEnd), dayNumber(to));
  return end >= start ? end - start + 1 : 0;
}

/** Overlap in calendar months: each month touched counts its covered days / days in that month. */
function overlapMonths(period: Period, from: string, to: string, openEnd: string): number {
  const start = Math.max(dayNumber(period.from), dayNumber(from));
  const end = Math.min(dayNumber(period.to ?? openEnd), dayNumber(to));
  if (end < start) return 0;
  let months = 0;
  let day = start;
  while (day <= end) {
    const d = new Date(day * 86_400_000);
    const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
    const last = Math.min(end, nextMonth - 1);
    months += (last - day + 1) / (nextMonth - monthStart);
    day = last + 1;
  }
  return months;
}

function periodText(p: Period): string {
  const level = p.level ? ` (${p.level})` : '';
  return `${level ? 'kỷ luật' + level : 'kỷ luật'} từ ${formatDateVi(p.from)}${p.to ? ` đến ${formatDateVi(p.to)}` : ''}`;
}

function isBasis(r: HeldRecord): boolean {
  return !r.thematic && !r.adHoc;
}

function basisNote(r: HeldRecord): string {
  return r.thematic ? 'khen thưởng theo chuyên đề' : 'khen thưởng đột xuất';
}

function recordsOf(subject: Subject): HeldRecord[] {
  return [...(subject.facts.titles ?? []), ...(subject.facts.awards ?? [])];
}

function shortName(ruleSet: RuleSet, code: string): string {
  return ruleSet.titles[code]?.shortName ?? code;
}

function yearSpan(from: number, to: number): string {
  return from === to ? schoolYearLabel(from) : `${schoolYearLabel(from)} – ${schoolYearLabel(to)}`;
}

function yearList(years: number[]): string {
  return years.map((y) => schoolYearLabel(y)).join(', ');
}

function reason(c: Criterion, outcome: Reason['outcome'], message: string, factRef: string | null, unverified = !c.verified): Reason {
  return { code: c.code, outcome, message, citation: c.citation, factRef, unverified };
}

function ratingOf(ctx: Ctx, year: number): Rating | undefined {
  if (ctx.subject.kind === 'individual') return ctx.subject.facts.years?.find((y) => y.year === year)?.rating;
  return ctx.subject.facts.years?.find((y) => y.year === year)?.rating;
}

function collectiveYear(ctx: Ctx): CollectiveYear | undefined {
  return ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((y) => y.year === ctx.year) : undefined;
}

/** Status of a title for the year considered, evaluated now (used when the record is not held yet). */
function evaluateNested(ctx: Ctx, code: string): Verdict | null {
  if (!ctx.ruleSet.titles[code]) return null;
  if (ctx.depth >= MAX_DEPTH) {
    ctx.track.cut = true;
    return null;
  }
  const nested = runTitle(ctx.subject, code, ctx.ruleSet, ctx.year, ctx.on, ctx.depth + 1, ctx.memo);
  ctx.track.reach = Math.max(ctx.track.reach, nested.reach + 1);
  ctx.track.cut = ctx.track.cut || nested.cut;
  return nested.verdict;
}

function firstProblem(v: Verdict): string {
  const bad = v.reasons.find((r) => r.outcome === 'fail') ?? v.reasons.find((r) => r.outcome === 'review');
  return bad ? bad.message : '';
}

// ---------------------------------------------------------------------------------------------------
// Criteria.

function evaluateCriterion(c: Criterion, ctx: Ctx): Reason {
  const { ruleSet, year } = ctx;
  const yl = schoolYearLabel(year);
  switch (c.type) {
    case 'no_discipline': {
      const range = schoolYearRange(year);
      const periods = ctx.subject.facts.disciplinePeriods ?? [];
      for (let i = 0; i < periods.length; i += 1) {
        const p = periods[i];
        if (overlapDays(p, range.from, range.to, range.to) > 0) {
          return reason(c, 'fail', `Đang trong thời gian ${periodText(p)}, trùng năm học ${yl}: không xét khen thưởng`, `disciplinePeriods[${i}]`);
        }
        if (ctx.on && overlapDays(p, ctx.on, ctx.on, ctx.on) > 0) {
          return reason(c, 'fail', `Ngày xét ${formatDateVi(ctx.on)} đang trong thời gian ${periodText(p)}: không xét khen thưởng`, `disciplinePeriods[${i}]`);
        }
      }
      return reason(c, 'pass', `Không bị kỷ luật trong năm học ${yl}`, periods.length ? 'disciplinePeriods' : null);
    }

    case 'min_months_worked': {
      if (ctx.subject.kind !== 'individual') return reason(c, 'pass', 'Không áp dụng cho tập thể', null);
      const facts = ctx.subject.facts;
      const entry = facts.years?.find((y) => y.year === year);
      const range = schoolYearRange(year);
      const maternityCounts = ruleSet.maternityLeaveCountsAsWorked.value;
      const maternityMonths = (facts.maternityLeavePeriods ?? []).reduce((sum, p) => sum + overlapMonths(p, range.from, range.to, range.to), 0);
      const maternity = Math.round(maternityMonths * 10) / 10;
      const unverified = !c.verified || (maternity > 0 && !ruleSet.maternityLeaveCountsAsWorked.verified);
      if (entry?.monthsWorked === undefined) {
        return reason(c, 'pass', `Không ghi nhận thời gian nghỉ trong năm học ${yl}: coi như làm việc đủ năm`, `years[${year}].monthsWorked`, unverified);
      }
      const counted = Math.min(12, entry.monthsWorked + (maternityCounts ? maternity : 0));
      const detail =
        maternity > 0
          ? `làm việc ${formatMonths(entry.monthsWorked)} tháng, nghỉ thai sản ${formatMonths(maternity)} tháng${maternityCounts ? ' (được tính)' : ' (không tính)'}`
          : `làm việc ${formatMonths(entry.monthsWorked)} tháng`;
      if (counted >= c.months) {
        return reason(c, 'pass', `Năm học ${yl}: ${detail}, đủ ${c.months} tháng`, `years[${year}].monthsWorked`, unverified);
      }
      return reason(c, 'fail', `Năm học ${yl}: ${detail}, chưa đủ ${c.months} tháng`, `years[${year}].monthsWorked`, unverified);
    }

    case 'min_rating':
    case 'collective_min_rating': {
      const rating = ratingOf(ctx, year);
      if (!rating) return reason(c, 'review', `Chưa có kết quả đánh giá năm học ${yl}`, `years[${year}].rating`);
      if (RATING_RANK[rating] >= RATING_RANK[c.rating]) {
        return reason(c, 'pass', `Năm học ${yl}: ${RATING_LABEL[rating]}`, `years[${year}].rating`);
      }
      return reason(c, 'fail', `Năm học ${yl}: ${RATING_LABEL[rating]}, chưa đạt ${c.rating === 'HTXSNV' ? RATING_LABEL.HTXSNV : RATING_LABEL[c.rating] + ' trở lên'}`, `years[${year}].rating`);
    }

    case 'title_same_year': {
      const name = shortName(ruleSet, c.title);
      const held = recordsOf(ctx.subject).find((r) => r.code === c.title && r.year === year);
      if (held && isBasis(held)) return reason(c, 'pass', `Đã đạt ${name} năm học ${yl}`, `titles[${c.title},${year}]`);
      const nested = evaluateNested(ctx, c.title);
      if (!nested) return reason(c, 'fail', `Chưa đạt ${name} năm học ${yl}`, `titles[${c.title},${year}]`);
      const unverified = !c.verified || nested.unverifiedValuesUsed;
      if (nested.status === 'eligible') {
        return reason(c, 'pass', `Đủ điều kiện ${name} năm học ${yl} (đề nghị cùng đợt)`, `titles[${c.title},${year}]`, unverified);
      }
      if (nested.status === 'needs_review') {
        return reason(c, 'review', `Chưa xác định được ${name} năm học ${yl}: ${firstProblem(nested)}`, `titles[${c.title},${year}]`, unverified);
      }
      return reason(c, 'fail', `Chưa đạt ${name} năm học ${yl}: ${firstProblem(nested)}`, `titles[${c.title},${year}]`, unverified);
    }

    case 'consecutive_titles': {
      const name = shortName(ruleSet, c.title);
      const records = recordsOf(ctx.subject).filter((r) => r.code === c.title);
      const missing: number[] = [];
      const notes: string[] = [];
      let review = false;
      let unverified = !c.verified;
      const got: string[] = [];
      for (let y = year - c.count + 1; y <= year; y += 1) {
        const inYear = records.filter((r) => r.year === y);
        if (inYear.some(isBasis)) {
          got.push(schoolYearLabel(y));
          continue;
        }
        if (y === year) {
          const nested = evaluateNested(ctx, c.title);
          if (nested) unverified = unverified || nested.unverifiedValuesUsed;
          if (nested?.status === 'eligible') {
            got.push(`${schoolYearLabel(y)} (đủ điều kiện, đề nghị cùng đợt)`);
            continue;
          }
          if (nested?.status === 'needs_review') {
            review = true;
            notes.push(`năm học ${schoolYearLabel(y)} cần xem xét: ${firstProblem(nested)}`);
            continue;
          }
        }
        missing.push(y);
        const nonBasis = inYear.find((r) => !isBasis(r));
        if (nonBasis) notes.push(`năm học ${schoolYearLabel(y)} là ${basisNote(nonBasis)}, không được làm căn cứ`);
      }
      const ref = `titles[${c.title},${year - c.count + 1}..${year}]`;
      if (missing.length) {
        const tail = notes.length ? ` (${notes.join('; ')})` : '';
        return reason(c, 'fail', `Thiếu ${name} năm học ${yearList(missing)}${tail}: cần ${c.count} năm liên tục`, ref, unverified);
      }
      if (review) return reason(c, 'review', `${name} ${c.count} năm liên tục: ${notes.join('; ')}`, ref, unverified);
      return reason(c, 'pass', `Đạt ${name} ${c.count} năm liên tục: ${got.join(', ')}`, ref, unverified);
    }

    case 'titles_in_window': {
      const name = shortName(ruleSet, c.title);
      const from = year - c.windowYears + 1;
      const records = recordsOf(ctx.subject).filter((r) => r.code === c.title && r.year >= from && r.year <= year);
      const years = [...new Set(records.filter(isBasis).map((r) => r.year))].sort((a, b) => a - b);
      const labels = years.map((y) => schoolYearLabel(y));
      let unverified = !c.verified;
      let review = '';
      if (years.length < c.count && !years.includes(year)) {
        const nested = evaluateNested(ctx, c.title);
        if (nested) unverified = unverified || nested.unverifiedValuesUsed;
        if (nested?.status === 'eligible') labels.push(`${schoolYearLabel(year)} (đủ điều kiện, đề nghị cùng đợt)`);
        else if (nested?.status === 'needs_review') review = firstProblem(nested);
      }
      const ignored = records.filter((r) => !isBasis(r)).map((r) => `năm học ${schoolYearLabel(r.year)} là ${basisNote(r)}, không được làm căn cứ`);
      const ref = `titles[${c.title},${from}..${year}]`;
      const span = yearSpan(from, year);
      if (labels.length >= c.count) return reason(c, 'pass', `Có ${labels.length} lần ${name} trong năm học ${span}: ${labels.join(', ')}`, ref, unverified);
      if (review && labels.length + 1 >= c.count) return reason(c, 'review', `${name} năm học ${schoolYearLabel(year)} cần xem xét: ${review}`, ref, unverified);
      const tail = ignored.length ? ` (${ignored.join('; ')})` : '';
      const had = labels.length ? `: ${labels.join(', ')}` : '';
      return reason(c, 'fail', `Mới có ${labels.length}/${c.count} lần ${name} trong năm học ${span}${had}${tail}`, ref, unverified);
    }

    case 'consecutive_ratings': {
      const lacking: number[] = [];
      const unknown: number[] = [];
      for (let y = year - c.count + 1; y <= year; y += 1) {
        const r = ratingOf(ctx, y);
        if (!r) unknown.push(y);
        else if (RATING_RANK[r] < RATING_RANK[c.rating]) lacking.push(y);
      }
      const want = c.rating === 'HTXSNV' ? RATING_LABEL.HTXSNV : `${RATING_LABEL[c.rating]} trở lên`;
      const ref = `years[${year - c.count + 1}..${year}].rating`;
      if (lacking.length) return reason(c, 'fail', `Năm học ${yearList(lacking)} chưa đạt ${want}: cần ${c.count} năm liên tục`, ref);
      if (unknown.length) return reason(c, 'review', `Chưa có kết quả đánh giá năm học ${yearList(unknown)}`, ref);
      return reason(c, 'pass', `${c.count} năm liên tục ${want} (năm học ${yearSpan(year - c.count + 1, year)})`, ref);
    }

    case 'has_award_before': {
      const names = c.awards.map((a) => shortName(ruleSet, a)).join(' hoặc ');
      const latest = year - c.yearsBefore;
      const records = recordsOf(ctx.subject).filter((r) => c.awards.includes(r.code));
      const usable = records.filter((r) => isBasis(r) && r.year <= latest).sort((a, b) => b.year - a.year);
      if (usable.length) {
        const r = usable[0];
        return reason(c, 'pass', `Đã được tặng ${shortName(ruleSet, r.code)} năm học ${schoolYearLabel(r.year)}`, `awards[${r.code},${r.year}]`);
      }
      const tooRecent = records.filter((r) => isBasis(r) && r.year > latest);
      if (tooRecent.length) {
        const r = tooRecent[0];
        return reason(
          c,
          'fail',
          `${shortName(ruleSet, r.code)} năm học ${schoolYearLabel(r.year)}: chưa đủ ${c.yearsBefore} năm tiếp theo tính đến năm học ${yl}`,
          `awards[${r.code},${r.year}]`,
        );
      }
      const ignored = records.filter((r) => !isBasis(r));
      const tail = ignored.length ? ` (${ignored.map((r) => `năm học ${schoolYearLabel(r.year)} là ${basisNote(r)}, không được làm căn cứ`).join('; ')})` : '';
      return reason(c, 'fail', `Chưa được tặng ${names}${tail}`, `awards[${c.awards.join('|')}]`);
    }

    case 'initiative': {
      if (ctx.subject.kind !== 'individual') return reason(c, 'review', 'Sáng kiến chỉ xét cho cá nhân', null);
      const from = year - c.windowYears + 1;
      const found = (ctx.subject.facts.initiatives ?? []).filter(
        (i) => i.year >= from && i.year <= year && LEVEL_RANK[i.level] >= LEVEL_RANK[c.level],
      );
      const span = yearSpan(from, year);
      const ref = `initiatives[${from}..${year}]`;
      if (found.length >= c.count) {
        const list = found
          .slice(0, c.count)
          .map((i) => `${i.kind === 'de_tai' ? 'đề tài' : 'sáng kiến'} ${LEVEL_LABEL[i.level]} năm học ${schoolYearLabel(i.year)}${i.title ? ` "${i.title}"` : ''}`)
          .join('; ');
        return reason(c, 'pass', `Có ${list}`, ref);
      }
      const lower = (ctx.subject.facts.initiatives ?? []).filter((i) => i.year >= from && i.year <= year && LEVEL_RANK[i.level] < LEVEL_RANK[c.level]);
      const tail = lower.length ? ` (chỉ có sáng kiến ${LEVEL_LABEL[lower[0].level]})` : '';
      const need = c.count > 1 ? `${c.count} sáng kiến, đề tài` : 'sáng kiến, đề tài';
      return reason(c, 'fail', `Không có đủ ${need} được công nhận ${LEVEL_LABEL[c.level]}${c.level === 'toan_quoc' ? '' : ' trở lên'} trong năm học ${span}${tail}`, ref);
    }

    case 'years_in_sector': {
      if (ctx.subject.kind !== 'individual') return reason(c, 'review', 'Chỉ xét cho cá nhân', null);
      const facts = ctx.subject.facts;
      if (facts.yearsInSector === undefined) return reason(c, 'review', 'Chưa có số năm công tác trong ngành', 'yearsInSector');
      const end = ctx.on ?? schoolYearRange(year).to;
      const disciplineDays = c.excludeDiscipline
        ? (facts.disciplinePeriods ?? []).reduce((sum, p) => sum + overlapDays(p, p.from, end, end), 0)
        : 0;
      const disciplineYears = Math.round((disciplineDays / 365.25) * 100) / 100;
      const counted = Math.round((facts.yearsInSector - disciplineYears) * 100) / 100;
      const hard = facts.yearsInDisadvantagedAreas ?? 0;
      const reduced = hard >= c.reducedIfDisadvantagedYears;
      const need = reduced ? c.reducedYears : c.years;
      const parts = [`${formatYears(facts.yearsInSector)} năm công tác trong ngành`];
      if (hard > 0) parts.push(`${formatYears(hard)} năm ở vùng đặc biệt khó khăn`);
      if (disciplineYears > 0) parts.push(`trừ ${formatYears(disciplineYears)} năm bị kỷ luật còn ${formatYears(counted)} năm`);
      const needText = reduced ? `${need} năm (giảm do có từ ${c.reducedIfDisadvantagedYears} năm ở vùng đặc biệt khó khăn)` : `${need} năm`;
      const ref = disciplineYears > 0 ? 'yearsInSector,disciplinePeriods' : 'yearsInSector';
      if (counted >= need) return reason(c, 'pass', `${parts.join(', ')}: đủ ${needText}`, ref);
      return reason(c, 'fail', `${parts.join(', ')}: chưa đủ ${needText}`, ref);
    }

    case 'once_only': {
      const code = ctx.titleCode;
      const name = shortName(ruleSet, code);
      const earlier = recordsOf(ctx.subject).filter((r) => r.code === code && r.year < year);
      if (earlier.length) {
        return reason(c, 'fail', `Đã được tặng ${name} năm học ${schoolYearLabel(earlier[0].year)} (chỉ tặng một lần)`, `awards[${code},${earlier[0].year}]`);
      }
      return reason(c, 'pass', `Chưa được tặng ${name}`, `awards[${code}]`);
    }

    case 'manual': {
      const confirmed = ctx.subject.facts.confirmed ?? [];
      if (confirmed.includes(c.code)) return reason(c, 'pass', `Đã xác nhận: ${c.label}`, `confirmed[${c.code}]`);
      return reason(c, 'review', `Cần xác nhận: ${c.question}`, `confirmed[${c.code}]`);
    }

    case 'any_of': {
      const parts = c.criteria.map((sub) => evaluateCriterion(sub, ctx));
      const passed = parts.find((p) => p.outcome === 'pass');
      if (passed) return reason(c, 'pass', passed.message, passed.factRef, !c.verified || passed.unverified);
      const unverified = !c.verified || parts.some((p) => p.unverified);
      const review = parts.find((p) => p.outcome === 'review');
      const joined = parts.map((p) => p.message).join('; ');
      if (review) return reason(c, 'review', `${c.label}: ${joined}`, review.factRef, unverified);
      return reason(c, 'fail', `Không đạt "${c.label}": ${joined}`, parts[0]?.factRef ?? null, unverified);
    }

    case 'all_of': {
      const parts = c.criteria.map((sub) => evaluateCriterion(sub, ctx));
      const unverified = !c.verified || parts.some((p) => p.unverified);
      const failed = parts.filter((p) => p.outcome === 'fail');
      if (failed.length) return reason(c, 'fail', failed.map((p) => p.message).join('; '), failed[0].factRef, unverified);
      const review = parts.filter((p) => p.outcome === 'review');
      if (review.length) return reason(c, 'review', review.map((p) => p.message).join('; '), review[0].factRef, unverified);
      return reason(c, 'pass', parts.map((p) => p.message).join('; '), parts[0]?.factRef ?? null, unverified);
    }

    case 'member_share_title': {
      const y = collectiveYear(ctx);
      if (!y) return reason(c, 'review', `Chưa có số liệu thành viên năm học ${yl}`, `years[${year}]`);
      if (y.memberCount <= 0) return reason(c, 'review', `Chưa có số thành viên năm học ${yl}`, `years[${year}].memberCount`);
      const share = y.ldttCount / y.memberCount;
      const text = `${formatPercent(share)} thành viên đạt ${shortName(ruleSet, c.title)} (${y.ldttCount}/${y.memberCount})`;
      if (share >= c.share) return reason(c, 'pass', `${text}, đạt từ ${formatPercent(c.share)}`, `years[${year}].ldttCount`);
      return reason(c, 'fail', `${text}, chưa đạt ${formatPercent(c.share)}`, `years[${year}].ldttCount`);
    }

    case 'all_members_complete': {
      const y = collectiveYear(ctx);
      if (!y) return reason(c, 'review', `Chưa có số liệu thành viên năm học ${yl}`, `years[${year}]`);
      if (y.memberCount > 0 && y.completedCount >= y.memberCount) {
        return reason(c, 'pass', `100% thành viên hoàn thành nhiệm vụ trở lên (${y.completedCount}/${y.memberCount})`, `years[${year}].completedCount`);
      }
      return reason(c, 'fail', `Có ${y.memberCount - y.completedCount} thành viên chưa hoàn thành nhiệm vụ (${y.completedCount}/${y.memberCount})`, `years[${year}].completedCount`);
    }

    case 'min_members_with_title': {
      const y = collectiveYear(ctx);
      if (!y) return reason(c, 'review', `Chưa có số liệu thành viên năm học ${yl}`, `years[${year}]`);
      const name = shortName(ruleSet, c.title);
      if (y.cstdcsCount >= c.count) return reason(c, 'pass', `Có ${y.cstdcsCount} cá nhân đạt ${name}`, `years[${year}].cstdcsCount`);
      return reason(c, 'fail', `Không có đủ ${c.count} cá nhân đạt ${name} năm học ${yl}`, `years[${year}].cstdcsCount`);
    }

    case 'no_member_discipline': {
      const y = collectiveYear(ctx);
      if (!y) return reason(c, 'review', `Chưa có số liệu thành viên năm học ${yl}`, `years[${year}]`);
      if (y.disciplinedCount === 0) return reason(c, 'pass', 'Không có cá nhân bị kỷ luật từ cảnh cáo trở lên', `years[${year}].disciplinedCount`);
      return reason(c, 'fail', `Có ${y.disciplinedCount} cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm học ${yl}`, `years[${year}].disciplinedCount`);
    }

    case 'leads_cluster': {
      const y = collectiveYear(ctx);
      const cluster = y?.clusterName ? ` ${y.clusterName}` : '';
      if (!y || y.clusterRank === undefined) return reason(c, 'review', `Chưa có kết quả xếp hạng cụm, khối thi đua năm học ${yl}`, `years[${year}].clusterRank`);
      if (y.clusterRank === 1) return reason(c, 'pass', `Dẫn đầu cụm, khối thi đua${cluster} năm học ${yl}`, `years[${year}].clusterRank`);
      return reason(c, 'fail', `Xếp thứ ${y.clusterRank} trong cụm, khối thi đua${cluster}, không dẫn đầu`, `years[${year}].clusterRank`);
    }
  }
}

function formatMonths(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',');
}

function formatYears(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace('.', ',');
}

function formatPercent(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return `${String(pct).replace('.', ',')}%`;
}

// ---------------------------------------------------------------------------------------------------
// Verdicts.

function statusOf(reasons: Reason[]): VerdictStatus {
  if (reasons.some((r) => r.outcome === 'fail')) return 'not_eligible';
  if (reasons.some((r) => r.outcome === 'review')) return 'needs_review';
  return 'eligible';
}

function titleOrThrow(ruleSet: RuleSet, code: string): TitleRule {
  const title = ruleSet.titles[code];
  if (!title) throw new RulesError('UNKNOWN_TITLE', `Bộ quy tắc "${ruleSet.name}" không có danh hiệu, hình thức mã ${code}`);
  return title;
}

function evaluateTitle(subject: Subject, code: string, ruleSet: RuleSet, year: number, on: string | undefined, depth: number, memo?: Memo): Verdict {
  return runTitle(subject, code, ruleSet, year, on, depth, memo).verdict;
}

function runTitle(subject: Subject, code: string, ruleSet: RuleSet, year: number, on: string | undefined, depth: number, memo?: Memo): MemoEntry {
  const hit = memo?.get(code);
  if (hit && (hit.cut ? hit.depth === depth : depth + hit.reach <= MAX_DEPTH)) return hit;
  const track: Track = { reach: 0, cut: false };
  const verdict = computeTitle(subject, code, ruleSet, year, on, depth, memo, track);
  const entry: MemoEntry = { verdict, depth, reach: track.reach, cut: track.cut };
  memo?.set(code, entry);
  return entry;
}

function computeTitle(subject: Subject, code: string, ruleSet: RuleSet, year: number, on: string | undefined, depth: number, memo: Memo | undefined, track: Track): Verdict {
  const title = titleOrThrow(ruleSet, code);
  const ctx: Ctx = { subject, titleCode: code, ruleSet, year, on, depth, memo, track };
  const criteria = title.criteria[subject.kind];
  const reasons: Reason[] = [];
  if (!criteria) {
    const who = subject.kind === 'individual' ? 'cá nhân' : 'tập thể';
    reasons.push({
      code: 'sai_doi_tuong',
      outcome: 'fail',
      message: `${title.name} không xét tặng cho ${who}`,
      citation: title.citation,
      factRef: null,
      unverified: !title.verified,
    });
  } else {
    // Duplicate: the same title for the same year already held on the same basis.
    const dup = recordsOf(subject).find((r) => r.code === code && r.year === year && isBasis(r));
    if (dup) {
      const by = dup.decisionRef ? ` (${dup.decisionRef}${dup.decisionDate ? ` ngày ${formatDateVi(dup.decisionDate)}` : ''})` : '';
      reasons.push({
        code: 'trung_khen_thuong',
        outcome: 'fail',
        message: `Đã được tặng ${title.shortName} năm học ${schoolYearLabel(year)}${by}: trùng khen thưởng`,
        citation: DUPLICATE_CITATION,
        factRef: `titles[${code},${year}]`,
        unverified: false,
      });
    }
    for (const c of criteria) reasons.push(evaluateCriterion(c, ctx));
  }
  const status = statusOf(reasons);
  const unverifiedValuesUsed = !title.verified || reasons.some((r) => r.unverified);
  return {
    titleCode: code,
    titleName: title.name,
    year,
    eligible: status === 'eligible',
    status,
    reasons,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    unverifiedValuesUsed,
    unverifiedNotes: unverifiedValuesUsed ? ruleSet.unverifiedNotes : [],
  };
}

/** Can this person receive `titleCode` for school year `year` under `ruleSet`? */
export function evaluateIndividual(facts: IndividualFacts, titleCode: string, ruleSet: RuleSet, year: number, options: EvaluateOptions = {}): Verdict {
  return evaluateTitle({ kind: 'individual', facts }, titleCode, ruleSet, year, options.on, 0);
}

/**
 * Several titles for one person at once: the same verdicts as `evaluateIndividual` title by title, but
 * the prerequisites a higher title re-evaluates (CSTĐCS, LĐTT of the year considered…) are computed once
 * per person and shared (see MemoEntry for when a nested verdict may be reused).
 */
export function evaluateIndividualTitles(facts: IndividualFacts, titleCodes: readonly string[], ruleSet: RuleSet, year: number, options: EvaluateOptions = {}): Verdict[] {
  const subject: Subject = { kind: 'individual', facts };
  const memo: Memo = new Map();
  return titleCodes.map((code) => evaluateTitle(subject, code, ruleSet, year, options.on, 0, memo));
}

// ---------------------------------------------------------------------------------------------------
// Status only: the same decisions as evaluateCriterion / evaluateTitle without building any text, for
// lists that count verdicts over thousands of people and show the reasons of one page only. Every branch
// mirrors its twin above (same facts, same comparisons, same order of nested evaluations where the result
// depends on them); src/server/rules/facts-window.test.ts checks both give the same statuses on varied facts.

type StatusEntry = Track & { status: VerdictStatus; depth: number };
type StatusCtx = { subject: Subject; titleCode: string; ruleSet: RuleSet; year: number; on?: string; depth: number; memo: Map<string, StatusEntry>; track: Track };

function nestedStatus(ctx: StatusCtx, code: string): VerdictStatus | null {
  if (!ctx.ruleSet.titles[code]) return null;
  if (ctx.depth >= MAX_DEPTH) {
    ctx.track.cut = true;
    return null;
  }
  const nested = runStatus(ctx.subject, code, ctx.ruleSet, ctx.year, ctx.on, ctx.depth + 1, ctx.memo);
  ctx.track.reach = Math.max(ctx.track.reach, nested.reach + 1);
  ctx.track.cut = ctx.track.cut || nested.cut;
  return nested.status;
}

function criterionOutcome(c: Criterion, ctx: StatusCtx): Reason['outcome'] {
  const { ruleSet, year } = ctx;
  switch (c.type) {
    case 'no_discipline': {
      const range = schoolYearRange(year);
      for (const p of ctx.subject.facts.disciplinePeriods ?? []) {
        if (overlapDays(p, range.from, range.to, range.to) > 0) return 'fail';
        if (ctx.on && overlapDays(p, ctx.on, ctx.on, ctx.on) > 0) return 'fail';
      }
      return 'pass';
    }
    case 'min_months_worked': {
      if (ctx.subject.kind !== 'individual') return 'pass';
      const facts = ctx.subject.facts;
      const entry = facts.years?.find((y) => y.year === year);
      if (entry?.monthsWorked === undefined) return 'pass';
      const range = schoolYearRange(year);
      const maternityMonths = (facts.maternityLeavePeriods ?? []).reduce((sum, p) => sum + overlapMonths(p, range.from, range.to, range.to), 0);
      const maternity = Math.round(maternityMonths * 10) / 10;
      const counted = Math.min(12, entry.monthsWorked + (ruleSet.maternityLeaveCountsAsWorked.value ? maternity : 0));
      return counted >= c.months ? 'pass' : 'fail';
    }
    case 'min_rating':
    case 'collective_min_rating': {
      const rating = ctx.subject.facts.years?.find((y) => y.year === year)?.rating;
      if (!rating) return 'review';
      return RATING_RANK[rating] >= RATING_RANK[c.rating] ? 'pass' : 'fail';
    }
    case 'title_same_year': {
      const held = recordsOf(ctx.subject).find((r) => r.code === c.title && r.year === year);
      if (held && isBasis(held)) return 'pass';
      const nested = nestedStatus(ctx, c.title);
      if (nested === 'eligible') return 'pass';
      if (nested === 'needs_review') return 'review';
      return 'fail';
    }
    case 'consecutive_titles': {
      const records = recordsOf(ctx.subject).filter((r) => r.code === c.title);
      let review = false;
      for (let y = year - c.count + 1; y <= year; y += 1) {
        if (records.some((r) => r.year === y && isBasis(r))) continue;
        if (y === year) {
          const nested = nestedStatus(ctx, c.title);
          if (nested === 'eligible') continue;
          if (nested === 'needs_review') {
            review = true;
            continue;
          }
        }
        return 'fail';
      }
      return review ? 'review' : 'pass';
    }
    case 'titles_in_window': {
      const from = year - c.windowYears + 1;
      const years = new Set(recordsOf(ctx.subject).filter((r) => r.code === c.title && r.year >= from && r.year <= year && isBasis(r)).map((r) => r.year));
      let count = years.size;
      let review = false;
      if (count < c.count && !years.has(year)) {
        const nested = nestedStatus(ctx, c.title);
        if (nested === 'eligible') count += 1;
        else if (nested === 'needs_review') review = true;
      }
      if (count >= c.count) return 'pass';
      if (review && count + 1 >= c.count) return 'review';
      return 'fail';
    }
    case 'consecutive_ratings': {
      let unknown = false;
      for (let y = year - c.count + 1; y <= year; y += 1) {
        const r = ctx.subject.facts.years?.find((x) => x.year === y)?.rating;
        if (!r) unknown = true;
        else if (RATING_RANK[r] < RATING_RANK[c.rating]) return 'fail';
      }
      return unknown ? 'review' : 'pass';
    }
    case 'has_award_before': {
      const latest = year - c.yearsBefore;
      return recordsOf(ctx.subject).some((r) => c.awards.includes(r.code) && isBasis(r) && r.year <= latest) ? 'pass' : 'fail';
    }
    case 'initiative': {
      if (ctx.subject.kind !== 'individual') return 'review';
      const from = year - c.windowYears + 1;
      const found = (ctx.subject.facts.initiatives ?? []).filter((i) => i.year >= from && i.year <= year && LEVEL_RANK[i.level] >= LEVEL_RANK[c.level]).length;
      return found >= c.count ? 'pass' : 'fail';
    }
    case 'years_in_sector': {
      if (ctx.subject.kind !== 'individual') return 'review';
      const facts = ctx.subject.facts;
      if (facts.yearsInSector === undefined) return 'review';
      const end = ctx.on ?? schoolYearRange(year).to;
      const disciplineDays = c.excludeDiscipline ? (facts.disciplinePeriods ?? []).reduce((sum, p) => sum + overlapDays(p, p.from, end, end), 0) : 0;
      const disciplineYears = Math.round((disciplineDays / 365.25) * 100) / 100;
      const counted = Math.round((facts.yearsInSector - disciplineYears) * 100) / 100;
      const need = (facts.yearsInDisadvantagedAreas ?? 0) >= c.reducedIfDisadvantagedYears ? c.reducedYears : c.years;
      return counted >= need ? 'pass' : 'fail';
    }
    case 'once_only':
      return recordsOf(ctx.subject).some((r) => r.code === ctx.titleCode && r.year < year) ? 'fail' : 'pass';
    case 'manual':
      return (ctx.subject.facts.confirmed ?? []).includes(c.code) ? 'pass' : 'review';
    case 'any_of': {
      let review = false;
      for (const sub of c.criteria) {
        const o = criterionOutcome(sub, ctx);
        if (o === 'pass') return 'pass';
        if (o === 'review') review = true;
      }
      return review ? 'review' : 'fail';
    }
    case 'all_of': {
      let review = false;
      for (const sub of c.criteria) {
        const o = criterionOutcome(sub, ctx);
        if (o === 'fail') return 'fail';
        if (o === 'review') review = true;
      }
      return review ? 'review' : 'pass';
    }
    case 'member_share_title': {
      const y = ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((x) => x.year === year) : undefined;
      if (!y || y.memberCount <= 0) return 'review';
      return y.ldttCount / y.memberCount >= c.share ? 'pass' : 'fail';
    }
    case 'all_members_complete': {
      const y = ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((x) => x.year === year) : undefined;
      if (!y) return 'review';
      return y.memberCount > 0 && y.completedCount >= y.memberCount ? 'pass' : 'fail';
    }
    case 'min_members_with_title': {
      const y = ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((x) => x.year === year) : undefined;
      if (!y) return 'review';
      return y.cstdcsCount >= c.count ? 'pass' : 'fail';
    }
    case 'no_member_discipline': {
      const y = ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((x) => x.year === year) : undefined;
      if (!y) return 'review';
      return y.disciplinedCount === 0 ? 'pass' : 'fail';
    }
    case 'leads_cluster': {
      const y = ctx.subject.kind === 'collective' ? ctx.subject.facts.years?.find((x) => x.year === year) : undefined;
      if (!y || y.clusterRank === undefined) return 'review';
      return y.clusterRank === 1 ? 'pass' : 'fail';
    }
  }
}

function runStatus(subject: Subject, code: string, ruleSet: RuleSet, year: number, on: string | undefined, depth: number, memo: Map<string, StatusEntry>): StatusEntry {
  const hit = memo.get(code);
  if (hit && (hit.cut ? hit.depth === depth : depth + hit.reach <= MAX_DEPTH)) return hit;
  const track: Track = { reach: 0, cut: false };
  const title = titleOrThrow(ruleSet, code);
  const criteria = title.criteria[subject.kind];
  let status: VerdictStatus = 'eligible';
  if (!criteria || recordsOf(subject).some((r) => r.code === code && r.year === year && isBasis(r))) status = 'not_eligible';
  else {
    const ctx: StatusCtx = { subject, titleCode: code, ruleSet, year, on, depth, memo, track };
    for (const c of criteria) {
      const o = criterionOutcome(c, ctx);
      if (o === 'fail') {
        status = 'not_eligible';
        break;
      }
      if (o === 'review') status = 'needs_review';
    }
  }
  const entry: StatusEntry = { status, depth, reach: track.reach, cut: track.cut };
  memo.set(code, entry);
  return entry;
}

/** The statuses `evaluateIndividualTitles` would give (same order), without reasons or any text. */
export function individualStatuses(facts: IndividualFacts, titleCodes: readonly string[], ruleSet: RuleSet, year: number, options: EvaluateOptions = {}): VerdictStatus[] {
  const subject: Subject = { kind: 'individual', facts };
  const memo = new Map<string, StatusEntry>();
  return titleCodes.map((code) => runStatus(subject, code, ruleSet, year, options.on, 0, memo).status);
}

/** Can this collective receive `titleCode` for school year `year` under `ruleSet`? */
export function evaluateCollective(facts: CollectiveFacts, titleCode: string, ruleSet: RuleSet, year: number, options: EvaluateOptions = {}): Verdict {
  return evaluateTitle({ kind: 'collective', facts }, titleCode, ruleSet, year, options.on, 0);
}

// ---------------------------------------------------------------------------------------------------
// With rule-set selection and transitional clauses.

export type DatedVerdict = {
  /** The verdict that applies. */
  verdict: Verdict;
  /** Under the set chosen by dates and transitions. */
  primary: Verdict;
  /** Under the newer set when a transition allows the more favourable rule; null otherwise. */
  alternative: Verdict | null;
  /** True when the alternative applies because it is more favourable. */
  moreFavourableApplied: boolean;
  trail: SelectionStep[];
};

const STATUS_RANK: Record<VerdictStatus, number> = { not_eligible: 0, needs_review: 1, eligible: 2 };

function evaluateDated(
  run: (set: RuleSet) => Verdict,
  ruleSets: readonly RuleSet[],
  dates: CaseDates,
): DatedVerdict {
  const selection = selectRuleSet(ruleSets, dates);
  const primary = run(selection.ruleSet);
  const alternative = selection.moreFavourableCandidate ? run(selection.moreFavourableCandidate) : null;
  const moreFavourableApplied = alternative !== null && STATUS_RANK[alternative.status] > STATUS_RANK[primary.status];
  return { verdict: moreFavourableApplied && alternative ? alternative : primary, primary, alternative, moreFavourableApplied, trail: selection.trail };
}

export function evaluateIndividualOn(facts: IndividualFacts, titleCode: string, ruleSets: readonly RuleSet[], year: number, dates: CaseDates): DatedVerdict {
  return evaluateDated((set) => evaluateIndividual(facts, titleCode, set, year, { on: dates.on }), ruleSets, dates);
}

export function evaluateCollectiveOn(facts: CollectiveFacts, titleCode: string, ruleSets: readonly RuleSet[], year: number, dates: CaseDates): DatedVerdict {
  return evaluateDated((set) => evaluateCollective(facts, titleCode, set, year, { on: dates.on }), ruleSets, dates);
}

// ---------------------------------------------------------------------------------------------------
// Lists and suggestions.

/** Every title of the set that applies to an individual (or a collective), evaluated. */
export function evaluateAll(
  subject: { kind: 'individual'; facts: IndividualFacts } | { kind: 'collective'; facts: CollectiveFacts },
  ruleSet: RuleSet,
  year: number,
  options: EvaluateOptions = {},
): Verdict[] {
  return Object.values(ruleSet.titles)
    .filter((t) => t.criteria[subject.kind])
    .map((t) => evaluateTitle(subject, t.code, ruleSet, year, options.on, 0));
}

export type Suggestion = { titleCode: string; titleName: string; status: VerdictStatus; message: string; verdict: Verdict };

/**
 * Titles worth proposing next: eligible (or needing only an officer's confirmation) công trạng titles
 * that build on earlier ones, e.g. a third consecutive CSTĐCS → propose CSTĐ cấp tỉnh.
 */
export function suggestProposals(facts: IndividualFacts, ruleSet: RuleSet, year: number, options: EvaluateOptions = {}): Suggestion[] {
  const builds = (t: TitleRule) =>
    (t.criteria.individual ?? []).some((c) => c.type === 'consecutive_titles' || c.type === 'titles_in_window' || c.type === 'has_award_before');
  return Object.values(ruleSet.titles)
    .filter((t) => t.criteria.individual && builds(t))
    .map((t) => evaluateTitle({ kind: 'individual', facts }, t.code, ruleSet, year, options.on, 0))
    .filter((v) => v.status !== 'not_eligible')
    .map((v) => {
      const basis = v.reasons.find((r) => r.outcome === 'pass' && /liên tục|lần/.test(r.message));
      const lead = v.status === 'eligible' ? 'Đủ điều kiện đề nghị' : 'Có thể đề nghị (cần xác nhận)';
      return {
        titleCode: v.titleCode,
        titleName: v.titleName,
        status: v.status,
        message: `${lead} ${v.titleName}${basis ? `: ${basis.message}` : ''}`,
        verdict: v,
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// Duplicates across records (import, decisions).

export type RecipientRecord = HeldRecord & { recipientId: string };

/** Groups of records that repeat the same title for the same recipient and year (same basis and movement). */
export function findDuplicateRecords(records: readonly RecipientRecord[]): RecipientRecord[][] {
  const groups = new Map<string, RecipientRecord[]>();
  for (const r of records) {
    const basis = r.thematic ? `chuyen_de:${r.movement ?? ''}` : r.adHoc ? `dot_xuat:${r.decisionRef ?? ''}` : 'cong_trang';
    const key = `${r.recipientId}|${r.code}|${r.year}|${basis}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
