// zod schemas for rule sets and facts: validate an administrator's edit or a what-if case before use.
import { z } from 'zod';
import type { Criterion, RuleSet, BaseSalaryEntry, IndividualFacts, CollectiveFacts } from './types';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

function zCited<T extends z.ZodTypeAny>(value: T) {
  return z.object({ value, citation: z.string().min(1), verified: z.boolean(), note: z.string().optional() });
}

export const ZRating = z.enum(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
export const ZInitiativeLevel = z.enum(['co_so', 'tinh', 'toan_quoc']);
export const ZAuthorityKind = z.enum([
  'school_head',
  'commune_chairman',
  'district_chairman',
  'department_director',
  'province_chairman',
  'minister',
  'prime_minister',
]);

export const ZVoteThreshold = z.object({
  share: z.number().gt(0).lte(1),
  comparison: z.enum(['gte', 'gt']),
  label: z.string().min(1),
});

const base = {
  code: z.string().min(1),
  label: z.string().min(1),
  citation: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
};

export const ZCriterion: z.ZodType<Criterion> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('min_rating'), rating: ZRating }),
    z.object({ ...base, type: z.literal('min_months_worked'), months: z.number().min(0).max(12) }),
    z.object({ ...base, type: z.literal('no_discipline') }),
    z.object({ ...base, type: z.literal('title_same_year'), title: z.string() }),
    z.object({ ...base, type: z.literal('consecutive_titles'), title: z.string(), count: z.number().int().min(1) }),
    z.object({
      ...base,
      type: z.literal('titles_in_window'),
      title: z.string(),
      count: z.number().int().min(1),
      windowYears: z.number().int().min(1),
    }),
    z.object({ ...base, type: z.literal('consecutive_ratings'), rating: ZRating, count: z.number().int().min(1) }),
    z.object({ ...base, type: z.literal('has_award_before'), awards: z.array(z.string()).min(1), yearsBefore: z.number().int().min(0) }),
    z.object({
      ...base,
      type: z.literal('initiative'),
      level: ZInitiativeLevel,
      windowYears: z.number().int().min(1),
      count: z.number().int().min(1),
    }),
    z.object({
      ...base,
      type: z.literal('years_in_sector'),
      years: z.number().min(0),
      reducedYears: z.number().min(0),
      reducedIfDisadvantagedYears: z.number().min(0),
      excludeDiscipline: z.boolean(),
    }),
    z.object({ ...base, type: z.literal('once_only') }),
    z.object({ ...base, type: z.literal('manual'), question: z.string().min(1) }),
    z.object({ ...base, type: z.literal('any_of'), criteria: z.array(ZCriterion).min(1) }),
    z.object({ ...base, type: z.literal('all_of'), criteria: z.array(ZCriterion).min(1) }),
    z.object({ ...base, type: z.literal('collective_min_rating'), rating: ZRating }),
    z.object({ ...base, type: z.literal('member_share_title'), title: z.literal('LDTT'), share: z.number().gt(0).lte(1) }),
    z.object({ ...base, type: z.literal('all_members_complete') }),
    z.object({ ...base, type: z.literal('min_members_with_title'), title: z.literal('CSTDCS'), count: z.number().int().min(0) }),
    z.object({ ...base, type: z.literal('no_member_discipline') }),
    z.object({ ...base, type: z.literal('leads_cluster') }),
  ]),
);

export const ZTitleRule = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: z.enum(['individual', 'collective', 'both']),
  category: z.enum(['danh_hieu', 'hinh_thuc']),
  citation: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
  authorities: zCited(z.array(ZAuthorityKind)),
  criteria: z.object({ individual: z.array(ZCriterion).optional(), collective: z.array(ZCriterion).optional() }),
  countsTowardMerit: z.boolean(),
  voteThreshold: zCited(ZVoteThreshold).nullable(),
  coefficient: z.object({ individual: zCited(z.number().min(0)).nullable(), collective: zCited(z.number().min(0)).nullable() }),
  form: z.object({ individual: zCited(z.string()).nullable(), collective: zCited(z.string()).nullable() }),
  dossier: zCited(z.array(z.string())),
});

export const ZTransitionClause = z.object({
  id: z.string().min(1),
  dateField: z.enum(['dossierReceivedOn', 'sentToMinistryOn']),
  before: ZIsoDate,
  moreFavourableApplies: z.boolean(),
  description: z.string().min(1),
  citation: z.string().min(1),
  verified: z.boolean(),
});

