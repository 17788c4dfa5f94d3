// Request and response shapes of the rules API: rule sets, eligibility, the what-if check, statistics.
import { z } from '@hono/zod-openapi';

const ZIso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const ZYearQ = z.coerce.number().int().min(2000).max(2100);

export const ZReason = z.object({
  code: z.string(),
  outcome: z.enum(['pass', 'fail', 'review']),
  message: z.string(),
  citation: z.string(),
  factRef: z.string().nullable(),
  unverified: z.boolean(),
});

export const ZVerdict = z
  .object({
    titleCode: z.string(),
    titleName: z.string(),
    status: z.enum(['eligible', 'not_eligible', 'needs_review']),
    eligible: z.boolean(),
    reasons: z.array(ZReason),
    ruleSetCode: z.string(),
    ruleSetVersion: z.number().int(),
    unverified: z.boolean().openapi({ description: 'Dựa trên giá trị hoặc bộ quy tắc "chưa xác minh"' }),
    unverifiedNotes: z.array(z.string()),
  })
  .openapi('EligibilityVerdict');

const ZSuggestion = z.object({ titleCode: z.string(), titleName: z.string(), status: z.enum(['eligible', 'not_eligible', 'needs_review']), message: z.string() });

export const ZPersonEligibility = z
  .object({
    personId: z.string(),
    fullName: z.string(),
    unitId: z.string(),
    unitName: z.string().nullable(),
    position: z.string().nullable(),
    verdicts: z.array(ZVerdict),
    suggestions: z.array(ZSuggestion),
  })
  .openapi('PersonEligibility');

export const ZUnitEligibility = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  memberCount: z.number().int(),
  verdicts: z.array(ZVerdict),
});

export const ZRuleSetUsed = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  verified: z.boolean(),
  citation: z.string(),
  trail: z.array(z.string()),
});

export const ZEligibilityQuery = z.object({
  unitId: z.string().min(1).max(64),
  schoolYear: ZYearQ.optional().openapi({ description: 'Năm học theo năm bắt đầu; mặc định năm học vừa kết thúc' }),
  reviewDate: ZIso.optional().openapi({ description: 'Ngày xét (chọn bộ quy tắc); mặc định 31/5 cuối năm học hoặc hôm nay' }),
  title: z.string().max(40).optional(),
  onlyEligible: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const ZEligibilityList = z.object({
  schoolYear: z.number().int(),
  reviewDate: z.string(),
  ruleSet: ZRuleSetUsed,
  titles: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string() })),
  summary: z.array(z.object({ titleCode: z.string(), titleName: z.string(), shortName: z.string(), eligible: z.number().int(), needsReview: z.number().int(), notEligible: z.number().int() })),
  items: z.array(ZPersonEligibility),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZYearQuery = z.object({ schoolYear: ZYearQ.optional(), reviewDate: ZIso.optional() });

export const ZPersonEligibilityAnswer = z.object({ schoolYear: z.number().int(), reviewDate: z.string(), ruleSet: ZRuleSetUsed, person: ZPersonEligibility });
export const ZUnitEligibilityAnswer = z.object({ schoolYear: z.number().int(), reviewDate: z.string(), ruleSet: ZRuleSetUsed, units: z.array(ZUnitEligibility) });

const ZRuleSetSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  citation: z.string(),
  unverified: z.boolean(),
  source: z.string(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
});
export const ZRuleSetList = z.object({ items: z.array(ZRuleSetSummary.extend({ versionCount: z.number().int(), unverifiedValues: z.number().int() })) });
export const ZRuleSetDetail = ZRuleSetSummary.extend({
  ruleSet: z.record(z.string(), z.unknown()).openapi({ description: 'Bộ quy tắc (JSON, xem src/rules/types.ts RuleSet)' }),
  history: z.array(ZRuleSetSummary),
});
export const ZRuleSetCreated = ZRuleSetSummary.extend({ ruleSet: z.record(z.string(), z.unknown()), changed: z.array(z.string()) });
export const ZRuleSetParam = z.object({ code: z.string().min(1).max(80) });
export const ZRuleSetVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
export const ZNewRuleSetVersion = z.object({
  baseVersion: z.number().int().min(1).openapi({ description: 'Phiên bản đang sửa (phát hiện sửa đồng thời)' }),
  reason: z.string().max(1000).openapi({ description: 'Lý do thay đổi (ghi nhật ký)' }),
  ruleSet: z.record(z.string(), z.unknown()).openapi({ description: 'Toàn bộ bộ quy tắc sau khi sửa (JSON); id và version do máy chủ đặt' }),
});

export const ZRulesCheckBody = z
  .record(z.string(), z.unknown())
  .openapi({ description: 'Tình huống cần kiểm tra (xem docs/rules.md): reviewDate, year, candidateKind ca_nhan|tap_the, code, facts' });
export const ZRulesCheckAnswer = z.record(z.string(), z.unknown()).openapi('RulesCheckAnswer', { description: 'eligible, checks[], bonus, ruleSet (xem docs/rules.md)' });

export const ZAwardStatsQuery = z.object({
  unitId: z.string().min(1).max(64),
  fromYear: ZYearQ.optional(),
  toYear: ZYearQ.optional(),
  groupBy: z.enum(['title', 'year', 'unitKind', 'gender']).default('title'),
});
export const ZAwardStats = z.object({
  groupBy: z.string(),
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), individual: z.number().int(), collective: z.number().int(), total: z.number().int() })),
  total: z.number().int(),
});
