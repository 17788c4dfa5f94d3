import { describe, expect, it } from 'vitest';
import { foldVietnamese, formatDateVi, formatDecimalVi, formatMoneyVi, parseDateVi, schoolYearLabel, schoolYearOf } from './vn';

describe('Vietnamese helpers', () => {
  it('folds diacritics and đ so that unaccented search matches', () => {
    expect(foldVietnamese('Nguyễn Thị  Lan')).toBe('nguyen thi lan');
    expect(foldVietnamese('ĐẶNG ĐỨC ĐẠT')).toBe('dang duc dat');
    expect(foldVietnamese('Thanh Hoá')).toBe(foldVietnamese('Thanh Hóa'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
    // NFC and NFD input fold the same.
    expect(foldVietnamese('Trường'.normalize('NFD'))).toBe('truong');
  });
  it('formats and parses dd/mm/yyyy, rejecting impossible dates', () => {
    expect(formatDateVi('2026-02-05')).toBe('05/02/2026');
    expect(formatDateVi('2026-11-23T10:00:00.000Z')).toBe('23/11/2026');
    expect(parseDateVi('5/2/2026')).toBe('2026-02-05');
    expect(parseDateVi('05-02-2026')).toBe('2026-02-05');
    expect(parseDateVi('31/02/1990')).toBeNull();
    expect(parseDateVi('29/02/2024')).toBe('2024-02-29');
    expect(parseDateVi('2/13/1983')).toBeNull();
  });
  it('formats money with dots and đ, decimals with a comma', () => {
    expect(formatMoneyVi(1234000)).toBe('1.234.000 đ');
    expect(formatMoneyVi(760000)).toBe('760.000 đ');
    expect(formatMoneyVi(0)).toBe('0 đ');
    expect(formatDecimalVi(0.3)).toBe('0,3');
    expect(formatDecimalVi(2530000)).toBe('2.530.000');
  });
  it('knows the school year of a date', () => {
    expect(schoolYearOf('2026-11-23')).toBe(2026);
    expect(schoolYearOf('2026-05-31')).toBe(2025);
    expect(schoolYearLabel(2025)).toBe('2025-2026');
  });
});
