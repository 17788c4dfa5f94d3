// Request and response shapes of /registrations, /pacts, /initiatives, /outreach, /exemplars.
import { z } from '@hono/zod-openapi';
import { ZPageQuery } from '../http';

const ZId = z.string().min(1).max(64);
const ZIso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const ZYear = z.coerce.number().int().min(2000).max(2100).openapi({ description: 'Năm học theo năm bắt đầu (2026 = năm học 2026-2027)' });
export const ZChannel = z.enum(['ban_tin', 'website', 'zalo', 'facebook', 'hoi_nghi', 'tap_huan']).openapi({ description: 'Kênh: bản tin, website, Zalo, Facebook, hội nghị, tập huấn' });
const ZRecipientKind = z.enum(['individual', 'collective']);

// ---- registrations
export const ZBulkRegistration = z.object({
  planId: ZId,
  unitId: ZId.openapi({ description: 'Đơn vị đăng ký (cán bộ thuộc đơn vị và đơn vị trực thuộc)' }),
  items: z.array(z.object({
    personId: ZId.nullable().optional().openapi({ description: 'Cán bộ; bỏ trống để đăng ký danh hiệu tập thể cho đơn vị (unitId)' }),
    unitId: ZId.nullable().optional(),
    titleCode: z.string().max(40).nullable().openapi({ description: 'Mã danh hiệu (LDTT, CSTDCS, TTLDTT…); null = bỏ đăng ký' }),
    commitment: z.string().max(2000).nullable().optional().openapi({ description: 'Nội dung cam kết' }),
  })).min(1, 'Chưa có dòng đăng ký nào').max(2000),
});
export const ZSelfRegistration = z.object({ planId: ZId, titleCode: z.string().min(1, 'Chọn danh hiệu').max(40), commitment: z.string().max(2000).nullable().optional() });
export const ZRegistration = z.object({
  id: z.string(), planId: z.string(), planTitle: z.string().nullable(), unitId: z.string(), unitName: z.string().nullable(), personId: z.string().nullable(), personName: z.string().nullable(),
  recipientKind: ZRecipientKind, schoolYear: z.number(), titleCode: z.string(), titleName: z.string(), commitment: z.string().nullable(), source: z.enum(['unit', 'self']), nominated: z.boolean(), updatedAt: z.string(),
}).openapi('Registration');
const ZTitleCount = z.object({ titleCode: z.string(), titleName: z.string(), recipientKind: ZRecipientKind, count: z.number() });
export const ZTotals = z.object({
  unitId: z.string(), unitName: z.string(), planId: z.string(), titles: z.array(ZTitleCount), total: z.number(),
  children: z.array(z.object({ unitId: z.string(), unitName: z.string(), titles: z.array(ZTitleCount), total: z.number() })),
}).openapi('RegistrationTotals');
export const ZBulkResult = z.object({ created: z.number(), updated: z.number(), removed: z.number(), totals: ZTotals });
export const ZPlanUnitQuery = z.object({ planId: ZId, unitId: ZId });
export const ZRegistrationListQuery = ZPageQuery.extend({ planId: ZId, unitId: ZId, titleCode: z.string().max(40).optional() });
export const ZRosterQuery = ZPageQuery.extend({ planId: ZId, unitId: ZId, q: z.string().max(100).optional() });
export const ZRoster = z.object({
  unit: z.object({ id: z.string(), name: z.string(), titleCode: z.string().nullable(), commitment: z.string().nullable(), nominated: z.boolean() }),
  items: z.array(z.object({ personId: z.string(), fullName: z.string(), position: z.string().nullable(), unitId: z.string(), unitName: z.string(), titleCode: z.string().nullable(), commitment: z.string().nullable(), source: z.string().nullable(), nominated: z.boolean() })),
  total: z.number(), page: z.number(), pageSize: z.number(),
});
export const ZRegistrablePlans = z.object({
  unitId: z.string(),
  items: z.array(z.object({ id: z.string(), title: z.string(), schoolYear: z.number().nullable(), kind: z.string(), unitId: z.string(), unitName: z.string(), own: z.boolean(), periodFrom: z.string(), periodTo: z.string() })),
  titles: z.array(z.object({ code: z.string(), name: z.string(), kind: ZRecipientKind })),
});
export const ZToNominations = z.object({ planId: ZId, unitId: ZId });

