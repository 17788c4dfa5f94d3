import { describe, expect, it } from 'vitest';
import { evaluateVote } from './votes';
import { RULE_SET_LUAT2022_ND152 as ND152, RULE_SET_LUAT2022_ND98 as ND98 } from './data/rule-sets';

describe('council vote against the share of ALL members (NĐ 98 Điều 30 k7)', () => {
  it('CSTĐCS: 8 of 10 members passes 80%', () => {
    const r = evaluateVote({ totalMembers: 10, yes: 8, no: 1, abstain: 1, titleCode: 'CSTDCS', ruleSet: ND98 });
    expect(r.passes).toBe(true);
    expect(r.share).toBe(0.8);
    expect(r.threshold.share).toBe(0.8);
    expect(r.citation).toBe('Nghị định 98/2023/NĐ-CP Điều 30 khoản 7');
    expect(r.verified).toBe(true);
    expect(r.message).toBe('8/10 thành viên đồng ý (80%; 10 có mặt), đạt ngưỡng ≥ 80% tổng số thành viên Hội đồng');
  });

  it('CSTĐCS: 7 of 10 with 9 present fails (7/9 of those present is not what counts)', () => {
    const r = evaluateVote({ totalMembers: 10, yes: 7, no: 2, abstain: 0, titleCode: 'CSTDCS', ruleSet: ND98 });
    expect(r.present).toBe(9);
    expect(r.passes).toBe(false);
    expect(r.share).toBe(0.7);
    expect(r.message).toContain('không đạt ngưỡng ≥ 80%');
  });

  it("an absent member's written yes counts: 7 present yes + 1 written yes of 10 passes", () => {
    const r = evaluateVote({ totalMembers: 10, yes: 7, no: 2, abstain: 0, absentWritten: { yes: 1, no: 0, abstain: 0 }, titleCode: 'CSTDCS', ruleSet: ND98 });
    expect(r.passes).toBe(true);
    expect(r.ballots).toBe(10);
    expect(r.message).toContain('gồm 1 phiếu gửi bằng văn bản');
  });

  it('CSTĐ cấp tỉnh needs 90%: 8 of 9 (88,9%) fails, 9 of 10 passes', () => {
    expect(evaluateVote({ totalMembers: 9, yes: 8, no: 1, abstain: 0, titleCode: 'CSTD_TINH', ruleSet: ND98 }).passes).toBe(false);
    expect(evaluateVote({ totalMembers: 10, yes: 9, no: 1, abstain: 0, titleCode: 'CSTD_TINH', ruleSet: ND98 }).passes).toBe(true);
  });

  it('after 01/07/2025 the 80% default is labelled unverified and can be overridden by the authority', () => {
    const d = evaluateVote({ totalMembers: 11, yes: 7, no: 4, abstain: 0, titleCode: 'CSTDCS', ruleSet: ND152 });
    expect(d.passes).toBe(false);
    expect(d.verified).toBe(false);
    expect(d.citation).toContain('Mặc định theo Nghị định 98/2023/NĐ-CP');
    const o = evaluateVote({
      totalMembers: 11,
      yes: 7,
      no: 4,
      abstain: 0,
      titleCode: 'CSTDCS',
      ruleSet: ND152,
      override: { share: 0.5, comparison: 'gt', citation: 'Quy chế TĐKT tỉnh (ví dụ) Điều 12', label: 'Quá bán tổng số thành viên' },
    });
    expect(o.passes).toBe(true);
    expect(o.source).toBe('override');
    expect(o.citation).toBe('Quy chế TĐKT tỉnh (ví dụ) Điều 12');
  });

  it('titles without a national threshold use the set default (quá bán)', () => {
    const r = evaluateVote({ totalMembers: 10, yes: 5, no: 5, abstain: 0, titleCode: 'LDTT', ruleSet: ND152 });
    expect(r.source).toBe('default');
    expect(r.passes).toBe(false);
    expect(evaluateVote({ totalMembers: 10, yes: 6, no: 4, abstain: 0, titleCode: 'LDTT', ruleSet: ND152 }).passes).toBe(true);
  });

  it('a two-thirds rule stored as 0.6667: 2 of 3 passes, 6 of 10 fails', () => {
    const override = { share: 0.6667, citation: 'Quy chế (ví dụ): hai phần ba tổng số thành viên' };
    expect(evaluateVote({ totalMembers: 3, yes: 2, no: 1, abstain: 0, titleCode: 'LDTT', ruleSet: ND152, override }).passes).toBe(true);
    expect(evaluateVote({ totalMembers: 10, yes: 6, no: 4, abstain: 0, titleCode: 'LDTT', ruleSet: ND152, override }).passes).toBe(false);
  });

  it('more ballots than members is refused', () => {
    expect(() => evaluateVote({ totalMembers: 9, yes: 8, no: 2, abstain: 0, titleCode: 'CSTDCS', ruleSet: ND98 })).toThrow(
      'Tổng số phiếu (10) vượt quá số thành viên Hội đồng (9)',
    );
  });
});
