// Table specs (column order and types, as in migrations 0003 and 0007–0011) for the generator steps of
// the newer features, their id tags, and what those steps share about a province (the plans they hang
// from). Kept in one place so that every step writes the real schema.
import type { TTableSpec } from './bulk';
import type { TProvinceModel } from './generate';

const t = (table: string, cols: string): TTableSpec => ({
  table,
  columns: cols.split(/\s+/).filter(Boolean).map((c) => {
    const [name, type] = c.split(':');
    return [name, type === 'i' ? 'int' : type === 'f' ? 'float' : 'text'];
  }),
});

export const FEATURE_TABLES = {
  plans: t('plans', `id unit_id province_code kind title title_search movement_name school_year:i period_from period_to state catalogue_code parent_plan_id
    cascade_task_id amends_plan_id root_plan_id version:i superseded_by_id doc_number:i doc_symbol doc_number_key issued_date signer_name signer_title signer_authority
    return_reason body created_by created_at updated_at state_changed_at`),
  plan_cascade_tasks: t('plan_cascade_tasks', 'id plan_id unit_id province_code due_date selection reminder_count:i last_reminded_at created_by created_at'),
  plan_reminders: t('plan_reminders', 'id plan_id task_id unit_id province_code source recipients:i message sent_by sent_at'),
  report_forms: t('report_forms', 'id plan_id unit_id province_code title schedule due_days:i sections created_by created_at updated_at'),
  report_form_units: t('report_form_units', 'form_id unit_id province_code'),
  report_periods: t('report_periods', 'id form_id province_code kind label period_from period_to opens_on due_date created_at'),
  report_submissions: t('report_submissions', `id form_id period_id unit_id province_code state late:i submitted_at submitted_by decided_at decided_by return_reason
    version:i created_by created_at updated_at`),
  report_values: t('report_values', 'id submission_id form_id period_id unit_id province_code indicator_code value_num:f value_text updated_at'),
  registrations: t('registrations', `id province_code plan_id unit_id person_id recipient_kind recipient_key school_year:i title_code title_name commitment source
    nominated_at nominated_by created_by created_at updated_at`),
  pacts: t('pacts', 'id province_code cluster_id school_year:i lead_unit_id title body status opened_at created_by created_at updated_at'),
  pact_signatures: t('pact_signatures', 'id pact_id unit_id province_code signer_name signer_title signed_by signed_at'),
  initiatives: t('initiatives', `id province_code unit_id person_id title summary field school_year:i level status score:f score_count:i recognised_at recognised_by
    decision_number decision_date reject_reason created_by created_at updated_at`),
  initiative_scores: t('initiative_scores', 'id initiative_id province_code user_id scorer_name score:i comment created_at updated_at'),
  outreach_entries: t('outreach_entries', 'id province_code unit_id plan_id channel activity_date title participants:i reach:i link note created_by created_at'),
  exemplars: t('exemplars', `id province_code unit_id person_id school_year:i quarter:i title write_up consent_public:i status decided_by decided_at reject_reason
    created_by created_at updated_at`),
  nominations: t('nominations', `id province_code unit_id school_year:i candidate_kind person_id candidate_unit_id title_code source source_ref note status dedupe_key
    created_by created_at updated_at`),
  review_sessions: t('review_sessions', `id province_code unit_id school_year:i name name_search period review_date location plan_id status quotas rule_set_id
    rule_set_version:i vote_override opened_at voting_at closed_at minutes_document_id created_by created_at updated_at`),
  review_members: t('review_members', 'id session_id person_id user_id role name position province_code created_at'),
  review_candidates: t('review_candidates', `id session_id nomination_id candidate_kind person_id candidate_unit_id title_code name eligibility votes_for:i
    votes_against:i votes_abstain:i written_for:i written_against:i written_abstain:i result result_message candidate_key province_code created_at`),
  review_conflicts: t('review_conflicts', 'id session_id member_id candidate_id reason created_by created_at'),
  review_ballots: t('review_ballots', 'id session_id mode choices'),
  review_participation: t('review_participation', 'session_id member_id mode recorded_by recorded_at'),
  dossiers: t('dossiers', `id province_code sender_unit_id receiver_unit_id title school_year:i commendation_type review_session_id status steps_done
    assigned_user_id return_reason decision_id submitted_at accepted_at created_by created_at updated_at`),
  dossier_items: t('dossier_items', `id dossier_id province_code recipient_kind person_id unit_id title_code title_name achievements report verdict
    review_candidate_id sort_order:i created_at updated_at`),
  dossier_events: t('dossier_events', 'id dossier_id province_code seq:i action unit_id to_unit_id actor_user_id actor_name reason note created_at'),
  decisions: t('decisions', `id province_code dossier_id unit_id authority_kind authority_name number_id number_symbol decision_date summary signer_name
    signer_title school_year:i total_amount:i docx_sha256 certificate_batch_id published:i published_at created_by created_at`),
  decision_lines: t('decision_lines', `id decision_id province_code item_id recipient_kind person_id unit_id name position unit_name title_code title_name period
    coefficient:f base_salary:i amount:i paid:i note award_id sort_order:i`),
  assessments: t('assessments', `id province_code owner_unit_id series name year:i period_label self_deadline state current_tier:i tiers_json bands_json
    tie_rules_json nomination_rules_json report_period_id created_by created_at updated_at published_at published_by nominated_at`),
  assessment_criteria: t('assessment_criteria', `id assessment_id parent_id level:i code name max_points:f bonus_points:f penalty_points:f guidance
    evidence_required:i evidence_types deadline indicator_code sort_order:i`),
  assessment_units: t('assessment_units', 'assessment_id unit_id cluster_id province_code self_state submitted_at submitted_by self_total:f final_total:f band_code rank:i'),
  assessment_self_scores: t('assessment_self_scores', 'id assessment_id unit_id criterion_id score:f explanation indicator_value:f updated_by updated_at'),
  assessment_results: t('assessment_results', 'assessment_id unit_id criterion_id self_score:f final_score:f reviewer_count:i reasons_json'),
} satisfies Record<string, TTableSpec>;

