import { describe, expect, it } from 'vitest';
import { checkCaseJson } from './check-case';

describe('rules check service (what-if case → verdict + bonus)', () => {
  it('"can she be proposed for CSTĐ cấp tỉnh this year?" — no: a thematic year breaks the streak', () => {
    const answer = checkCaseJson({
      reviewDate: '2025-08-20',
      year: 2024,
      candidateKind: 'ca_nhan',
      code: 'CSTD_TINH',
      facts: {
        name: 'Trần Thị Hoa',
        years: [
          { year: 2022, rating: 'HTXSNV' },
          { year: 2023, rating: 'HTXSNV' },
          { year: 2024, rating: 'HTXSNV' },
        ],
        titles: [
          { code: 'CSTDCS', year: 2022 },
          { code: 'CSTDCS', year: 2023, thematic: true },
          { code: 'CSTDCS', year: 2024 },
        ],
        initiatives: [{ year: 2024, level: 'tinh' }],
      },
    });
    expect(answer.eligible).toBe(false);
    expect(answer.ruleSet.id).toBe('luat2022-nd152-2025');
    const failed = answer.checks.filter((c) => !c.passed);
    expect(failed.map((c) => c.message)).toEqual([expect.stringContaining('Thiếu CSTĐCS năm học 2023-2024')]);
    expect(answer.bonus).toEqual(expect.objectContaining({ coefficient: 3, baseSalary: 2_340_000, amount: 7_020_000 }));
  });

  it('a collective TTLĐTT decided 01/07/2026 gets 2.030.000 đ', () => {
    const answer = checkCaseJson({
      reviewDate: '2026-06-25',
      decisionDate: '2026-07-01',
      year: 2025,
      candidateKind: 'tap_the',
      code: 'TTLDTT',
      facts: { years: [{ year: 2025, rating: 'HTTNV', memberCount: 10, ldttCount: 8, completedCount: 10, cstdcsCount: 1, disciplinedCount: 0 }] },
    });
    expect(answer.eligible).toBe(true);
    expect(answer.bonus?.amount).toBe(2_030_000);
    expect(answer.unverifiedValuesUsed).toBe(true);
  });

  it('bad input is refused with a readable message', () => {
    expect(() => checkCaseJson({ reviewDate: '20/08/2025', year: 2024, candidateKind: 'ca_nhan', code: 'LDTT', facts: {} })).toThrow(
      'Ngày phải có dạng YYYY-MM-DD',
    );
  });
});
