// Legal rules as data. Every type here is plain JSON (no functions, no Dates, no classes) so a rule set
// can be stored in the database, edited by an administrator and validated with ZRuleSet (schema.ts).
// Dates are ISO strings YYYY-MM-DD; effective ranges are inclusive on both ends.

/** A value taken from a legal text, with the text that says so and whether we read it there. */
export type Cited<T> = {
  value: T;
  /** e.g. "Luật TĐKT 2022 Điều 23 k1; NĐ 152/2025/NĐ-CP Điều 4" */
  citation: string;
  /** false = "chưa xác minh": the value was not read in the legal text (draft, recalled, inferred). */
  verified: boolean;
  /** Why it is unverified or how it was derived (Vietnamese, shown to administrators). */
  note?: string;
};

/** Annual rating of a person (đánh giá, xếp loại viên chức) or of a collective. Ordered best first. */
export type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';

export type InitiativeLevel = 'co_so' | 'tinh' | 'toan_quoc';

export type TitleKind = 'individual' | 'collective' | 'both';
export type RecipientKind = 'individual' | 'collective' | 'household';
/** danh_hieu = danh hiệu thi đua; hinh_thuc = hình thức khen thưởng. */
export type TitleCategory = 'danh_hieu' | 'hinh_thuc';

export type AuthorityKind =
  | 'school_head' // Hiệu trưởng / thủ trưởng đơn vị có tư cách pháp nhân
  | 'commune_chairman' // Chủ tịch UBND xã, phường, đặc khu
  | 'district_chairman' // Chủ tịch UBND huyện (cấp huyện bỏ từ 01/07/2025)
  | 'department_director' // Giám đốc Sở GDĐT (thủ trưởng cơ quan chuyên môn cấp tỉnh)
  | 'province_chairman' // Chủ tịch UBND tỉnh
  | 'minister' // Bộ trưởng Bộ GDĐT
  | 'prime_minister'; // Thủ tướng Chính phủ

/** The vote needed in the council: a share of ALL members (not of those present). */
export type VoteThreshold = {
  share: number;
  /** gte: yes/all ≥ share; gt: yes/all > share (e.g. "quá bán"). */
  comparison: 'gte' | 'gt';
  /** Shown to users, e.g. "≥ 80% tổng số thành viên Hội đồng". */
  label: string;
};

/**
 * One condition of a title, interpreted by eligibility.ts. Each carries its own citation so a verdict
 * can say which article a failed condition comes from. `code` is stable (used in reasons and in
 * `facts.confirmed` to record a manual confirmation).
 */
export type Criterion = CriterionBase &
  (
    | { type: 'min_rating'; rating: Rating }
    | { type: 'min_months_worked'; months: number }
    | { type: 'no_discipline' }
    /** Holds `title` in the year considered, or (for that year only) is eligible for it now. */
    | { type: 'title_same_year'; title: string }
    /** Held `title` (công trạng basis only) in `count` consecutive years ending with the year considered. */
    | { type: 'consecutive_titles'; title: string; count: number }
    /** Held `title` (công trạng basis only) at least `count` times within the last `windowYears` years. */
    | { type: 'titles_in_window'; title: string; count: number; windowYears: number }
    /** Rating ≥ `rating` in `count` consecutive years ending with the year considered. */
    | { type: 'consecutive_ratings'; rating: Rating; count: number }
    /** Held one of `awards` (công trạng basis only) in a year ≤ year considered − `yearsBefore`. */
    | { type: 'has_award_before'; awards: string[]; yearsBefore: number }
    /** At least `count` recognised initiatives of level ≥ `level` within the last `windowYears` years. */
    | { type: 'initiative'; level: InitiativeLevel; windowYears: number; count: number }
    /** Kỷ niệm chương: years in the sector minus discipline time. */
    | {
        type: 'years_in_sector';
        years: number;
        reducedYears: number;
        reducedIfDisadvantagedYears: number;
        excludeDiscipline: boolean;
      }
    /** Awarded once in a lifetime (Kỷ niệm chương). */
    | { type: 'once_only' }
    /** Not decidable from facts: an officer must confirm it (facts.confirmed includes `code`). */
    | { type: 'manual'; question: string }
    | { type: 'any_of'; criteria: Criterion[] }
    | { type: 'all_of'; criteria: Criterion[] }
    // Collective criteria (facts of the collective for the year considered):
    | { type: 'collective_min_rating'; rating: Rating }
    | { type: 'member_share_title'; title: 'LDTT'; share: number }
    | { type: 'all_members_complete' }
    | { type: 'min_members_with_title'; title: 'CSTDCS'; count: number }
    | { type: 'no_member_discipline' }
    | { type: 'leads_cluster' }
  );

export type CriterionBase = {
  code: string;
  /** Vietnamese description of the condition, e.g. "Hoàn thành tốt nhiệm vụ trở lên". */
  label: string;
  citation: string;
  verified: boolean;
  note?: string;
};

export type TitleRule = {
  code: string;
  /** Vietnamese name as printed in a decision, e.g. "Chiến sĩ thi đua cơ sở". */
  name: string;
  shortName: string;
  kind: TitleKind;
  category: TitleCategory;
  citation: string;
  verified: boolean;
  /** Why the title is unverified (shown to administrators). */
  note?: string;
  /** Who may decide it (see authority.ts). */
  authorities: Cited<AuthorityKind[]>;
  /** Conditions per recipient kind, all of which must hold (any_of inside for alternatives). */
  criteria: { individual?: Criterion[]; collective?: Criterion[] };
  /** Công trạng award usable as the basis for a higher award. Chuyên đề / đột xuất records never are. */
  countsTowardMerit: boolean;
  /** Council vote needed, as a share of all members; null = no national threshold (see ruleSet.defaultVoteThreshold). */
  voteThreshold: Cited<VoteThreshold> | null;
  /** ×lương cơ sở; null when the recipient kind cannot receive it. */
  coefficient: { individual: Cited<number> | null; collective: Cited<number> | null };
  /** Achievement report form (Mẫu số) of the decree; null when the procedure is left to bộ/tỉnh. */
  form: { individual: Cited<string> | null; collective: Cited<string> | null };
  dossier: Cited<string[]>;
};

