// Eligibility verdicts and the rule sets in use for dossiers and decisions: one place, backed by the
// shared eligibility service (src/server/rules/eligibility-service.ts) and the rule sets kept in the
// database (src/server/rules/rule-sets.ts).
import { ruleSetInForce } from '../../rules/select-rule-set';
import type { RuleSet } from '../../rules/types';
import type { TContext } from '../auth/access';
import type { Db, Tx } from '../db/database';
import { evaluatePeople } from '../rules/eligibility-service';
import { loadActiveRuleSets } from '../rules/rule-sets';

export type TItemVerdict = { status: 'eligible' | 'not_eligible' | 'needs_review' | 'unknown'; eligible: boolean; messages: string[]; ruleSetId: string | null };

export async function ruleSetsInUse(db: Db | Tx): Promise<readonly RuleSet[]> {
  return loadActiveRuleSets(db);
}

export async function titleCatalogue(db: Db | Tx, date: string): Promise<RuleSet | null> {
  return ruleSetInForce(await ruleSetsInUse(db), date) ?? null;
}

/** Verdict per "personId|titleCode"; a failure of the service leaves the item without a verdict ("unknown"). */
export async function verdictsFor(ctx: TContext, items: { personId: string; titleCode: string }[], schoolYear: number, reviewDate: string): Promise<Map<string, TItemVerdict>> {
  const out = new Map<string, TItemVerdict>();
  if (!items.length) return out;
  const titles = [...new Set(items.map((i) => i.titleCode))];
  try {
    const res = await evaluatePeople(ctx, { personIds: items.map((i) => i.personId), schoolYear, reviewDate, titles });
    for (const p of res.people) {
      for (const v of p.verdicts) {
        out.set(`${p.personId}|${v.titleCode}`, {
          status: v.status, eligible: v.eligible, ruleSetId: `${v.ruleSetCode} v${v.ruleSetVersion}`,
          messages: v.reasons.filter((r) => r.outcome !== 'pass').map((r) => r.message),
        });
      }
    }
  } catch (e) {
    for (const i of items) out.set(`${i.personId}|${i.titleCode}`, { status: 'unknown', eligible: false, messages: [`Chưa kiểm tra được điều kiện: ${(e as Error).message}`], ruleSetId: null });
  }
  return out;
}
