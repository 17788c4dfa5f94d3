// Tiền thưởng: coefficient × lương cơ sở in force on the decision date, rounded as the rule set says.
import { formatDateVi, formatMoneyVi } from '../shared/vn';
import { BASE_SALARY_TABLE } from './data/base-salary';
import { SHIPPED_RULE_SETS } from './data/rule-sets';
import { RulesError } from './errors';
import { ruleSetInForce } from './select-rule-set';
import type { BaseSalaryEntry, Cited, RecipientKind, RoundingMode, RuleSet } from './types';

export type BonusInput = {
  code: string;
  recipientKind: RecipientKind;
  decisionDate: string;
  ruleSets?: readonly RuleSet[];
  baseSalaryTable?: readonly BaseSalaryEntry[];
};

export type Bonus = {
  code: string;
  titleName: string;
  recipientKind: RecipientKind;
  decisionDate: string;
  baseSalary: number;
  baseSalaryCitation: string;
  /** ×LCS of the title for an individual or a collective (a household uses the individual one). */
  coefficient: number;
  /** 1, or the household multiplier (1,5). */
  multiplier: number;
  raw: number;
  rounded: number;
  rounding: RoundingMode;
  /** "0,3 × 2.530.000 đ (NĐ 152/2025/NĐ-CP Điều 51; NĐ 161/2026/NĐ-CP; làm tròn: NĐ 152 Điều 49)". */
  citation: string;
  ruleSetId: string;
  ruleSetVersion: number;
  unverified: boolean;
  unverifiedNotes: string[];
};

/** The lương cơ sở entry in force on `date`. */
export function baseSalaryOn(table: readonly BaseSalaryEntry[], date: string): BaseSalaryEntry {
  const entry = [...table]
    .filter((e) => e.effectiveFrom <= date && (e.effectiveTo === null || date <= e.effectiveTo))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!entry) throw new RulesError('NO_BASE_SALARY', `Không có mức lương cơ sở áp dụng ngày ${formatDateVi(date)}`);
  return entry;
}

/** Round an amount in đồng: up_10000 = "làm tròn số lên hàng chục nghìn đồng". */
export function roundBonus(raw: number, mode: RoundingMode): number {
  if (mode === 'none') return raw;
  return Math.ceil(raw / 10_000) * 10_000;
}

function formatCoefficient(n: number): string {
  return String(n).replace('.', ',');
}

