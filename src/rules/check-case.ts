// "Rules as a service": one what-if case in, a verdict with every check and the bonus out. Pure; the
// CLI (`thidua rules check`) and POST /api/v1/rules/check parse the JSON with ZRulesCheckCase and call this.
import { z } from 'zod';
import { BASE_SALARY_TABLE } from './data/base-salary';
import { SHIPPED_RULE_SETS } from './data/rule-sets';
import { evaluateCollectiveOn, evaluateIndividualOn, type DatedVerdict } from './eligibility';
import { RulesError } from './errors';
import { computeBonus, type Bonus } from './money';
import { ZCollectiveFacts, ZIndividualFacts } from './schema';
import type { BaseSalaryEntry, Reason, RuleSet, Verdict } from './types';

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

const common = {
  /** Ngày xét (bình xét / thẩm định): picks the rule set. */
  reviewDate: ZIsoDate,
  /** Năm học xét, by its start year (2024 = 2024-2025). */
  year: z.number().int().min(2000).max(2100),
  code: z.string().min(1),
  dossierReceivedOn: ZIsoDate.optional(),
  sentToMinistryOn: ZIsoDate.optional(),
  /** Ngày quyết định for the bonus; defaults to reviewDate. */
  decisionDate: ZIsoDate.optional(),
};

export const ZRulesCheckCase = z.discriminatedUnion('candidateKind', [
  z.object({ ...common, candidateKind: z.literal('ca_nhan'), household: z.boolean().optional(), facts: ZIndividualFacts }),
  z.object({ ...common, candidateKind: z.literal('tap_the'), facts: ZCollectiveFacts }),
]);
export type TRulesCheckCase = z.infer<typeof ZRulesCheckCase>;

export type RulesCheck = Reason & { passed: boolean };

export type RulesCheckAnswer = {
  eligible: boolean;
  status: Verdict['status'];
  title: { code: string; name: string };
  year: number;
  ruleSet: { id: string; version: number; name: string; verified: boolean };
  checks: RulesCheck[];
  unverifiedValuesUsed: boolean;
  unverifiedNotes: string[];
  /** How the rule set was chosen (transitional clauses included). */
  trail: DatedVerdict['trail'];
  /** The verdict under the other set when a transition lets the more favourable rule apply. */
  alternative: { ruleSetId: string; status: Verdict['status']; applied: boolean } | null;
  bonus: {
    coefficient: number;
    multiplier: number;
    baseSalary: number;
    raw: number;
    amount: number;
    citation: string;
    unverified: boolean;
  } | null;
  /** Why there is no bonus, when there is none. */
  bonusNote: string | null;
};

export type CheckOptions = { ruleSets?: readonly RuleSet[]; baseSalaryTable?: readonly BaseSalaryEntry[] };

/** Answer a parsed case. Throws RulesError (Vietnamese message) when no rule set or title matches. */
export function checkCase(input: TRulesCheckCase, options: CheckOptions = {}): RulesCheckAnswer {
  const ruleSets = options.ruleSets ?? SHIPPED_RULE_SETS;
  const dates = { on: input.reviewDate, dossierReceivedOn: input.dossierReceivedOn ?? null, sentToMinistryOn: input.sentToMinistryOn ?? null };
  const dated =
    input.candidateKind === 'ca_nhan'
      ? evaluateIndividualOn(input.facts, input.code, ruleSets, input.year, dates)
      : evaluateCollectiveOn(input.facts, input.code, ruleSets, input.year, dates);
  const v = dated.verdict;
  const set = ruleSets.find((s) => s.id === v.ruleSetId && s.version === v.ruleSetVersion) as RuleSet;

  let bonus: Bonus | null = null;
  let bonusNote: string | null = null;
  const recipientKind = input.candidateKind === 'tap_the' ? 'collective' : input.household ? 'household' : 'individual';
  try {
    bonus = computeBonus({
      code: input.code,
      recipientKind,
      decisionDate: input.decisionDate ?? input.reviewDate,
      ruleSets,
      baseSalaryTable: options.baseSalaryTable ?? BASE_SALARY_TABLE,
    });
  } catch (error) {
    if (!(error instanceof RulesError)) throw error;
    bonusNote = error.message;
  }

  return {
    eligible: v.eligible,
    status: v.status,
    title: { code: v.titleCode, name: v.titleName },
    year: v.year,
    ruleSet: { id: set.id, version: set.version, name: set.name, verified: set.verified },
    checks: v.reasons.map((r) => ({ ...r, passed: r.outcome === 'pass' })),
    unverifiedValuesUsed: v.unverifiedValuesUsed || (bonus?.unverified ?? false),
    unverifiedNotes: v.unverifiedValuesUsed ? v.unverifiedNotes : bonus?.unverifiedNotes ?? [],
    trail: dated.trail,
    alternative: dated.alternative
      ? { ruleSetId: dated.alternative.ruleSetId, status: dated.alternative.status, applied: dated.moreFavourableApplied }
      : null,
    bonus: bonus
      ? {
          coefficient: bonus.coefficient,
          multiplier: bonus.multiplier,
          baseSalary: bonus.baseSalary,
          raw: bonus.raw,
          amount: bonus.rounded,
          citation: bonus.citation,
          unverified: bonus.unverified,
        }
      : null,
    bonusNote,
  };
}

/** Parse unknown JSON (CLI file, HTTP body) and answer it. zod errors carry Vietnamese messages for dates. */
export function checkCaseJson(input: unknown, options: CheckOptions = {}): RulesCheckAnswer {
  return checkCase(ZRulesCheckCase.parse(input), options);
}
