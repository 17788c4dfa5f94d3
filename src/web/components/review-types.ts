// Shapes of the review-session API (src/server/reviews/reviews.schemas.ts) used by the Bình xét pages.
// A candidate's eligibility is the eligibility service's verdict (the same type as on /xet-khen-thuong).
import { AWARD_CODE_LABELS } from '../../shared/labels';
import type { TVerdict } from './eligibility-parts';
import { optionsOf } from './options';

export type TReviewStatus = 'draft' | 'open' | 'voting' | 'closed';

export type TReviewListItem = {
  id: string; unitId: string; unitName: string | null; schoolYear: number; schoolYearLabel: string; name: string; period: string; reviewDate: string;
  location: string | null; status: TReviewStatus; statusLabel: string; memberCount: number; candidateCount: number; passedCount: number | null; closedAt: string | null;
};

export type TReviewCandidate = {
  id: string; nominationId: string | null; candidateKind: 'ca_nhan' | 'tap_the'; personId: string | null; candidateUnitId: string | null; name: string;
  titleCode: string; titleName: string; threshold: string | null; eligibility: TVerdict | null; result: 'pending' | 'passed' | 'failed' | 'withdrawn'; resultLabel: string;
  votes: { for: number; against: number; abstain: number; writtenFor: number; writtenAgainst: number; writtenAbstain: number; message: string | null } | null;
};

export type TReviewMember = { id: string; personId: string; userId: string | null; name: string; position: string | null; role: 'chair' | 'secretary' | 'member'; roleLabel: string; hasAccount: boolean; participation: 'electronic' | 'written' | 'absent' | null };

export type TReviewSession = TReviewListItem & {
  ruleSetCode: string; ruleSetVersion: number; openedAt: string | null; minutesDocumentId: string | null;
  quotas: { titleCode: string; titleName: string; max?: number | null; percent?: number | null; ofTitleCode?: string | null; note?: string | null; limit: number; count: number }[];
  members: TReviewMember[];
  candidates: TReviewCandidate[];
  conflicts: { id: string; memberId: string; memberName: string; candidateId: string; candidateName: string; titleName: string; reason: string }[];
  participation: { members: number; electronic: number; written: number; absent: number };
  me: { memberId: string; role: string; hasVoted: boolean; conflictCandidateIds: string[]; canVote: boolean } | null;
  canManage: boolean;
  canRecordWritten: boolean;
};

export type TNomination = {
  id: string; unitId: string; unitName: string | null; schoolYear: number; schoolYearLabel: string; candidateKind: 'ca_nhan' | 'tap_the'; personId: string | null;
  candidateName: string; titleCode: string; titleName: string; source: string; sourceLabel: string; note: string | null; status: string; statusLabel: string; createdAt: string;
};

/** Titles offered in the review forms (codes of the rule sets; the first three get quotas), with the shared labels. */
export const REVIEW_TITLES = optionsOf(AWARD_CODE_LABELS, ['LDTT', 'CSTDCS', 'GIAY_KHEN', 'CSTD_TINH', 'BK_TINH', 'BK_BO']);

export const REVIEW_STATUS_COLORS: Record<TReviewStatus, string> = { draft: 'gray', open: 'blue', voting: 'orange', closed: 'green' };
