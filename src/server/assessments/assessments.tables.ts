// Table types of the unit assessment feature (migration 0011): criteria tables, self-assessment,
// appraisal by reviewers, approval tiers, published (frozen) results.

export type TAssessmentState = 'draft' | 'self_assessment' | 'appraisal' | 'approval' | 'published';

export type AssessmentTable = {
  id: string;
  province_code: string;
  owner_unit_id: string;
  series: string;
  name: string;
  year: number;
  period_label: string | null;
  self_deadline: string | null;
  state: TAssessmentState;
  current_tier: number;
  tiers_json: string;
  bands_json: string;
  tie_rules_json: string;
  nomination_rules_json: string;
  report_period_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
  nominated_at: string | null;
};

export type AssessmentCriterionTable = {
  id: string;
  assessment_id: string;
  parent_id: string | null;
  level: number;
  code: string;
  name: string;
  max_points: number;
  bonus_points: number;
  penalty_points: number;
  guidance: string | null;
  evidence_required: number;
  evidence_types: string | null;
  deadline: string | null;
  indicator_code: string | null;
  sort_order: number;
};

export type AssessmentUnitTable = {
  assessment_id: string;
  unit_id: string;
  cluster_id: string | null;
  province_code: string;
  self_state: 'draft' | 'submitted';
  submitted_at: string | null;
  submitted_by: string | null;
  self_total: number | null;
  final_total: number | null;
  band_code: string | null;
  rank: number | null;
};

export type AssessmentSelfScoreTable = {
  id: string;
  assessment_id: string;
  unit_id: string;
  criterion_id: string;
  score: number;
  explanation: string | null;
  indicator_value: number | null;
  updated_by: string | null;
  updated_at: string;
};

export type AssessmentEvidenceTable = {
  id: string;
  assessment_id: string;
  unit_id: string;
  criterion_id: string;
  attachment_id: string;
  file_name: string;
  created_at: string;
};

export type AssessmentReviewerTable = {
  id: string;
  assessment_id: string;
  group_id: string;
  user_id: string;
  created_at: string;
};

export type AssessmentRecusalTable = {
  id: string;
  assessment_id: string;
  group_id: string;
  unit_id: string;
  user_id: string;
  reason: string;
  created_at: string;
};

export type AssessmentScoreTable = {
  id: string;
  assessment_id: string;
  unit_id: string;
  criterion_id: string;
  reviewer_id: string;
  score: number;
  reason: string;
  updated_at: string;
};

export type AssessmentApprovalTable = {
  id: string;
  assessment_id: string;
  tier_index: number;
  action: 'submit' | 'approve' | 'return' | 'publish';
  reason: string | null;
  actor_user_id: string;
  created_at: string;
};

export type AssessmentResultTable = {
  assessment_id: string;
  unit_id: string;
  criterion_id: string;
  self_score: number | null;
  final_score: number;
  reviewer_count: number;
  reasons_json: string;
};
