// Shapes of the dossier and decision API as the web app uses them.
export type TDossierStatus = 'draft' | 'submitted' | 'accepted' | 'returned' | 'decided';

export const DOSSIER_STATUS_COLORS: Record<TDossierStatus, string> = { draft: 'gray', submitted: 'blue', accepted: 'cyan', returned: 'orange', decided: 'green' };
export const DOSSIER_STATUS_OPTIONS = [
  { value: 'draft', label: 'Đang soạn' },
  { value: 'submitted', label: 'Đã gửi, chờ tiếp nhận' },
  { value: 'accepted', label: 'Đã tiếp nhận' },
  { value: 'returned', label: 'Bị trả lại' },
  { value: 'decided', label: 'Đã có quyết định' },
];

export type TDossier = {
  id: string; title: string; schoolYear: number; schoolYearLabel: string; commendationType: string;
  senderUnitId: string; senderName: string | null; receiverUnitId: string; receiverName: string | null;
  status: TDossierStatus; statusLabel: string; stepsDone: string[]; assignedUserId: string | null; returnReason: string | null;
  decisionId: string | null; reviewSessionId: string | null; itemCount: number | null; submittedAt: string | null; acceptedAt: string | null; createdAt: string; updatedAt: string;
};

export type TDossierItem = {
  id: string; recipientKind: 'individual' | 'collective'; personId: string | null; unitId: string; name: string; position: string | null; unitName: string;
  titleCode: string; titleName: string; achievements: string; hasReport: boolean;
  verdict: { status: string; eligible: boolean; messages: string[]; ruleSetId: string | null } | null; reviewCandidateId: string | null;
};

export type TDossierDetail = TDossier & {
  items: TDossierItem[];
  files: { id: string; itemId: string | null; fileName: string; mime: string; size: number; createdAt: string }[];
  timeline: { seq: number; action: string; actionLabel: string; unitName: string | null; toUnitName: string | null; actorName: string | null; reason: string | null; note: string | null; at: string }[];
  workflow: { code: string; label: string; done: boolean }[];
  actions: { edit: boolean; submit: boolean; recall: boolean; accept: boolean; assign: boolean; check: boolean; return: boolean; forward: boolean; decide: boolean };
};

export type TDecisionLine = {
  id: string; recipientKind: 'individual' | 'collective'; personId: string | null; unitId: string; name: string; position: string | null; unitName: string;
  titleCode: string; titleName: string; period: string; coefficient: number; baseSalary: number; amount: number; paid: boolean; note: string | null; awardId: string | null;
};

export type TDecision = {
  id: string; dossierId: string; unitId: string; unitName: string | null; authorityKind: string; authorityName: string; numberId: string; number: string;
  date: string; summary: string; signerName: string; signerTitle: string; schoolYear: number; totalAmount: number; published: boolean; publishedAt: string | null;
  certificateBatchId: string | null; canPublish: boolean; lines: TDecisionLine[];
};

export type TPublicDecision = { id: string; number: string; date: string; authority: string; summary: string; schoolYear: string; awardees: { name: string; unit: string; title: string; kind: string }[] };
export type TPublicExemplar = { id: string; name: string; unit: string; schoolYear: string; quarter: number; title: string; writeUp: string };

export const VERDICT_LABELS: Record<string, { label: string; color: string }> = {
  eligible: { label: 'Đủ điều kiện', color: 'green' },
  not_eligible: { label: 'Chưa đủ điều kiện', color: 'red' },
  needs_review: { label: 'Cần xem xét', color: 'yellow' },
  unknown: { label: 'Chưa kiểm tra', color: 'gray' },
};
