// The built-in CCHC indicator catalogue (domain.md §5). Copied into each province's editable
// catalogue (report_indicators) the first time the province uses reports; citations travel with it.
import type { OutreachChannel } from '../db/schema';
import type { ReportValueType } from './reports.tables';

export type TFormula = { op: 'share'; parts: string[]; total: string };
/** A figure taken from the unit's own outreach log over the period's dates: count of activities, or sum of participants / reach. */
export type TOutreachMeasure = 'activities' | 'participants' | 'reach';
export type TIndicatorSource = { kind: 'outreach'; channels: OutreachChannel[] | 'all'; measure: TOutreachMeasure };
export const OUTREACH_MEASURE_LABELS: Record<TOutreachMeasure, string> = { activities: 'số hoạt động', participants: 'số lượt người tham dự', reach: 'số lượt tiếp cận' };
export type TBuiltinIndicator = {
  code: string;
  name: string;
  group: string;
  type: ReportValueType;
  unitLabel?: string;
  formula?: TFormula;
  source?: TIndicatorSource;
  partOf?: string;
  max?: number;
  aggregate: 'sum' | 'avg' | 'none';
  higherIsBetter?: boolean;
  citation: string;
};

export const INDICATOR_GROUPS: Record<string, string> = {
  tthc: 'Thủ tục hành chính và dịch vụ công trực tuyến',
  hai_long: 'Sự hài lòng của người dân, tổ chức',
  par: 'Chỉ số cải cách hành chính (PAR INDEX)',
  papi: 'Chỉ số PAPI',
  cds: 'Chuyển đổi số',
  tuyen_truyen: 'Thông tin, tuyên truyền',
  chung: 'Chỉ đạo, điều hành và kết quả khác',
};

const ND42 = 'NĐ 42/2022/NĐ-CP Điều 11 khoản 1 (sửa đổi bởi NĐ 118/2025/NĐ-CP): dịch vụ công trực tuyến toàn trình và một phần';
const PAR = 'QĐ 876/QĐ-BNV ngày 10/11/2022 phê duyệt Đề án xác định Chỉ số cải cách hành chính giai đoạn 2022–2030 (8 lĩnh vực; thang điểm từng lĩnh vực chưa xác minh)';
const SIPAS = 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) do Bộ Nội vụ công bố cùng PAR INDEX (các yếu tố chưa xác minh)';
const PAPI = 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), UNDP và CECODES: 8 nội dung, tối đa 10 điểm mỗi nội dung (tên nội dung chưa xác minh)';
const OUTREACH = 'Công tác tuyên truyền trong kế hoạch thi đua (bản tin, website, Zalo, Facebook, hội nghị, tập huấn); số liệu lấy từ sổ tuyên truyền của đơn vị trong thời gian của kỳ báo cáo';
const PRACTICE = 'Mẫu báo cáo CCHC định kỳ (quý, 6 tháng, năm) của đơn vị giáo dục theo thực tiễn; không có mẫu quốc gia';

