// Kysely table types. One schema for SQLite and PostgreSQL: ids are text UUIDs (or integer sequences
// for append-only logs), dates are ISO text (YYYY-MM-DD), timestamps ISO text (UTC), booleans 0/1,
// JSON as text. Large tables carry province_code, the future Citus distribution key.
import type { Generated } from 'kysely';
import type { ReportEvidenceTable, ReportFormTable, ReportFormUnitTable, ReportIndicatorTable, ReportPeriodTable, ReportReminderTable, ReportSubmissionTable, ReportSummaryTable, ReportValueTable } from '../reports/reports.tables';
import type { AssessmentApprovalTable, AssessmentCriterionTable, AssessmentEvidenceTable, AssessmentRecusalTable, AssessmentResultTable, AssessmentReviewerTable, AssessmentScoreTable, AssessmentSelfScoreTable, AssessmentTable, AssessmentUnitTable } from '../assessments/assessments.tables';

export type UnitKind =
  | 'bo' | 'so' | 'ubnd_tinh' | 'ubnd_xa' | 'phong_vhxh'
  | 'thpt' | 'thcs' | 'th' | 'mn' | 'lien_cap' | 'gdtx' | 'truong_khac'
  | 'phong_ban' | 'to_chuyen_mon' | 'doan_the';

export type UnitTable = {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  abbreviation: string | null;
  kind: UnitKind;
  province_code: string;
  commune_code: string | null;
  parent_id: string | null;
  prof_parent_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'merged' | 'split' | 'dissolved';
  valid_from: string;
  valid_to: string | null;
  name_search: string;
  created_at: string;
  updated_at: string;
};

export type UnitClosureTable = {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
  province_code: string;
};

export type UnitEventTable = {
  id: string;
  unit_id: string;
  event: 'created' | 'updated' | 'renamed' | 'moved' | 'merged_into' | 'merged_from' | 'split_into' | 'split_from' | 'dissolved';
  effective_date: string;
  related_unit_id: string | null;
  details: string | null;
  actor_user_id: string | null;
  province_code: string;
  created_at: string;
};

export type ClusterTable = {
  id: string;
  name: string;
  kind: 'cum' | 'khoi';
  school_year: number;
  owner_unit_id: string;
  province_code: string;
  note: string | null;
  created_at: string;
};

export type ClusterMemberTable = {
  cluster_id: string;
  unit_id: string;
  role: 'truong' | 'pho' | 'thanh_vien';
};

export type PersonTable = {
  id: string;
  full_name: string;
  name_search: string;
  birth_date: string | null;
  gender: 'nam' | 'nu' | null;
  ethnicity: string | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  unit_id: string;
  position: string | null;
  staff_category: string | null;
  sector_start_date: string | null;
  province_code: string;
  created_at: string;
  updated_at: string;
};

export type EmploymentTable = {
  id: string;
  person_id: string;
  unit_id: string;
  position: string;
  from_date: string;
  to_date: string | null;
  province_code: string;
};

export type QualificationTable = {
  id: string;
  person_id: string;
  kind: string;
  name: string;
  year: number | null;
  province_code: string;
};

export type PerformanceRatingTable = {
  id: string;
  person_id: string;
  school_year: number;
  rating: 'htxsnv' | 'httnv' | 'htnv' | 'khtnv';
  unit_id: string;
  province_code: string;
};

export type DisciplineTable = {
  id: string;
  person_id: string;
  form: 'khien_trach' | 'canh_cao' | 'ha_bac_luong' | 'giang_chuc' | 'cach_chuc' | 'buoc_thoi_viec';
  decision_number: string | null;
  from_date: string;
  to_date: string | null;
  reason: string | null;
  province_code: string;
};

export type UserTable = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  person_id: string | null;
  is_active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
};

export type RoleCode = 'admin' | 'officer' | 'head' | 'council' | 'individual';

export type UserRoleTable = {
  id: string;
  user_id: string;
  role: RoleCode;
  unit_id: string;
  created_at: string;
};

export type SessionTable = {
  id: string; // sha256 of the cookie token
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
};

export type AuditLogTable = {
  seq: Generated<number>;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
};

export type FileTable = {
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
};

export type AttachmentTable = {
  id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  entity_type: string;
  entity_id: string | null;
  unit_id: string;
  uploaded_by: string;
  province_code: string;
  created_at: string;
};

export type JobTable = {
  id: Generated<number>;
  type: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  progress_message: string | null;
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  heartbeat_at: string | null;
  created_by: string | null;
  unit_id: string | null;
  created_at: string;
  finished_at: string | null;
};

export type NotificationTable = {
  id: string;
  user_id: string;
  title: string;
  body: string | null;
  link: string | null;
  read_at: string | null;
  created_at: string;
};

export type SettingTable = {
  key: string;
  value: string;
  updated_at: string;
};