export type TransitionClause = {
  id: string;
  /** Which date of the case decides: the appraising body's receipt, or the dispatch to the Bộ. */
  dateField: 'dossierReceivedOn' | 'sentToMinistryOn';
  /** When that date is before this day, the set in force on that date applies instead. */
  before: string;
  /** Also evaluate under this set and apply it when it is more favourable. */
  moreFavourableApplies: boolean;
  description: string;
  citation: string;
  verified: boolean;
};

export type RoundingMode = 'up_10000' | 'none';

export type RuleSet = {
  id: string;
  /** Incremented on every administrator edit (the app audits edits; past decisions keep the version they used). */
  version: number;
  name: string;
  /** The legal texts combined in this set. */
  sources: { ref: string; title: string; effectiveFrom: string; effectiveTo: string | null }[];
  citation: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  verified: boolean;
  /** Shown to users on every verdict that relies on this set when it is not verified. */
  unverifiedNotes: string[];
  transitions: TransitionClause[];
  money: {
    rounding: Cited<RoundingMode>;
    /** Hộ gia đình: × the individual amount. */
    householdMultiplier: Cited<number>;
    /** Several danh hiệu at the same moment for the same period: only the highest is paid. */
    payHighestOnly: Cited<boolean>;
  };
  /** Maternity leave counts as time worked (NĐ 152 Điều 4). */
  maternityLeaveCountsAsWorked: Cited<boolean>;
  /** Used for titles without a national threshold. */
  defaultVoteThreshold: Cited<VoteThreshold>;
  /** Tờ trình đề nghị khen thưởng. */
  proposalForm: Cited<string>;
  /** Báo cáo thành tích for a chuyên đề / theo đợt award. */
  thematicReportForm: Cited<string>;
  titles: Record<string, TitleRule>;
};

export type BaseSalaryEntry = {
  amount: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  citation: string;
  verified: boolean;
  note?: string;
};

// ---------------------------------------------------------------------------------------------------
// Facts: what the evaluators are given. Plain data; years are school years by their start year
// (2024 = năm học 2024-2025, see schoolYearLabel).

export type HeldRecord = {
  code: string;
  year: number;
  /** Theo chuyên đề / theo đợt: never a basis for a higher công trạng award. */
  thematic?: boolean;
  /** Đột xuất: never a basis for a higher công trạng award. */
  adHoc?: boolean;
  /** For thematic records: the movement, so two movements in one year are not duplicates. */
  movement?: string;
  decisionRef?: string;
  decisionDate?: string;
};

export type Initiative = {
  year: number;
  level: InitiativeLevel;
  title?: string;
  kind?: 'sang_kien' | 'de_tai';
};

export type Period = { from: string; to: string | null; level?: string; note?: string };

export type YearRecord = {
  year: number;
  rating?: Rating;
  /** Months actually at work in the school year (maternity leave months are added, see maternityLeavePeriods). */
  monthsWorked?: number;
};

export type IndividualFacts = {
  id?: string;
  name?: string;
  years: YearRecord[];
  titles: HeldRecord[];
  awards: HeldRecord[];
  initiatives: Initiative[];
  disciplinePeriods: Period[];
  maternityLeavePeriods: Period[];
  yearsInSector?: number;
  yearsInDisadvantagedAreas?: number;
  /** Codes of `manual` criteria an officer has confirmed. */
  confirmed?: string[];
};

export type CollectiveYear = {
  year: number;
  rating?: Rating;
  memberCount: number;
  /** Members with LĐTT this year. */
  ldttCount: number;
  /** Members rated HTNV or better. */
  completedCount: number;
  cstdcsCount: number;
  /** Members disciplined at cảnh cáo or above in the year. */
  disciplinedCount: number;
  /** 1 = leads its cụm/khối thi đua. */
  clusterRank?: number;
  clusterName?: string;
};

export type CollectiveFacts = {
  id?: string;
  name?: string;
  years: CollectiveYear[];
  titles: HeldRecord[];
  awards: HeldRecord[];
  disciplinePeriods: Period[];
  confirmed?: string[];
};

// ---------------------------------------------------------------------------------------------------
// Verdicts.

export type ReasonOutcome = 'pass' | 'fail' | 'review';

export type Reason = {
  code: string;
  outcome: ReasonOutcome;
  /** Vietnamese, e.g. "Thiếu CSTĐCS năm học 2023-2024". */
  message: string;
  citation: string;
  /** Which fact decided it, e.g. "titles[CSTDCS,2023]" or "years[2024].rating". */
  factRef: string | null;
  unverified: boolean;
};

export type VerdictStatus = 'eligible' | 'not_eligible' | 'needs_review';

export type Verdict = {
  titleCode: string;
  titleName: string;
  year: number;
  eligible: boolean;
  status: VerdictStatus;
  reasons: Reason[];
  ruleSetId: string;
  ruleSetVersion: number;
  unverifiedValuesUsed: boolean;
  /** The unverified notes of the set, when unverified values were used. */
  unverifiedNotes: string[];
};
