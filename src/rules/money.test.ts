import { describe, expect, it } from 'vitest';
import { formatMoneyVi } from '../shared/vn';
import { baseSalaryOn, computeBonus, computePayout, roundBonus } from './money';
import { BASE_SALARY_TABLE } from './data/base-salary';
import { SHIPPED_RULE_SETS, RULE_SET_LUAT2022_ND98 } from './data/rule-sets';
import type { RuleSet } from './types';

// NĐ 152/2025/NĐ-CP Điều 49 (LCS on the decision date, rounded up to 10.000 đ), numbers of domain.md §1.4.
describe('computeBonus at 2.530.000 đ (NĐ 161/2026, decision 15/07/2026)', () => {
  const at = (code: string, recipientKind: 'individual' | 'collective' | 'household' = 'individual') =>
    computeBonus({ code, recipientKind, decisionDate: '2026-07-15' });

  it.each([
    ['LDTT', 'individual', 0.3, 759_000, 760_000],
    ['GIAY_KHEN', 'individual', 0.3, 759_000, 760_000],
    ['TTLDTT', 'collective', 0.8, 2_024_000, 2_030_000],
    ['CSTDCS', 'individual', 1.0, 2_530_000, 2_530_000],
    ['TTLDXS', 'collective', 1.5, 3_795_000, 3_800_000],
    ['BK_TINH', 'individual', 1.5, 3_795_000, 3_800_000],
    ['CSTD_TINH', 'individual', 3.0, 7_590_000, 7_590_000],
    ['BK_TTG', 'individual', 3.5, 8_855_000, 8_860_000],
    ['CSTD_TQ', 'individual', 4.5, 11_385_000, 11_390_000],
    ['CO_THI_DUA', 'collective', 8, 20_240_000, 20_240_000],
    ['CO_CP', 'collective', 12, 30_360_000, 30_360_000],
  ] as const)('%s (%s) ×%s → %i raw → %i rounded', (code, kind, coefficient, raw, rounded) => {
    const bonus = at(code, kind);
    expect(bonus.baseSalary).toBe(2_530_000);
    expect(bonus.coefficient).toBe(coefficient);
    expect(bonus.raw).toBe(raw);
    expect(bonus.rounded).toBe(rounded);
    expect(bonus.rounding).toBe('up_10000');
  });

  it('prints the formula and its legal basis', () => {
    const bonus = at('LDTT');
    expect(formatMoneyVi(bonus.rounded)).toBe('760.000 đ');
    expect(bonus.citation).toContain('0,3 × 2.530.000 đ');
    expect(bonus.citation).toContain('Nghị định 161/2026/NĐ-CP');
    expect(bonus.citation).toContain('Điều 49');
    expect(bonus.ruleSetId).toBe('luat2022-nd152-2025-tt07-2026');
    expect(bonus.unverified).toBe(false);
  });

  it('after 01/10/2026 the draft Luật 06/2026 set is used and the amount is flagged unverified', () => {
    const bonus = computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: '2026-11-20' });
    expect(bonus.ruleSetId).toBe('luat2026-tt07-2026-du-thao');
    expect(bonus.rounded).toBe(760_000);
    expect(bonus.unverified).toBe(true);
    expect(bonus.unverifiedNotes.join(' ')).toContain('Luật 06/2026/QH16');
  });

  it('a household gets 1,5 × the individual amount', () => {
    const bonus = at('LDTT', 'household');
    expect(bonus.multiplier).toBe(1.5);
    expect(bonus.raw).toBe(1_138_500);
    expect(bonus.rounded).toBe(1_140_000);
  });

  it('a title without a collective amount is refused with a Vietnamese message', () => {
    expect(() => at('CSTDCS', 'collective')).toThrow('Chiến sĩ thi đua cơ sở không có mức tiền thưởng cho tập thể');
  });
});