export type DocumentRegisterTable = {
  id: string;
  unit_id: string;
  year: number;
  /** '' when every type shares one sequence; else the type code ('KH', 'QĐ', 'CV' for công văn). */
  series: string;
  last_number: number;
  province_code: string;
  created_at: string;
};

export type DocumentTable = {
  id: string;
  unit_id: string;
  kind: string;
  title: string;
  title_search: string;
  status: 'draft' | 'issued';
  input_json: string;
  docx_sha256: string;
  pdf_sha256: string | null;
  signed_scan_sha256: string | null;
  number_id: string | null;
  number_text: string | null;
  issued_date: string | null;
  signer_name: string | null;
  created_by: string;
  province_code: string;
  created_at: string;
  updated_at: string;
};

export type DocumentNumberTable = {
  id: string;
  register_id: string;
  number: number;
  unit_id: string;
  year: number;
  type_code: string | null;
  symbol: string;
  status: 'reserved' | 'issued' | 'cancelled';
  document_id: string | null;
  summary: string | null;
  signer_name: string | null;
  issued_date: string | null;
  note: string | null;
  cancel_reason: string | null;
  reserved_by: string;
  reserved_at: string;
  issued_at: string | null;
  cancelled_at: string | null;
  province_code: string;
};

export type DocumentUnitSettingsTable = {
  unit_id: string;
  numbering: 'shared' | 'per_type';
  certificate_layout: string | null;
  province_code: string;
  updated_by: string | null;
  updated_at: string;
};

export type CertificateBatchTable = {
  id: string;
  unit_id: string;
  mode: 'design' | 'blank';
  count: number;
  input_json: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  job_id: number | null;
  docx_sha256: string | null;
  pdf_sha256: string | null;
  message: string | null;
  created_by: string;
  province_code: string;
  created_at: string;
  finished_at: string | null;
};

export type PlanKind = 'regular' | 'thematic';
export type PlanState = 'draft' | 'submitted' | 'issued' | 'in_progress' | 'midterm_review' | 'final_review' | 'closed';

/** A plan (kế hoạch) launching or implementing a movement; the structured body is JSON text (ZPlanBody). */
export type PlanTable = {
  id: string;
  unit_id: string;
  province_code: string;
  kind: PlanKind;
  title: string;
  title_search: string;
  movement_name: string | null;
  school_year: number | null;
  period_from: string;
  period_to: string;
  state: PlanState;
  catalogue_code: string | null;
  parent_plan_id: string | null;
  cascade_task_id: string | null;
  amends_plan_id: string | null;
  root_plan_id: string;
  version: number;
  superseded_by_id: string | null;
  doc_number: number | null;
  doc_symbol: string | null;
  /** unit|year|symbol|number of an issued plan: unique, so one number is never issued twice. */
  doc_number_key: string | null;
  issued_date: string | null;
  signer_name: string | null;
  signer_title: string | null;
  signer_authority: string | null;
  return_reason: string | null;
  body: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  state_changed_at: string;
};

/** A subordinate unit that must implement an issued plan by due_date. */
export type PlanCascadeTaskTable = {
  id: string;
  plan_id: string;
  unit_id: string;
  province_code: string;
  due_date: string;
  selection: string;
  reminder_count: number;
  last_reminded_at: string | null;
  created_by: string | null;
  created_at: string;
};

export type PlanReminderTable = {
  id: string;
  plan_id: string;
  task_id: string;
  unit_id: string;
  province_code: string;
  source: 'manual' | 'job';
  recipients: number;
  message: string | null;
  sent_by: string | null;
  sent_at: string;
};

export type AwardTable = {
  id: string;
  province_code: string;
  person_id: string | null;
  unit_id: string;
  recipient_kind: 'individual' | 'collective';
  code: string;
  name: string;
  school_year: number;
  decision_number: string | null;
  decision_date: string | null;
  authority: string | null;
  amount: number | null;
  thematic: number;
  source: 'manual' | 'decision_import' | 'decision';
  dedupe_key: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_at: string;
};

// Reviews (0007): nominations, review sessions (bình xét), council members, candidates, conflicts,
// secret ballots (no voter identity, no timestamp) and participation.
export type NominationKind = 'ca_nhan' | 'tap_the';
export type NominationSource = 'registration' | 'self' | 'officer' | 'assessment';
export type NominationStatus = 'open' | 'in_review' | 'withdrawn' | 'done';

