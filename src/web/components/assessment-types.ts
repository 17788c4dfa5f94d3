// Shapes of /api/v1/assessments answers, as the pages use them.
export type TCriterion = {
  id: string; parentId: string | null; level: number; code: string; name: string; maxPoints: number; bonusPoints: number; penaltyPoints: number;
  guidance: string | null; evidenceRequired: boolean; evidenceTypes: string[] | null; deadline: string | null; indicatorCode: string | null; scorable: boolean;
};
export type TTier = { label: string; role: 'officer' | 'head' | 'council'; roleLabel?: string };
export type TBand = { code: string; label: string; min: number | null; minInclusive: boolean; max: number | null; maxInclusive: boolean };
export type TAssessmentUnit = {
  unitId: string; unitName: string; unitCode: string; clusterId: string | null; clusterName: string | null; selfState: 'draft' | 'submitted'; selfStateLabel: string;
  submittedAt: string | null; selfTotal: number | null; finalTotal: number | null; bandCode: string | null; rank: number | null; canSelfAssess: boolean;
};
export type TAssessment = {
  id: string; name: string; year: number; series: string; periodLabel: string | null; selfDeadline: string | null; state: 'draft' | 'self_assessment' | 'appraisal' | 'approval' | 'published';
  stateLabel: string; ownerUnitId: string; ownerUnitName: string; currentTier: number; currentTierLabel: string | null; tiers: TTier[]; bands: TBand[];
  tieRules: { criterionCode: string }[]; nominationRules: { titleCode: string; top: number }[]; publishedAt: string | null; nominatedAt: string | null; maxTotal: number;
  criteria: TCriterion[]; units: TAssessmentUnit[];
  reviewers: { groupId: string; userId: string; fullName: string; username: string }[];
  recusals: { groupId: string; unitId: string; userId: string; fullName: string; reason: string }[];
  approvals: { tierIndex: number; tierLabel: string; action: string; actionLabel: string; reason: string | null; fullName: string; at: string; atLabel: string }[];
  can: { edit: boolean; editCriteria: boolean; open: boolean; startAppraisal: boolean; submitForApproval: boolean; approve: boolean; publish: boolean; appraise: boolean; viewGrid: boolean; viewRanking: boolean; nominate: boolean };
  myReviewerGroups: string[];
};
export type TAssessmentSummary = { id: string; name: string; year: number; period_label: string | null; state: TAssessment['state']; owner_unit_id: string; owner_name: string; published_at: string | null; unit_count: number };
export type TSelfItem = {
  criterionId: string; code: string; name: string; level: number; scorable: boolean; maxPoints: number; bonusPoints: number; penaltyPoints: number; guidance: string | null;
  evidenceRequired: boolean; evidenceTypes: string[]; deadline: string | null; indicatorCode: string | null; indicatorValue: number | null; suggestedScore: number | null;
  score: number | null; explanation: string | null; evidence: { id: string; attachmentId: string; fileName: string }[];
};
export type TSelf = { assessmentId: string; unitId: string; unitName: string; selfState: string; submittedAt: string | null; selfTotal: number | null; canEdit: boolean; items: TSelfItem[] };
export type TGrid = {
  assessmentId: string; state: string; editable: boolean;
  groups: { id: string; code: string; name: string; mine: boolean; reviewers: { userId: string; fullName: string }[] }[];
  criteria: { id: string; code: string; name: string; groupId: string; maxPoints: number; bonusPoints: number; penaltyPoints: number }[];
  units: { unitId: string; unitName: string; clusterName: string | null; own: boolean }[];
  cells: { unitId: string; criterionId: string; self: number | null; final: number; mine: number | null; count: number; canEdit: boolean }[];
  recusals: { id: string; groupId: string; unitId: string; userId: string; fullName: string; reason: string }[];
};
export type TRanking = {
  published: boolean; tieRules: { criterionCode: string; name: string }[]; groups: { id: string; code: string; name: string; maxPoints: number }[];
  clusters: { clusterId: string | null; clusterName: string; rows: { unitId: string; unitName: string; selfTotal: number | null; total: number; bandLabel: string | null; rank: number; tiedOn: string | null; groupScores: number[] }[] }[];
};
export type TUnitResult = {
  unitName: string; published: boolean; total: number; selfTotal: number | null; bandLabel: string | null; rank: number; clusterName: string | null;
  items: { criterionId: string; code: string; name: string; level: number; maxPoints: number; scorable: boolean; self: number | null; final: number; reasons: { fullName: string; score: number; reason: string }[] }[];
};
export type TCharts = {
  unitName: string | null; clusterName: string | null;
  byGroup: { code: string; name: string; maxPoints: number; unit: number | null; average: number }[];
  years: { year: number; unit: number | null; average: number }[];
  distribution: { code: string; label: string; count: number }[];
};

/** 87.25 → "87,25" */
export const pts = (n: number | null | undefined) => (n == null ? '—' : String(Math.round(n * 100) / 100).replace('.', ','));