// ---- pacts
export const ZCreatePact = z.object({ clusterId: ZId, title: z.string().trim().max(300).nullable().optional(), body: z.string().trim().min(20, 'Nội dung giao ước quá ngắn (ít nhất 20 ký tự)').max(20000) });
export const ZUpdatePact = z.object({ title: z.string().trim().max(300).optional(), body: z.string().trim().min(20, 'Nội dung giao ước quá ngắn (ít nhất 20 ký tự)').max(20000).optional() });
export const ZSignPact = z.object({ unitId: ZId, signerName: z.string().trim().min(2, 'Nhập họ tên người ký').max(120), signerTitle: z.string().trim().max(120).nullable().optional() });
export const ZPact = z.object({
  id: z.string(), clusterId: z.string(), clusterName: z.string(), schoolYear: z.number(), schoolYearLabel: z.string(), leadUnitId: z.string(), leadUnitName: z.string().nullable(),
  title: z.string(), body: z.string(), status: z.enum(['draft', 'open', 'signed']), statusLabel: z.string(), signedCount: z.number(), memberCount: z.number(),
  members: z.array(z.object({ unitId: z.string(), unitName: z.string(), role: z.string(), signed: z.boolean(), signerName: z.string().nullable(), signerTitle: z.string().nullable(), signedAt: z.string().nullable(), canSign: z.boolean() })),
  canEdit: z.boolean(),
}).openapi('Pact');
export const ZPactSummary = z.object({ id: z.string(), clusterId: z.string(), clusterName: z.string(), title: z.string(), schoolYear: z.number(), schoolYearLabel: z.string(), status: z.enum(['draft', 'open', 'signed']), statusLabel: z.string(), signedCount: z.number(), memberCount: z.number() });
export const ZPactListQuery = ZPageQuery.extend({ schoolYear: ZYear.optional() });
export const ZPactCandidates = z.object({ items: z.array(z.object({ clusterId: z.string(), clusterName: z.string(), schoolYear: z.number(), schoolYearLabel: z.string() })) });

// ---- initiatives
const ZInitiativeStatus = z.enum(['submitted', 'scoring', 'recognised', 'rejected']);
export const ZSubmitInitiative = z.object({
  personId: ZId.optional().openapi({ description: 'Tác giả (cán bộ TĐKT nộp thay); bỏ trống = chính mình' }),
  title: z.string().trim().min(5, 'Tên sáng kiến quá ngắn').max(300),
  summary: z.string().trim().min(20, 'Tóm tắt sáng kiến quá ngắn (ít nhất 20 ký tự)').max(10000),
  field: z.string().trim().max(120).nullable().optional(),
  schoolYear: z.number().int().min(2000).max(2100).optional(),
});
export const ZScoreInitiative = z.object({
  score: z.number({ error: 'Nhập điểm từ 0 đến 100' }).int('Điểm phải là số nguyên').min(0, 'Điểm chấm phải từ 0 đến 100').max(100, 'Điểm chấm phải từ 0 đến 100'),
  comment: z.string().trim().max(2000).nullable().optional(),
});
export const ZRecogniseInitiative = z.object({ decisionNumber: z.string().trim().min(1, 'Nhập số quyết định công nhận').max(60), decisionDate: ZIso.nullable().optional() });
export const ZReason = z.object({ reason: z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự)').max(1000) });
const ZInitiativeBase = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string().nullable(), personId: z.string(), personName: z.string().nullable(), title: z.string(), summary: z.string(), field: z.string().nullable(),
  schoolYear: z.number(), schoolYearLabel: z.string(), level: z.enum(['co_so', 'tinh', 'toan_quoc']), levelLabel: z.string(), status: ZInitiativeStatus, statusLabel: z.string(),
  score: z.number().nullable(), scoreCount: z.number(), decisionNumber: z.string().nullable(), decisionDate: z.string().nullable(), recognisedAt: z.string().nullable(), rejectReason: z.string().nullable(), createdAt: z.string(),
});
export const ZInitiativeSummary = ZInitiativeBase.openapi('InitiativeSummary');
export const ZEvidence = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
export const ZInitiative = ZInitiativeBase.extend({
  scores: z.array(z.object({ scorerName: z.string(), score: z.number(), comment: z.string().nullable(), mine: z.boolean(), at: z.string() })),
  evidence: z.array(ZEvidence), canScore: z.boolean(), canRecognise: z.boolean(), canReject: z.boolean(), canAddEvidence: z.boolean(),
}).openapi('Initiative');
export const ZInitiativeListQuery = ZPageQuery.extend({ unitId: ZId.optional(), mine: z.enum(['true', 'false']).optional(), schoolYear: ZYear.optional(), status: ZInitiativeStatus.optional(), q: z.string().max(100).optional() });

