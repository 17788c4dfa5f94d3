import { describe, expect, it } from 'vitest';
import { ruleSetInForce, selectRuleSet } from './select-rule-set';
import { SHIPPED_RULE_SETS } from './data/rule-sets';

const idOn = (on: string) => ruleSetInForce(SHIPPED_RULE_SETS, on)?.id;

describe('rule set in force by date', () => {
  it('switches from NĐ 98 to NĐ 152 between 30/06/2025 and 01/07/2025 (NĐ 152 Điều 59)', () => {
    expect(idOn('2024-01-01')).toBe('luat2022-nd98-2023');
    expect(idOn('2025-06-30')).toBe('luat2022-nd98-2023');
    expect(idOn('2025-07-01')).toBe('luat2022-nd152-2025');
  });

  it('TT 07/2026 from 02/04/2026, Luật 06/2026 from 01/10/2026', () => {
    expect(idOn('2026-04-01')).toBe('luat2022-nd152-2025');
    expect(idOn('2026-04-02')).toBe('luat2022-nd152-2025-tt07-2026');
    expect(idOn('2026-09-30')).toBe('luat2022-nd152-2025-tt07-2026');
    expect(idOn('2026-10-01')).toBe('luat2026-tt07-2026-du-thao');
  });

  it('no set before Luật 2022 took effect: a Vietnamese error', () => {
    expect(idOn('2023-12-31')).toBeUndefined();
    expect(() => selectRuleSet(SHIPPED_RULE_SETS, { on: '2023-12-31' })).toThrow('Không có bộ quy tắc nào có hiệu lực ngày 31/12/2023');
  });
});

describe('transitional clauses', () => {
  it('a dossier received 20/09/2026 and decided 15/10/2026 stays under Luật 2022, with Luật 06/2026 as the more favourable alternative', () => {
    const s = selectRuleSet(SHIPPED_RULE_SETS, { on: '2026-10-15', dossierReceivedOn: '2026-09-20' });
    expect(s.ruleSet.id).toBe('luat2022-nd152-2025-tt07-2026');
    expect(s.moreFavourableCandidate?.id).toBe('luat2026-tt07-2026-du-thao');
    expect(s.trail.map((t) => t.reason).join('\n')).toContain('Hồ sơ được nhận ngày 20/09/2026, trước 01/10/2026');
  });

  it('a dossier received on 01/10/2026 is under the new law only', () => {
    const s = selectRuleSet(SHIPPED_RULE_SETS, { on: '2026-10-15', dossierReceivedOn: '2026-10-01' });
    expect(s.ruleSet.id).toBe('luat2026-tt07-2026-du-thao');
    expect(s.moreFavourableCandidate).toBeNull();
  });

  it('a dossier sent to the Bộ on 30/03/2026 stays under TT 29/2023, even when received by the appraiser later', () => {
    const s = selectRuleSet(SHIPPED_RULE_SETS, { on: '2026-05-10', sentToMinistryOn: '2026-03-30' });
    expect(s.ruleSet.id).toBe('luat2022-nd152-2025');
    const chained = selectRuleSet(SHIPPED_RULE_SETS, { on: '2026-10-20', dossierReceivedOn: '2026-09-01', sentToMinistryOn: '2026-03-30' });
    expect(chained.ruleSet.id).toBe('luat2022-nd152-2025');
    expect(chained.moreFavourableCandidate?.id).toBe('luat2026-tt07-2026-du-thao');
    expect(chained.trail).toHaveLength(4);
  });
});