/** Id tags of these tables (the built-in steps use 0001–000a, awards 0010). */
export const FEATURE_TAGS: Record<keyof typeof FEATURE_TABLES, string> = {
  plans: '0011', plan_cascade_tasks: '002a', plan_reminders: '002b', report_forms: '0012', report_form_units: '', report_periods: '0013', report_submissions: '0014', report_values: '0015',
  registrations: '0016', pacts: '0017', pact_signatures: '0018', initiatives: '0019', initiative_scores: '0029', outreach_entries: '001a', exemplars: '001b',
  nominations: '001c', review_sessions: '001d', review_members: '001e', review_candidates: '001f', review_conflicts: '0020', review_ballots: '',
  review_participation: '', dossiers: '0021', dossier_items: '0022', dossier_events: '0023', decisions: '0024', decision_lines: '0025',
  assessments: '0026', assessment_criteria: '0027', assessment_units: '', assessment_self_scores: '0028', assessment_results: '',
};

/** What the plans step leaves for the later feature steps of the same province. */
export type TFeatureState = {
  /** The Sở's annual emulation plan (thi-dua-nam-hoc) per school year: id. */
  soPlans: Map<number, string>;
  /** The Sở's CCHC plan per school year. */
  cchcPlans: Map<number, string>;
};

const states = new WeakMap<TProvinceModel, TFeatureState>();

export function featureState(m: TProvinceModel): TFeatureState {
  let s = states.get(m);
  if (!s) { s = { soPlans: new Map(), cchcPlans: new Map() }; states.set(m, s); }
  return s;
}

export const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A timestamp on a given day (08:00–16:59 local, stored as UTC text). */
export function at(date: string, minutesIntoDay: number): string {
  const m = 60 + (minutesIntoDay % 540); // 01:00–09:59 UTC = 08:00–16:59 in Việt Nam
  return `${date}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
}

/** The school years that have a finished bình xét with a rule set in force (reviews from 2024 on). */
export function reviewYears(currentYear: number): number[] {
  return [currentYear - 3, currentYear - 2, currentYear - 1].filter((y) => y >= 2023);
}
