import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldError, toQuery } from './client';

describe('API client helpers', () => {
  it('builds a query string without empty values', () => {
    expect(toQuery({ q: 'nguyen thi lan', page: 2, unitId: '', kind: undefined, gender: null })).toBe('?q=nguyen+thi+lan&page=2');
    expect(toQuery({ q: '' })).toBe('');
  });

  it('shows the server message with field keys replaced by the form labels', () => {
    const err = new ApiError(400, 'VALIDATION', 'Dữ liệu không hợp lệ: birthDate — Ngày phải theo dạng YYYY-MM-DD', [{ field: 'birthDate', message: 'Ngày phải theo dạng YYYY-MM-DD' }]);
    expect(errorMessage(err, { birthDate: 'Ngày sinh' })).toBe('Dữ liệu không hợp lệ: Ngày sinh — Ngày phải theo dạng YYYY-MM-DD');
    expect(fieldError(err, 'birthDate')).toBe('Ngày phải theo dạng YYYY-MM-DD');
    expect(fieldError(err, 'fullName')).toBeUndefined();
  });

  it('finds nested field messages (parts.1.code) and has a Vietnamese fallback for unknown errors', () => {
    const err = new ApiError(400, 'VALIDATION', 'x', [{ field: 'parts.1.code', message: 'Mã đã tồn tại' }]);
    expect(fieldError(err, 'parts.1.code')).toBe('Mã đã tồn tại');
    expect(fieldError(err, 'parts')).toBe('Mã đã tồn tại');
    expect(errorMessage(new TypeError('boom'))).toBe('Đã có lỗi xảy ra, vui lòng thử lại');
  });
});
