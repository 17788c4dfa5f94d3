// Public surface of the rules core (pure: no I/O).
export * from './types';
export { RulesError } from './errors';
export { ZRuleSet, ZTitleRule, ZCriterion, ZBaseSalaryEntry, ZIndividualFacts, ZCollectiveFacts, parseRuleSet } from './schema';
export { BASE_SALARY_TABLE } from './data/base-salary';
export {
  SHIPPED_RULE_SETS,
  RULE_SET_LUAT2022_ND98,
  RULE_SET_LUAT2022_ND152,
  RULE_SET_LUAT2022_ND152_TT07,
  RULE_SET_LUAT2026_DRAFT,
} from './data/rule-sets';
export { selectRuleSet, ruleSetInForce, type CaseDates, type RuleSetSelection, type SelectionStep } from './select-rule-set';
export {
  evaluateIndividual,
  evaluateIndividualTitles,
  individualStatuses,
  evaluateCollective,
  evaluateIndividualOn,
  evaluateCollectiveOn,
  evaluateAll,
  suggestProposals,
  findDuplicateRecords,
  schoolYearRange,
  RATING_LABEL,
  type DatedVerdict,
  type EvaluateOptions,
  type Suggestion,
  type RecipientRecord,
} from './eligibility';
export { computeBonus, computePayout, baseSalaryOn, roundBonus, type Bonus, type BonusInput, type Payout, type PayoutAward, type PayoutLine } from './money';
export { canAward, AUTHORITY_LABEL, type AuthorityAnswer } from './authority';
export { evaluateVote, type VoteInput, type VoteResult, type VoteOverride } from './votes';
export { checkCase, checkCaseJson, ZRulesCheckCase, type TRulesCheckCase, type RulesCheckAnswer, type RulesCheck } from './check-case';
