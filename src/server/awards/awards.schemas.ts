// Request and response shapes of the award history API.
import { z } from '@hono/zod-openapi';
import { AWARD_CODE_LABELS } from '../../shared/labels';

export const AWARD_CODES = Object.keys(AWARD_CODE_LABELS) as [keyof typeof AWARD_CODE_LABELS, ...(keyof typeof AWARD_CODE_LABELS)[]];
export const ZAwardCode = z.enum(AWARD_CODES).openapi({ description: 'Mã danh hiệu / hình thức (theo bộ quy tắc) hoặc other' });
const ZIso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const ZSchoolYear = z.number().int().min(1945).max(2200).openapi({ description: 'Năm học theo năm bắt đầu (2024 = năm học 2024-2025)' });
const ZAmount = z.number().int().min(0).max(10_000_000_000).nullable().optional().openapi({ description: 'Tiền thưởng (đồng)' });

export const ZAward = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    unitId: z.string(),
    unitName: z.string().nullable(),
    recipientKind: z.enum(['individual', 'collective']),
    code: z.string(),
    codeLabel: z.string(),
    name: z.string(),
    schoolYear: z.number().int(),
    schoolYearLabel: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    authority: z.string().nullable(),
    amount: z.number().int().nullable(),
    thematic: z.boolean(),
    source: z.enum(['manual', 'decision_import', 'decision']),
    voided: z.boolean(),
    voidReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Award');
export type TAward = z.infer<typeof ZAward>;

export const ZListAwardsQuery = z.object({
  personId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
});

export const ZCreateAward = z
  .object({
    personId: z.string().max(64).optional(),
    unitId: z.string().max(64).optional().openapi({ description: 'Tập thể được khen (khi không có personId)' }),
    code: ZAwardCode,
    name: z.string().trim().max(300).optional().openapi({ description: 'Tên như quyết định ghi; bắt buộc khi code = other' }),
    schoolYear: ZSchoolYear,
    decisionNumber: z.string().trim().max(60).nullable().optional(),
    decisionDate: ZIso.nullable().optional(),
    authority: z.string().trim().max(300).nullable().optional(),
    amount: ZAmount,
    thematic: z.boolean().optional(),
  })
  .refine((v) => !!v.personId !== !!v.unitId, { message: 'Chọn một cá nhân hoặc một tập thể', path: ['personId'] })
  .refine((v) => v.code !== 'other' || !!v.name, { message: 'Nhập tên hình thức khen thưởng', path: ['name'] });
export type TCreateAward = z.infer<typeof ZCreateAward>;

export const ZVoidAward = z.object({ reason: z.string().trim().min(3, 'Nhập lý do hủy (ít nhất 3 ký tự)').max(500) });

// The parsed document is checked against ZParsedDocument in the route (its recursive sections cannot be
// described in the OpenAPI document).
export const ZMatchRequest = z.object({ parsed: z.record(z.string(), z.unknown()).openapi({ description: 'Văn bản đã đọc (kết quả của POST /api/v1/reader/parse)' }) });

export const ZCandidate = z.object({
  personId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  confidence: z.enum(['exact', 'probable']),
  reasons: z.array(z.string()),
});
export const ZMatchRow = z.object({
  index: z.number().int(),
  kind: z.enum(['tap_the', 'ca_nhan', 'gia_dinh']),
  name: z.string(),
  unitText: z.string().nullable(),
  birthText: z.string().nullable(),
  formText: z.string().nullable(),
  code: z.string(),
  codeLabel: z.string(),
  awardName: z.string(),
  amount: z.number().int().nullable(),
  thematic: z.boolean(),
  confidence: z.enum(['exact', 'probable', 'none']),
  candidates: z.array(ZCandidate),
  note: z.string().nullable(),
});
export const ZMatchResponse = z.object({
  decision: z.object({ number: z.string().nullable(), date: z.string().nullable(), authority: z.string().nullable() }),
  schoolYear: z.number().int().nullable(),
  rows: z.array(ZMatchRow),
});
export type TMatchResponse = z.infer<typeof ZMatchResponse>;

export const ZImportDecision = z.object({
  decision: z.object({
    number: z.string().trim().min(1, 'Nhập số quyết định').max(60),
    date: ZIso.nullable().optional(),
    authority: z.string().trim().max(300).nullable().optional(),
  }),
  rows: z
    .array(
      z.object({
        personId: z.string().min(1).max(64),
        code: ZAwardCode,
        name: z.string().trim().max(300).optional(),
        schoolYear: ZSchoolYear,
        amount: ZAmount,
        thematic: z.boolean().optional(),
      }),
    )
    .min(1, 'Chọn ít nhất một người để ghi')
    .max(2000),
});
export type TImportDecision = z.infer<typeof ZImportDecision>;
export const ZImportResult = z.object({ created: z.number().int(), alreadyRecorded: z.number().int(), awards: z.array(ZAward) });
