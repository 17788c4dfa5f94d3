// Zod schemas of /api/v1/reports (requests strict; responses describe the shapes the web reads).
import { z } from '@hono/zod-openapi';

const ZIso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
export const ZValueType = z.enum(['number', 'percent', 'text', 'yes_no', 'file']);
export const ZSchedule = z.enum(['quarterly', 'half_year', 'annual']);

export const ZSectionItem = z.object({
  code: z.string().min(1).max(60),
  target: z.number().nullable().optional(),
  required: z.boolean().optional(),
});
export const ZSection = z.object({ title: z.string().trim().min(1, 'Nhập tên phần').max(300), items: z.array(ZSectionItem).min(1, 'Mỗi phần cần ít nhất một chỉ tiêu').max(100) });
export type TSection = z.infer<typeof ZSection>;

export const ZCreateFormRequest = z.object({
  planId: z.string().min(1),
  title: z.string().trim().min(3, 'Tên mẫu báo cáo quá ngắn').max(500),
  schedule: ZSchedule,
  dueDays: z.number().int().min(0).max(90).default(10),
  sections: z.array(ZSection).min(1, 'Mẫu báo cáo cần ít nhất một phần').max(30),
  unitIds: z.array(z.string()).max(5000).optional(),
  unitKinds: z.array(z.string()).max(20).optional(),
}).openapi('ReportFormCreate');
export type TCreateFormRequest = z.infer<typeof ZCreateFormRequest>;

export const ZUpdateFormRequest = z.object({
  title: z.string().trim().min(3).max(500).optional(),
  dueDays: z.number().int().min(0).max(90).optional(),
  sections: z.array(ZSection).min(1).max(30).optional(),
  unitIds: z.array(z.string()).max(5000).optional(),
}).openapi('ReportFormUpdate');
export type TUpdateFormRequest = z.infer<typeof ZUpdateFormRequest>;

export const ZPeriodUpdate = z.object({ dueDate: ZIso.optional(), opensOn: ZIso.optional() });
export const ZPeriodCreate = z.object({
  label: z.string().trim().min(3, 'Nhập tên kỳ báo cáo').max(120),
  from: ZIso, to: ZIso, dueDate: ZIso, opensOn: ZIso.optional(),
}).openapi('ReportPeriodCreate');

const ZCodeRef = z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Mã chỉ tiêu không hợp lệ');
export const ZFormula = z.object({ op: z.literal('share'), parts: z.array(ZCodeRef).min(1, 'Chọn ít nhất một chỉ tiêu ở tử số').max(10), total: ZCodeRef });
export const ZOutreachSource = z.object({
  kind: z.literal('outreach'),
  channels: z.union([z.literal('all'), z.array(z.enum(['ban_tin', 'website', 'zalo', 'facebook', 'hoi_nghi', 'tap_huan'])).min(1, 'Chọn ít nhất một kênh').max(6)]),
  measure: z.enum(['activities', 'participants', 'reach']),
}).openapi({ description: 'Lấy số liệu từ sổ tuyên truyền của đơn vị trong thời gian của kỳ: số hoạt động, số lượt người tham dự hoặc lượt tiếp cận' });

export const ZIndicatorInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, 'Mã chỉ tiêu chỉ gồm chữ thường không dấu, số và dấu gạch dưới').optional(),
  name: z.string().trim().min(3).max(300).optional(),
  group: z.string().max(40).optional(),
  type: ZValueType.optional(),
  unitLabel: z.string().max(40).nullable().optional(),
  partOf: z.string().max(60).nullable().optional(),
  max: z.number().nullable().optional(),
  aggregate: z.enum(['sum', 'avg', 'none']).optional(),
  higherIsBetter: z.boolean().optional(),
  citation: z.string().max(1000).nullable().optional(),
  active: z.boolean().optional(),
  formula: ZFormula.nullable().optional(),
  source: ZOutreachSource.nullable().optional(),
}).openapi('ReportIndicatorInput');
export type TIndicatorInput = z.infer<typeof ZIndicatorInput>;

export const ZSaveValuesRequest = z.object({
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  notes: z.record(z.string(), z.string().max(1000).nullable()).optional().openapi({ description: 'Lý do điều chỉnh số liệu lấy từ sổ tuyên truyền, theo mã chỉ tiêu' }),
}).openapi('ReportValues');
export const ZReasonRequest = z.object({ reason: z.string().trim().min(5, 'Nêu lý do trả lại (ít nhất 5 ký tự)').max(2000) });
export const ZOpenRequest = z.object({ formId: z.string().min(1), periodId: z.string().min(1), unitId: z.string().optional() });
export const ZRemindRequest = z.object({ unitIds: z.array(z.string()).max(5000).optional() });
export const ZSummaryRequest = z.object({ formId: z.string().min(1), periodId: z.string().min(1), kind: z.enum(['so_ket', 'tong_ket']) });

export const ZRollupQuery = z.object({
  formId: z.string().min(1),
  periodId: z.string().optional(),
  unitId: z.string().optional(),
  rankBy: z.string().max(60).optional().openapi({ description: 'Mã chỉ tiêu để xếp hạng, hoặc "composite"' }),
  weights: z.string().max(2000).optional().openapi({ description: 'Trọng số cho xếp hạng tổng hợp: ma_chi_tieu:trong_so,…' }),
});
export const ZBoardQuery = z.object({ formId: z.string().min(1), periodId: z.string().min(1), unitId: z.string().optional() });
export const ZListQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20), planId: z.string().optional() });

const ZAny = z.record(z.string(), z.any());
export const ZFormOut = ZAny.openapi('ReportForm');
export const ZSubmissionOut = ZAny.openapi('ReportSubmission');
export const ZRollupOut = ZAny.openapi('ReportRollup');
export const ZBoardOut = ZAny.openapi('ReportBoard');
export const ZCatalogueOut = z.object({ items: z.array(ZAny), groups: z.record(z.string(), z.string()) }).openapi('ReportCatalogue');
export const ZImportResult = ZAny.openapi('ReportImportResult');
