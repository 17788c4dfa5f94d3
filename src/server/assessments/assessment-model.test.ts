import { describe, expect, it } from 'vitest';
import { bandOf, bandProblems, DEFAULT_BANDS, finalScore, rankRows, scoreProblem, treeProblems, type TRankRow } from './assessment-model';

describe('assessment model', () => {
  it('score range: max, max + bonus, penalty only where a rule allows it', () => {
    const c = { code: '2.3', maxPoints: 10, bonusPoints: 2, penaltyPoints: 0 };
    expect(scoreProblem(c, 12)).toBeNull();
    expect(scoreProblem(c, 12.01)).toBe('Điểm của tiêu chí 2.3 vượt quá điểm tối đa cộng điểm thưởng (12)');
    expect(scoreProblem(c, 0)).toBeNull();
    expect(scoreProblem(c, -0.5)).toBe('Tiêu chí 2.3 không có quy định điểm trừ nên không nhận điểm âm');
    const p = { code: '3.1', maxPoints: 10, bonusPoints: 0, penaltyPoints: 5 };
    expect(scoreProblem(p, -5)).toBeNull();
    expect(scoreProblem(p, -5.5)).toBe('Điểm trừ của tiêu chí 3.1 không được quá 5');
    expect(scoreProblem(p, 10.5)).toBe('Điểm của tiêu chí 3.1 vượt quá điểm tối đa (10)');
  });

  it('bands: inclusive lower bound, exclusive upper bound; overlaps reported', () => {
    expect(bandOf(DEFAULT_BANDS, 90)?.label).toBe('Xuất sắc');
    expect(bandOf(DEFAULT_BANDS, 89.99)?.label).toBe('Tốt');
    expect(bandOf(DEFAULT_BANDS, 80)?.label).toBe('Tốt');
    expect(bandOf(DEFAULT_BANDS, 49.5)?.label).toBe('Yếu');
    expect(bandProblems(DEFAULT_BANDS)).toEqual([]);
    const exclusive = [{ code: 'a', label: 'A', min: 80, minInclusive: false, max: null, maxInclusive: true }, { code: 'b', label: 'B', min: null, minInclusive: true, max: 80, maxInclusive: true }];
    expect(bandOf(exclusive, 80)?.label).toBe('B');
    expect(bandProblems([{ ...exclusive[0], minInclusive: true }, exclusive[1]])).toEqual(['Điểm 80 thuộc cả hai mức A và B']);
  });

  it('final score: the mean of the reviewers who scored; the self score when none did', () => {
    expect(finalScore(5, [3, 5])).toBe(4);
    expect(finalScore(0, [2])).toBe(2);
    expect(finalScore(7.5, [])).toBe(7.5);
    expect(finalScore(null, [])).toBe(0);
    expect(finalScore(1, [1, 2, 2])).toBe(1.67);
  });

  it('ranking: by total, then by the named criterion; still equal → shared rank', () => {
    const rows: TRankRow[] = [
      { unitId: 'a', groupKey: 'k', total: 98, byCode: { '2': 38 } },
      { unitId: 'b', groupKey: 'k', total: 98, byCode: { '2': 40 } },
      { unitId: 'c', groupKey: 'k', total: 100, byCode: { '2': 30 } },
      { unitId: 'd', groupKey: 'k', total: 90, byCode: { '2': 30 } },
      { unitId: 'e', groupKey: 'k', total: 90, byCode: { '2': 30 } },
      { unitId: 'x', groupKey: 'other', total: 50, byCode: {} },
    ];
    const r = rankRows(rows, [{ criterionCode: '2' }]);
    expect(['c', 'b', 'a', 'd', 'e', 'x'].map((u) => r.get(u)!.rank)).toEqual([1, 2, 3, 4, 4, 1]);
    expect(r.get('b')!.tiedOn).toBe('2');
    expect(r.get('d')!.tiedOn).toBe('equal');
    const noRule = rankRows(rows, []);
    expect(noRule.get('a')!.rank).toBe(2);
    expect(noRule.get('b')!.rank).toBe(2);
  });

  it('criteria tree: codes, parents and sums', () => {
    expect(treeProblems([{ code: '1', name: 'A', maxPoints: 10, bonusPoints: 0, penaltyPoints: 0 }, { code: '1.1', name: 'B', maxPoints: 4, bonusPoints: 0, penaltyPoints: 0 }, { code: '1.2', name: 'C', maxPoints: 6, bonusPoints: 0, penaltyPoints: 0 }])).toEqual([]);
    expect(treeProblems([{ code: '1.1', name: 'B', maxPoints: 4, bonusPoints: 0, penaltyPoints: 0 }, { code: '1.1', name: 'B', maxPoints: 4, bonusPoints: 0, penaltyPoints: 0 }])).toEqual(['Mã 1.1 bị trùng', 'Tiêu chí 1.1 thiếu nhóm/tiêu chí cha 1', 'Tiêu chí 1.1 thiếu nhóm/tiêu chí cha 1']);
  });
});
