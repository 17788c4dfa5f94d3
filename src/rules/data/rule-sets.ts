// The rule sets shipped with thidua. Each is plain JSON data (validated by ZRuleSet in tests); the app
// seeds them into its rule-version table, where administrators review and edit them.
import type { RuleSet } from '../types';
import { buildTitles, cited } from './build-titles';

const LUAT_2022 = { ref: 'Luật 06/2022/QH15', title: 'Luật Thi đua, khen thưởng', effectiveFrom: '2024-01-01', effectiveTo: null };
const ND_98 = { ref: 'Nghị định 98/2023/NĐ-CP', title: 'Quy định chi tiết Luật Thi đua, khen thưởng', effectiveFrom: '2024-01-01', effectiveTo: '2025-06-30' };
const ND_152 = {
  ref: 'Nghị định 152/2025/NĐ-CP',
  title: 'Phân cấp, phân quyền và quy định chi tiết Luật Thi đua, khen thưởng',
  effectiveFrom: '2025-07-01',
  effectiveTo: '2027-02-28',
};
const ND_129 = { ref: 'Nghị định 129/2025/NĐ-CP', title: 'Chính quyền địa phương hai cấp, lĩnh vực Nội vụ (Điều 59)', effectiveFrom: '2025-07-01', effectiveTo: null };
const TT_29 = { ref: 'Thông tư 29/2023/TT-BGDĐT', title: 'Hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục', effectiveFrom: '2024-02-15', effectiveTo: '2026-04-01' };
const TT_07 = { ref: 'Thông tư 07/2026/TT-BGDĐT', title: 'Hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục (thay TT 29/2023)', effectiveFrom: '2026-04-02', effectiveTo: null };
const LUAT_2026 = { ref: 'Luật 06/2026/QH16', title: 'Luật sửa đổi, bổ sung Luật Thi đua, khen thưởng', effectiveFrom: '2026-10-01', effectiveTo: null };

const defaultVote = cited(
  { share: 0.5, comparison: 'gt' as const, label: 'Quá bán tổng số thành viên Hội đồng' },
  'Mặc định của phần mềm (không có tỷ lệ toàn quốc)',
  false,
  'Quy chế của bộ, tỉnh, đơn vị quyết định; quản trị sửa cho phù hợp.',
);

export const RULE_SET_LUAT2022_ND98: RuleSet = {
  id: 'luat2022-nd98-2023',
  version: 1,
  name: 'Luật TĐKT 2022 và Nghị định 98/2023/NĐ-CP',
  sources: [LUAT_2022, ND_98, TT_29],
  citation: 'Luật 06/2022/QH15; Nghị định 98/2023/NĐ-CP; Thông tư 29/2023/TT-BGDĐT',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  verified: true,
  unverifiedNotes: [
    'Hệ số tiền thưởng thời NĐ 98/2023 chưa đọc trong văn bản; giả định như NĐ 152/2025.',
    'Ngưỡng 10 tháng làm việc trong năm theo thực tiễn, chưa đọc trong văn bản.',
  ],
  transitions: [],
  money: {
    rounding: cited<'up_10000' | 'none'>(
      'none',
      'Nghị định 98/2023/NĐ-CP (thực tiễn: số tiền in không làm tròn, ví dụ 702.000 đ)',
      false,
      'Không tìm thấy quy định làm tròn thời NĐ 98; thực tiễn in số chưa làm tròn.',
    ),
    householdMultiplier: cited(1.5, 'Nghị định 98/2023/NĐ-CP (mục tiền thưởng)', false, 'Giả định như NĐ 152/2025.'),
    payHighestOnly: cited(true, 'Nghị định 98/2023/NĐ-CP (mục tiền thưởng)', false, 'Giả định như NĐ 152/2025 Điều 49.'),
  },
  maternityLeaveCountsAsWorked: cited(true, 'Nghị định 98/2023/NĐ-CP Điều 4', false, 'Đọc trong NĐ 152 Điều 4; giả định như NĐ 98.'),
  defaultVoteThreshold: defaultVote,
  proposalForm: cited('Mẫu số 01 (Phụ lục I NĐ 98/2023)', 'Nghị định 98/2023/NĐ-CP Phụ lục I', true),
  thematicReportForm: cited('Mẫu số 08 (Phụ lục I NĐ 98/2023)', 'Nghị định 98/2023/NĐ-CP Phụ lục I', false, 'Số mẫu suy ra, chưa đối chiếu.'),
  titles: buildTitles('nd98'),
};

