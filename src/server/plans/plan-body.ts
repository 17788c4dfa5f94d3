// The structured body of a plan, mirroring the sections of the seed plans: căn cứ; mục đích, yêu
// cầu; đối tượng; nội dung (with indicators); tiêu chuẩn per title; hình thức khen thưởng with
// quotas; hồ sơ; thời gian (registration, reports, nomination, sơ kết, tổng kết); tổ chức thực
// hiện; kinh phí. Stored as JSON text in plans.body and validated on every write.
import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../../shared/labels';

export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ngày không tồn tại');
const ZLine = z.string().trim().min(1, 'Không được để trống').max(2000);
const ZShort = z.string().trim().min(1, 'Không được để trống').max(300);

export const REPORT_SCHEDULES = ['quarterly', 'half_year', 'annual'] as const;
export const ZReportSchedule = z.enum(REPORT_SCHEDULES).openapi({ description: 'Kỳ báo cáo: hằng quý, 6 tháng, hằng năm' });

/**
 * "2", "02", "1–2", "1-2", "04 đơn vị dẫn đầu", "01 cá nhân/tập thể", "không quá 15%", "tối đa 3".
 * A quota must begin with a number or a range (optionally after "không quá", "tối đa", "từ").
 */
const QUOTA_RE = /^(?:(?:không quá|tối đa|từ)\s+)?(\d{1,5})(?:\s*[–—-]\s*(\d{1,5}))?\s*(%)?(?:\s+\S.*)?$/iu;

export function parseQuota(text: string): { min: number; max: number; percent: boolean } | null {
  const m = QUOTA_RE.exec(text.trim());
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] !== undefined ? Number(m[2]) : min;
  if (max < min) return null;
  return { min, max, percent: !!m[3] };
}

export const ZQuota = z
  .string()
  .trim()
  .min(1, 'Cần ghi số lượng')
  .max(120)
  .refine((q) => parseQuota(q) !== null, 'Số lượng phải là một số hoặc một khoảng, ví dụ: 2, 1–2, 04 đơn vị dẫn đầu, không quá 15%')
  .openapi({ description: 'Số lượng: số hoặc khoảng, có thể kèm chữ ("1–2", "04 đơn vị dẫn đầu")', example: '1–2' });

export const ZLegalBasis = z.object({
  kind: z.enum(['law', 'parent_plan', 'other']).default('law').openapi({ description: 'Loại căn cứ: văn bản pháp luật, kế hoạch cấp trên, khác' }),
  text: ZLine.openapi({ description: 'Câu căn cứ như trong văn bản, ví dụ "Kế hoạch số 45/KH-SGDĐT ngày 31/01/2024 của Sở …"' }),
  planId: z.string().max(64).nullish().openapi({ description: 'Kế hoạch cấp trên trong thidua (nếu có)' }),
}).openapi('PlanLegalBasis');

export const ZIndicator = z.object({
  name: ZShort.openapi({ description: 'Chỉ tiêu, ví dụ "Tỷ lệ hồ sơ TTHC giải quyết trực tuyến"' }),
  target: z.string().trim().max(120).nullish().openapi({ description: 'Mức phấn đấu, ví dụ "≥ 90%"' }),
  unit: z.string().trim().max(40).nullish().openapi({ description: 'Đơn vị tính' }),
}).openapi('PlanIndicator');

export const ZContentItem = z.object({
  title: ZLine.openapi({ description: 'Nội dung thi đua' }),
  details: z.array(ZLine).max(50).default([]).openapi({ description: 'Các ý cụ thể (gạch đầu dòng "+")' }),
  indicators: z.array(ZIndicator).max(30).default([]),
}).openapi('PlanContentItem');

export const ZCriteria = z.object({
  title: ZShort.openapi({ description: 'Danh hiệu hoặc hình thức, ví dụ "Lao động tiên tiến", "Giấy khen của Giám đốc Sở"' }),
  recipient: z.enum(['collective', 'individual']),
  items: z.array(ZLine).min(1, 'Cần ít nhất một tiêu chuẩn').max(30),
}).openapi('PlanCriteria');

export const ZAward = z.object({
  name: ZShort.openapi({ description: 'Danh hiệu hoặc hình thức khen thưởng, ví dụ "Giấy khen"' }),
  authority: z.string().trim().max(200).nullish().openapi({ description: 'Cấp khen, ví dụ "Giám đốc Sở Giáo dục và Đào tạo"' }),
  recipient: z.enum(['collective', 'individual']),
  quota: ZQuota,
  moneySource: z.string().trim().max(300).nullish().openapi({ description: 'Nguồn kinh phí khen thưởng' }),
  note: z.string().trim().max(500).nullish(),
}).openapi('PlanAward');

