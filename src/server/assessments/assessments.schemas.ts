// zod schemas of /api/v1/assessments (requests validated here; responses described loosely where large).
import { z } from '@hono/zod-openapi';

const ZRole = z.enum(['officer', 'head', 'council']);
export const ZTier = z.object({ label: z.string().min(1).max(120), role: ZRole });
export const ZBand = z.object({
  code: z.string().min(1).max(40), label: z.string().min(1).max(60),
  min: z.number().nullable(), minInclusive: z.boolean().default(true), max: z.number().nullable(), maxInclusive: z.boolean().default(false),
});
export const ZTieRule = z.object({ criterionCode: z.string().min(1).max(20) });
export const ZNominationRule = z.object({ titleCode: z.string().min(1).max(40), top: z.number().int().min(1).max(100), label: z.string().max(120).optional() });
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng yyyy-mm-dd');

export const ZSettings = z.object({
  name: z.string().min(3).max(300).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  series: z.string().min(1).max(40).optional(),
  periodLabel: z.string().max(120).nullable().optional(),
  selfDeadline: ZIsoDate.nullable().optional(),
  tiers: z.array(ZTier).min(1).max(8).optional(),
  bands: z.array(ZBand).min(1).max(10).optional(),
  tieRules: z.array(ZTieRule).max(10).optional(),
  nominationRules: z.array(ZNominationRule).max(5).optional(),
  reportPeriodId: z.string().max(64).nullable().optional(),
}).openapi('AssessmentSettings');

export const ZCreateAssessment = ZSettings.extend({ ownerUnitId: z.string().min(1).max(64), name: z.string().min(3).max(300), year: z.number().int().min(2000).max(2100) }).openapi('CreateAssessment');

export const ZCriterionInput = z.object({
  code: z.string().min(1).max(20), name: z.string().min(1).max(500), maxPoints: z.number().min(0).max(1000),
  bonusPoints: z.number().min(0).max(1000).optional(), penaltyPoints: z.number().min(0).max(1000).optional(),
  guidance: z.string().max(4000).nullable().optional(), evidenceRequired: z.boolean().optional(),
  evidenceTypes: z.array(z.string().max(10)).max(6).nullable().optional(), deadline: ZIsoDate.nullable().optional(), indicatorCode: z.string().max(60).nullable().optional(),
}).openapi('CriterionInput');
export const ZSetCriteria = z.object({ items: z.array(ZCriterionInput).max(500) });
export const ZSetUnits = z.object({ clusterIds: z.array(z.string().max(64)).max(50).default([]), unitIds: z.array(z.string().max(64)).max(1000).default([]) });
export const ZSetReviewers = z.object({ items: z.array(z.object({ groupId: z.string().max(64), userIds: z.array(z.string().max(64)).max(20) })).max(50) });
export const ZSelfItems = z.object({ items: z.array(z.object({ criterionId: z.string().max(64), score: z.number().nullable(), explanation: z.string().max(4000).nullable().optional() })).min(1).max(500) });
export const ZScoreCell = z.object({ unitId: z.string().max(64), criterionId: z.string().max(64), score: z.number().nullable(), reason: z.string().max(2000) });
export const ZRecusal = z.object({ groupId: z.string().max(64), unitId: z.string().max(64), reason: z.string().max(2000) });
export const ZReason = z.object({ reason: z.string().max(2000).nullable().optional() });
export const ZRequiredReason = z.object({ reason: z.string().max(2000) });
export const ZListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(25),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ZUnitParam = z.object({ id: z.string().min(1).max(64), unitId: z.string().min(1).max(64) });
export const ZEvidenceParam = z.object({ id: z.string().min(1).max(64), evidenceId: z.string().min(1).max(64) });

/** Responses are large nested objects built by the use-cases; documented as open objects. */
export const ZAny = z.object({}).passthrough().openapi('AssessmentPayload');
