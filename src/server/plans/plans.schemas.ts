// Request and response schemas of /api/v1/plans (documented in the OpenAPI with Vietnamese texts).
import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../../shared/labels';
import { ZIsoDate, ZPlanBody } from './plan-body';
import { PLAN_ACTIONS } from './plan-states';

export const ZPlanKind = z.enum(['regular', 'thematic']).openapi({ description: 'regular: thường xuyên (theo năm học); thematic: theo chuyên đề' });
export const ZPlanState = z.enum(['draft', 'submitted', 'issued', 'in_progress', 'midterm_review', 'final_review', 'closed']);
export const ZPlanAction = z.enum(PLAN_ACTIONS as [string, ...string[]]).openapi({ description: 'submit: trình; return: trả lại (cần lý do); issue: ban hành; start: triển khai; midterm: sơ kết; resume: tiếp tục; final: tổng kết; close: kết thúc' });

const ZSchoolYear = z.number().int().min(2000).max(2100).openapi({ description: 'Năm bắt đầu của năm học, ví dụ 2026 cho năm học 2026-2027' });

export const ZCreatePlanRequest = z.object({
  unitId: z.string().min(1).openapi({ description: 'Đơn vị ban hành kế hoạch' }),
  kind: ZPlanKind,
  title: z.string().trim().min(5).max(300).optional().openapi({ description: 'Trích yếu; để trống thì tạo từ tên phong trào' }),
  movementName: z.string().trim().min(2).max(200).openapi({ description: 'Tên phong trào, ví dụ "Dạy tốt – học tốt"' }),
  schoolYear: ZSchoolYear.nullish(),
  periodFrom: ZIsoDate,
  periodTo: ZIsoDate,
  body: ZPlanBody.optional(),
}).openapi('CreatePlanRequest');
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z.object({
  kind: ZPlanKind.optional(),
  title: z.string().trim().min(5).max(300).optional(),
  movementName: z.string().trim().min(2).max(200).optional(),
  schoolYear: ZSchoolYear.nullable().optional(),
  periodFrom: ZIsoDate.optional(),
  periodTo: ZIsoDate.optional(),
  body: ZPlanBody.optional(),
}).openapi('UpdatePlanRequest');
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZFromCatalogueRequest = z.object({
  unitId: z.string().min(1),
  code: z.string().min(1).max(60).openapi({ description: 'Mã phong trào trong danh mục (GET /plans/catalogue)' }),
  schoolYear: ZSchoolYear,
}).openapi('PlanFromCatalogueRequest');

export const ZFromParentRequest = z.object({
  parentPlanId: z.string().min(1).openapi({ description: 'Kế hoạch đã ban hành của cấp trên' }),
  unitId: z.string().min(1).openapi({ description: 'Đơn vị cấp dưới xây dựng kế hoạch thực hiện' }),
}).openapi('PlanFromParentRequest');

export const ZCascadeRequest = z.object({
  mode: z.enum(['kinds', 'cluster', 'units']).openapi({ description: 'kinds: mọi đơn vị thuộc các loại đã chọn trong phạm vi; cluster: các thành viên của một cụm/khối; units: chọn từng đơn vị' }),
  unitKinds: z.array(z.enum(UNIT_KINDS as [string, ...string[]])).max(20).optional(),
  withinUnitId: z.string().optional().openapi({ description: 'Chỉ lấy đơn vị trong cây của đơn vị này (chế độ kinds)' }),
  clusterId: z.string().optional(),
  unitIds: z.array(z.string().min(1)).max(5000).optional(),
  dueDate: ZIsoDate.openapi({ description: 'Hạn ban hành kế hoạch thực hiện của đơn vị cấp dưới' }),
}).openapi('PlanCascadeRequest');
export type TCascadeRequest = z.infer<typeof ZCascadeRequest>;

export const ZIssueData = z.object({
  number: z.number().int().min(1).max(99999).optional().openapi({ description: 'Số đã giữ chỗ trong sổ văn bản đi; để trống thì lấy số tiếp theo của sổ' }),
  numberId: z.string().max(64).optional().openapi({ description: 'Hoặc mã của số đã giữ chỗ trong sổ văn bản đi (GET /documents/register)' }),
  date: ZIsoDate.openapi({ description: 'Ngày ban hành' }),
  signerName: z.string().trim().min(2).max(80),
  signerTitle: z.string().trim().min(2).max(120).optional().openapi({ description: 'Chức vụ ghi ở phần ký, mặc định theo loại đơn vị (HIỆU TRƯỞNG, GIÁM ĐỐC…)' }),
  signerAuthority: z.enum(['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.']).nullish(),
}).openapi('PlanIssueData');

export const ZTransitionRequest = z.object({
  action: ZPlanAction,
  reason: z.string().trim().max(2000).nullish().openapi({ description: 'Lý do (bắt buộc khi trả lại)' }),
  issue: ZIssueData.optional().openapi({ description: 'Bắt buộc khi ban hành' }),
  cascade: ZCascadeRequest.optional().openapi({ description: 'Giao cho đơn vị cấp dưới triển khai ngay khi ban hành' }),
}).openapi('PlanTransitionRequest');
export type TTransitionRequest = z.infer<typeof ZTransitionRequest>;