const nd152Money: RuleSet['money'] = {
  rounding: cited<'up_10000' | 'none'>('up_10000', 'Nghị định 152/2025/NĐ-CP Điều 49 ("làm tròn số lên hàng chục nghìn đồng")', true),
  householdMultiplier: cited(1.5, 'Nghị định 152/2025/NĐ-CP Điều 51, 54', true),
  payHighestOnly: cited(true, 'Nghị định 152/2025/NĐ-CP Điều 49', true),
};

export const RULE_SET_LUAT2022_ND152: RuleSet = {
  id: 'luat2022-nd152-2025',
  version: 1,
  name: 'Luật TĐKT 2022 và Nghị định 152/2025/NĐ-CP',
  sources: [LUAT_2022, ND_152, ND_129, TT_29],
  citation: 'Luật 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Nghị định 129/2025/NĐ-CP; Thông tư 29/2023/TT-BGDĐT',
  effectiveFrom: '2025-07-01',
  // NĐ 152 hết hiệu lực từ 01/03/2027; from 02/04/2026 (TT 07) and 01/10/2026 (Luật 06/2026) later sets take precedence.
  effectiveTo: '2027-02-28',
  verified: true,
  unverifiedNotes: [
    'Tỷ lệ phiếu bầu: không có tỷ lệ toàn quốc từ 01/07/2025, dùng mặc định của NĐ 98 Điều 30 k7 (80%/90%), có thể ghi đè.',
    'Số mẫu báo cáo thành tích NĐ 152 (trừ Mẫu 01, 05) suy ra, chưa đối chiếu bản PDF.',
    'Ngưỡng 10 tháng làm việc trong năm theo thực tiễn, chưa đọc trong văn bản.',
  ],
  transitions: [],
  money: nd152Money,
  maternityLeaveCountsAsWorked: cited(true, 'Nghị định 152/2025/NĐ-CP Điều 4', true),
  defaultVoteThreshold: defaultVote,
  proposalForm: cited('Mẫu số 01', 'Nghị định 152/2025/NĐ-CP Phụ lục; QĐ 638/QĐ-BNV', true),
  thematicReportForm: cited('Mẫu số 08', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, 'Số mẫu suy ra, chưa đối chiếu.'),
  titles: buildTitles('nd152'),
};

export const RULE_SET_LUAT2022_ND152_TT07: RuleSet = {
  ...RULE_SET_LUAT2022_ND152,
  id: 'luat2022-nd152-2025-tt07-2026',
  name: 'Luật TĐKT 2022, Nghị định 152/2025/NĐ-CP và Thông tư 07/2026/TT-BGDĐT',
  sources: [LUAT_2022, ND_152, ND_129, TT_07],
  citation: 'Luật 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 07/2026/TT-BGDĐT',
  effectiveFrom: '2026-04-02',
  effectiveTo: '2026-09-30',
  verified: false,
  unverifiedNotes: [
    'Thông tư 07/2026/TT-BGDĐT (hiệu lực 02/04/2026, thay TT 29/2023) chưa đọc: tiêu chí Giấy khen, Bằng khen Bộ trưởng, Kỷ niệm chương, TTLĐTT tạm giữ theo TT 29/2023.',
    ...RULE_SET_LUAT2022_ND152.unverifiedNotes,
  ],
  transitions: [
    {
      id: 'tt07-ho-so-gui-bo-truoc-02-04-2026',
      dateField: 'sentToMinistryOn',
      before: '2026-04-02',
      moreFavourableApplies: false,
      description: 'Hồ sơ đã gửi Bộ trước ngày 02/04/2026 tiếp tục thực hiện theo Thông tư 29/2023/TT-BGDĐT.',
      citation: 'Thông tư 07/2026/TT-BGDĐT (điều khoản chuyển tiếp)',
      verified: false,
    },
  ],
  titles: buildTitles('nd152_tt07'),
};