export const ZReportDue = z.object({
  schedule: ZReportSchedule,
  period: ZShort.openapi({ description: 'Kỳ: "Quý I", "6 tháng đầu năm", "Năm học 2025-2026"' }),
  dueDate: ZIsoDate,
}).openapi('PlanReportDue');

export const ZMilestone = z.object({
  date: ZIsoDate,
  task: ZLine,
  owner: z.string().trim().max(200).nullish(),
}).openapi('PlanMilestone');

export const ZTimeline = z.object({
  registrationDeadline: ZIsoDate.nullish().openapi({ description: 'Hạn đăng ký thi đua' }),
  reportSchedules: z.array(ZReportSchedule).max(3).default([]).openapi({ description: 'Chế độ báo cáo định kỳ' }),
  reports: z.array(ZReportDue).max(40).default([]).openapi({ description: 'Các kỳ báo cáo và hạn nộp' }),
  nominationDeadline: ZIsoDate.nullish().openapi({ description: 'Hạn gửi hồ sơ đề nghị khen thưởng (ví dụ 15/01)' }),
  midtermReviewDate: ZIsoDate.nullish().openapi({ description: 'Ngày sơ kết' }),
  finalReviewDate: ZIsoDate.nullish().openapi({ description: 'Ngày tổng kết' }),
  milestones: z.array(ZMilestone).max(50).default([]).openapi({ description: 'Các mốc khác' }),
}).openapi('PlanTimeline');

export const ZImplementationPart = z.object({
  part: ZShort.openapi({ description: 'Bộ phận: "Ban Giám hiệu", "Các tổ chuyên môn", "Công đoàn cơ sở"…' }),
  tasks: z.array(ZLine).min(1, 'Cần ít nhất một nhiệm vụ').max(30),
}).openapi('PlanImplementationPart');

export const ZSubjects = z.object({
  collectives: z.object({
    unitKinds: z.array(z.enum(UNIT_KINDS as [string, ...string[]])).max(20).default([]).openapi({ description: 'Loại đơn vị tham gia (tập thể)' }),
    groups: z.array(ZShort).max(30).default([]).openapi({ description: 'Tập thể trong đơn vị: tổ chuyên môn, đoàn thể…' }),
    text: z.string().trim().max(1000).nullish().openapi({ description: 'Cách ghi trong văn bản (nếu muốn tự viết)' }),
  }).default({ unitKinds: [], groups: [] }),
  individuals: z.object({
    staffCategories: z.array(ZShort).max(20).default([]).openapi({ description: 'Cán bộ quản lý, giáo viên, nhân viên…' }),
    learners: z.boolean().default(false).openapi({ description: 'Người học cùng tham gia' }),
    text: z.string().trim().max(1000).nullish(),
  }).default({ staffCategories: [], learners: false }),
}).openapi('PlanSubjects');

export const ZDossier = z.object({
  items: z.array(ZLine).max(30).default([]),
  copies: z.number().int().min(1).max(20).nullish().openapi({ description: 'Số bộ hồ sơ' }),
  submitTo: z.string().trim().max(300).nullish().openapi({ description: 'Nơi nhận hồ sơ, ví dụ "Văn phòng Sở"' }),
}).openapi('PlanDossier');

const ZBodyObject = z.object({
  movementName: z.string().trim().max(200).nullish().openapi({ description: 'Tên phong trào, ví dụ "Đẩy mạnh cải cách hành chính"' }),
  place: z.string().trim().max(60).nullish().openapi({ description: 'Địa danh ghi ở dòng ngày tháng' }),
  legalBases: z.array(ZLegalBasis).max(30).default([]),
  intro: z.string().trim().max(2000).nullish(),
  purposes: z.array(ZLine).max(30).default([]),
  requirements: z.array(ZLine).max(30).default([]),
  subjects: ZSubjects.default({ collectives: { unitKinds: [], groups: [] }, individuals: { staffCategories: [], learners: false } }),
  contents: z.array(ZContentItem).max(50).default([]),
  criteria: z.array(ZCriteria).max(30).default([]),
  awards: z.array(ZAward).max(40).default([]),
  dossier: ZDossier.default({ items: [] }),
  timeline: ZTimeline.default({ reportSchedules: [], reports: [], milestones: [] }),
  implementation: z.array(ZImplementationPart).max(30).default([]),
  funding: z.array(ZLine).max(20).default([]),
  closing: z.string().trim().max(2000).nullish(),
  recipients: z.array(ZShort).max(40).default([]).openapi({ description: 'Nơi nhận (không gồm "Lưu: VT")' }),
});

