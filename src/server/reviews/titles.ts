// Title codes a nomination may name: every title of the shipped rule sets (LDTT, CSTDCS, GIAY_KHEN, …),
// with its Vietnamese name and whether it is for individuals, collectives or both.
import { SHIPPED_RULE_SETS, type RuleSet, type TitleRule } from '../../rules';
import { foldVietnamese } from '../../shared/vn';

const BY_CODE = new Map<string, TitleRule>();
for (const set of [...SHIPPED_RULE_SETS].reverse()) for (const t of Object.values(set.titles)) if (!BY_CODE.has(t.code)) BY_CODE.set(t.code, t);

export const REVIEW_TITLE_CODES = [...BY_CODE.keys()];

export function titleRule(code: string, set?: RuleSet | null): TitleRule | undefined {
  return set?.titles[code] ?? BY_CODE.get(code);
}

export function titleName(code: string, set?: RuleSet | null): string {
  return titleRule(code, set)?.name ?? code;
}

/** Does the title accept this kind of candidate? */
export function titleFits(code: string, candidateKind: 'ca_nhan' | 'tap_the'): boolean {
  const t = BY_CODE.get(code);
  if (!t) return false;
  if (t.kind === 'both') return true;
  return candidateKind === 'ca_nhan' ? t.kind === 'individual' : t.kind === 'collective';
}

/** "Chiến sĩ thi đua cơ sở" / "CSTĐCS" (from a plan's award list) → "CSTDCS". */
export function titleCodeFromName(name: string): string | null {
  const n = foldVietnamese(name).trim();
  for (const t of BY_CODE.values()) {
    if (foldVietnamese(t.name) === n || foldVietnamese(t.shortName) === n || t.code.toLowerCase() === n) return t.code;
  }
  for (const t of BY_CODE.values()) if (n.startsWith(foldVietnamese(t.name))) return t.code;
  return null;
}