export const RULE_SET_LUAT2026_DRAFT: RuleSet = {
  id: 'luat2026-tt07-2026-du-thao',
  version: 1,
  name: 'Luật 06/2026/QH16 và Thông tư 07/2026/TT-BGDĐT (bản nháp, chưa xác minh)',
  sources: [LUAT_2022, LUAT_2026, ND_152, ND_129, TT_07],
  citation: 'Luật 06/2026/QH16 sửa đổi, bổ sung Luật 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 07/2026/TT-BGDĐT',
  effectiveFrom: '2026-10-01',
  effectiveTo: null,
  verified: false,
  unverifiedNotes: [
    'Luật 06/2026/QH16 (hiệu lực 01/10/2026) chưa đọc văn bản: các giá trị giữ theo Luật 2022 / NĐ 152 trừ khi ghi theo dự thảo.',
    'Theo dự thảo: Chiến sĩ thi đua cơ sở = hoàn thành xuất sắc nhiệm vụ VÀ có sáng kiến, không còn điều kiện Lao động tiên tiến.',
    'Thông tư 07/2026/TT-BGDĐT chưa đọc: tiêu chí Giấy khen, Bằng khen Bộ trưởng, Kỷ niệm chương, người học, điều kiện ≥ 10 tháng tạm theo TT 29/2023 và dự thảo.',
    'Nghị định 152/2025/NĐ-CP hết hiệu lực từ 01/03/2027; chưa có nghị định thay thế trong dữ liệu.',
  ],
  transitions: [
    {
      id: 'luat2026-ho-so-nhan-truoc-01-10-2026',
      dateField: 'dossierReceivedOn',
      before: '2026-10-01',
      moreFavourableApplies: true,
      description:
        'Hồ sơ cơ quan thẩm định nhận trước ngày 01/10/2026 tiếp tục xét theo Luật Thi đua, khen thưởng 2022, trừ trường hợp quy định mới có lợi hơn.',
      citation: 'Luật 06/2026/QH16 (điều khoản chuyển tiếp)',
      verified: false,
    },
    {
      id: 'tt07-ho-so-gui-bo-truoc-02-04-2026',
      dateField: 'sentToMinistryOn',
      before: '2026-04-02',
      moreFavourableApplies: false,
      description: 'Hồ sơ đã gửi Bộ trước ngày 02/04/2026 tiếp tục thực hiện theo Thông tư 29/2023/TT-BGDĐT.',
      citation: 'Thông tư 07/2026/TT-BGDĐT (điều khoản chuyển tiếp)',
      verified: false,
    },
  ],
  money: {
    rounding: { ...nd152Money.rounding, verified: false, note: 'Giữ theo NĐ 152 Điều 49; chưa đối chiếu văn bản sau Luật 06/2026.' },
    householdMultiplier: { ...nd152Money.householdMultiplier, verified: false, note: 'Giữ theo NĐ 152.' },
    payHighestOnly: { ...nd152Money.payHighestOnly, verified: false, note: 'Giữ theo NĐ 152.' },
  },
  maternityLeaveCountsAsWorked: cited(true, 'Nghị định 152/2025/NĐ-CP Điều 4', false, 'Giữ theo NĐ 152.'),
  defaultVoteThreshold: defaultVote,
  proposalForm: cited('Mẫu số 01', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, 'Giữ theo NĐ 152.'),
  thematicReportForm: cited('Mẫu số 08', 'Nghị định 152/2025/NĐ-CP Phụ lục', false, 'Số mẫu suy ra, chưa đối chiếu.'),
  titles: buildTitles('luat2026_draft'),
};

/** All shipped sets, oldest first. */
export const SHIPPED_RULE_SETS: RuleSet[] = [
  RULE_SET_LUAT2022_ND98,
  RULE_SET_LUAT2022_ND152,
  RULE_SET_LUAT2022_ND152_TT07,
  RULE_SET_LUAT2026_DRAFT,
];