export const ZRuleSet = z
  .object({
    id: z.string().min(1),
    version: z.number().int().min(1),
    name: z.string().min(1),
    sources: z.array(z.object({ ref: z.string(), title: z.string(), effectiveFrom: ZIsoDate, effectiveTo: ZIsoDate.nullable() })),
    citation: z.string().min(1),
    effectiveFrom: ZIsoDate,
    effectiveTo: ZIsoDate.nullable(),
    verified: z.boolean(),
    unverifiedNotes: z.array(z.string()),
    transitions: z.array(ZTransitionClause),
    money: z.object({
      rounding: zCited(z.enum(['up_10000', 'none'])),
      householdMultiplier: zCited(z.number().min(0)),
      payHighestOnly: zCited(z.boolean()),
    }),
    maternityLeaveCountsAsWorked: zCited(z.boolean()),
    defaultVoteThreshold: zCited(ZVoteThreshold),
    proposalForm: zCited(z.string()),
    thematicReportForm: zCited(z.string()),
    titles: z.record(z.string(), ZTitleRule),
  })
  .superRefine((set, ctx) => {
    if (set.effectiveTo !== null && set.effectiveTo < set.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' });
    }
    for (const [key, title] of Object.entries(set.titles)) {
      if (key !== title.code) ctx.addIssue({ code: 'custom', path: ['titles', key], message: `Mã danh hiệu ${title.code} khác khóa ${key}` });
    }
  });

export const ZBaseSalaryEntry = z.object({
  amount: z.number().int().positive(),
  effectiveFrom: ZIsoDate,
  effectiveTo: ZIsoDate.nullable(),
  citation: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
});

const ZHeldRecord = z.object({
  code: z.string().min(1),
  year: z.number().int(),
  thematic: z.boolean().optional(),
  adHoc: z.boolean().optional(),
  movement: z.string().optional(),
  decisionRef: z.string().optional(),
  decisionDate: ZIsoDate.optional(),
});
const ZPeriod = z.object({ from: ZIsoDate, to: ZIsoDate.nullable(), level: z.string().optional(), note: z.string().optional() });

export const ZIndividualFacts = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  years: z.array(z.object({ year: z.number().int(), rating: ZRating.optional(), monthsWorked: z.number().min(0).max(12).optional() })).default([]),
  titles: z.array(ZHeldRecord).default([]),
  awards: z.array(ZHeldRecord).default([]),
  initiatives: z
    .array(z.object({ year: z.number().int(), level: ZInitiativeLevel, title: z.string().optional(), kind: z.enum(['sang_kien', 'de_tai']).optional() }))
    .default([]),
  disciplinePeriods: z.array(ZPeriod).default([]),
  maternityLeavePeriods: z.array(ZPeriod).default([]),
  yearsInSector: z.number().min(0).optional(),
  yearsInDisadvantagedAreas: z.number().min(0).optional(),
  confirmed: z.array(z.string()).optional(),
});

export const ZCollectiveFacts = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  years: z
    .array(
      z.object({
        year: z.number().int(),
        rating: ZRating.optional(),
        memberCount: z.number().int().min(0),
        ldttCount: z.number().int().min(0),
        completedCount: z.number().int().min(0),
        cstdcsCount: z.number().int().min(0),
        disciplinedCount: z.number().int().min(0),
        clusterRank: z.number().int().min(1).optional(),
        clusterName: z.string().optional(),
      }),
    )
    .default([]),
  titles: z.array(ZHeldRecord).default([]),
  awards: z.array(ZHeldRecord).default([]),
  disciplinePeriods: z.array(ZPeriod).default([]),
  confirmed: z.array(z.string()).optional(),
});

// Compile-time checks that the schemas produce the hand-written types.
type Assert<T extends true> = T;
export type _RuleSetMatches = Assert<z.infer<typeof ZRuleSet> extends RuleSet ? true : false>;
export type _BaseSalaryMatches = Assert<z.infer<typeof ZBaseSalaryEntry> extends BaseSalaryEntry ? true : false>;
export type _IndividualFactsMatch = Assert<z.infer<typeof ZIndividualFacts> extends IndividualFacts ? true : false>;
export type _CollectiveFactsMatch = Assert<z.infer<typeof ZCollectiveFacts> extends CollectiveFacts ? true : false>;

/** Validate an administrator-edited rule set (JSON). Throws a zod error listing every problem. */
export function parseRuleSet(input: unknown): RuleSet {
  return ZRuleSet.parse(input);
}
