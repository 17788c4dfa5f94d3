import { describe, expect, it } from 'vitest';
import { docxLines, docxPart } from '../../../test/fixtures/documents/docx-helpers';
import {
  achievementCollectiveSample,
  achievementIndividualSample,
  achievementThematicSample,
  decisionSample,
  letterSample,
  minutesSample,
  noticeSample,
  planSample,
  proposalSample,
  reportSample,
} from '../../../test/fixtures/documents/samples';
import { DocumentInputError } from '../errors';
import { checkNd30Docx } from '../nd30-check';
import { renderAchievementReportDocx } from './bao-cao-thanh-tich';
import { renderReportDocx } from './bao-cao';
import { renderMinutesDocx } from './bien-ban';
import { renderLetterDocx } from './cong-van';
import { renderPlanDocx } from './ke-hoach';
import { renderDecisionDocx } from './quyet-dinh';
import { renderNoticeDocx } from './thong-bao';
import { renderProposalDocx } from './to-trinh';

/** Lines after `start`, stopping before the first line that matches `stop`. */
function after(lines: string[], start: string, count: number): string[] {
  const i = lines.indexOf(start);
  expect(i, `"${start}" not found`).toBeGreaterThanOrEqual(0);
  return lines.slice(i + 1, i + 1 + count);
}

