import { describe, expect, it } from 'vitest';
import { RULE_SET_LUAT2022_ND152, evaluateIndividual, suggestProposals, type IndividualFacts } from '../../rules';
import { defaultReviewDate, monthsEmployed, presentVerdict, suggestionsFrom } from './eligibility-service';

describe('months worked from employment periods', () => {
  it.each([
    ['open employment since before the year', [{ from: '2015-09-01', to: null }], 12],
    ['a move between schools without a gap', [{ from: '2015-09-01', to: '2025-08-31' }, { from: '2025-09-01', to: null }], 12],
    ['started on 01/10 (overlapping periods counted once)', [{ from: '2025-10-01', to: '2025-12-31' }, { from: '2025-12-01', to: null }], 10],
    ['left on 31/01', [{ from: '2015-09-01', to: '2026-01-31' }], 6],
    ['outside the year', [{ from: '2010-09-01', to: '2020-06-30' }], 0],
  ] as const)('%s → %d months', (_label, periods, months) => {
    expect(monthsEmployed([...periods], 2025)).toBe(months);
  });
});

describe('suggestions from computed verdicts', () => {
  const facts: IndividualFacts = {
    years: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, rating: 'HTXSNV' as const })),
    titles: [{ code: 'CSTDCS', year: 2023 }, { code: 'CSTDCS', year: 2024 }, { code: 'CSTD_TINH', year: 2022 }],
    awards: [{ code: 'BK_TINH', year: 2020 }],
    initiatives: [{ year: 2025, level: 'tinh' }],
    disciplinePeriods: [],
    maternityLeavePeriods: [],
    yearsInSector: 22,
  };
  it('equal the core suggestProposals (third consecutive CSTĐCS → CSTĐ cấp tỉnh)', () => {
    const set = RULE_SET_LUAT2022_ND152;
    const codes = Object.values(set.titles).filter((t) => t.criteria.individual).map((t) => t.code);
    const verdicts = codes.map((c) => evaluateIndividual(facts, c, set, 2025, { on: '2026-02-01' }));
    const mine = suggestionsFrom(verdicts, set);
    const core = suggestProposals(facts, set, 2025, { on: '2026-02-01' }).map(({ verdict: _v, ...s }) => s);
    expect(mine).toEqual(core);
    expect(mine.map((s) => s.titleCode)).toContain('CSTD_TINH');
    expect(mine.find((s) => s.titleCode === 'CSTD_TINH')!.message).toMatch(/^Đủ điều kiện đề nghị Chiến sĩ thi đua/);
  });

  it('an unverified set flags every verdict, with a note', () => {
    const set = { ...RULE_SET_LUAT2022_ND152, verified: false, unverifiedNotes: [] };
    const v = presentVerdict(evaluateIndividual(facts, 'CSTDCS', set, 2025, { on: '2026-02-01' }), set);
    expect(v.unverified).toBe(true);
    expect(v.reasons.every((r) => r.unverified)).toBe(true);
    expect(v.unverifiedNotes.length).toBeGreaterThan(0);
  });

  it('the review date defaults to 31/05 at the end of the school year (or today if earlier)', () => {
    expect(defaultReviewDate(2020)).toBe('2021-05-31');
    expect(defaultReviewDate(2200) <= '2201-05-31').toBe(true);
  });
});
