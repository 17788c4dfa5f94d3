import { describe, expect, it } from 'vitest';
import { ACHIEVEMENT_FORMS, formLabel, selectForm, type TAchievementForm } from './forms';

describe('selectForm', () => {
  it('picks the decree in force on the report date, day by day at the boundaries', () => {
    expect(selectForm('individual', '2023-12-30').id).toBe('nd91-02');
    expect(selectForm('individual', '2023-12-31').id).toBe('nd98-03');
    expect(selectForm('individual', '2025-06-30').id).toBe('nd98-03');
    expect(selectForm('individual', '2025-07-01').id).toBe('nd152-05');
    expect(selectForm('collective', '2024-05-20').formNumber).toBe('02');
    expect(selectForm('thematic', '2022-05-20').formNumber).toBe('07');
    expect(selectForm('thematic', '2026-05-20T08:00:00Z').formNumber).toBe('08');
  });

  it('marks inferred numbers as unverified', () => {
    expect(formLabel(selectForm('individual', '2026-05-20'))).toBe('Mẫu số 05 (NĐ 152/2025/NĐ-CP)');
    expect(formLabel(selectForm('collective', '2026-05-20'))).toBe('Mẫu số 04 (NĐ 152/2025/NĐ-CP) (số mẫu chưa xác minh)');
    expect(ACHIEVEMENT_FORMS.filter((f) => !f.verified).map((f) => f.id)).toEqual(['nd98-08', 'nd152-04', 'nd152-08']);
  });

  it('says so when no form is in force, and takes a new decree as data', () => {
    expect(() => selectForm('individual', '2027-03-01')).toThrow('Không có mẫu báo cáo thành tích cá nhân có hiệu lực vào ngày 2027-03-01.');
    const next: TAchievementForm = { ...selectForm('individual', '2026-01-01'), id: 'luat06-2026-05', decree: 'Luật 06/2026/QH16 (dự kiến)', effectiveFrom: '2027-03-01', effectiveTo: null, formNumber: '05', verified: false };
    expect(selectForm('individual', '2027-03-01', [...ACHIEVEMENT_FORMS, next]).id).toBe('luat06-2026-05');
  });

  it('has no overlapping forms of the same kind', () => {
    for (const kind of ['individual', 'collective', 'thematic'] as const) {
      const forms = ACHIEVEMENT_FORMS.filter((f) => f.kind === kind).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let i = 1; i < forms.length; i += 1) expect(forms[i - 1].effectiveTo! < forms[i].effectiveFrom).toBe(true);
    }
  });
});
