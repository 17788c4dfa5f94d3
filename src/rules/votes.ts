// Council vote tally against the threshold of ALL members (absent members vote in writing).
import { formatDecimalVi } from '../shared/vn';
import { RulesError } from './errors';
import type { RuleSet, VoteThreshold } from './types';

export type VoteCounts = { yes: number; no: number; abstain: number };

export type VoteOverride = {
  share: number;
  comparison?: 'gte' | 'gt';
  /** The authority's own rule, e.g. "Quy chế TĐKT tỉnh X Điều 12". */
  citation: string;
  label?: string;
  verified?: boolean;
};

export type VoteInput = {
  totalMembers: number;
  /** Ballots cast in the meeting. */
  yes: number;
  no: number;
  abstain: number;
  /** Written ballots of absent members, added to the meeting's ballots. */
  absentWritten?: VoteCounts;
  titleCode: string;
  ruleSet: RuleSet;
  override?: VoteOverride;
};

export type VoteResult = {
  passes: boolean;
  yesTotal: number;
  ballots: number;
  present: number;
  /** yesTotal / totalMembers. */
  share: number;
  threshold: VoteThreshold;
  /** Where the threshold comes from: the decree, the software default or the authority's override. */
  source: 'title' | 'default' | 'override';
  citation: string;
  verified: boolean;
  /** e.g. "8/10 thành viên đồng ý (80%), đạt ngưỡng ≥ 80% tổng số thành viên Hội đồng". */
  message: string;
};

function pct(share: number): string {
  return `${formatDecimalVi(share * 100, 1)}%`;
}

export function evaluateVote(input: VoteInput): VoteResult {
  const written = input.absentWritten ?? { yes: 0, no: 0, abstain: 0 };
  const counts = [input.totalMembers, input.yes, input.no, input.abstain, written.yes, written.no, written.abstain];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) throw new RulesError('INVALID_VOTE', 'Số phiếu phải là số nguyên không âm');
  if (input.totalMembers < 1) throw new RulesError('INVALID_VOTE', 'Hội đồng phải có ít nhất một thành viên');
  const present = input.yes + input.no + input.abstain;
  const ballots = present + written.yes + written.no + written.abstain;
  if (ballots > input.totalMembers) {
    throw new RulesError('INVALID_VOTE', `Tổng số phiếu (${ballots}) vượt quá số thành viên Hội đồng (${input.totalMembers})`);
  }

  let threshold: VoteThreshold;
  let source: VoteResult['source'];
  let citation: string;
  let verified: boolean;
  const title = input.ruleSet.titles[input.titleCode];
  if (input.override) {
    const o = input.override;
    if (!(o.share > 0 && o.share <= 1)) throw new RulesError('INVALID_VOTE', 'Tỷ lệ ghi đè phải trong khoảng (0; 1]');
    const comparison = o.comparison ?? 'gte';
    threshold = { share: o.share, comparison, label: o.label ?? `${comparison === 'gte' ? '≥' : '>'} ${pct(o.share)} tổng số thành viên Hội đồng` };
    source = 'override';
    citation = o.citation;
    verified = o.verified ?? true;
  } else if (title?.voteThreshold) {
    threshold = title.voteThreshold.value;
    source = 'title';
    citation = title.voteThreshold.citation;
    verified = title.voteThreshold.verified;
  } else {
    threshold = input.ruleSet.defaultVoteThreshold.value;
    source = 'default';
    citation = input.ruleSet.defaultVoteThreshold.citation;
    verified = input.ruleSet.defaultVoteThreshold.verified;
  }

  const yesTotal = input.yes + written.yes;
  const share = yesTotal / input.totalMembers;
  // Shares are stored to 4 decimals (2/3 as 0.6667): compare with half a unit of the last decimal so
  // 8/10 meets 80% and 2 of 3 meets 0.6667, without float noise deciding a vote.
  const EPS = 0.00005;
  const passes = threshold.comparison === 'gte' ? share + EPS >= threshold.share : share > threshold.share + EPS;
  const writtenNote = written.yes + written.no + written.abstain > 0 ? `, gồm ${written.yes + written.no + written.abstain} phiếu gửi bằng văn bản` : '';
  const message = `${yesTotal}/${input.totalMembers} thành viên đồng ý (${pct(share)}; ${present} có mặt${writtenNote}), ${passes ? 'đạt' : 'không đạt'} ngưỡng ${threshold.label}`;
  return { passes, yesTotal, ballots, present, share, threshold, source, citation, verified, message };
}
