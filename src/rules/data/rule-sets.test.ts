import { describe, expect, it } from 'vitest';
import { parseRuleSet, ZBaseSalaryEntry } from '../schema';
import { BASE_SALARY_TABLE } from './base-salary';
import { SHIPPED_RULE_SETS, RULE_SET_LUAT2022_ND98, RULE_SET_LUAT2022_ND152, RULE_SET_LUAT2026_DRAFT } from './rule-sets';
import type { Criterion } from '../types';

function allCriteria(list: Criterion[] | undefined): Criterion[] {
  return (list ?? []).flatMap((c) => (c.type === 'any_of' || c.type === 'all_of' ? [c, ...allCriteria(c.criteria)] : [c]));
}

describe('shipped rule sets are plain, valid data', () => {
  it.each(SHIPPED_RULE_SETS.map((s) => [s.id, s] as const))('%s survives JSON and validates with ZRuleSet', (_id, set) => {
    const json = JSON.parse(JSON.stringify(set));
    expect(json).toEqual(set);
    expect(parseRuleSet(json)).toEqual(set);
  });

  it('the base salary table validates and has no overlapping ranges', () => {
    for (const e of BASE_SALARY_TABLE) ZBaseSalaryEntry.parse(e);
    for (let i = 1; i < BASE_SALARY_TABLE.length; i += 1) expect(BASE_SALARY_TABLE[i - 1].effectiveTo! < BASE_SALARY_TABLE[i].effectiveFrom).toBe(true);
  });

  it('an edit with a wrong date range or a mismatched title key is refused with Vietnamese messages', () => {
    const bad = { ...RULE_SET_LUAT2022_ND152, effectiveTo: '2025-01-01' };
    expect(() => parseRuleSet(bad)).toThrow('Ngày hết hiệu lực phải sau ngày có hiệu lực');
    const badKey = { ...RULE_SET_LUAT2022_ND152, titles: { X: RULE_SET_LUAT2022_ND152.titles.LDTT } };
    expect(() => parseRuleSet(badKey)).toThrow('Mã danh hiệu LDTT khác khóa X');
  });
});

describe('content of the sets', () => {
  it('every set carries the titles of the issue with coefficients and citations', () => {
    for (const set of SHIPPED_RULE_SETS) {
      expect(Object.keys(set.titles).sort()).toEqual(
        ['BK_BO', 'BK_TINH', 'BK_TTG', 'CO_CP', 'CO_THI_DUA', 'CSTDCS', 'CSTD_TINH', 'CSTD_TQ', 'GIAY_KHEN', 'KNC_GD', 'LDTT', 'TTLDTT', 'TTLDXS'].sort(),
      );
      for (const t of Object.values(set.titles)) expect(t.citation.length).toBeGreaterThan(5);
    }
  });

  it('the Luật 06/2026 draft is unverified everywhere', () => {
    const set = RULE_SET_LUAT2026_DRAFT;
    expect(set.verified).toBe(false);
    for (const t of Object.values(set.titles)) {
      expect(t.verified).toBe(false);
      for (const c of [...allCriteria(t.criteria.individual), ...allCriteria(t.criteria.collective)]) expect(c.verified).toBe(false);
      if (t.coefficient.individual) expect(t.coefficient.individual.verified).toBe(false);
    }
    expect(set.unverifiedNotes.join(' ')).toContain('không còn điều kiện Lao động tiên tiến');
  });

  it('chuyên đề / đột xuất: only công trạng titles count toward higher awards; Kỷ niệm chương does not', () => {
    expect(RULE_SET_LUAT2022_ND152.titles.KNC_GD.countsTowardMerit).toBe(false);
    expect(RULE_SET_LUAT2022_ND152.titles.CSTDCS.countsTowardMerit).toBe(true);
  });

  it('NĐ 98 thresholds are verified, NĐ 152 ones are the labelled default', () => {
    expect(RULE_SET_LUAT2022_ND98.titles.CSTDCS.voteThreshold?.verified).toBe(true);
    expect(RULE_SET_LUAT2022_ND98.titles.CSTD_TQ.voteThreshold?.value.share).toBe(0.9);
    expect(RULE_SET_LUAT2022_ND152.titles.CSTDCS.voteThreshold?.verified).toBe(false);
    expect(RULE_SET_LUAT2022_ND152.titles.CO_THI_DUA.voteThreshold?.value.share).toBe(0.8);
  });

  it('forms: NĐ 152 Mẫu 05 for CSTĐCS, NĐ 98 Mẫu 03 for CSTĐ cấp tỉnh', () => {
    expect(RULE_SET_LUAT2022_ND152.titles.CSTDCS.form.individual?.value).toBe('Mẫu số 05');
    expect(RULE_SET_LUAT2022_ND98.titles.CSTD_TINH.form.individual?.value).toContain('Mẫu số 03');
    expect(RULE_SET_LUAT2022_ND152.proposalForm.value).toBe('Mẫu số 01');
  });
});
