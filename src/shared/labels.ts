// Vietnamese labels for codes stored in the database. The UI never shows a raw code.
export const UNIT_KIND_LABELS = {
  bo: 'Bộ Giáo dục và Đào tạo',
  so: 'Sở Giáo dục và Đào tạo',
  ubnd_tinh: 'UBND tỉnh/thành phố',
  ubnd_xa: 'UBND xã/phường/đặc khu',
  phong_vhxh: 'Phòng Văn hóa – Xã hội',
  thpt: 'Trường THPT',
  thcs: 'Trường THCS',
  th: 'Trường Tiểu học',
  mn: 'Trường Mầm non',
  lien_cap: 'Trường liên cấp',
  gdtx: 'Trung tâm GDNN – GDTX',
  truong_khac: 'Cơ sở giáo dục khác',
  phong_ban: 'Phòng, ban',
  to_chuyen_mon: 'Tổ chuyên môn',
  doan_the: 'Đoàn thể',
} as const;
export type TUnitKind = keyof typeof UNIT_KIND_LABELS;
export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as TUnitKind[];
export const SCHOOL_KINDS: TUnitKind[] = ['thpt', 'thcs', 'th', 'mn', 'lien_cap', 'gdtx', 'truong_khac'];

export const UNIT_STATUS_LABELS = { active: 'Đang hoạt động', merged: 'Đã sáp nhập', split: 'Đã chia tách', dissolved: 'Đã giải thể' } as const;

export const UNIT_EVENT_LABELS = {
  created: 'Thành lập', updated: 'Cập nhật thông tin', renamed: 'Đổi tên', moved: 'Chuyển đơn vị cấp trên',
  merged_into: 'Sáp nhập vào', merged_from: 'Tiếp nhận sáp nhập từ', split_into: 'Chia tách thành', split_from: 'Được tách ra từ', dissolved: 'Giải thể',
} as const;

export const CLUSTER_KIND_LABELS = { cum: 'Cụm thi đua', khoi: 'Khối thi đua' } as const;
export const CLUSTER_ROLE_LABELS = { truong: 'Trưởng cụm/khối', pho: 'Phó cụm/khối', thanh_vien: 'Thành viên' } as const;

export const GENDER_LABELS = { nam: 'Nam', nu: 'Nữ' } as const;

export const RATING_LABELS = {
  htxsnv: 'Hoàn thành xuất sắc nhiệm vụ',
  httnv: 'Hoàn thành tốt nhiệm vụ',
  htnv: 'Hoàn thành nhiệm vụ',
  khtnv: 'Không hoàn thành nhiệm vụ',
} as const;
export const RATING_SHORT = { htxsnv: 'HTXSNV', httnv: 'HTTNV', htnv: 'HTNV', khtnv: 'KHTNV' } as const;

export const DISCIPLINE_LABELS = {
  khien_trach: 'Khiển trách', canh_cao: 'Cảnh cáo', ha_bac_luong: 'Hạ bậc lương', giang_chuc: 'Giáng chức', cach_chuc: 'Cách chức', buoc_thoi_viec: 'Buộc thôi việc',
} as const;

export const ROLE_LABELS_VI = {
  admin: 'Quản trị', officer: 'Cán bộ TĐKT', head: 'Thủ trưởng', council: 'Thành viên Hội đồng TĐKT', individual: 'Cá nhân',
} as const;

export const JOB_STATUS_LABELS = { queued: 'Đang chờ', running: 'Đang chạy', done: 'Hoàn thành', failed: 'Lỗi' } as const;

export const PLAN_KIND_LABELS = { regular: 'Thường xuyên', thematic: 'Theo chuyên đề' } as const;
export const PLAN_STATE_LABELS = {
  draft: 'Dự thảo', submitted: 'Chờ duyệt', issued: 'Đã ban hành', in_progress: 'Đang thực hiện',
  midterm_review: 'Sơ kết', final_review: 'Tổng kết', closed: 'Đã kết thúc',
} as const;
export const PLAN_ACTION_LABELS = {
  submit: 'Trình duyệt', return: 'Trả lại', issue: 'Ban hành', start: 'Triển khai thực hiện',
  midterm: 'Sơ kết', resume: 'Tiếp tục thực hiện', final: 'Tổng kết', close: 'Kết thúc',
} as const;
export const REPORT_SCHEDULE_LABELS = { quarterly: 'Hằng quý', half_year: '6 tháng', annual: 'Hằng năm' } as const;
export const AWARD_RECIPIENT_LABELS = { collective: 'Tập thể', individual: 'Cá nhân' } as const;
export const CASCADE_STATUS_LABELS = { not_started: 'Chưa triển khai', drafting: 'Đang xây dựng', issued: 'Đã ban hành', overdue: 'Quá hạn' } as const;
export const CASCADE_MODE_LABELS = { kinds: 'Theo loại đơn vị', cluster: 'Theo cụm, khối thi đua', units: 'Chọn từng đơn vị' } as const;
export const LEGAL_BASIS_KIND_LABELS = { law: 'Văn bản pháp luật', parent_plan: 'Kế hoạch cấp trên', other: 'Căn cứ khác' } as const;
/** Award history: title / form codes of the rules catalogue (src/rules/data/build-titles.ts), plus `other`. */
export const AWARD_CODE_LABELS = {
  LDTT: 'Lao động tiên tiến', CSTDCS: 'Chiến sĩ thi đua cơ sở', CSTD_TINH: 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh',
  CSTD_TQ: 'Chiến sĩ thi đua toàn quốc', GIAY_KHEN: 'Giấy khen', BK_BO: 'Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo',
  BK_TINH: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', BK_TTG: 'Bằng khen của Thủ tướng Chính phủ',
  KNC_GD: 'Kỷ niệm chương "Vì sự nghiệp giáo dục"', TTLDTT: 'Tập thể lao động tiên tiến', TTLDXS: 'Tập thể lao động xuất sắc',
  CO_THI_DUA: 'Cờ thi đua của bộ, ban, ngành, tỉnh', CO_CP: 'Cờ thi đua của Chính phủ', other: 'Hình thức khác',
} as const;
export const AWARD_SOURCE_LABELS = { manual: 'Nhập tay', decision_import: 'Nhập từ quyết định', decision: 'Theo quyết định khen thưởng' } as const;
export const AWARD_MATCH_LABELS = { exact: 'Khớp', probable: 'Cần xác nhận', none: 'Không tìm thấy' } as const;
