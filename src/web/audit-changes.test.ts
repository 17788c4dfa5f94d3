import { describe, expect, it } from 'vitest';
import { describeChanges } from './audit-changes';

describe('describeChanges', () => {
  it('shows changed fields with Vietnamese labels, dates dd/mm/yyyy and code labels, never ids', () => {
    const lines = describeChanges(
      { full_name: 'Nguyễn Thị Lan', birth_date: '1990-06-06', gender: 'nu', unit_id: '6807ac84-1a2a-4e55-ac5e-12f649ba4ba1', phone: null },
      { full_name: 'Nguyễn Thị Lan', birth_date: '1990-06-16', gender: 'nam', unit_id: '7976324e-13c9-43ee-ad7d-d98b8cdf8275', phone: '0912345678' },
    );
    expect(lines).toEqual([
      { label: 'Ngày sinh', before: '06/06/1990', after: '16/06/1990' },
      { label: 'Giới tính', before: 'Nữ', after: 'Nam' },
      { label: 'Điện thoại', before: '(trống)', after: '0912345678' },
    ]);
  });

  it('lists the new values of a created record and skips unknown technical keys', () => {
    const lines = describeChanges(null, { kind: 'to_chuyen_mon', name: 'Tổ Tin học', province_code: '42', valid_from: '2026-11-01', rating: 'htxsnv', schoolYear: 2025 });
    expect(lines.map((l) => `${l.label}: ${l.after}`)).toEqual([
      'Loại: Tổ chuyên môn', 'Tên: Tổ Tin học', 'Hiệu lực từ: 01/11/2026', 'Xếp loại: Hoàn thành xuất sắc nhiệm vụ', 'Năm học: 2025-2026',
    ]);
    expect(lines.every((l) => l.before === '')).toBe(true);
  });
});
