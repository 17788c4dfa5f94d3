// Request and response schemas of the dossier and decision API.
import { z } from '@hono/zod-openapi';
import { ZPageQuery } from '../http';
import { COMMENDATION_TYPES } from './manage-dossiers';

export const ZItemInput = z.object({
  personId: z.string().max(64).nullable().optional(),
  unitId: z.string().max(64).nullable().optional(),
  titleCode: z.string().min(1).max(40),
  achievements: z.string().max(4000).optional(),
});

export const ZCreateDossier = z.object({
  senderUnitId: z.string().max(64).optional().openapi({ description: 'Đơn vị gửi (khi lập bằng tay)' }),
  reviewSessionId: z.string().max(64).optional().openapi({ description: 'Lập từ các ứng viên đạt của một phiên bình xét đã đóng' }),
  title: z.string().max(300).optional(),
  schoolYear: z.number().int().min(2000).max(2100).optional(),
  commendationType: z.enum(COMMENDATION_TYPES).optional(),
  items: z.array(ZItemInput).max(500).optional(),
}).openapi('CreateDossier');

export const ZAddItems = z.object({ items: z.array(ZItemInput).min(1).max(500) });
export const ZUpdateItem = z.object({ titleCode: z.string().min(1).max(40).optional(), achievements: z.string().max(4000).optional() });
export const ZNote = z.object({ note: z.string().max(1000).optional() });
export const ZReason = z.object({ reason: z.string().max(2000).optional() });
export const ZAssign = z.object({ userId: z.string().min(1).max(64), note: z.string().max(1000).optional() });
export const ZItemParam = z.object({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

export const ZListDossiersQuery = ZPageQuery.extend({
  box: z.enum(['sent', 'received', 'all']).optional().openapi({ description: 'sent: do đơn vị tôi gửi; received: gửi đến đơn vị tôi' }),
  status: z.enum(['draft', 'submitted', 'accepted', 'returned', 'decided']).optional(),
});

const ZVerdict = z.object({ status: z.string(), eligible: z.boolean(), messages: z.array(z.string()), ruleSetId: z.string().nullable() }).nullable();

export const ZDossierItem = z.object({
  id: z.string(), recipientKind: z.enum(['individual', 'collective']), personId: z.string().nullable(), unitId: z.string(), name: z.string(), position: z.string().nullable(),
  unitName: z.string(), titleCode: z.string(), titleName: z.string(), achievements: z.string(), hasReport: z.boolean(), verdict: ZVerdict, reviewCandidateId: z.string().nullable(),
}).openapi('DossierItem');

export const ZDossier = z.object({
  id: z.string(), title: z.string(), schoolYear: z.number(), schoolYearLabel: z.string(), commendationType: z.string(),
  senderUnitId: z.string(), senderName: z.string().nullable(), receiverUnitId: z.string(), receiverName: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'accepted', 'returned', 'decided']), statusLabel: z.string(), stepsDone: z.array(z.string()),
  assignedUserId: z.string().nullable(), returnReason: z.string().nullable(), decisionId: z.string().nullable(), reviewSessionId: z.string().nullable(),
  itemCount: z.number().nullable(), submittedAt: z.string().nullable(), acceptedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
}).openapi('Dossier');

export const ZDossierDetail = ZDossier.extend({
  items: z.array(ZDossierItem),
  files: z.array(z.object({ id: z.string(), itemId: z.string().nullable(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() })),
  timeline: z.array(z.object({ seq: z.number(), action: z.string(), actionLabel: z.string(), unitName: z.string().nullable(), toUnitName: z.string().nullable(), actorName: z.string().nullable(), reason: z.string().nullable(), note: z.string().nullable(), at: z.string() })),
  workflow: z.array(z.object({ code: z.string(), label: z.string(), done: z.boolean() })),
  actions: z.object({ edit: z.boolean(), submit: z.boolean(), recall: z.boolean(), accept: z.boolean(), assign: z.boolean(), check: z.boolean(), return: z.boolean(), forward: z.boolean(), decide: z.boolean() }),
}).openapi('DossierDetail');

export const ZReportPartBody = z.object({
  duties: z.array(z.string().max(4000)).max(50).default([]),
  achievements: z.array(z.string().max(4000)).max(100).default([]),
  initiatives: z.array(z.object({ name: z.string().trim().min(1).max(300), recognition: z.string().trim().min(1).max(300) })).max(30).default([]),
  residence: z.string().max(200).optional(),
  hometown: z.string().max(200).optional(),
  qualification: z.string().max(200).optional(),
}).openapi('AchievementReportPart');
export const ZReportPartAnswer = z.object({ itemId: z.string(), part: ZReportPartBody, edited: z.boolean(), editable: z.boolean() });

export const ZWorkflowBody = z.object({ steps: z.array(z.object({ code: z.enum(['accept', 'assign', 'check']), label: z.string().min(1).max(80) })).min(1).max(3) }).openapi('DossierWorkflow');

// Decisions

export const ZCreateDecision = z.object({
  dossierId: z.string().min(1).max(64),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải có dạng YYYY-MM-DD').optional(),
  signerName: z.string().max(80).optional(),
  signerTitle: z.string().max(120).optional(),
  summary: z.string().max(300).optional(),
  excludeItemIds: z.array(z.string().max(64)).max(500).optional(),
}).openapi('CreateDecision');

export const ZDecisionLine = z.object({
  id: z.string(), recipientKind: z.enum(['individual', 'collective']), personId: z.string().nullable(), unitId: z.string(), name: z.string(), position: z.string().nullable(), unitName: z.string(),
  titleCode: z.string(), titleName: z.string(), period: z.string(), coefficient: z.number(), baseSalary: z.number(), amount: z.number(), paid: z.boolean(), note: z.string().nullable(), awardId: z.string().nullable(),
});
export const ZDecision = z.object({
  id: z.string(), dossierId: z.string(), unitId: z.string(), unitName: z.string().nullable(), authorityKind: z.string(), authorityName: z.string(), numberId: z.string(), number: z.string(),
  date: z.string(), summary: z.string(), signerName: z.string(), signerTitle: z.string(), schoolYear: z.number(), totalAmount: z.number(), published: z.boolean(), publishedAt: z.string().nullable(),
  certificateBatchId: z.string().nullable(), canPublish: z.boolean(), lines: z.array(ZDecisionLine),
}).openapi('Decision');
export const ZPublish = z.object({ published: z.boolean() });
export const ZPayoutQuery = z.object({ unitId: z.string().max(64).optional().openapi({ description: 'Chỉ danh sách của một đơn vị' }) });

export const ZPublicDecision = z.object({
  id: z.string(), number: z.string(), date: z.string(), authority: z.string(), summary: z.string(), schoolYear: z.string(),
  awardees: z.array(z.object({ name: z.string(), unit: z.string(), title: z.string(), kind: z.enum(['individual', 'collective']) })),
}).openapi('PublicDecision');
export const ZPublicExemplar = z.object({ id: z.string(), name: z.string(), unit: z.string(), schoolYear: z.string(), quarter: z.number(), title: z.string(), writeUp: z.string() }).openapi('PublicExemplar');
