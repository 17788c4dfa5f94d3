// Báo cáo thành tích forms as versioned data. A new decree is a new entry here, not new code.
// Numbering: domain.md §2.1. `verified: false` marks a number or structure that was inferred, not read.
import { DocumentInputError } from './errors';

export type TAchievementReportKind = 'individual' | 'collective' | 'thematic';

export type TFormSectionKey =
  // individual
  | 'profile'
  | 'duties'
  | 'achievements'
  | 'titles'
  | 'awards'
  // collective
  | 'unitOverview'
  | 'unitFunctions'
  | 'results'
  | 'measures'
  | 'policy'
  // thematic
  | 'general'
  | 'targets'
  | 'lessons';

export type TFormSection = {
  /** Roman numeral level title, e.g. "SƠ LƯỢC LÝ LỊCH". */
  title: string;
  /** Data keys rendered under this section, each as a numbered sub-section when it has a subtitle. */
  parts: { key: TFormSectionKey; subtitle?: string }[];
};

export type TSignatureBox = { title: string; note: string };

export type TAchievementForm = {
  id: string;
  decree: string;
  effectiveFrom: string;
  /** Last day in force (inclusive); null = open-ended. */
  effectiveTo: string | null;
  kind: TAchievementReportKind;
  formNumber: string;
  /** false = the number (or structure) is inferred; show "chưa xác minh" to users. */
  verified: boolean;
  source: string;
  /** Title line; "{award}" is replaced by what is proposed. */
  title: string;
  /** Line under the title; "{movement}" is replaced by the movement's name. */
  subtitle?: string;
  /** Collective and thematic reports carry the unit's name on the left; individual ones do not. */
  showIssuer: boolean;
  sections: TFormSection[];
  /** Left box (confirming head), right box (the reporter), then boxes below. */
  signatures: { left?: TSignatureBox; right: TSignatureBox; below: TSignatureBox[] };
};

const INDIVIDUAL_SECTIONS: TFormSection[] = [
  { title: 'Sơ lược lý lịch', parts: [{ key: 'profile' }] },
  {
    title: 'Thành tích đạt được',
    parts: [
      { key: 'duties', subtitle: 'Quyền hạn, nhiệm vụ được giao hoặc đảm nhận' },
      { key: 'achievements', subtitle: 'Thành tích đạt được của cá nhân' },
    ],
  },
  {
    title: 'Các hình thức đã được khen thưởng',
    parts: [
      { key: 'titles', subtitle: 'Danh hiệu thi đua' },
      { key: 'awards', subtitle: 'Hình thức khen thưởng' },
    ],
  },
];

const COLLECTIVE_SECTIONS: TFormSection[] = [
  {
    title: 'Sơ lược đặc điểm, tình hình',
    parts: [
      { key: 'unitOverview', subtitle: 'Đặc điểm, tình hình' },
      { key: 'unitFunctions', subtitle: 'Chức năng, nhiệm vụ' },
    ],
  },
  {
    title: 'Thành tích đạt được',
    parts: [
      { key: 'results', subtitle: 'Kết quả thực hiện nhiệm vụ được giao' },
      { key: 'measures', subtitle: 'Các biện pháp, giải pháp và nguyên nhân đạt được thành tích' },
      { key: 'policy', subtitle: 'Việc thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước' },
    ],
  },
  {
    title: 'Các hình thức đã được khen thưởng',
    parts: [
      { key: 'titles', subtitle: 'Danh hiệu thi đua' },
      { key: 'awards', subtitle: 'Hình thức khen thưởng' },
    ],
  },
];

const THEMATIC_SECTIONS: TFormSection[] = [
  { title: 'Thông tin chung', parts: [{ key: 'general' }] },
  {
    title: 'Thành tích đạt được',
    parts: [
      { key: 'targets', subtitle: 'Kết quả thực hiện các chỉ tiêu, nội dung đã đăng ký thi đua' },
      { key: 'measures', subtitle: 'Các biện pháp đã thực hiện' },
      { key: 'lessons', subtitle: 'Bài học kinh nghiệm' },
    ],
  },
];

const SIGN_INDIVIDUAL = {
  left: { title: 'Thủ trưởng đơn vị xác nhận, đề nghị', note: '(Ký, đóng dấu)' },
  right: { title: 'Người báo cáo thành tích', note: '(Ký, ghi rõ họ và tên)' },
  below: [{ title: 'Xác nhận của cấp trình khen thưởng', note: '(Ký, đóng dấu)' }],
};
const SIGN_COLLECTIVE = {
  right: { title: 'Thủ trưởng đơn vị', note: '(Ký, đóng dấu)' },
  below: [{ title: 'Xác nhận của cấp trình khen thưởng', note: '(Ký, đóng dấu)' }],
};

const SRC_91 = 'NĐ 91/2017/NĐ-CP, Phụ lục (9 mẫu BCTT): https://dichvubaocaothue.vn/09-mau-bao-cao-thanh-tich-thi-dua-khen-thuong-va-huong-dan-moi-nhat/';
const SRC_98 = 'NĐ 98/2023/NĐ-CP, Phụ lục I: lawnet.vn (Mẫu 02, Mẫu 03); domain.md §2.1';
const SRC_152 = 'NĐ 152/2025/NĐ-CP, Phụ lục: Mẫu 01/05 đọc tại TVPL/9f0e230b52c8edc9; các số khác suy ra từ thứ tự tên mẫu (domain.md §2.1)';

const TITLE = 'Báo cáo thành tích đề nghị {award}';
const TITLE_THEMATIC = 'Báo cáo thành tích đề nghị {award}';
const SUB_THEMATIC = '(Về thành tích xuất sắc trong phong trào thi đua {movement})';