export const ZAmendRequest = z.object({ reason: z.string().trim().min(3, 'Cần ghi lý do điều chỉnh').max(2000) }).openapi('PlanAmendRequest');

export const ZRemindRequest = z.object({
  unitIds: z.array(z.string().min(1)).max(5000).optional().openapi({ description: 'Chỉ nhắc các đơn vị này (chưa ban hành); để trống: mọi đơn vị quá hạn' }),
  message: z.string().trim().max(1000).optional(),
}).openapi('PlanRemindRequest');

export const ZAllowedAction = z.object({ action: z.string(), label: z.string(), reasonRequired: z.boolean(), needsIssueData: z.boolean() });

export const ZPlanSummary = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string(),
  kind: z.string(), kindLabel: z.string(), title: z.string(), movementName: z.string().nullable(),
  schoolYear: z.number().nullable(), schoolYearLabel: z.string().nullable(), periodFrom: z.string(), periodTo: z.string(),
  state: z.string(), stateLabel: z.string(), catalogueCode: z.string().nullable(),
  parentPlanId: z.string().nullable(), cascadeTaskId: z.string().nullable(), amendsPlanId: z.string().nullable(), rootPlanId: z.string(),
  version: z.number(), supersededById: z.string().nullable(),
  number: z.number().nullable(), symbol: z.string().nullable(), numberText: z.string().nullable().openapi({ description: 'Số, ký hiệu: "05/KH-SGDĐT"' }),
  issuedDate: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(), stateChangedAt: z.string(),
}).openapi('PlanSummary');

export const ZPlan = ZPlanSummary.extend({
  signer: z.object({ name: z.string(), title: z.string().nullable(), authority: z.string().nullable() }).nullable(),
  returnReason: z.string().nullable(),
  parentPlan: z.object({ id: z.string(), title: z.string(), unitName: z.string(), numberText: z.string().nullable(), issuedDate: z.string().nullable() }).nullable(),
  cascadeTask: z.object({ id: z.string(), dueDate: z.string(), status: z.string(), statusLabel: z.string() }).nullable(),
  body: ZPlanBody,
  allowedActions: z.array(ZAllowedAction),
  canEdit: z.boolean(),
  canCascade: z.boolean(),
}).openapi('Plan');

export const ZCatalogueEntry = z.object({ code: z.string(), kind: z.string(), kindLabel: z.string(), movementName: z.string(), summary: z.string(), periodFrom: z.string(), periodTo: z.string() }).openapi('PlanCatalogueEntry');

export const ZCounts = z.object({ total: z.number(), not_started: z.number(), drafting: z.number(), issued: z.number(), overdue: z.number() }).openapi('CascadeCounts');

export const ZBoardItem = z.object({
  taskId: z.string(), unitId: z.string(), unitName: z.string(), unitKind: z.string(), unitKindLabel: z.string(), groupId: z.string(),
  dueDate: z.string(), status: z.enum(['not_started', 'drafting', 'issued', 'overdue']), statusLabel: z.string(),
  childPlan: z.object({ id: z.string(), state: z.string(), stateLabel: z.string(), numberText: z.string().nullable(), issuedDate: z.string().nullable(), title: z.string() }).nullable(),
  reminderCount: z.number(), lastRemindedAt: z.string().nullable(),
}).openapi('CascadeBoardItem');

export const ZBoardNode = z.object({
  id: z.string().openapi({ description: 'Mã đơn vị của nút' }), name: z.string(), parentId: z.string().nullable().openapi({ description: 'Nút cha; null là đơn vị ban hành kế hoạch' }),
  isTask: z.boolean().openapi({ description: 'Đơn vị này được giao triển khai' }), counts: ZCounts,
}).openapi('CascadeBoardNode');

export const ZBoard = z.object({
  planId: z.string(), rootPlanId: z.string(), planTitle: z.string(), unitId: z.string(), unitName: z.string(), today: z.string(),
  counts: ZCounts, items: z.array(ZBoardItem), tree: z.array(ZBoardNode),
}).openapi('CascadeBoard');

export const ZCascadeResult = z.object({ added: z.number(), existing: z.number(), dueDate: z.string(), units: z.array(z.object({ id: z.string(), name: z.string() })) }).openapi('PlanCascadeResult');

export const ZRemindResult = z.object({
  remindedUnits: z.number(), notifications: z.number(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), recipients: z.number() })),
}).openapi('PlanRemindResult');

export const ZTimelineItem = z.object({
  date: z.string(), kind: z.string(), label: z.string(), state: z.string().nullable(), done: z.boolean(), detail: z.string().nullable(),
}).openapi('PlanTimelineItem');

export const ZPlanListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).openapi({ description: 'Trang, từ 1' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).openapi({ description: 'Số dòng mỗi trang (tối đa 200)' }),
  unitId: z.string().optional().openapi({ description: 'Đơn vị ban hành' }),
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Năm học (năm bắt đầu)' }),
  kind: ZPlanKind.optional(),
  state: z.string().optional().openapi({ description: 'Trạng thái, nhiều trạng thái cách nhau bằng dấu phẩy' }),
  parentPlanId: z.string().optional().openapi({ description: 'Các kế hoạch thực hiện một kế hoạch cấp trên' }),
  q: z.string().max(100).optional().openapi({ description: 'Tìm theo trích yếu (không phân biệt dấu)' }),
});