describe('base salary on the decision date', () => {
  it('a decision dated 30/06/2026 uses 2.340.000 đ; 01/07/2026 uses 2.530.000 đ', () => {
    const before = computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: '2026-06-30' });
    expect(before.baseSalary).toBe(2_340_000);
    expect(before.raw).toBe(702_000);
    expect(before.rounded).toBe(710_000);
    expect(before.ruleSetId).toBe('luat2022-nd152-2025-tt07-2026');
    const after = computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: '2026-07-01' });
    expect(after.baseSalary).toBe(2_530_000);
  });

  it('reads the table boundaries of NĐ 24/2023 and NĐ 73/2024', () => {
    expect(baseSalaryOn(BASE_SALARY_TABLE, '2023-07-01').amount).toBe(1_800_000);
    expect(baseSalaryOn(BASE_SALARY_TABLE, '2024-06-30').amount).toBe(1_800_000);
    expect(baseSalaryOn(BASE_SALARY_TABLE, '2024-07-01').amount).toBe(2_340_000);
    expect(baseSalaryOn(BASE_SALARY_TABLE, '2019-07-01').amount).toBe(1_490_000);
    expect(() => baseSalaryOn(BASE_SALARY_TABLE, '2019-06-30')).toThrow('Không có mức lương cơ sở áp dụng ngày 30/06/2019');
  });

  it('NĐ 98-era decisions print the unrounded amount and are flagged unverified', () => {
    const bonus = computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: '2025-06-30' });
    expect(bonus.ruleSetId).toBe(RULE_SET_LUAT2022_ND98.id);
    expect(bonus.raw).toBe(702_000);
    expect(bonus.rounded).toBe(702_000);
    expect(bonus.unverified).toBe(true);
    const may2024 = computeBonus({ code: 'CSTDCS', recipientKind: 'individual', decisionDate: '2024-05-20' });
    expect(may2024.baseSalary).toBe(1_800_000);
    expect(may2024.rounded).toBe(1_800_000);
  });

  it('NĐ 152 decisions at 2.340.000 đ round up: CSTĐ toàn quốc 10.530.000, TTLĐTT 1.880.000', () => {
    const d = '2025-12-15';
    expect(computeBonus({ code: 'CSTD_TQ', recipientKind: 'individual', decisionDate: d }).rounded).toBe(10_530_000);
    expect(computeBonus({ code: 'TTLDTT', recipientKind: 'collective', decisionDate: d }).rounded).toBe(1_880_000);
    expect(computeBonus({ code: 'CO_CP', recipientKind: 'collective', decisionDate: d }).rounded).toBe(28_080_000);
    expect(computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: d }).unverified).toBe(false);
  });

  it('rounding mode is data: an edited set with rounding "none" keeps 759.000 đ', () => {
    const edited: RuleSet[] = SHIPPED_RULE_SETS.map((s) =>
      s.id === 'luat2026-tt07-2026-du-thao' ? { ...s, version: 2, money: { ...s.money, rounding: { ...s.money.rounding, value: 'none' } } } : s,
    );
    const bonus = computeBonus({ code: 'LDTT', recipientKind: 'individual', decisionDate: '2026-11-20', ruleSets: edited });
    expect(bonus.rounded).toBe(759_000);
    expect(roundBonus(759_000, 'up_10000')).toBe(760_000);
    expect(roundBonus(760_000, 'up_10000')).toBe(760_000);
  });
});

describe('computePayout (NĐ 152 Điều 49)', () => {
  const date = '2026-07-15';
  it('same moment, same period: only the highest danh hiệu is paid', () => {
    const payout = computePayout([
      { recipientId: 'gv1', recipientName: 'Nguyễn Thị Lan', recipientKind: 'individual', code: 'LDTT', decisionDate: date, period: '2025-2026' },
      { recipientId: 'gv1', recipientName: 'Nguyễn Thị Lan', recipientKind: 'individual', code: 'CSTDCS', decisionDate: date, period: '2025-2026' },
    ]);
    const [ldtt, cstdcs] = payout.lines;
    expect(cstdcs.paid).toBe(true);
    expect(cstdcs.amount).toBe(2_530_000);
    expect(ldtt.paid).toBe(false);
    expect(ldtt.amount).toBe(0);
    expect(ldtt.note).toContain('chỉ nhận tiền thưởng danh hiệu cao nhất (Chiến sĩ thi đua cơ sở)');
    expect(payout.total).toBe(2_530_000);
  });

  it('different periods are each paid; a danh hiệu and a hình thức are both paid', () => {
    const payout = computePayout([
      { recipientId: 'gv1', recipientKind: 'individual', code: 'CSTDCS', decisionDate: date, period: '2025-2026' },
      { recipientId: 'gv1', recipientKind: 'individual', code: 'CSTD_TINH', decisionDate: date, period: '2023-2026' },
      { recipientId: 'gv1', recipientKind: 'individual', code: 'BK_TINH', decisionDate: date, period: '2025-2026' },
      { recipientId: 'to1', recipientKind: 'collective', code: 'TTLDTT', decisionDate: date, period: '2025-2026' },
    ]);
    expect(payout.lines.every((l) => l.paid)).toBe(true);
    expect(payout.total).toBe(2_530_000 + 7_590_000 + 3_800_000 + 2_030_000);
    expect(payout.byRecipient.find((r) => r.recipientId === 'gv1')?.total).toBe(2_530_000 + 7_590_000 + 3_800_000);
  });

  it('the same titles on different decision dates are not merged', () => {
    const payout = computePayout([
      { recipientId: 'gv1', recipientKind: 'individual', code: 'LDTT', decisionDate: '2026-06-10', period: '2025-2026' },
      { recipientId: 'gv1', recipientKind: 'individual', code: 'CSTDCS', decisionDate: '2026-07-15', period: '2025-2026' },
    ]);
    expect(payout.lines.map((l) => l.amount)).toEqual([710_000, 2_530_000]);
  });
});
