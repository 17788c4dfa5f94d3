// Request and response shapes of the nominations and review-session API.
import { z } from '@hono/zod-openapi';
import { ZPageQuery } from '../http';
import { ZReviewQuota } from './quotas';

const ZIso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');
const ZSchoolYear = z.number().int().min(2000).max(2200).openapi({ description: 'Năm học theo năm bắt đầu (2025 = năm học 2025-2026)' });
const ZTitleCode = z.string().trim().min(1).max(40).openapi({ description: 'Mã danh hiệu theo bộ quy tắc: LDTT, CSTDCS, GIAY_KHEN, TTLDTT, …' });
const ZId = z.string().min(1).max(64);

export const ZNomination = z
  .object({
    id: z.string(), unitId: z.string(), unitName: z.string().nullable(), schoolYear: z.number().int(), schoolYearLabel: z.string(),
    candidateKind: z.enum(['ca_nhan', 'tap_the']), personId: z.string().nullable(), candidateUnitId: z.string().nullable(), candidateName: z.string(),
    titleCode: z.string(), titleName: z.string(), source: z.enum(['registration', 'self', 'officer', 'assessment']), sourceLabel: z.string(), sourceRef: z.string().nullable(),
    note: z.string().nullable(), status: z.enum(['open', 'in_review', 'withdrawn', 'done']), statusLabel: z.string(), createdAt: z.string(),
  })
  .openapi('Nomination');

export const ZCreateNomination = z
  .object({
    unitId: ZId.optional().openapi({ description: 'Đơn vị có Hội đồng xét (mặc định: đơn vị của người tự đề nghị)' }),
    schoolYear: ZSchoolYear,
    candidateKind: z.enum(['ca_nhan', 'tap_the']),
    personId: ZId.nullish(),
    candidateUnitId: ZId.nullish(),
    titleCode: ZTitleCode,
    sourceRef: z.string().max(200).nullish(),
    note: z.string().max(1000).nullish(),
  })
  .refine((v) => (v.candidateKind === 'ca_nhan' ? !!v.personId : !!v.candidateUnitId), { message: 'Chọn cá nhân (personId) hoặc tập thể (candidateUnitId) được đề nghị', path: ['personId'] });

export const ZListNominationsQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  schoolYear: z.coerce.number().int().min(2000).max(2200).optional(),
  status: z.string().max(60).optional().openapi({ description: 'open, in_review, withdrawn, done (phân cách bằng dấu phẩy)' }),
  titleCode: z.string().max(40).optional(),
  personId: ZId.optional(),
  withinId: ZId.optional().openapi({ description: 'Đơn vị xét thuộc cây đơn vị này (chính nó và các đơn vị trực thuộc)' }),
  source: z.string().max(60).optional().openapi({ description: 'registration, self, officer, assessment (phân cách bằng dấu phẩy)' }),
  candidateKind: z.enum(['ca_nhan', 'tap_the']).optional(),
  mine: z.enum(['true', 'false']).optional().openapi({ description: 'true: chỉ đề nghị của chính mình' }),
  q: z.string().max(100).optional().openapi({ description: 'Tên người, tập thể được đề nghị (gõ không dấu cũng được)' }),
});

export const ZCreateNominations = z
  .object({
    unitId: ZId.openapi({ description: 'Đơn vị có Hội đồng xét' }),
    schoolYear: ZSchoolYear,
    titleCode: ZTitleCode,
    personIds: z.array(ZId).max(500).optional().openapi({ description: 'Các cá nhân được đề nghị' }),
    candidateUnitIds: z.array(ZId).max(200).optional().openapi({ description: 'Các tập thể được đề nghị' }),
    note: z.string().max(1000).nullish(),
  })
  .refine((v) => (v.personIds?.length ?? 0) + (v.candidateUnitIds?.length ?? 0) > 0, { message: 'Chọn ít nhất một cá nhân hoặc tập thể để đề nghị', path: ['personIds'] });

export const ZCreatedNominations = z.object({ created: z.number().int(), items: z.array(ZNomination) }).openapi('CreatedNominations');