// ---- outreach
export const ZCreateOutreach = z.object({
  unitId: ZId, planId: ZId.nullable().optional(), channel: ZChannel, activityDate: ZIso, title: z.string().trim().min(3, 'Nhập nội dung hoạt động').max(300),
  participants: z.number().int().min(0, 'Số người tham dự không âm').max(10_000_000).optional(), reach: z.number().int().min(0, 'Lượt tiếp cận không âm').max(1_000_000_000).optional(),
  link: z.string().trim().url('Đường dẫn không hợp lệ').max(500).nullable().optional(), note: z.string().trim().max(2000).nullable().optional(),
});
export const ZOutreach = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string().nullable(), planId: z.string().nullable(), channel: ZChannel, channelLabel: z.string(), activityDate: z.string(), title: z.string(),
  participants: z.number(), reach: z.number(), link: z.string().nullable(), note: z.string().nullable(), createdAt: z.string(),
}).openapi('OutreachEntry');
export const ZOutreachListQuery = ZPageQuery.extend({ unitId: ZId, from: ZIso.optional(), to: ZIso.optional(), channel: ZChannel.optional() });
export const ZOutreachSummaryQuery = z.object({ unitId: ZId, from: ZIso.optional(), to: ZIso.optional() });
export const ZOutreachSummary = z.object({
  unitId: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  channels: z.array(z.object({ channel: ZChannel, channelLabel: z.string(), activities: z.number(), participants: z.number(), reach: z.number() })),
  totals: z.object({ activities: z.number(), participants: z.number(), reach: z.number() }),
  byMonth: z.array(z.object({ month: z.string(), ban_tin: z.number(), website: z.number(), zalo: z.number(), facebook: z.number(), hoi_nghi: z.number(), tap_huan: z.number() })),
}).openapi('OutreachSummary');

// ---- exemplars
const ZExemplarStatus = z.enum(['nominated', 'accepted', 'rejected']);
export const ZNominateExemplar = z.object({
  unitId: ZId, schoolYear: z.number().int().min(2000).max(2100).optional(), quarter: z.number().int().min(1, 'Quý từ 1 đến 4').max(4, 'Quý từ 1 đến 4').optional(),
  personId: ZId.nullable().optional(), title: z.string().trim().min(3, 'Nhập tên điển hình').max(300),
  writeUp: z.string().trim().min(20, 'Bài giới thiệu quá ngắn (ít nhất 20 ký tự)').max(5000, 'Bài giới thiệu ngắn gọn, tối đa 5.000 ký tự'), consentPublic: z.boolean().optional(),
});
export const ZDecideExemplar = z.object({ decision: z.enum(['accept', 'reject']), reason: z.string().trim().max(1000).nullable().optional() });
export const ZConsent = z.object({ consentPublic: z.boolean() });
export const ZExemplar = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string().nullable(), personId: z.string().nullable(), personName: z.string().nullable(), schoolYear: z.number(), quarter: z.number(), quarterLabel: z.string(),
  title: z.string(), writeUp: z.string(), consentPublic: z.boolean(), status: ZExemplarStatus, statusLabel: z.string(), rejectReason: z.string().nullable(), decidedAt: z.string().nullable(), createdAt: z.string(),
}).openapi('Exemplar');
export const ZExemplarListQuery = ZPageQuery.extend({ unitId: ZId, schoolYear: ZYear.optional(), quarter: z.coerce.number().int().min(1).max(4).optional(), status: ZExemplarStatus.optional() });
