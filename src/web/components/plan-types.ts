// Shapes of /api/v1/plans answers (see src/server/plans/plans.schemas.ts and plan-body.ts). The UI
// shows the *Label fields, never the codes.
export type TPlanKind = 'regular' | 'thematic';
export type TRecipient = 'collective' | 'individual';
export type TReportSchedule = 'quarterly' | 'half_year' | 'annual';
export type TBoardStatus = 'not_started' | 'drafting' | 'issued' | 'overdue';

export type TLegalBasis = { kind: 'law' | 'parent_plan' | 'other'; text: string; planId?: string | null };
export type TIndicator = { name: string; target?: string | null; unit?: string | null };
export type TContentItem = { title: string; details: string[]; indicators: TIndicator[] };
export type TCriteria = { title: string; recipient: TRecipient; items: string[] };
export type TAward = { name: string; authority?: string | null; recipient: TRecipient; quota: string; moneySource?: string | null; note?: string | null };
export type TReportDue = { schedule: TReportSchedule; period: string; dueDate: string };
export type TMilestone = { date: string; task: string; owner?: string | null };
export type TPlanTimelineBody = {
  registrationDeadline?: string | null; reportSchedules: TReportSchedule[]; reports: TReportDue[];
  nominationDeadline?: string | null; midtermReviewDate?: string | null; finalReviewDate?: string | null; milestones: TMilestone[];
};
export type TSubjects = {
  collectives: { unitKinds: string[]; groups: string[]; text?: string | null };
  individuals: { staffCategories: string[]; learners: boolean; text?: string | null };
};
export type TPlanBody = {
  movementName?: string | null; place?: string | null; legalBases: TLegalBasis[]; intro?: string | null;
  purposes: string[]; requirements: string[]; subjects: TSubjects; contents: TContentItem[]; criteria: TCriteria[];
  awards: TAward[]; dossier: { items: string[]; copies?: number | null; submitTo?: string | null };
  timeline: TPlanTimelineBody; implementation: { part: string; tasks: string[] }[]; funding: string[];
  closing?: string | null; recipients: string[];
};

export type TPlanSummary = {
  id: string; unitId: string; unitName: string; kind: TPlanKind; kindLabel: string; title: string; movementName: string | null;
  schoolYear: number | null; schoolYearLabel: string | null; periodFrom: string; periodTo: string; state: string; stateLabel: string;
  catalogueCode: string | null; parentPlanId: string | null; cascadeTaskId: string | null; amendsPlanId: string | null; rootPlanId: string;
  version: number; supersededById: string | null; number: number | null; symbol: string | null; numberText: string | null;
  issuedDate: string | null; createdAt: string; updatedAt: string; stateChangedAt: string;
};

export type TAllowedAction = { action: string; label: string; reasonRequired: boolean; needsIssueData: boolean };

export type TPlan = TPlanSummary & {
  signer: { name: string; title: string | null; authority: string | null } | null;
  returnReason: string | null;
  parentPlan: { id: string; title: string; unitName: string; numberText: string | null; issuedDate: string | null } | null;
  cascadeTask: { id: string; dueDate: string; status: TBoardStatus; statusLabel: string } | null;
  body: TPlanBody;
  allowedActions: TAllowedAction[];
  canEdit: boolean;
  canCascade: boolean;
};

export type TCatalogueEntry = { code: string; kind: TPlanKind; kindLabel: string; movementName: string; summary: string; periodFrom: string; periodTo: string };

export type TCounts = { total: number; not_started: number; drafting: number; issued: number; overdue: number };
export type TBoardItem = {
  taskId: string; unitId: string; unitName: string; unitKind: string; unitKindLabel: string; groupId: string; dueDate: string;
  status: TBoardStatus; statusLabel: string;
  childPlan: { id: string; state: string; stateLabel: string; numberText: string | null; issuedDate: string | null; title: string } | null;
  reminderCount: number; lastRemindedAt: string | null;
};
export type TBoardNode = { id: string; name: string; parentId: string | null; isTask: boolean; counts: TCounts };
export type TBoard = {
  planId: string; rootPlanId: string; planTitle: string; unitId: string; unitName: string; today: string;
  counts: TCounts; items: TBoardItem[]; tree: TBoardNode[];
};

export type TTimelineItem = { date: string; kind: string; label: string; state: string | null; done: boolean; detail: string | null };
export type TPlanTimeline = { planId: string; state: string; stateLabel: string; states: { state: string; label: string; reached: boolean }[]; items: TTimelineItem[] };

export type TCascadeRequest = { mode: 'kinds' | 'cluster' | 'units'; unitKinds?: string[]; clusterId?: string; unitIds?: string[]; dueDate: string };
export type TCascadeResult = { added: number; existing: number; dueDate: string; units: { id: string; name: string }[] };
export type TRemindResult = { remindedUnits: number; notifications: number; units: { unitId: string; unitName: string; recipients: number }[] };
