// Chooses the rule set for a case from its dates, applying the transitional clauses carried by the sets.
import { formatDateVi } from '../shared/vn';
import type { RuleSet } from './types';
import { RulesError } from './errors';

export type CaseDates = {
  /** The date the question is asked about: the review (bình xét) or decision date. */
  on: string;
  /** When the appraising body received the dossier (Luật 06/2026 transition). */
  dossierReceivedOn?: string | null;
  /** When the dossier was sent to the Bộ (TT 07/2026 transition). */
  sentToMinistryOn?: string | null;
};

export type SelectionStep = { ruleSetId: string; reason: string; citation: string | null; verified: boolean };

export type RuleSetSelection = {
  ruleSet: RuleSet;
  /** A newer set that applies instead when it is more favourable (evaluate both and compare). */
  moreFavourableCandidate: RuleSet | null;
  /** How the choice was made, for the verdict's explanation. */
  trail: SelectionStep[];
};

function inRange(set: RuleSet, date: string): boolean {
  return set.effectiveFrom <= date && (set.effectiveTo === null || date <= set.effectiveTo);
}

/** The set in force on `date`: among sets covering it, the one that took effect last. */
export function ruleSetInForce(ruleSets: readonly RuleSet[], date: string): RuleSet | null {
  let best: RuleSet | null = null;
  for (const set of ruleSets) {
    if (!inRange(set, date)) continue;
    if (best === null || set.effectiveFrom > best.effectiveFrom || (set.effectiveFrom === best.effectiveFrom && set.version > best.version)) {
      best = set;
    }
  }
  return best;
}

export function selectRuleSet(ruleSets: readonly RuleSet[], dates: CaseDates): RuleSetSelection {
  let current = ruleSetInForce(ruleSets, dates.on);
  if (!current) {
    throw new RulesError('NO_RULE_SET', `Không có bộ quy tắc nào có hiệu lực ngày ${formatDateVi(dates.on)}`);
  }
  const trail: SelectionStep[] = [
    { ruleSetId: current.id, reason: `Bộ quy tắc có hiệu lực ngày ${formatDateVi(dates.on)}: ${current.name}`, citation: current.citation, verified: current.verified },
  ];
  let moreFavourableCandidate: RuleSet | null = null;
  // Each step moves to a strictly older set, so this ends within ruleSets.length steps.
  for (let guard = 0; guard < ruleSets.length; guard += 1) {
    let moved = false;
    for (const clause of current.transitions) {
      const date = dates[clause.dateField];
      if (!date || date >= clause.before) continue;
      const older = ruleSetInForce(ruleSets, date);
      if (!older || older.id === current.id || older.effectiveFrom >= current.effectiveFrom) continue;
      if (clause.moreFavourableApplies && moreFavourableCandidate === null) moreFavourableCandidate = current;
      const which = clause.dateField === 'dossierReceivedOn' ? 'Hồ sơ được nhận' : 'Hồ sơ gửi Bộ';
      trail.push({
        ruleSetId: older.id,
        reason: `${which} ngày ${formatDateVi(date)}, trước ${formatDateVi(clause.before)}: ${clause.description} Áp dụng: ${older.name}.`,
        citation: clause.citation,
        verified: clause.verified,
      });
      current = older;
      moved = true;
      break;
    }
    if (!moved) break;
  }
  if (moreFavourableCandidate) {
    trail.push({
      ruleSetId: moreFavourableCandidate.id,
      reason: `Xét thêm theo ${moreFavourableCandidate.name}; áp dụng nếu có lợi hơn.`,
      citation: moreFavourableCandidate.citation,
      verified: moreFavourableCandidate.verified,
    });
  }
  return { ruleSet: current, moreFavourableCandidate, trail };
}
