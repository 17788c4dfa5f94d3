// Titles one may register for (đăng ký thi đua): the danh hiệu thi đua of the shipped rule sets
// (src/rules), by recipient kind. A code not in any rule set is refused with a Vietnamese message.
import { SHIPPED_RULE_SETS, ruleSetInForce, type TitleRule } from '../../rules';

export type TRegistrableTitle = { code: string; name: string; kind: 'individual' | 'collective' };

function titlesOf(rules: Record<string, TitleRule>): TRegistrableTitle[] {
  const out: TRegistrableTitle[] = [];
  for (const t of Object.values(rules)) {
    if (t.category !== 'danh_hieu') continue;
    if (t.kind === 'individual' || t.kind === 'both') out.push({ code: t.code, name: t.name, kind: 'individual' });
    if (t.kind === 'collective' || t.kind === 'both') out.push({ code: t.code, name: t.name, kind: 'collective' });
  }
  return out;
}

/** Titles of the rule set in force on `date` (else the union of every shipped set), individual first. */
export function registrableTitles(date: string): TRegistrableTitle[] {
  const set = ruleSetInForce(SHIPPED_RULE_SETS, date);
  const seen = new Map<string, TRegistrableTitle>();
  const sources = set ? [set] : SHIPPED_RULE_SETS;
  for (const s of sources) for (const t of titlesOf(s.titles)) seen.set(`${t.kind}|${t.code}`, t);
  return [...seen.values()];
}

/** Any title code known to any shipped rule set (for messages about codes that do not exist). */
export function titleExists(code: string): boolean {
  return SHIPPED_RULE_SETS.some((s) => Object.values(s.titles).some((t) => t.code === code));
}