export const ZReason = z.object({ reason: z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự)').max(500) });

export const ZVoteOverride = z
  .object({
    share: z.number().gt(0).max(1).openapi({ description: 'Tỷ lệ trên tổng số thành viên, ví dụ 0.8' }),
    comparison: z.enum(['gte', 'gt']).optional(),
    citation: z.string().trim().min(3).max(300).openapi({ description: 'Quy chế của cơ quan, ví dụ "Quy chế TĐKT tỉnh X Điều 12"' }),
    label: z.string().max(200).optional(),
    verified: z.boolean().optional(),
  })
  .openapi('VoteOverride');

export const ZCreateSession = z.object({
  unitId: ZId,
  schoolYear: ZSchoolYear.optional(),
  name: z.string().trim().max(300).optional(),
  period: z.string().trim().max(120).optional().openapi({ description: 'Kỳ bình xét, ví dụ "Năm học 2025-2026", "Học kỳ I"' }),
  reviewDate: ZIso.optional().openapi({ description: 'Ngày họp (chọn bộ quy tắc áp dụng)' }),
  location: z.string().trim().max(300).nullish(),
  planId: ZId.nullish().openapi({ description: 'Kế hoạch thi đua: chỉ tiêu lấy từ danh sách khen thưởng của kế hoạch' }),
  quotas: z.array(ZReviewQuota).max(40).optional(),
  voteOverride: ZVoteOverride.nullish(),
});

export const ZUpdateSession = z.object({
  name: z.string().trim().max(300).optional(),
  period: z.string().trim().max(120).optional(),
  reviewDate: ZIso.optional(),
  location: z.string().trim().max(300).nullish(),
  quotas: z.array(ZReviewQuota).max(40).optional(),
  voteOverride: ZVoteOverride.nullish(),
});

export const ZListSessionsQuery = ZPageQuery.extend({
  unitId: ZId.optional(),
  schoolYear: z.coerce.number().int().min(2000).max(2200).optional(),
  status: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
});

const ZSessionHead = z.object({
  id: z.string(), unitId: z.string(), unitName: z.string().nullable(), schoolYear: z.number().int(), schoolYearLabel: z.string(), name: z.string(), period: z.string(),
  reviewDate: z.string(), location: z.string().nullable(), planId: z.string().nullable(), status: z.enum(['draft', 'open', 'voting', 'closed']), statusLabel: z.string(),
  ruleSetCode: z.string(), ruleSetVersion: z.number().int(), openedAt: z.string().nullable(), closedAt: z.string().nullable(), minutesDocumentId: z.string().nullable(), createdAt: z.string(),
});

export const ZSessionListItem = ZSessionHead.extend({ memberCount: z.number().int(), candidateCount: z.number().int(), passedCount: z.number().int().nullable() }).openapi('ReviewSessionListItem');

export const ZSession = ZSessionHead.extend({
  voteOverride: ZVoteOverride.nullable(),
  quotas: z.array(z.object({ titleCode: z.string(), titleName: z.string(), max: z.number().nullish(), percent: z.number().nullish(), ofTitleCode: z.string().nullish(), note: z.string().nullish(), limit: z.number().int(), count: z.number().int() })),
  members: z.array(z.object({
    id: z.string(), personId: z.string(), userId: z.string().nullable(), name: z.string(), position: z.string().nullable(), role: z.enum(['chair', 'secretary', 'member']), roleLabel: z.string(), hasAccount: z.boolean(),
    participation: z.enum(['electronic', 'written', 'absent']).nullable().openapi({ description: 'Chỉ hiện sau khi kết thúc phiên' }),
  })),
  candidates: z.array(z.object({
    id: z.string(), nominationId: z.string().nullable(), candidateKind: z.enum(['ca_nhan', 'tap_the']), personId: z.string().nullable(), candidateUnitId: z.string().nullable(), name: z.string(),
    titleCode: z.string(), titleName: z.string(), threshold: z.string().nullable(), eligibility: z.any().nullable().openapi({ description: 'Kết quả đối chiếu tiêu chuẩn (lưu khi thêm ứng viên)' }),
    result: z.enum(['pending', 'passed', 'failed', 'withdrawn']), resultLabel: z.string(),
    votes: z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int(), writtenFor: z.number().int(), writtenAgainst: z.number().int(), writtenAbstain: z.number().int(), message: z.string().nullable() }).nullable().openapi({ description: 'Chỉ có sau khi kết thúc phiên' }),
  })),
  conflicts: z.array(z.object({ id: z.string(), memberId: z.string(), memberName: z.string(), candidateId: z.string(), candidateName: z.string(), titleName: z.string(), reason: z.string() })),
  participation: z.object({ members: z.number().int(), electronic: z.number().int(), written: z.number().int(), absent: z.number().int() }),
  me: z.object({ memberId: z.string(), role: z.enum(['chair', 'secretary', 'member']), hasVoted: z.boolean(), conflictCandidateIds: z.array(z.string()), canVote: z.boolean() }).nullable(),
  canManage: z.boolean(),
  canRecordWritten: z.boolean(),
}).openapi('ReviewSession');

export const ZAddMembers = z.object({
  members: z.array(z.object({ personId: ZId, role: z.enum(['chair', 'secretary', 'member']).default('member'), userId: ZId.nullish() })).min(1, 'Chọn ít nhất một thành viên').max(51),
});

export const ZAddCandidates = z.object({
  nominationIds: z.array(ZId).max(500).optional(),
  people: z.array(z.object({ personId: ZId, titleCode: ZTitleCode, note: z.string().max(500).nullish() })).max(500).optional(),
  units: z.array(z.object({ unitId: ZId, titleCode: ZTitleCode, note: z.string().max(500).nullish() })).max(200).optional(),
  eligibleFor: ZTitleCode.nullish().openapi({ description: 'Thêm mọi cá nhân của đơn vị đủ điều kiện danh hiệu này' }),
});

export const ZConflict = z.object({ candidateId: ZId, memberId: ZId.nullish().openapi({ description: 'Thành viên (cán bộ TĐKT ghi hộ); bỏ trống = chính mình' }), reason: z.string().trim().min(3, 'Nhập lý do (ít nhất 3 ký tự)').max(500) });

const ZChoices = z.record(z.string(), z.enum(['for', 'against', 'abstain'])).openapi({ description: 'Mỗi ứng viên: for = Đồng ý, against = Không đồng ý, abstain = Không biểu quyết' });
export const ZBallot = z.object({ choices: ZChoices });
export const ZWrittenVote = z.object({ memberId: ZId, choices: ZChoices });
export const ZBallotAck = z.object({ ok: z.literal(true), message: z.string() });
export const ZMemberParam = z.object({ id: ZId, memberId: ZId });
export const ZCandidateParam = z.object({ id: ZId, candidateId: ZId });
