import { describe, expect, it } from 'vitest';
import { canAward } from './authority';

describe('who may award what (Luật 2022 Điều 78–80; NĐ 129/2025 Điều 59; TT 29 Điều 11)', () => {
  it('the district chairman awards CSTĐCS until 30/06/2025, the commune chairman from 01/07/2025', () => {
    expect(canAward('district_chairman', 'CSTDCS', '2025-06-30').allowed).toBe(true);
    const after = canAward('district_chairman', 'CSTDCS', '2025-07-01');
    expect(after.allowed).toBe(false);
    expect(after.reason).toContain('Cấp huyện không còn từ 01/07/2025');
    expect(canAward('commune_chairman', 'CSTDCS', '2025-07-01').allowed).toBe(true);
    expect(canAward('commune_chairman', 'CSTDCS', '2025-06-30').allowed).toBe(false);
  });

  it('the school head (Hiệu trưởng) awards Giấy khen and LĐTT, not CSTĐ cấp tỉnh', () => {
    expect(canAward('school_head', 'GIAY_KHEN', '2026-11-20').allowed).toBe(true);
    expect(canAward('school_head', 'LDTT', '2026-11-20').allowed).toBe(true);
    const r = canAward('school_head', 'CSTD_TINH', '2026-11-20');
    expect(r.allowed).toBe(false);
    expect(r.reason).toContain('Có thẩm quyền: Bộ trưởng Bộ Giáo dục và Đào tạo; Chủ tịch UBND tỉnh');
  });

  it('Giám đốc Sở awards TTLĐTT; the Bộ trưởng awards Kỷ niệm chương; the Thủ tướng awards BK Thủ tướng and CSTĐ toàn quốc', () => {
    expect(canAward('department_director', 'TTLDTT', '2025-12-01').allowed).toBe(true);
    expect(canAward('minister', 'KNC_GD', '2025-12-01').allowed).toBe(true);
    expect(canAward('province_chairman', 'KNC_GD', '2025-12-01').allowed).toBe(false);
    expect(canAward('prime_minister', 'BK_TTG', '2025-12-01').allowed).toBe(true);
    expect(canAward('prime_minister', 'CSTD_TQ', '2025-12-01').citation).toContain('Điều 21');
  });
});