describe('Kế hoạch', () => {
  it('has the plan structure, the quota table, and passes the format check', async () => {
    const buf = await renderPlanDocx(planSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 05/KH-THPTPĐP');
    expect(lines).toContain('Hà Tĩnh, ngày 05 tháng 02 năm 2026');
    expect(lines).toContain('KẾ HOẠCH');
    expect(lines).toContain('Phát động phong trào thi đua “Dạy tốt, học tốt” năm học 2025-2026');
    expect(lines[lines.indexOf('KẾ HOẠCH') + 2]).toMatch(/^Căn cứ Luật Thi đua, khen thưởng số 06\/2022\/QH15 .*;$/);
    for (const heading of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA', 'III. TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG', 'IV. THỜI GIAN THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN', 'VI. KINH PHÍ THỰC HIỆN']) {
      expect(lines).toContain(heading);
    }
    expect(lines).toContain('2. Hình thức và số lượng khen thưởng');
    // quota row: STT, name (awarded by), target, quota padded, money
    expect(after(lines, 'Mức thưởng', 5)).toEqual(['1', 'Danh hiệu “Chiến sĩ thi đua cơ sở” (Hiệu trưởng)', 'Cá nhân', '06', '2.530.000 đ']);
    expect(lines.some((l) => l.endsWith('nghiêm túc triển khai thực hiện./.'))).toBe(true);
    expect(after(lines, 'Nơi nhận:', 4)).toEqual(['- Sở GD&ĐT Hà Tĩnh (để b/c);', '- Chi bộ, Công đoàn trường;', '- Các tổ chuyên môn;', '- Lưu: VT, TĐKT.']);
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('reports missing required parts by field, in Vietnamese', async () => {
    const bad = { ...planSample, legalBasis: [], signer: { title: 'Hiệu trưởng', name: '' } };
    const err = await renderPlanDocx(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentInputError);
    expect((err as DocumentInputError).issues).toEqual(expect.arrayContaining(['legalBasis: kế hoạch phải có ít nhất một căn cứ', 'signer.name: không được để trống']));
  });
});

describe('Tờ trình', () => {
  it('proposes by award with counts, lists the nominees in a landscape annex, passes the check', async () => {
    const buf = await renderProposalDocx(proposalSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 12/TTr-THPTPĐP');
    expect(lines).toContain('Hà Tĩnh, ngày 28 tháng 5 năm 2026');
    expect(lines).toContain('TỜ TRÌNH');
    expect(lines).toContain('Về việc đề nghị tặng Giấy khen của Giám đốc Sở năm học 2025-2026');
    expect(lines).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo Hà Tĩnh');
    expect(lines).toContain('- Giấy khen của Giám đốc Sở: 01 tập thể và 02 cá nhân.');
    expect(lines).toContain('(Kèm theo Tờ trình số 12/TTr-THPTPĐP ngày 28/05/2026 của Trường THPT Phan Đình Phùng)');
    expect(after(lines, 'Tóm tắt thành tích', 7)).toEqual([
      'I. Giấy khen của Giám đốc Sở (01 tập thể và 02 cá nhân)',
      '1',
      'Tổ Toán - Tin',
      'Trường THPT Phan Đình Phùng',
      'Giấy khen của Giám đốc Sở',
      '100% giáo viên hoàn thành tốt nhiệm vụ; 05 học sinh giỏi cấp tỉnh.',
      '2',
    ]);
    expect(after(lines, 'Nơi nhận:', 3)).toEqual(['- Như trên;', '- Văn phòng Sở GD&ĐT;', '- Lưu: VT, TĐKT.']);
    const xml = await docxPart(buf);
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('repeats the header row of a 300-row annex and still passes', async () => {
    const nominees = Array.from({ length: 300 }, (_, i) => ({
      kind: 'individual' as const,
      name: `Giáo viên số ${i + 1}`,
      position: 'Giáo viên',
      unit: 'Trường THPT Phan Đình Phùng',
      award: 'Giấy khen của Giám đốc Sở',
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm học.',
    }));
    const buf = await renderProposalDocx({ ...proposalSample, nominees });
    const lines = await docxLines(buf);
    expect(lines).toContain('- Giấy khen của Giám đốc Sở: 300 cá nhân.');
    expect(lines).toContain('Giáo viên số 300');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });
});

describe('Biên bản họp Hội đồng TĐKT', () => {
  it('records attendance and votes as a share of ALL members, and concludes', async () => {
    const buf = await renderMinutesDocx(minutesSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 03/BB-THPTPĐP');
    expect(lines).toContain('BIÊN BẢN');
    expect(lines[lines.indexOf('I. THÀNH PHẦN') - 1]).toBe(
      'Vào lúc 14 giờ 00 phút, ngày 26 tháng 5 năm 2026, tại Phòng họp Hội đồng nhà trường, Hội đồng Thi đua - Khen thưởng Trường THPT Phan Đình Phùng tổ chức họp xét danh hiệu thi đua năm học 2025-2026.',
    );
    expect(lines).toContain('Tổng số thành viên Hội đồng: 07; có mặt: 06; vắng mặt: 01.');
    expect(lines).toContain('- Hoàng Văn Nam - Bí thư Đoàn trường (vắng mặt: đi công tác, gửi phiếu bằng văn bản);');
    // 6 of 7 members = 85,71 % (≥ 80 %: đạt); 5 of 7 = 71,43 % (không đạt)
    expect(after(lines, 'Kết quả', 14)).toEqual([
      '1', 'Lê Quang Huy', 'Giáo viên Vật lý', 'Chiến sĩ thi đua cơ sở', '7/7', '100%', 'Đạt',
      '2', 'Nguyễn Thị Mai Anh', 'Giáo viên Hóa học', 'Chiến sĩ thi đua cơ sở', '6/7', '85,71%', 'Đạt',
    ]);
    expect(lines).toContain('71,43%');
    expect(lines).toContain('Không đạt');
    expect(lines).toContain('Căn cứ kết quả bỏ phiếu, Hội đồng thống nhất đề nghị khen thưởng 02 trường hợp đạt tỷ lệ phiếu theo quy định:');
    expect(lines).toContain('- Nguyễn Thị Mai Anh (Giáo viên Hóa học): Chiến sĩ thi đua cơ sở, đạt 85,71%.');
    expect(lines).toContain('THƯ KÝ');
    expect(lines).toContain('CHỦ TỌA');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('refuses more votes than members', async () => {
    const bad = { ...minutesSample, candidates: [{ name: 'A', unit: 'B', award: 'C', votesFor: 9 }] };
    await expect(renderMinutesDocx(bad)).rejects.toThrow(/lớn hơn tổng số thành viên/);
  });
});

describe('Báo cáo thành tích', () => {
  it('individual report in 2026 uses NĐ 152 Mẫu 05 with its three sections', async () => {
    const buf = await renderAchievementReportDocx(achievementIndividualSample);
    const lines = await docxLines(buf);
    expect(lines[0]).toBe('Mẫu số 05 (NĐ 152/2025/NĐ-CP)');
    expect(lines).toContain('BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ” NĂM HỌC 2025-2026');
    expect(lines).not.toContain('TRƯỜNG THPT PHAN ĐÌNH PHÙNG'); // an individual report has no issuer block
    expect(lines).toContain('Hà Tĩnh, ngày 20 tháng 5 năm 2026');
    expect(lines).toContain('I. SƠ LƯỢC LÝ LỊCH');
    expect(lines).toContain('- Sinh ngày, tháng, năm: 07/03/1985. Giới tính: Nam.');
    expect(lines).toContain('II. THÀNH TÍCH ĐẠT ĐƯỢC');
    expect(lines).toContain('1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận');
    expect(lines).toContain('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
    expect(lines).toContain('Sử dụng thí nghiệm ảo trong dạy học chủ đề Dao động, Vật lý 11');
    expect(lines).toContain('Chiến sĩ thi đua cơ sở');
    expect(lines).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
    expect(lines).toContain('THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ');
    expect(lines).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('the same report dated 2024 uses NĐ 98 Mẫu 03, and 2022 NĐ 91 Mẫu 02', async () => {
    const l98 = await docxLines(await renderAchievementReportDocx({ ...achievementIndividualSample, date: '2024-05-20' }));
    expect(l98[0]).toBe('Mẫu số 03 (NĐ 98/2023/NĐ-CP)');
    const l91 = await docxLines(await renderAchievementReportDocx({ ...achievementIndividualSample, date: '2022-05-20' }));
    expect(l91[0]).toBe('Mẫu số 02 (NĐ 91/2017/NĐ-CP)');
  });

  it('collective report: unit header, Mẫu 04 marked unverified, sections from the form', async () => {
    const buf = await renderAchievementReportDocx(achievementCollectiveSample);
    const lines = await docxLines(buf);
    expect(lines[0]).toBe('Mẫu số 04 (NĐ 152/2025/NĐ-CP) (số mẫu chưa xác minh)');
    expect(lines).toContain('TRƯỜNG THPT PHAN ĐÌNH PHÙNG');
    expect(lines).toContain('TỔ TOÁN - TIN');
    expect(lines).toContain('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(lines).toContain('3. Việc thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước');
    expect(lines).toContain('Tập thể lao động tiên tiến');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('chuyên đề report: movement subtitle, registered targets vs results, no section III', async () => {
    const buf = await renderAchievementReportDocx(achievementThematicSample);
    const lines = await docxLines(buf);
    expect(lines[0]).toBe('Mẫu số 08 (NĐ 152/2025/NĐ-CP) (số mẫu chưa xác minh)');
    expect(lines).toContain('(Về thành tích xuất sắc trong phong trào thi đua “Đẩy mạnh chuyển đổi số trong giáo dục” năm học 2025-2026)');
    expect(lines).toContain('I. THÔNG TIN CHUNG');
    expect(after(lines, 'Kết quả đạt được', 12).slice(8, 12)).toEqual(['3', 'Bài giảng điện tử đạt chuẩn', '120 bài', '146 bài']);
    expect(lines.some((l) => l.startsWith('III.'))).toBe(false);
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('asks for the profile of an individual report', async () => {
    await expect(renderAchievementReportDocx({ ...achievementIndividualSample, profile: undefined })).rejects.toThrow(/sơ lược lý lịch/);
  });
});

describe('Quyết định khen thưởng', () => {
  it('has Căn cứ, QUYẾT ĐỊNH:, Điều 1–3, and a Danh sách with money and total', async () => {
    const buf = await renderDecisionDocx(decisionSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 58/QĐ-THPTPĐP');
    expect(lines).toContain('Hà Tĩnh, ngày 29 tháng 5 năm 2026');
    expect(lines).toContain('QUYẾT ĐỊNH');
    expect(lines).toContain('HIỆU TRƯỞNG TRƯỜNG THPT PHAN ĐÌNH PHÙNG');
    expect(lines).toContain('QUYẾT ĐỊNH:');
    expect(lines).toContain('Điều 1. Khen thưởng 01 tập thể và 04 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025-2026, gồm:');
    expect(lines).toContain('1. Giấy khen: 01 tập thể và 02 cá nhân;');
    expect(lines).toContain('2. Chiến sĩ thi đua cơ sở: 02 cá nhân.');
    expect(lines.find((l) => l.startsWith('Điều 2.'))).toBe(
      'Điều 2. Tiền thưởng kèm theo theo quy định tại Nghị định số 152/2025/NĐ-CP: tổng cộng 8.100.000 đ (Bằng chữ: Tám triệu một trăm nghìn đồng), được chi từ Quỹ thi đua, khen thưởng của nhà trường.',
    );
    expect(lines.find((l) => l.startsWith('Điều 3.'))).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    expect(after(lines, 'Nơi nhận:', 3)).toEqual(['- Như Điều 3;', '- Sở GD&ĐT Hà Tĩnh (để b/c);', '- Lưu: VT, TĐKT.']);
    expect(lines).toContain('(Kèm theo Quyết định số 58/QĐ-THPTPĐP ngày 29/05/2026 của Hiệu trưởng Trường THPT Phan Đình Phùng)');
    expect(after(lines, 'Số tiền', 6)).toEqual(['A. TẬP THỂ (01 tập thể)', '1', 'Tổ Toán - Tin', 'Trường THPT Phan Đình Phùng', 'Giấy khen', '1.520.000 đ']);
    expect(after(lines, 'B. CÁ NHÂN (04 cá nhân)', 5)).toEqual(['2', 'Lê Quang Huy', 'Giáo viên, Tổ Vật lý - Công nghệ', 'Chiến sĩ thi đua cơ sở', '2.530.000 đ']);
    expect(after(lines, '760.000 đ', 100).slice(-4)).toEqual(['760.000 đ', 'Tổng cộng: 01 tập thể và 04 cá nhân', '8.100.000 đ', '(Bằng chữ: Tám triệu một trăm nghìn đồng)']);
    // the label "Điều 1." is bold in its own run
    expect(await docxPart(buf)).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*>Điều 1\. <\/w:t>/s);
    expect(await checkNd30Docx(buf)).toEqual([]);
  });
});

describe('Báo cáo, Thông báo, Công văn', () => {
  it('Báo cáo sơ kết computes the indicator rates', async () => {
    const buf = await renderReportDocx(reportSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 09/BC-THPTPĐP');
    expect(lines).toContain('Hà Tĩnh, ngày 15 tháng 01 năm 2026');
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain('Kết quả thực hiện các chỉ tiêu');
    expect(after(lines, 'Tỷ lệ', 12)).toEqual(['1', 'Giáo viên đăng ký thi đua', 'người', '98', '98', '100%', '2', 'Sáng kiến được công nhận cấp cơ sở', 'sáng kiến', '20', '15', '75%']);
    expect(lines).toContain('115%');
    expect(lines).toContain('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('Thông báo lists the results', async () => {
    const buf = await renderNoticeDocx(noticeSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 07/TB-THPTPĐP');
    expect(lines).toContain('Hà Tĩnh, ngày 01 tháng 6 năm 2026');
    expect(lines).toContain('THÔNG BÁO');
    expect(lines).toContain('Kết quả xét danh hiệu thi đua năm học 2025-2026');
    expect(after(lines, 'Kết quả', 4)).toEqual(['1', 'Lê Quang Huy', 'Tổ Vật lý - Công nghệ', 'Chiến sĩ thi đua cơ sở']);
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('Công văn: number without type code, V/v under it, Kính gửi list, Như trên first', async () => {
    const buf = await renderLetterDocx(letterSample);
    const lines = await docxLines(buf);
    expect(lines).toContain('Số: 12/SGDĐT-VP');
    expect(lines[lines.indexOf('Số: 12/SGDĐT-VP') + 1]).toBe('V/v triển khai bình xét thi đua, khen thưởng năm học 2025-2026');
    expect(lines).toContain('Hà Tĩnh, ngày 09 tháng 3 năm 2026');
    expect(lines).toContain('Kính gửi:');
    expect(lines).toContain('- Hiệu trưởng các trường THPT trực thuộc;');
    expect(lines).toContain('- Giám đốc Trung tâm GDNN-GDTX các huyện, thị xã.');
    expect(lines.some((l) => /^CÔNG VĂN$/.test(l))).toBe(false);
    expect(after(lines, 'Nơi nhận:', 3)).toEqual(['- Như trên;', '- Giám đốc, các Phó Giám đốc Sở;', '- Lưu: VT, VP.']);
    expect(lines).toContain('KT. GIÁM ĐỐC');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });
});

describe('bad input', () => {
  it('strips characters XML cannot hold and composes decomposed Vietnamese, so the file stays valid', async () => {
    const nfdName = 'Nguyễn Thị Hoài Thương'.normalize('NFD');
    const buf = await renderDecisionDocx({
      ...decisionSample,
      awardees: [{ kind: 'individual', name: `${nfdName}\u0007`, position: 'Giáo viên', unit: 'Tổ Ngữ văn\u0000', award: 'Giấy khen 表彰 🏅', amount: 760000 }],
    });
    const lines = await docxLines(buf);
    expect(lines).toContain('Nguyễn Thị Hoài Thương');
    expect(lines).toContain('Giáo viên, Tổ Ngữ văn');
    expect(lines).toContain('Giấy khen 表彰 🏅');
    expect(await checkNd30Docx(buf)).toEqual([]);
  });

  it('names the missing fields of a decision', async () => {
    const err = await renderDecisionDocx({ ...decisionSample, awardees: [], issuing: { ...decisionSample.issuing, issuer: '' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentInputError);
    expect((err as DocumentInputError).issues).toEqual(['issuing.issuer: không được để trống', 'awardees: quyết định phải có ít nhất một tập thể hoặc cá nhân']);
  });
});