export const BUILTIN_INDICATORS: TBuiltinIndicator[] = [
  { code: 'tthc_received', name: 'Số hồ sơ TTHC tiếp nhận', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', aggregate: 'sum', citation: PRACTICE },
  { code: 'tthc_on_time', name: 'Số hồ sơ giải quyết đúng hạn', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', partOf: 'tthc_received', aggregate: 'sum', citation: PRACTICE },
  { code: 'tthc_late', name: 'Số hồ sơ giải quyết quá hạn', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', partOf: 'tthc_received', aggregate: 'sum', higherIsBetter: false, citation: PRACTICE },
  { code: 'tthc_online_full', name: 'Số hồ sơ tiếp nhận trực tuyến toàn trình', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', partOf: 'tthc_received', aggregate: 'sum', citation: ND42 },
  { code: 'tthc_online_partial', name: 'Số hồ sơ tiếp nhận trực tuyến một phần', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', partOf: 'tthc_received', aggregate: 'sum', citation: ND42 },
  { code: 'tthc_paid_online', name: 'Số hồ sơ thanh toán phí, lệ phí trực tuyến', group: 'tthc', type: 'number', unitLabel: 'hồ sơ', partOf: 'tthc_received', aggregate: 'sum', citation: PRACTICE },
  { code: 'tthc_on_time_rate', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', group: 'tthc', type: 'percent', unitLabel: '%', formula: { op: 'share', parts: ['tthc_on_time'], total: 'tthc_received' }, aggregate: 'none', citation: PRACTICE },
  { code: 'tthc_online_rate', name: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (toàn trình và một phần)', group: 'tthc', type: 'percent', unitLabel: '%', formula: { op: 'share', parts: ['tthc_online_full', 'tthc_online_partial'], total: 'tthc_received' }, aggregate: 'none', citation: ND42 },
  { code: 'tthc_online_full_rate', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình', group: 'tthc', type: 'percent', unitLabel: '%', formula: { op: 'share', parts: ['tthc_online_full'], total: 'tthc_received' }, aggregate: 'none', citation: ND42 },
  { code: 'tthc_paid_online_rate', name: 'Tỷ lệ hồ sơ thanh toán trực tuyến', group: 'tthc', type: 'percent', unitLabel: '%', formula: { op: 'share', parts: ['tthc_paid_online'], total: 'tthc_received' }, aggregate: 'none', citation: PRACTICE },
  { code: 'satisfaction_rate', name: 'Tỷ lệ hài lòng của người dân, tổ chức', group: 'hai_long', type: 'percent', unitLabel: '%', aggregate: 'avg', citation: SIPAS },
  { code: 'sipas_score', name: 'Chỉ số SIPAS', group: 'hai_long', type: 'percent', unitLabel: '%', aggregate: 'avg', citation: SIPAS },
  { code: 'par_self_score', name: 'Điểm tự đánh giá Chỉ số CCHC', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_chi_dao', name: 'PAR – Công tác chỉ đạo, điều hành', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_the_che', name: 'PAR – Cải cách thể chế', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_tthc', name: 'PAR – Cải cách thủ tục hành chính', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_bo_may', name: 'PAR – Cải cách tổ chức bộ máy', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_cong_vu', name: 'PAR – Cải cách chế độ công vụ', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_tai_chinh', name: 'PAR – Cải cách tài chính công', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_cpdt', name: 'PAR – Xây dựng, phát triển Chính phủ điện tử, Chính phủ số', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'par_tac_dong', name: 'PAR – Tác động của CCHC đến người dân, tổ chức', group: 'par', type: 'number', unitLabel: 'điểm', max: 100, aggregate: 'avg', citation: PAR },
  { code: 'papi_tham_gia', name: 'PAPI – Tham gia của người dân ở cấp cơ sở', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_cong_khai', name: 'PAPI – Công khai, minh bạch', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_trach_nhiem', name: 'PAPI – Trách nhiệm giải trình', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_tham_nhung', name: 'PAPI – Kiểm soát tham nhũng', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_tthc', name: 'PAPI – Thủ tục hành chính công', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_dich_vu_cong', name: 'PAPI – Cung ứng dịch vụ công', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_moi_truong', name: 'PAPI – Quản trị môi trường', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'papi_dien_tu', name: 'PAPI – Quản trị điện tử', group: 'papi', type: 'number', unitLabel: 'điểm', max: 10, aggregate: 'avg', citation: PAPI },
  { code: 'cds_hoc_ba_so', name: 'Đã triển khai học bạ số', group: 'cds', type: 'yes_no', aggregate: 'sum', citation: PRACTICE },
  { code: 'cds_hoc_ba_so_rate', name: 'Tỷ lệ học sinh có học bạ số', group: 'cds', type: 'percent', unitLabel: '%', aggregate: 'avg', citation: PRACTICE },
  { code: 'cds_ho_so_dien_tu_rate', name: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường điện tử', group: 'cds', type: 'percent', unitLabel: '%', aggregate: 'avg', citation: PRACTICE },
  { code: 'tt_website_posts', name: 'Số tin, bài đăng trên website', group: 'tuyen_truyen', type: 'number', unitLabel: 'tin, bài', aggregate: 'sum', source: { kind: 'outreach', channels: ['website'], measure: 'activities' }, citation: OUTREACH },
  { code: 'tt_bulletins', name: 'Số bản tin thi đua phát hành', group: 'tuyen_truyen', type: 'number', unitLabel: 'số', aggregate: 'sum', source: { kind: 'outreach', channels: ['ban_tin'], measure: 'activities' }, citation: OUTREACH },
  { code: 'tt_social_posts', name: 'Số bài đăng trên mạng xã hội (Zalo, Facebook)', group: 'tuyen_truyen', type: 'number', unitLabel: 'bài', aggregate: 'sum', source: { kind: 'outreach', channels: ['zalo', 'facebook'], measure: 'activities' }, citation: OUTREACH },
  { code: 'tt_meetings', name: 'Số buổi tuyên truyền qua hội nghị, tập huấn', group: 'tuyen_truyen', type: 'number', unitLabel: 'buổi', aggregate: 'sum', source: { kind: 'outreach', channels: ['hoi_nghi', 'tap_huan'], measure: 'activities' }, citation: OUTREACH },
  { code: 'tt_meeting_participants', name: 'Số lượt người dự hội nghị, tập huấn', group: 'tuyen_truyen', type: 'number', unitLabel: 'lượt người', aggregate: 'sum', source: { kind: 'outreach', channels: ['hoi_nghi', 'tap_huan'], measure: 'participants' }, citation: OUTREACH },
  { code: 'tt_activities', name: 'Tổng số hoạt động tuyên truyền', group: 'tuyen_truyen', type: 'number', unitLabel: 'hoạt động', aggregate: 'sum', source: { kind: 'outreach', channels: 'all', measure: 'activities' }, citation: OUTREACH },
  { code: 'tt_reach', name: 'Tổng lượt tiếp cận qua các kênh tuyên truyền', group: 'tuyen_truyen', type: 'number', unitLabel: 'lượt', aggregate: 'sum', source: { kind: 'outreach', channels: 'all', measure: 'reach' }, citation: OUTREACH },
  { code: 'van_ban_ra_soat', name: 'Số văn bản quy phạm, nội bộ được rà soát', group: 'chung', type: 'number', unitLabel: 'văn bản', aggregate: 'sum', citation: PRACTICE },
  { code: 'ket_qua_noi_bat', name: 'Kết quả nổi bật, sáng kiến CCHC', group: 'chung', type: 'text', aggregate: 'none', citation: PRACTICE },
  { code: 'minh_chung', name: 'Tài liệu minh chứng', group: 'chung', type: 'file', aggregate: 'none', citation: PRACTICE },
];

export const VALUE_TYPE_LABELS: Record<ReportValueType, string> = { number: 'Số', percent: 'Tỷ lệ (%)', text: 'Văn bản', yes_no: 'Có/Không', file: 'Tệp minh chứng' };