export function computeBonus(input: BonusInput): Bonus {
  const ruleSets = input.ruleSets ?? SHIPPED_RULE_SETS;
  const table = input.baseSalaryTable ?? BASE_SALARY_TABLE;
  const ruleSet = ruleSetInForce(ruleSets, input.decisionDate);
  if (!ruleSet) throw new RulesError('NO_RULE_SET', `Không có bộ quy tắc nào có hiệu lực ngày ${formatDateVi(input.decisionDate)}`);
  const title = ruleSet.titles[input.code];
  if (!title) throw new RulesError('UNKNOWN_TITLE', `Bộ quy tắc "${ruleSet.name}" không có danh hiệu, hình thức mã ${input.code}`);
  const cited: Cited<number> | null = input.recipientKind === 'collective' ? title.coefficient.collective : title.coefficient.individual;
  if (!cited) {
    const who = input.recipientKind === 'collective' ? 'tập thể' : input.recipientKind === 'household' ? 'hộ gia đình' : 'cá nhân';
    throw new RulesError('NO_COEFFICIENT', `${title.name} không có mức tiền thưởng cho ${who}`);
  }
  const salary = baseSalaryOn(table, input.decisionDate);
  const household = input.recipientKind === 'household';
  const multiplier = household ? ruleSet.money.householdMultiplier.value : 1;
  // Integer đồng: coefficients have at most two decimals, so round away float noise before rounding up.
  const raw = Math.round(salary.amount * cited.value * multiplier);
  const rounding = ruleSet.money.rounding.value;
  const rounded = roundBonus(raw, rounding);
  const parts = [cited.citation, salary.citation];
  if (household) parts.push(`hộ gia đình × ${formatCoefficient(multiplier)}: ${ruleSet.money.householdMultiplier.citation}`);
  parts.push(`làm tròn: ${ruleSet.money.rounding.citation}`);
  const formula = `${formatCoefficient(cited.value)}${household ? ` × ${formatCoefficient(multiplier)}` : ''} × ${formatMoneyVi(salary.amount)}`;
  const unverified = !cited.verified || !salary.verified || !ruleSet.money.rounding.verified || (household && !ruleSet.money.householdMultiplier.verified);
  return {
    code: input.code,
    titleName: title.name,
    recipientKind: input.recipientKind,
    decisionDate: input.decisionDate,
    baseSalary: salary.amount,
    baseSalaryCitation: salary.citation,
    coefficient: cited.value,
    multiplier,
    raw,
    rounded,
    rounding,
    citation: `${formula} (${parts.join('; ')})`,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    unverified,
    unverifiedNotes: unverified ? ruleSet.unverifiedNotes : [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Payout list.

export type PayoutAward = {
  id?: string;
  recipientId: string;
  recipientName?: string;
  recipientKind: RecipientKind;
  code: string;
  decisionDate: string;
  decisionRef?: string;
  /** The period the achievement covers, e.g. "2024-2025" or "2022-2025". */
  period: string;
};

export type PayoutLine = PayoutAward & {
  titleName: string;
  category: 'danh_hieu' | 'hinh_thuc';
  bonus: Bonus;
  paid: boolean;
  amount: number;
  /** Why a line is not paid (Vietnamese), empty when paid. */
  note: string;
};

export type Payout = {
  lines: PayoutLine[];
  total: number;
  byRecipient: { recipientId: string; recipientName?: string; total: number }[];
};

export type PayoutOptions = { ruleSets?: readonly RuleSet[]; baseSalaryTable?: readonly BaseSalaryEntry[] };

/**
 * Amounts per award, applying NĐ 152 Điều 49: at one moment (same decision date), several danh hiệu
 * for the same period → only the highest is paid; different periods → each is paid; a danh hiệu and a
 * hình thức khen thưởng → both are paid.
 */
export function computePayout(awards: readonly PayoutAward[], options: PayoutOptions = {}): Payout {
  const ruleSets = options.ruleSets ?? SHIPPED_RULE_SETS;
  const lines: PayoutLine[] = awards.map((a) => {
    const bonus = computeBonus({ code: a.code, recipientKind: a.recipientKind, decisionDate: a.decisionDate, ruleSets, baseSalaryTable: options.baseSalaryTable });
    const set = ruleSetInForce(ruleSets, a.decisionDate) as RuleSet;
    return { ...a, titleName: bonus.titleName, category: set.titles[a.code].category, bonus, paid: true, amount: bonus.rounded, note: '' };
  });

  const groups = new Map<string, PayoutLine[]>();
  for (const line of lines) {
    if (line.category !== 'danh_hieu') continue;
    const key = `${line.recipientId}|${line.decisionDate}|${line.period}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const set = ruleSetInForce(ruleSets, group[0].decisionDate) as RuleSet;
    if (!set.money.payHighestOnly.value) continue;
    const best = group.reduce((a, b) => (b.bonus.rounded > a.bonus.rounded ? b : a));
    for (const line of group) {
      if (line === best) continue;
      line.paid = false;
      line.amount = 0;
      line.note = `Không chi: cùng thời điểm ${formatDateVi(line.decisionDate)}, cùng thời gian đạt ${line.period}, chỉ nhận tiền thưởng danh hiệu cao nhất (${best.titleName}) (${set.money.payHighestOnly.citation})`;
    }
  }

  const byRecipient = new Map<string, { recipientId: string; recipientName?: string; total: number }>();
  for (const line of lines) {
    const row = byRecipient.get(line.recipientId) ?? { recipientId: line.recipientId, recipientName: line.recipientName, total: 0 };
    row.total += line.amount;
    byRecipient.set(line.recipientId, row);
  }
  return { lines, total: lines.reduce((s, l) => s + l.amount, 0), byRecipient: [...byRecipient.values()] };
}