export const ACHIEVEMENT_FORMS: readonly TAchievementForm[] = [
  // NĐ 91/2017 — effective date recalled (15/10/2017), not read.
  { id: 'nd91-01', decree: 'NĐ 91/2017/NĐ-CP', effectiveFrom: '2017-10-15', effectiveTo: '2023-12-30', kind: 'collective', formNumber: '01', verified: true, source: SRC_91, title: TITLE, showIssuer: true, sections: COLLECTIVE_SECTIONS, signatures: SIGN_COLLECTIVE },
  { id: 'nd91-02', decree: 'NĐ 91/2017/NĐ-CP', effectiveFrom: '2017-10-15', effectiveTo: '2023-12-30', kind: 'individual', formNumber: '02', verified: true, source: SRC_91, title: TITLE, showIssuer: false, sections: INDIVIDUAL_SECTIONS, signatures: SIGN_INDIVIDUAL },
  { id: 'nd91-07', decree: 'NĐ 91/2017/NĐ-CP', effectiveFrom: '2017-10-15', effectiveTo: '2023-12-30', kind: 'thematic', formNumber: '07', verified: true, source: SRC_91, title: TITLE_THEMATIC, subtitle: SUB_THEMATIC, showIssuer: true, sections: THEMATIC_SECTIONS, signatures: SIGN_COLLECTIVE },
  // NĐ 98/2023 — in force 31/12/2023 to 30/06/2025.
  { id: 'nd98-02', decree: 'NĐ 98/2023/NĐ-CP', effectiveFrom: '2023-12-31', effectiveTo: '2025-06-30', kind: 'collective', formNumber: '02', verified: true, source: SRC_98, title: TITLE, showIssuer: true, sections: COLLECTIVE_SECTIONS, signatures: SIGN_COLLECTIVE },
  { id: 'nd98-03', decree: 'NĐ 98/2023/NĐ-CP', effectiveFrom: '2023-12-31', effectiveTo: '2025-06-30', kind: 'individual', formNumber: '03', verified: true, source: SRC_98, title: TITLE, showIssuer: false, sections: INDIVIDUAL_SECTIONS, signatures: SIGN_INDIVIDUAL },
  // Inferred 08; note that real 2024 plans (shared/seeds/000) cite "Mẫu số 07" of NĐ 98 for this report.
  { id: 'nd98-08', decree: 'NĐ 98/2023/NĐ-CP', effectiveFrom: '2023-12-31', effectiveTo: '2025-06-30', kind: 'thematic', formNumber: '08', verified: false, source: `${SRC_98}; số mẫu suy ra (một kế hoạch năm 2024 ghi "Mẫu số 07")`, title: TITLE_THEMATIC, subtitle: SUB_THEMATIC, showIssuer: true, sections: THEMATIC_SECTIONS, signatures: SIGN_COLLECTIVE },
  // NĐ 152/2025 — from 01/07/2025; end 28/02/2027 from the decree's metadata (◐).
  { id: 'nd152-04', decree: 'NĐ 152/2025/NĐ-CP', effectiveFrom: '2025-07-01', effectiveTo: '2027-02-28', kind: 'collective', formNumber: '04', verified: false, source: SRC_152, title: TITLE, showIssuer: true, sections: COLLECTIVE_SECTIONS, signatures: SIGN_COLLECTIVE },
  { id: 'nd152-05', decree: 'NĐ 152/2025/NĐ-CP', effectiveFrom: '2025-07-01', effectiveTo: '2027-02-28', kind: 'individual', formNumber: '05', verified: true, source: SRC_152, title: TITLE, showIssuer: false, sections: INDIVIDUAL_SECTIONS, signatures: SIGN_INDIVIDUAL },
  { id: 'nd152-08', decree: 'NĐ 152/2025/NĐ-CP', effectiveFrom: '2025-07-01', effectiveTo: '2027-02-28', kind: 'thematic', formNumber: '08', verified: false, source: SRC_152, title: TITLE_THEMATIC, subtitle: SUB_THEMATIC, showIssuer: true, sections: THEMATIC_SECTIONS, signatures: SIGN_COLLECTIVE },
];

const KIND_LABEL: Record<TAchievementReportKind, string> = {
  individual: 'cá nhân',
  collective: 'tập thể',
  thematic: 'theo chuyên đề',
};

/** The form of `kind` in force on `isoDate` (the report's date), from `forms` (default: ACHIEVEMENT_FORMS). */
export function selectForm(kind: TAchievementReportKind, isoDate: string, forms: readonly TAchievementForm[] = ACHIEVEMENT_FORMS): TAchievementForm {
  const day = isoDate.slice(0, 10);
  const match = forms.filter((f) => f.kind === kind && f.effectiveFrom <= day && (f.effectiveTo === null || day <= f.effectiveTo));
  if (match.length === 0) {
    throw new DocumentInputError(`Không có mẫu báo cáo thành tích ${KIND_LABEL[kind]} có hiệu lực vào ngày ${day}. Cần bổ sung mẫu của văn bản đang có hiệu lực vào forms.ts.`);
  }
  // Latest effectiveFrom wins if an administrator added an overlapping newer form.
  return [...match].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** "Mẫu số 05 (NĐ 152/2025/NĐ-CP)" with "(số mẫu chưa xác minh)" when inferred. */
export function formLabel(form: TAchievementForm): string {
  return `Mẫu số ${form.formNumber} (${form.decree})${form.verified ? '' : ' (số mẫu chưa xác minh)'}`;
}
