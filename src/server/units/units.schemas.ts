import { z } from '@hono/zod-openapi';
import { UNIT_KINDS } from '../../shared/labels';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD');
export const ZUnitKind = z.enum(UNIT_KINDS as [string, ...string[]]);

export const ZUnit = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), shortName: z.string().nullable(), abbreviation: z.string().nullable(),
    kind: z.string(), kindLabel: z.string(), provinceCode: z.string(), communeCode: z.string().nullable(),
    parentId: z.string().nullable(), parentName: z.string().nullable().optional(), profParentId: z.string().nullable(),
    address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
    status: z.string(), statusLabel: z.string(), validFrom: z.string(), validTo: z.string().nullable(),
    childCount: z.number().optional(), peopleCount: z.number().optional(),
  })
  .openapi('Unit');
export type TUnit = z.infer<typeof ZUnit>;

export const ZCreateUnitRequest = z.object({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu gạch'),
  name: z.string().trim().min(2).max(250),
  shortName: z.string().trim().max(120).nullish(),
  abbreviation: z.string().trim().max(30).nullish(),
  kind: ZUnitKind,
  parentId: z.string().min(1),
  profParentId: z.string().min(1).nullish(),
  communeCode: z.string().max(10).nullish(),
  address: z.string().max(300).nullish(),
  phone: z.string().max(30).nullish(),
  email: z.string().email().max(200).nullish(),
  validFrom: ZDate,
  reason: z.string().max(1000).nullish(),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.object({
  name: z.string().trim().min(2).max(250).optional(),
  shortName: z.string().trim().max(120).nullish(),
  abbreviation: z.string().trim().max(30).nullish(),
  parentId: z.string().min(1).optional(),
  profParentId: z.string().min(1).nullable().optional(),
  address: z.string().max(300).nullish(),
  phone: z.string().max(30).nullish(),
  email: z.string().email().max(200).nullish(),
  effectiveDate: ZDate,
  reason: z.string().max(1000).nullish(),
});
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;

export const ZMergeUnitsRequest = z.object({
  sourceIds: z.array(z.string().min(1)).min(1).max(50),
  effectiveDate: ZDate,
  reason: z.string().trim().min(3, 'Cần ghi lý do hoặc căn cứ sáp nhập').max(1000),
});
export type TMergeUnitsRequest = z.infer<typeof ZMergeUnitsRequest>;

export const ZSplitUnitRequest = z.object({
  effectiveDate: ZDate,
  reason: z.string().trim().min(3, 'Cần ghi lý do hoặc căn cứ chia tách').max(1000),
  parts: z.array(z.object({ code: ZCreateUnitRequest.shape.code, name: ZCreateUnitRequest.shape.name, kind: ZUnitKind })).min(2).max(10),
  /** personId → index in parts; people not listed go to the first part. */
  personAssignments: z.record(z.string(), z.number().int().min(0)).optional(),
});
export type TSplitUnitRequest = z.infer<typeof ZSplitUnitRequest>;

export const ZUnitEvent = z.object({
  id: z.string(), event: z.string(), eventLabel: z.string(), effectiveDate: z.string(), relatedUnitId: z.string().nullable(),
  relatedUnitName: z.string().nullable(), details: z.any(), actorName: z.string().nullable(), createdAt: z.string(),
});