/** Dates in a plan's own order; each problem is reported on its field. */
export function checkPlanDates(body: z.infer<typeof ZBodyObject>, period: { from: string; to: string }, add: (path: string, message: string) => void): void {
  const t = body.timeline;
  if (period.from > period.to) add('periodTo', 'Ngày kết thúc phải sau ngày bắt đầu');
  const inPeriod = (d: string | null | undefined) => !d || (d >= period.from);
  if (t.registrationDeadline && !inPeriod(t.registrationDeadline)) add('body.timeline.registrationDeadline', 'Hạn đăng ký thi đua phải trong thời gian của kế hoạch');
  if (t.registrationDeadline && t.registrationDeadline > period.to) add('body.timeline.registrationDeadline', 'Hạn đăng ký thi đua phải trước khi kế hoạch kết thúc');
  if (t.midtermReviewDate && !inPeriod(t.midtermReviewDate)) add('body.timeline.midtermReviewDate', 'Ngày sơ kết phải sau ngày bắt đầu kế hoạch');
  if (t.registrationDeadline && t.midtermReviewDate && t.midtermReviewDate < t.registrationDeadline) add('body.timeline.midtermReviewDate', 'Ngày sơ kết phải sau hạn đăng ký thi đua');
  if (t.finalReviewDate && !inPeriod(t.finalReviewDate)) add('body.timeline.finalReviewDate', 'Ngày tổng kết phải sau ngày bắt đầu kế hoạch');
  if (t.midtermReviewDate && t.finalReviewDate && t.finalReviewDate <= t.midtermReviewDate) add('body.timeline.finalReviewDate', 'Ngày tổng kết phải sau ngày sơ kết');
  if (t.nominationDeadline && !inPeriod(t.nominationDeadline)) add('body.timeline.nominationDeadline', 'Hạn gửi hồ sơ khen thưởng phải sau ngày bắt đầu kế hoạch');
  t.reports.forEach((r, i) => {
    if (!inPeriod(r.dueDate)) add(`body.timeline.reports.${i}.dueDate`, `Hạn báo cáo ${r.period} phải sau ngày bắt đầu kế hoạch`);
  });
  t.milestones.forEach((m, i) => {
    if (!inPeriod(m.date)) add(`body.timeline.milestones.${i}.date`, 'Mốc thời gian phải sau ngày bắt đầu kế hoạch');
  });
}

export const ZPlanBody = ZBodyObject.openapi('PlanBody');
export type TPlanBody = z.infer<typeof ZPlanBody>;
export type TPlanBodyInput = z.input<typeof ZPlanBody>;

/** Report due dates for the chosen schedules over a period (the 5th of the month after each period ends). */
export function reportDueDates(schedules: readonly (typeof REPORT_SCHEDULES)[number][], from: string, to: string): z.infer<typeof ZReportDue>[] {
  const out: z.infer<typeof ZReportDue>[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const dueAfter = (d: Date) => {
    const n = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 5));
    return n.toISOString().slice(0, 10);
  };
  const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0));
  const roman = ['I', 'II', 'III', 'IV'];
  if (schedules.includes('quarterly')) {
    let y = start.getUTCFullYear();
    let q = Math.floor(start.getUTCMonth() / 3);
    for (;;) {
      const qEnd = monthEnd(y, q * 3 + 2);
      if (qEnd > end && qEnd.getTime() - end.getTime() > 31 * 86400_000) break;
      out.push({ schedule: 'quarterly', period: `Quý ${roman[q]} năm ${y}`, dueDate: dueAfter(qEnd) });
      q++;
      if (q === 4) { q = 0; y++; }
      if (out.length > 20) break;
    }
  }
  if (schedules.includes('half_year')) {
    const mid = new Date(start.getTime());
    mid.setUTCMonth(mid.getUTCMonth() + 5);
    const halfEnd = monthEnd(mid.getUTCFullYear(), mid.getUTCMonth());
    if (halfEnd < end) out.push({ schedule: 'half_year', period: '6 tháng đầu', dueDate: dueAfter(halfEnd) });
  }
  if (schedules.includes('annual')) out.push({ schedule: 'annual', period: 'Cả năm', dueDate: dueAfter(end) });
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