export type NominationTable = {
  id: string;
  province_code: string;
  unit_id: string;
  school_year: number;
  candidate_kind: NominationKind;
  person_id: string | null;
  candidate_unit_id: string | null;
  title_code: string;
  source: NominationSource;
  source_ref: string | null;
  note: string | null;
  status: NominationStatus;
  dedupe_key: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ReviewSessionStatus = 'draft' | 'open' | 'voting' | 'closed';

export type ReviewSessionTable = {
  id: string;
  province_code: string;
  unit_id: string;
  school_year: number;
  name: string;
  name_search: string;
  period: string;
  review_date: string;
  location: string | null;
  plan_id: string | null;
  status: ReviewSessionStatus;
  /** JSON ReviewQuota[] (src/server/reviews/quotas.ts). */
  quotas: string;
  rule_set_id: string;
  rule_set_version: number;
  /** JSON VoteOverride (src/rules/votes.ts) or null. */
  vote_override: string | null;
  opened_at: string | null;
  voting_at: string | null;
  closed_at: string | null;
  minutes_document_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ReviewMemberTable = {
  id: string;
  session_id: string;
  person_id: string;
  user_id: string | null;
  role: 'chair' | 'secretary' | 'member';
  name: string;
  position: string | null;
  province_code: string;
  created_at: string;
};

export type ReviewCandidateResult = 'pending' | 'passed' | 'failed' | 'withdrawn';

export type ReviewCandidateTable = {
  id: string;
  session_id: string;
  nomination_id: string | null;
  candidate_kind: NominationKind;
  person_id: string | null;
  candidate_unit_id: string | null;
  title_code: string;
  name: string;
  /** JSON Verdict snapshot (src/rules) or null. */
  eligibility: string | null;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  written_for: number;
  written_against: number;
  written_abstain: number;
  result: ReviewCandidateResult;
  result_message: string | null;
  candidate_key: string;
  province_code: string;
  created_at: string;
};

export type ReviewConflictTable = {
  id: string;
  session_id: string;
  member_id: string;
  candidate_id: string;
  reason: string;
  created_by: string | null;
  created_at: string;
};

export type ReviewBallotTable = {
  id: string;
  session_id: string;
  mode: 'electronic' | 'written';
  /** JSON { [candidateId]: 'for' | 'against' | 'abstain' } */
  choices: string;
};

export type ReviewParticipationTable = {
  session_id: string;
  member_id: string;
  mode: 'electronic' | 'written' | 'absent';
  recorded_by: string | null;
  recorded_at: string;
};

// Participation (0010): registrations, pacts, initiatives, outreach, exemplars.
export type RegistrationTable = {
  id: string;
  province_code: string;
  plan_id: string;
  unit_id: string;
  person_id: string | null;
  recipient_kind: 'individual' | 'collective';
  /** person id, or 'unit:<unit id>' for the unit's own collective title; unique per plan. */
  recipient_key: string;
  school_year: number;
  title_code: string;
  title_name: string;
  commitment: string | null;
  source: 'unit' | 'self';
  nominated_at: string | null;
  nominated_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type PactTable = {
  id: string;
  province_code: string;
  cluster_id: string;
  school_year: number;
  lead_unit_id: string;
  title: string;
  body: string;
  status: 'draft' | 'open' | 'signed';
  opened_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type PactSignatureTable = {
  id: string;
  pact_id: string;
  unit_id: string;
  province_code: string;
  signer_name: string;
  signer_title: string | null;
  signed_by: string;
  signed_at: string;
};

export type InitiativeStatus = 'submitted' | 'scoring' | 'recognised' | 'rejected';

export type InitiativeTable = {
  id: string;
  province_code: string;
  unit_id: string;
  person_id: string;
  title: string;
  summary: string;
  field: string | null;
  school_year: number;
  /** Same codes as InitiativeLevel in src/rules. */
  level: 'co_so' | 'tinh' | 'toan_quoc';
  status: InitiativeStatus;
  /** Mean of the council's scores (0–100), null until scored. */
  score: number | null;
  score_count: number;
  recognised_at: string | null;
  recognised_by: string | null;
  decision_number: string | null;
  decision_date: string | null;
  reject_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type InitiativeScoreTable = {
  id: string;
  initiative_id: string;
  province_code: string;
  user_id: string;
  scorer_name: string;
  score: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
};

export type OutreachChannel = 'ban_tin' | 'website' | 'zalo' | 'facebook' | 'hoi_nghi' | 'tap_huan';

export type OutreachEntryTable = {
  id: string;
  province_code: string;
  unit_id: string;
  plan_id: string | null;
  channel: OutreachChannel;
  activity_date: string;
  title: string;
  participants: number;
  reach: number;
  link: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
};

export type ExemplarTable = {
  id: string;
  province_code: string;
  unit_id: string;
  person_id: string | null;
  school_year: number;
  quarter: number;
  title: string;
  write_up: string;
  consent_public: number;
  status: 'nominated' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  reject_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type RuleSetTable = {
  id: string;
  code: string;
  version: number;
  name: string;
  effective_from: string;
  effective_to: string | null;
  citation: string;
  unverified: number;
  data: string;
  source: 'shipped' | 'admin';
  reason: string | null;
  created_by: string | null;
  created_at: string;
  superseded_at: string | null;
};

// Dossiers and decisions (0008).
export type DossierStatus = 'draft' | 'submitted' | 'accepted' | 'returned' | 'decided';

export type DossierTable = {
  id: string;
  province_code: string;
  sender_unit_id: string;
  receiver_unit_id: string;
  title: string;
  school_year: number;
  commendation_type: string;
  review_session_id: string | null;
  status: DossierStatus;
  steps_done: string;
  assigned_user_id: string | null;
  return_reason: string | null;
  decision_id: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type DossierItemTable = {
  id: string;
  dossier_id: string;
  province_code: string;
  recipient_kind: 'individual' | 'collective';
  person_id: string | null;
  unit_id: string;
  title_code: string;
  title_name: string;
  achievements: string;
  report: string | null;
  verdict: string | null;
  review_candidate_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
};

export type DossierEventTable = {
  id: string;
  dossier_id: string;
  province_code: string;
  seq: number;
  action: string;
  unit_id: string | null;
  to_unit_id: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  reason: string | null;
  note: string | null;
  created_at: string;
};

export type DossierFileTable = {
  id: string;
  dossier_id: string;
  item_id: string | null;
  province_code: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  created_by: string | null;
  created_at: string;
};

export type DecisionTable = {
  id: string;
  province_code: string;
  dossier_id: string;
  unit_id: string;
  authority_kind: string;
  authority_name: string;
  number_id: string;
  number_symbol: string;
  decision_date: string;
  summary: string;
  signer_name: string;
  signer_title: string;
  school_year: number;
  total_amount: number;
  docx_sha256: string | null;
  certificate_batch_id: string | null;
  published: number;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
};

export type DecisionLineTable = {
  id: string;
  decision_id: string;
  province_code: string;
  item_id: string | null;
  recipient_kind: 'individual' | 'collective';
  person_id: string | null;
  unit_id: string;
  name: string;
  position: string | null;
  unit_name: string;
  title_code: string;
  title_name: string;
  period: string;
  coefficient: number;
  base_salary: number;
  amount: number;
  paid: number;
  note: string | null;
  award_id: string | null;
  sort_order: number;
};

export type DB = {
  assessments: AssessmentTable;
  assessment_criteria: AssessmentCriterionTable;
  assessment_units: AssessmentUnitTable;
  assessment_self_scores: AssessmentSelfScoreTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_reviewers: AssessmentReviewerTable;
  assessment_recusals: AssessmentRecusalTable;
  assessment_scores: AssessmentScoreTable;
  assessment_approvals: AssessmentApprovalTable;
  assessment_results: AssessmentResultTable;
  nominations: NominationTable;
  review_sessions: ReviewSessionTable;
  review_members: ReviewMemberTable;
  review_candidates: ReviewCandidateTable;
  review_conflicts: ReviewConflictTable;
  review_ballots: ReviewBallotTable;
  review_participation: ReviewParticipationTable;
  report_indicators: ReportIndicatorTable;
  report_forms: ReportFormTable;
  report_form_units: ReportFormUnitTable;
  report_periods: ReportPeriodTable;
  report_submissions: ReportSubmissionTable;
  report_values: ReportValueTable;
  report_evidence: ReportEvidenceTable;
  report_reminders: ReportReminderTable;
  report_summaries: ReportSummaryTable;
  registrations: RegistrationTable;
  pacts: PactTable;
  pact_signatures: PactSignatureTable;
  initiatives: InitiativeTable;
  initiative_scores: InitiativeScoreTable;
  outreach_entries: OutreachEntryTable;
  exemplars: ExemplarTable;
  rule_sets: RuleSetTable;
  awards: AwardTable;
  dossiers: DossierTable;
  dossier_items: DossierItemTable;
  dossier_events: DossierEventTable;
  dossier_files: DossierFileTable;
  decisions: DecisionTable;
  decision_lines: DecisionLineTable;
  units: UnitTable;
  unit_closure: UnitClosureTable;
  unit_events: UnitEventTable;
  clusters: ClusterTable;
  cluster_members: ClusterMemberTable;
  people: PersonTable;
  employments: EmploymentTable;
  qualifications: QualificationTable;
  performance_ratings: PerformanceRatingTable;
  disciplines: DisciplineTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  files: FileTable;
  attachments: AttachmentTable;
  jobs: JobTable;
  notifications: NotificationTable;
  settings: SettingTable;
  document_registers: DocumentRegisterTable;
  documents: DocumentTable;
  document_numbers: DocumentNumberTable;
  document_unit_settings: DocumentUnitSettingsTable;
  certificate_batches: CertificateBatchTable;
  plans: PlanTable;
  plan_cascade_tasks: PlanCascadeTaskTable;
  plan_reminders: PlanReminderTable;
};
