import { describe, expect, it } from 'vitest';
import { certificateAuthority, certificateSigner, certificateWording } from './certificate-wording';

const line = (titleCode: string, titleName = '') => ({ titleCode, titleName, period: '2025-2026' });

describe('chữ trên giấy khen, giấy chứng nhận của một quyết định', () => {
  it('hình thức khen thưởng: TẶNG + tên hình thức', () => {
    expect(certificateWording(line('GIAY_KHEN', 'Giấy khen'), 'school_head')).toEqual({ title: 'Giấy khen', awardLine: 'TẶNG', achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026' });
    expect(certificateWording(line('BK_TINH', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'), 'province_chairman')).toMatchObject({ title: 'Bằng khen', awardLine: 'TẶNG' });
    expect(certificateWording(line('KNC_GD'), 'minister')).toMatchObject({ title: 'Kỷ niệm chương', achievement: 'Vì sự nghiệp giáo dục' });
  });

  it('danh hiệu thi đua: TẶNG DANH HIỆU + tên danh hiệu', () => {
    expect(certificateWording(line('CSTDCS', 'Chiến sĩ thi đua cơ sở'), 'department_director')).toEqual({ title: 'Chiến sĩ thi đua cơ sở', awardLine: 'TẶNG DANH HIỆU', achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026' });
    expect(certificateWording(line('LDTT'), 'school_head')).toMatchObject({ title: 'Lao động tiên tiến', awardLine: 'TẶNG DANH HIỆU' });
    expect(certificateWording(line('LDTT'), 'school_head').achievement).toContain('hoàn thành tốt nhiệm vụ');
    expect(certificateWording(line('TTLDTT'), 'commune_chairman').title).toBe('Tập thể lao động tiên tiến');
    expect(certificateWording(line('CSTD_TINH'), 'province_chairman').title).toBe('Chiến sĩ thi đua cấp tỉnh');
    expect(certificateWording(line('CSTD_TINH'), 'minister').title).toBe('Chiến sĩ thi đua cấp bộ');
    expect(certificateWording(line('CO_THI_DUA'), 'province_chairman')).toMatchObject({ title: 'Cờ thi đua', awardLine: 'TẶNG' });
  });

  it('hình thức không có trong bộ quy tắc: in đúng tên ghi trên quyết định', () => {
    expect(certificateWording(line('other', 'Thư khen'), 'school_head')).toMatchObject({ title: 'Thư khen', awardLine: 'TẶNG' });
  });

  it('cơ quan khen và người ký theo quyết định', () => {
    expect(certificateAuthority('GIÁM ĐỐC', 'Sở Giáo dục và Đào tạo Hà Tĩnh')).toBe('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH');
    expect(certificateSigner('GIÁM ĐỐC', 'Phó Giám đốc', 'Trần Văn B')).toEqual({ authority: 'KT.', onBehalfOf: 'GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Văn B' });
    expect(certificateSigner('HIỆU TRƯỞNG', 'HIỆU TRƯỞNG', 'Lê Thị C')).toEqual({ title: 'HIỆU TRƯỞNG', name: 'Lê Thị C' });
  });
});
