import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkQuotas, quotaLimit, quotasFromPlanAwards } from './quotas';
import { tallyBallots } from './sessions';
import { titleCodeFromName } from './titles';

describe('quotas of a review session', () => {
  it('a fixed quota refuses one candidate too many, naming the title, the quota and the count', () => {
    const counts = new Map([['CSTDCS', 3]]);
    expect(() => checkQuotas([{ titleCode: 'CSTDCS', max: 2 }], counts)).toThrow(AppError);
    expect(() => checkQuotas([{ titleCode: 'CSTDCS', max: 2 }], counts)).toThrow('Vượt chỉ tiêu "Chiến sĩ thi đua cơ sở": tối đa 2, nhưng sẽ có 3 trường hợp');
    expect(() => checkQuotas([{ titleCode: 'CSTDCS', max: 3 }], counts)).not.toThrow();
  });

  it('a share quota is a percentage of the candidates for another title, rounded down', () => {
    const q = { titleCode: 'CSTDCS', percent: 15, ofTitleCode: 'LDTT' };
    expect(quotaLimit(q, new Map([['LDTT', 40]]))).toBe(6);
    expect(quotaLimit(q, new Map([['LDTT', 6]]))).toBe(0);
    expect(() => checkQuotas([q], new Map([['LDTT', 20], ['CSTDCS', 4]]))).toThrow('tối đa 15% số được đề nghị Lao động tiên tiến (20) = 3');
  });

  it('quotas come from the award list of a plan when the name is a known title', () => {
    expect(titleCodeFromName('Chiến sĩ thi đua cơ sở')).toBe('CSTDCS');
    expect(titleCodeFromName('Lao động tiên tiến')).toBe('LDTT');
    const qs = quotasFromPlanAwards([
      { name: 'Chiến sĩ thi đua cơ sở', quota: 'không quá 15%', recipient: 'individual' },
      { name: 'Giấy khen', quota: '05 cá nhân', recipient: 'individual' },
      { name: 'Một giải thưởng khác', quota: '2', recipient: 'individual' },
    ], 'Kế hoạch số 05/KH-THPTPĐP');
    expect(qs).toEqual([
      { titleCode: 'CSTDCS', percent: 15, ofTitleCode: 'LDTT', max: null, note: 'Kế hoạch số 05/KH-THPTPĐP' },
      { titleCode: 'GIAY_KHEN', max: 5, percent: null, ofTitleCode: null, note: 'Kế hoạch số 05/KH-THPTPĐP' },
    ]);
  });
});

describe('tally of ballots', () => {
  it('counts electronic and written ballots apart; a candidate left out (conflict) gets no vote', () => {
    const t = tallyBallots([{ id: 'a' }, { id: 'b' }], [
      { mode: 'electronic', choices: JSON.stringify({ a: 'for', b: 'against' }) },
      { mode: 'electronic', choices: JSON.stringify({ a: 'for' }) },
      { mode: 'written', choices: JSON.stringify({ a: 'abstain', b: 'for' }) },
    ]);
    expect(t.get('a')).toEqual({ candidateId: 'a', yes: 2, no: 0, abstain: 0, wYes: 0, wNo: 0, wAbstain: 1 });
    expect(t.get('b')).toEqual({ candidateId: 'b', yes: 0, no: 1, abstain: 0, wYes: 1, wNo: 0, wAbstain: 0 });
  });
});
