import { describe, expect, it } from 'vitest';
import { SHIPPED_RULE_SETS } from '../../rules';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { describeAuthority, guessAwardCode, looksThematic, schoolYearFromText, titleCaseVi } from './award-titles';
import { awardDedupeKey } from './awards.repository';

describe('award catalogue and decision wording', () => {
  it('every title code of every shipped rule set has its label, with the name the rules print', () => {
    for (const set of SHIPPED_RULE_SETS) {
      for (const t of Object.values(set.titles)) expect(AWARD_CODE_LABELS[t.code as keyof typeof AWARD_CODE_LABELS], `${set.id} ${t.code}`).toBe(t.name);
    }
  });

  it('reads the form text of a decision into a code', () => {
    expect(guessAwardCode('Giấy khen của Hiệu trưởng')).toBe('GIAY_KHEN');
    expect(guessAwardCode('Bằng khen của Chủ tịch UBND tỉnh')).toBe('BK_TINH');
    expect(guessAwardCode('Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo')).toBe('BK_BO');
    expect(guessAwardCode('Bằng khen của Thủ tướng Chính phủ')).toBe('BK_TTG');
    expect(guessAwardCode('Danh hiệu Chiến sĩ thi đua cơ sở')).toBe('CSTDCS');
    expect(guessAwardCode('Chiến sĩ thi đua cấp tỉnh')).toBe('CSTD_TINH');
    expect(guessAwardCode('Lao động tiên tiến')).toBe('LDTT');
    expect(guessAwardCode('Tập thể lao động xuất sắc')).toBe('TTLDXS');
    expect(guessAwardCode('Kỷ niệm chương "Vì sự nghiệp giáo dục"')).toBe('KNC_GD');
    expect(guessAwardCode('Thư khen')).toBe('other');
    expect(guessAwardCode(null)).toBe('other');
  });

  it('chuyên đề / đột xuất wording, school year, authority', () => {
    expect(looksThematic('Quyết định khen thưởng chuyên đề "Chuyển đổi số"')).toBe(true);
    expect(looksThematic('khen thưởng đột xuất')).toBe(true);
    expect(looksThematic('khen thưởng năm học 2024 - 2025')).toBe(false);
    expect(schoolYearFromText(['Quyết định tặng Giấy khen năm học 2024 - 2025'], '2025-05-25')).toBe(2024);
    expect(schoolYearFromText([null], '2025-09-10')).toBe(2025);
    expect(schoolYearFromText([], null)).toBeNull();
    expect(titleCaseVi('TRƯỜNG THPT PHAN ĐÌNH PHÙNG')).toBe('Trường THPT Phan Đình Phùng');
    expect(describeAuthority('HIỆU TRƯỞNG', 'TRƯỜNG THPT PHAN ĐÌNH PHÙNG')).toBe('Hiệu trưởng Trường THPT Phan Đình Phùng');
    expect(describeAuthority('KT. GIÁM ĐỐC', null)).toBe('Giám đốc');
  });

  it('duplicate key ignores case and accents of the decision number; `other` awards differ by name', () => {
    const a = { personId: 'p1', unitId: 'u1', code: 'GIAY_KHEN', name: 'Giấy khen', schoolYear: 2024, decisionNumber: '58/QĐ-THPTPĐP' };
    expect(awardDedupeKey(a)).toBe(awardDedupeKey({ ...a, decisionNumber: '58/qđ-thptpđp' }));
    expect(awardDedupeKey({ ...a, code: 'other', name: 'Thư khen' })).not.toBe(awardDedupeKey({ ...a, code: 'other', name: 'Giấy chứng nhận' }));
  });
});
