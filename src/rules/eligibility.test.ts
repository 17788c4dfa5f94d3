import { describe, expect, it } from 'vitest';
import {
  evaluateAll,
  evaluateCollective,
  evaluateIndividual,
  evaluateIndividualOn,
  findDuplicateRecords,
  suggestProposals,
} from './eligibility';
import { RULE_SET_LUAT2022_ND152 as ND152, RULE_SET_LUAT2026_DRAFT as DRAFT, SHIPPED_RULE_SETS } from './data/rule-sets';
import type { CollectiveFacts, IndividualFacts, Rating, Verdict } from './types';

function teacher(ratings: Record<number, Rating>, extra: Partial<IndividualFacts> = {}): IndividualFacts {
  return {
    name: 'Nguyễn Thị Lan',
    years: Object.entries(ratings).map(([year, rating]) => ({ year: Number(year), rating })),
    titles: [],
    awards: [],
    initiatives: [],
    disciplinePeriods: [],
    maternityLeavePeriods: [],
    ...extra,
  };
}

const messages = (v: Verdict) => v.reasons.map((r) => r.message).join('\n');
const failed = (v: Verdict) => v.reasons.filter((r) => r.outcome === 'fail');

describe('Lao động tiên tiến (Luật 2022 Điều 24)', () => {
  it('HTTNV → eligible, citing Điều 24', () => {
    const v = evaluateIndividual(teacher({ 2024: 'HTTNV' }), 'LDTT', ND152, 2024);
    expect(v.status).toBe('eligible');
    expect(v.eligible).toBe(true);
    expect(v.reasons.find((r) => r.code === 'httnv_tro_len')?.citation).toContain('Điều 24');
    expect(v.ruleSetId).toBe('luat2022-nd152-2025');
  });

  it('HTNV → not eligible with the rating named', () => {
    const v = evaluateIndividual(teacher({ 2024: 'HTNV' }), 'LDTT', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    expect(failed(v)[0].message).toBe('Năm học 2024-2025: Hoàn thành nhiệm vụ, chưa đạt Hoàn thành tốt nhiệm vụ trở lên');
  });

  it('no rating yet → needs review', () => {
    const v = evaluateIndividual(teacher({}), 'LDTT', ND152, 2024);
    expect(v.status).toBe('needs_review');
    expect(messages(v)).toContain('Chưa có kết quả đánh giá năm học 2024-2025');
  });

  it('maternity leave counts as worked (NĐ 152 Điều 4): 6 months worked + 6 months leave is enough', () => {
    const facts = teacher(
      { 2024: 'HTTNV' },
      { years: [{ year: 2024, rating: 'HTTNV', monthsWorked: 6 }], maternityLeavePeriods: [{ from: '2025-02-01', to: '2025-07-31' }] },
    );
    const v = evaluateIndividual(facts, 'LDTT', ND152, 2024);
    expect(v.status).toBe('eligible');
    expect(messages(v)).toContain('làm việc 6 tháng, nghỉ thai sản 6 tháng (được tính), đủ 10 tháng');
    const withoutLeave = evaluateIndividual({ ...facts, maternityLeavePeriods: [] }, 'LDTT', ND152, 2024);
    expect(withoutLeave.status).toBe('not_eligible');
    expect(messages(withoutLeave)).toContain('làm việc 6 tháng, chưa đủ 10 tháng');
  });

  it('discipline in the school year blocks the award (NĐ 152 Điều 4)', () => {
    const facts = teacher({ 2024: 'HTXSNV' }, { disciplinePeriods: [{ from: '2025-03-01', to: '2026-02-28', level: 'khiển trách' }] });
    const v = evaluateIndividual(facts, 'LDTT', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    const r = failed(v)[0];
    expect(r.code).toBe('khong_ky_luat');
    expect(r.message).toBe('Đang trong thời gian kỷ luật (khiển trách) từ 01/03/2025 đến 28/02/2026, trùng năm học 2024-2025: không xét khen thưởng');
    expect(r.citation).toContain('Nghị định 152/2025/NĐ-CP Điều 4');
    expect(r.factRef).toBe('disciplinePeriods[0]');
  });

  it('discipline still running on the decision date blocks it too', () => {
    const facts = teacher({ 2023: 'HTTNV' }, { disciplinePeriods: [{ from: '2024-09-15', to: null }] });
    expect(evaluateIndividual(facts, 'LDTT', ND152, 2023).status).toBe('eligible');
    const v = evaluateIndividual(facts, 'LDTT', ND152, 2023, { on: '2024-10-01' });
    expect(failed(v)[0].message).toContain('Ngày xét 01/10/2024 đang trong thời gian kỷ luật');
  });

  it('the same title for the same year twice is a duplicate', () => {
    const facts = teacher({ 2024: 'HTTNV' }, { titles: [{ code: 'LDTT', year: 2024, decisionRef: '45/QĐ-THCS', decisionDate: '2025-06-20' }] });
    const v = evaluateIndividual(facts, 'LDTT', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    expect(failed(v)[0].message).toBe('Đã được tặng LĐTT năm học 2024-2025 (45/QĐ-THCS ngày 20/06/2025): trùng khen thưởng');
  });
});

describe('Chiến sĩ thi đua cơ sở (Luật 2022 Điều 23)', () => {
  it('LĐTT the same year and HTXSNV → eligible', () => {
    expect(evaluateIndividual(teacher({ 2024: 'HTXSNV' }), 'CSTDCS', ND152, 2024).status).toBe('eligible');
  });

  it('HTTNV with an initiative recognised at cơ sở → eligible, the initiative named', () => {
    const v = evaluateIndividual(
      teacher({ 2024: 'HTTNV' }, { initiatives: [{ year: 2024, level: 'co_so', title: 'Dạy học STEM lớp 5' }] }),
      'CSTDCS',
      ND152,
      2024,
    );
    expect(v.status).toBe('eligible');
    expect(messages(v)).toContain('Có sáng kiến cấp cơ sở năm học 2024-2025 "Dạy học STEM lớp 5"');
  });

  it('HTTNV without an initiative → not eligible', () => {
    const v = evaluateIndividual(teacher({ 2024: 'HTTNV' }), 'CSTDCS', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    expect(failed(v)[0].message).toContain('Không đạt "Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến, đề tài được công nhận"');
  });

  it('the Luật 06/2026 draft needs HTXSNV AND an initiative, without LĐTT, and says it is unverified', () => {
    const onlyHtxs = evaluateIndividual(teacher({ 2026: 'HTXSNV' }), 'CSTDCS', DRAFT, 2026);
    expect(onlyHtxs.status).toBe('not_eligible');
    expect(onlyHtxs.unverifiedValuesUsed).toBe(true);
    expect(onlyHtxs.reasons.some((r) => r.code === 'dat_ldtt')).toBe(false);
    const both = evaluateIndividual(teacher({ 2026: 'HTXSNV' }, { initiatives: [{ year: 2026, level: 'co_so' }] }), 'CSTDCS', DRAFT, 2026);
    expect(both.status).toBe('eligible');
    expect(both.unverifiedNotes.join(' ')).toContain('không còn điều kiện Lao động tiên tiến');
  });
});

describe('CSTĐ cấp tỉnh (Luật 2022 Điều 22): three consecutive CSTĐCS and a provincial initiative', () => {
  const base = {
    initiatives: [{ year: 2023, level: 'tinh' as const, title: 'Chuyển đổi số trong dạy học' }],
  };

  it('CSTĐCS in 2022, 2023 (thematic) and 2024 is NOT eligible and names the missing year', () => {
    const facts = teacher(
      { 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: 'HTXSNV' },
      {
        ...base,
        titles: [
          { code: 'CSTDCS', year: 2022 },
          { code: 'CSTDCS', year: 2023, thematic: true, movement: 'Thi đua dạy tốt chuyên đề chuyển đổi số' },
          { code: 'CSTDCS', year: 2024 },
        ],
      },
    );
    const v = evaluateIndividual(facts, 'CSTD_TINH', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    const r = failed(v)[0];
    expect(r.code).toBe('ba_lan_cstdcs');
    expect(r.message).toContain('Thiếu CSTĐCS năm học 2023-2024');
    expect(r.message).toContain('khen thưởng theo chuyên đề, không được làm căn cứ');
    expect(r.citation).toContain('Điều 22');
  });

  it('three regular CSTĐCS and a provincial initiative → eligible; the third year may be proposed in the same round', () => {
    const held = teacher(
      { 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: 'HTXSNV' },
      { ...base, titles: [2022, 2023, 2024].map((year) => ({ code: 'CSTDCS', year })) },
    );
    expect(evaluateIndividual(held, 'CSTD_TINH', ND152, 2024).status).toBe('eligible');

    const proposedNow = teacher({ 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: 'HTXSNV' }, { ...base, titles: [2022, 2023].map((year) => ({ code: 'CSTDCS', year })) });
    const v = evaluateIndividual(proposedNow, 'CSTD_TINH', ND152, 2024);
    expect(v.status).toBe('eligible');
    expect(messages(v)).toContain('2024-2025 (đủ điều kiện, đề nghị cùng đợt)');
    const suggestions = suggestProposals(proposedNow, ND152, 2024);
    expect(suggestions.map((s) => s.titleCode)).toContain('CSTD_TINH');
    expect(suggestions.find((s) => s.titleCode === 'CSTD_TINH')?.message).toContain('Đủ điều kiện đề nghị Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh');
  });

  it('only a cơ sở initiative → not eligible', () => {
    const facts = teacher(
      { 2022: 'HTXSNV', 2023: 'HTXSNV', 2024: 'HTXSNV' },
      { titles: [2022, 2023, 2024].map((year) => ({ code: 'CSTDCS', year })), initiatives: [{ year: 2024, level: 'co_so' }] },
    );
    const v = evaluateIndividual(facts, 'CSTD_TINH', ND152, 2024);
    expect(failed(v)[0].message).toBe(
      'Không có đủ sáng kiến, đề tài được công nhận cấp tỉnh trở lên trong năm học 2022-2023 – 2024-2025 (chỉ có sáng kiến cấp cơ sở)',
    );
  });
});

describe('CSTĐ toàn quốc (Điều 21) and Bằng khen Thủ tướng (Điều 73 k1 b)', () => {
  it('two CSTĐ cấp tỉnh within six years and a national initiative → eligible', () => {
    const facts = teacher(
      {},
      {
        titles: [
          { code: 'CSTD_TINH', year: 2021 },
          { code: 'CSTD_TINH', year: 2024 },
        ],
        initiatives: [{ year: 2024, level: 'toan_quoc' }],
      },
    );
    expect(evaluateIndividual(facts, 'CSTD_TQ', ND152, 2024).status).toBe('eligible');
    const one = evaluateIndividual({ ...facts, titles: [{ code: 'CSTD_TINH', year: 2024 }] }, 'CSTD_TQ', ND152, 2024);
    expect(failed(one)[0].message).toContain('Mới có 1/2 lần CSTĐ cấp tỉnh');
  });

  it('BK bộ in 2018, then five years HTTNV+ with three CSTĐCS → eligible; a thematic BK is not a basis', () => {
    const ratings = { 2019: 'HTTNV', 2020: 'HTXSNV', 2021: 'HTXSNV', 2022: 'HTTNV', 2023: 'HTXSNV' } as const;
    const titles = [2020, 2021, 2023].map((year) => ({ code: 'CSTDCS', year }));
    const ok = teacher(ratings, { awards: [{ code: 'BK_BO', year: 2018 }], titles });
    const v = evaluateIndividual(ok, 'BK_TTG', ND152, 2023);
    expect(v.status).toBe('eligible');
    expect(messages(v)).toContain('Đã được tặng Bằng khen Bộ trưởng năm học 2018-2019');

    const thematic = teacher(ratings, { awards: [{ code: 'BK_BO', year: 2018, thematic: true }], titles });
    const t = evaluateIndividual(thematic, 'BK_TTG', ND152, 2023);
    expect(t.status).toBe('not_eligible');
    expect(failed(t)[0].message).toContain('năm học 2018-2019 là khen thưởng theo chuyên đề, không được làm căn cứ');

    const weakYear = teacher({ ...ratings, 2022: 'HTNV' }, { awards: [{ code: 'BK_BO', year: 2018 }], titles });
    expect(failed(evaluateIndividual(weakYear, 'BK_TTG', ND152, 2023))[0].message).toBe(
      'Năm học 2022-2023 chưa đạt Hoàn thành tốt nhiệm vụ trở lên: cần 5 năm liên tục',
    );
  });
});

describe('Kỷ niệm chương "Vì sự nghiệp giáo dục" (TT 29/2023 Điều 8)', () => {
  it('15 years with 5 in ĐBKK areas → eligible', () => {
    const v = evaluateIndividual(teacher({}, { yearsInSector: 15, yearsInDisadvantagedAreas: 5 }), 'KNC_GD', ND152, 2024);
    expect(v.status).toBe('eligible');
    expect(messages(v)).toContain('15 năm công tác trong ngành, 5 năm ở vùng đặc biệt khó khăn: đủ 15 năm');
    expect(v.reasons.find((r) => r.code === 'du_nam_cong_tac')?.citation).toBe('Thông tư 29/2023/TT-BGDĐT Điều 8');
  });

  it('the same with one year of discipline excluded → not eligible', () => {
    const facts = teacher({}, { yearsInSector: 15, yearsInDisadvantagedAreas: 5, disciplinePeriods: [{ from: '2015-01-01', to: '2015-12-31', level: 'khiển trách' }] });
    const v = evaluateIndividual(facts, 'KNC_GD', ND152, 2024);
    expect(v.status).toBe('not_eligible');
    expect(failed(v)[0].message).toContain('trừ 1 năm bị kỷ luật còn 14 năm: chưa đủ 15 năm');
  });

  it('15 years without ĐBKK → not eligible (needs 20); awarded once only', () => {
    expect(failed(evaluateIndividual(teacher({}, { yearsInSector: 15 }), 'KNC_GD', ND152, 2024))[0].message).toContain('chưa đủ 20 năm');
    const again = evaluateIndividual(teacher({}, { yearsInSector: 25, awards: [{ code: 'KNC_GD', year: 2020 }] }), 'KNC_GD', ND152, 2024);
    expect(failed(again)[0].message).toBe('Đã được tặng Kỷ niệm chương năm học 2020-2021 (chỉ tặng một lần)');
  });

  it('under TT 07/2026 (from 02/04/2026) the same criteria are used but marked unverified', () => {
    const d = evaluateIndividualOn(teacher({}, { yearsInSector: 20 }), 'KNC_GD', SHIPPED_RULE_SETS, 2025, { on: '2026-05-01' });
    expect(d.verdict.ruleSetId).toBe('luat2022-nd152-2025-tt07-2026');
    expect(d.verdict.status).toBe('eligible');
    expect(d.verdict.unverifiedValuesUsed).toBe(true);
    expect(d.verdict.reasons.find((r) => r.code === 'du_nam_cong_tac')?.citation).toContain('Thông tư 07/2026/TT-BGDĐT');
  });
});

describe('manual criteria (Bằng khen Bộ trưởng, TT 29 Điều 9)', () => {
  it('needs review until an officer confirms', () => {
    const v = evaluateIndividual(teacher({ 2024: 'HTXSNV' }), 'BK_BO', ND152, 2024);
    expect(v.status).toBe('needs_review');
    expect(messages(v)).toContain('Cần xác nhận:');
    const confirmed = evaluateIndividual(teacher({ 2024: 'HTXSNV' }, { confirmed: ['tieu_bieu_tt29_d9'] }), 'BK_BO', ND152, 2024);
    expect(confirmed.status).toBe('eligible');
  });
});

describe('more favourable rule under the Luật 06/2026 transition', () => {
  it('a dossier received before 01/10/2026: both verdicts are exposed, Luật 2022 applies when not less favourable', () => {
    const facts = teacher({ 2025: 'HTXSNV' }, { initiatives: [{ year: 2025, level: 'co_so' }] });
    const d = evaluateIndividualOn(facts, 'CSTDCS', SHIPPED_RULE_SETS, 2025, { on: '2026-10-20', dossierReceivedOn: '2026-09-25' });
    expect(d.primary.ruleSetId).toBe('luat2022-nd152-2025-tt07-2026');
    expect(d.alternative?.ruleSetId).toBe('luat2026-tt07-2026-du-thao');
    expect(d.primary.status).toBe('eligible');
    expect(d.alternative?.status).toBe('eligible');
    expect(d.moreFavourableApplied).toBe(false);
    expect(d.verdict).toBe(d.primary);

    // HTTNV with an initiative: eligible under Luật 2022 (LĐTT + initiative), not under the draft (needs HTXSNV).
    const httnv = teacher({ 2025: 'HTTNV' }, { initiatives: [{ year: 2025, level: 'co_so' }] });
    const d2 = evaluateIndividualOn(httnv, 'CSTDCS', SHIPPED_RULE_SETS, 2025, { on: '2026-10-20', dossierReceivedOn: '2026-09-25' });
    expect(d2.primary.status).toBe('eligible');
    expect(d2.alternative?.status).toBe('not_eligible');
    expect(d2.verdict.ruleSetId).toBe('luat2022-nd152-2025-tt07-2026');
  });

  it('an edited draft set that is more lenient is applied and the trail says why', () => {
    const lenient = {
      ...DRAFT,
      version: 2,
      titles: { ...DRAFT.titles, CSTDCS: { ...DRAFT.titles.CSTDCS, criteria: { individual: DRAFT.titles.CSTDCS.criteria.individual!.filter((c) => c.code !== 'htxsnv') } } },
    };
    const sets = [...SHIPPED_RULE_SETS.filter((s) => s.id !== DRAFT.id), lenient];
    const facts = teacher({ 2025: 'HTNV' }, { initiatives: [{ year: 2025, level: 'co_so' }] });
    const d = evaluateIndividualOn(facts, 'CSTDCS', sets, 2025, { on: '2026-10-20', dossierReceivedOn: '2026-09-25' });
    expect(d.primary.status).toBe('not_eligible');
    expect(d.alternative?.status).toBe('eligible');
    expect(d.moreFavourableApplied).toBe(true);
    expect(d.verdict.ruleSetVersion).toBe(2);
    expect(d.trail.at(-1)?.reason).toContain('áp dụng nếu có lợi hơn');
  });
});

describe('collective titles', () => {
  function school(year: Partial<CollectiveFacts['years'][number]>): CollectiveFacts {
    return {
      name: 'Tổ Toán – Tin',
      years: [{ year: 2024, rating: 'HTXSNV', memberCount: 20, ldttCount: 15, completedCount: 20, cstdcsCount: 2, disciplinedCount: 0, ...year }],
      titles: [],
      awards: [],
      disciplinePeriods: [],
    };
  }

  it('TTLĐTT needs ≥70% members LĐTT (configurable, unverified)', () => {
    const ok = evaluateCollective(school({ ldttCount: 14 }), 'TTLDTT', ND152, 2024);
    expect(ok.status).toBe('eligible');
    expect(ok.unverifiedValuesUsed).toBe(true);
    const low = evaluateCollective(school({ ldttCount: 13 }), 'TTLDTT', ND152, 2024);
    expect(failed(low)[0].message).toBe('65% thành viên đạt LĐTT (13/20), chưa đạt 70%');
  });

  it('TTLĐXS: 100% complete, ≥70% LĐTT, ≥1 CSTĐCS', () => {
    expect(evaluateCollective(school({}), 'TTLDXS', ND152, 2024).status).toBe('eligible');
    const noCstdcs = evaluateCollective(school({ cstdcsCount: 0 }), 'TTLDXS', ND152, 2024);
    expect(failed(noCstdcs).map((r) => r.message)).toEqual(['Không có đủ 1 cá nhân đạt CSTĐCS năm học 2024-2025']);
    const incomplete = evaluateCollective(school({ completedCount: 19 }), 'TTLDXS', ND152, 2024);
    expect(failed(incomplete)[0].message).toBe('Có 1 thành viên chưa hoàn thành nhiệm vụ (19/20)');
    const disciplined = evaluateCollective(school({ disciplinedCount: 1 }), 'TTLDXS', ND152, 2024);
    expect(failed(disciplined)[0].message).toContain('Có 1 cá nhân bị kỷ luật từ cảnh cáo trở lên');
  });

  it('Cờ thi đua goes to the leader of a cụm/khối', () => {
    expect(evaluateCollective(school({ clusterRank: 1, clusterName: 'số 4' }), 'CO_THI_DUA', ND152, 2024).status).toBe('eligible');
    const second = evaluateCollective(school({ clusterRank: 2, clusterName: 'số 4' }), 'CO_THI_DUA', ND152, 2024);
    expect(second.status).toBe('needs_review');
    expect(messages(second)).toContain('Xếp thứ 2 trong cụm, khối thi đua số 4, không dẫn đầu');
  });

  it('an individual title asked for a collective is refused', () => {
    const v = evaluateCollective(school({}), 'LDTT', ND152, 2024);
    expect(failed(v)[0].message).toBe('Lao động tiên tiến không xét tặng cho tập thể');
  });
});

describe('findDuplicateRecords', () => {
  it('finds the same title twice for one person and year, not two thematic movements', () => {
    const groups = findDuplicateRecords([
      { recipientId: 'gv1', code: 'LDTT', year: 2024 },
      { recipientId: 'gv1', code: 'LDTT', year: 2024, decisionRef: '12/QĐ-UBND' },
      { recipientId: 'gv1', code: 'GIAY_KHEN', year: 2024, thematic: true, movement: 'An toàn giao thông' },
      { recipientId: 'gv1', code: 'GIAY_KHEN', year: 2024, thematic: true, movement: 'Chuyển đổi số' },
      { recipientId: 'gv2', code: 'LDTT', year: 2024 },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0].map((r) => r.recipientId)).toEqual(['gv1', 'gv1']);
  });
});

describe('scale (issue 8 benchmark: a province of 50.000 people in < 5 s, a school in < 100 ms)', () => {
  const ratings: Rating[] = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTNV'];
  function person(i: number): IndividualFacts {
    const years = Array.from({ length: 10 }, (_, k) => ({ year: 2015 + k, rating: ratings[(i + k) % 4] }));
    return teacher(
      {},
      {
        years,
        titles: years.filter((y) => y.rating !== 'HTNV').map((y) => ({ code: y.rating === 'HTXSNV' ? 'CSTDCS' : 'LDTT', year: y.year })),
        awards: i % 7 === 0 ? [{ code: 'BK_BO', year: 2017 }] : [],
        initiatives: i % 3 === 0 ? [{ year: 2023, level: 'tinh' }] : [],
        yearsInSector: i % 30,
      },
    );
  }

  // Times are printed for the benchmark record; the bounds only catch a hang, so a busy CI machine cannot fail them.
  it('every title for 100 people and for 5.000 people (times printed; bounds catch only a hang)', () => {
    const school = Array.from({ length: 100 }, (_, i) => person(i));
    evaluateAll({ kind: 'individual', facts: school[0] }, ND152, 2024);
    let t = performance.now();
    const verdicts = school.flatMap((p) => evaluateAll({ kind: 'individual', facts: p }, ND152, 2024));
    const schoolMs = performance.now() - t;
    expect(verdicts).toHaveLength(100 * 9);
    const many = Array.from({ length: 5_000 }, (_, i) => person(i));
    t = performance.now();
    for (const p of many) evaluateAll({ kind: 'individual', facts: p }, ND152, 2024);
    const manyMs = performance.now() - t;
    console.info(`eligibility: 100 people ${schoolMs.toFixed(1)} ms, 5.000 people ${manyMs.toFixed(0)} ms`);
    expect(schoolMs).toBeLessThan(10_000);
    expect(manyMs).toBeLessThan(60_000);
  });
});
