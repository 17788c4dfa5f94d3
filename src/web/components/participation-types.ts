// Shapes returned by /registrations, /pacts, /initiatives, /outreach, /exemplars (see the server's participation.schemas.ts).
export type TTitleOption = { code: string; name: string; kind: 'individual' | 'collective' };
export type TRegistrablePlans = {
  unitId: string;
  items: { id: string; title: string; schoolYear: number | null; kind: string; unitId: string; unitName: string; own: boolean; periodFrom: string; periodTo: string }[];
  titles: TTitleOption[];
};
export type TRegistration = {
  id: string; planId: string; planTitle: string | null; unitId: string; unitName: string | null; personId: string | null; personName: string | null;
  recipientKind: 'individual' | 'collective'; schoolYear: number; titleCode: string; titleName: string; commitment: string | null; source: 'unit' | 'self'; nominated: boolean; updatedAt: string;
};
export type TTitleCount = { titleCode: string; titleName: string; recipientKind: 'individual' | 'collective'; count: number };
export type TTotals = { unitId: string; unitName: string; planId: string; titles: TTitleCount[]; total: number; children: { unitId: string; unitName: string; titles: TTitleCount[]; total: number }[] };
export type TRoster = {
  unit: { id: string; name: string; titleCode: string | null; commitment: string | null; nominated: boolean };
  items: { personId: string; fullName: string; position: string | null; unitId: string; unitName: string; titleCode: string | null; commitment: string | null; source: string | null; nominated: boolean }[];
  total: number; page: number; pageSize: number;
};
export type TInitiative = {
  id: string; unitId: string; unitName: string | null; personId: string; personName: string | null; title: string; summary: string; field: string | null;
  schoolYear: number; schoolYearLabel: string; level: string; levelLabel: string; status: 'submitted' | 'scoring' | 'recognised' | 'rejected'; statusLabel: string;
  score: number | null; scoreCount: number; decisionNumber: string | null; decisionDate: string | null; recognisedAt: string | null; rejectReason: string | null; createdAt: string;
};
export type TInitiativeDetail = TInitiative & {
  scores: { scorerName: string; score: number; comment: string | null; mine: boolean; at: string }[];
  evidence: { id: string; fileName: string; mime: string; size: number; createdAt: string }[];
  canScore: boolean; canRecognise: boolean; canReject: boolean; canAddEvidence: boolean;
};
export type TOutreachChannel = 'ban_tin' | 'website' | 'zalo' | 'facebook' | 'hoi_nghi' | 'tap_huan';
export const OUTREACH_CHANNEL_OPTIONS: { value: TOutreachChannel; label: string }[] = [
  { value: 'ban_tin', label: 'Bản tin' }, { value: 'website', label: 'Website' }, { value: 'zalo', label: 'Zalo' },
  { value: 'facebook', label: 'Facebook' }, { value: 'hoi_nghi', label: 'Hội nghị' }, { value: 'tap_huan', label: 'Tập huấn' },
];
export type TOutreach = { id: string; unitId: string; unitName: string | null; planId: string | null; channel: TOutreachChannel; channelLabel: string; activityDate: string; title: string; participants: number; reach: number; link: string | null; note: string | null; createdAt: string };
export type TOutreachSummary = {
  unitId: string; from: string | null; to: string | null;
  channels: { channel: TOutreachChannel; channelLabel: string; activities: number; participants: number; reach: number }[];
  totals: { activities: number; participants: number; reach: number };
  byMonth: ({ month: string } & Record<TOutreachChannel, number>)[];
};
export type TExemplar = {
  id: string; unitId: string; unitName: string | null; personId: string | null; personName: string | null; schoolYear: number; quarter: number; quarterLabel: string;
  title: string; writeUp: string; consentPublic: boolean; status: 'nominated' | 'accepted' | 'rejected'; statusLabel: string; rejectReason: string | null; decidedAt: string | null; createdAt: string; canDecide?: boolean;
};
export type TPactSummary = { id: string; clusterId: string; clusterName: string; title: string; schoolYear: number; schoolYearLabel: string; status: 'draft' | 'open' | 'signed'; statusLabel: string; signedCount: number; memberCount: number };
export type TPact = Omit<TPactSummary, never> & {
  leadUnitId: string; leadUnitName: string | null; body: string;
  members: { unitId: string; unitName: string; role: string; signed: boolean; signerName: string | null; signerTitle: string | null; signedAt: string | null; canSign: boolean }[];
  canEdit: boolean;
};
export const STATUS_COLORS: Record<string, string> = { submitted: 'gray', scoring: 'blue', recognised: 'green', rejected: 'red', nominated: 'blue', accepted: 'green', draft: 'gray', open: 'blue', signed: 'green' };
