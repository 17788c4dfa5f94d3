// The one place where reviews ask the rules engine: which rule set applies on the review date, the
// verdict snapshot shown next to each candidate, and the exact rule set version used for the tally.
// Everything goes through the eligibility service (src/server/rules), which loads the facts in bulk
// and checks the actor's reach itself.
import type { RuleSet } from '../../rules';
import type { TContext } from '../auth/access';
import type { Db, Tx } from '../db/database';
import { AppError } from '../errors';
import { chooseRuleSet, evaluatePeople, evaluateUnits, type TEligibilityVerdict } from '../rules/eligibility-service';
import { loadRuleSetVersion } from '../rules/rule-sets';

export type TVerdictSnapshot = TEligibilityVerdict;

/** The rule set in force on the review date (code + version are stored with the session). */
export async function ruleSetOn(db: Db | Tx, reviewDate: string): Promise<{ code: string; version: number; name: string }> {
  const { used } = await chooseRuleSet(db, reviewDate);
  return { code: used.code, version: used.version, name: used.name };
}

/** The exact version a session recorded (an edit of the rules later never changes its tally). */
export async function ruleSetOfSession(db: Db | Tx, code: string, version: number): Promise<RuleSet> {
  const set = await loadRuleSetVersion(db, code, version);
  if (!set) throw new AppError('INVALID_STATE', `Không tìm thấy bộ quy tắc ${code} phiên bản ${version} mà phiên bình xét đã dùng`);
  return set;
}

export type TVerdictRequest = { key: string; kind: 'ca_nhan' | 'tap_the'; id: string; titleCode: string };

/** Verdicts for candidates (people and collectives), keyed by `key`; a title the rule set does not judge gives null. */
export async function candidateVerdicts(ctx: TContext, schoolYear: number, reviewDate: string, reqs: TVerdictRequest[]): Promise<Map<string, TVerdictSnapshot | null>> {
  const out = new Map<string, TVerdictSnapshot | null>();
  const people = reqs.filter((r) => r.kind === 'ca_nhan');
  const units = reqs.filter((r) => r.kind === 'tap_the');
  if (people.length) {
    const res = await evaluatePeople(ctx, { personIds: [...new Set(people.map((p) => p.id))], schoolYear, reviewDate });
    const byPerson = new Map(res.people.map((p) => [p.personId, p]));
    for (const r of people) out.set(r.key, byPerson.get(r.id)?.verdicts.find((v) => v.titleCode === r.titleCode) ?? null);
  }
  if (units.length) {
    const res = await evaluateUnits(ctx, { unitIds: [...new Set(units.map((u) => u.id))], schoolYear, reviewDate });
    const byUnit = new Map(res.units.map((u) => [u.unitId, u]));
    for (const r of units) out.set(r.key, byUnit.get(r.id)?.verdicts.find((v) => v.titleCode === r.titleCode) ?? null);
  }
  return out;
}
