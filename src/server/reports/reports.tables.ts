// Table types of the periodic reports (migration 0009-reports); listed in db/schema.ts's DB.
import type { ColumnType } from 'kysely';

export type ReportValueType = 'number' | 'percent' | 'text' | 'yes_no' | 'file';
export type ReportSchedule = 'quarterly' | 'half_year' | 'annual';
export type ReportSubmissionState = 'draft' | 'submitted' | 'accepted' | 'returned';

/** One indicator of a province's CCHC catalogue (built-in ones seeded with citations, editable). */
export type ReportIndicatorTable = {
  id: string;
  province_code: string;
  code: string;
  name: string;
  group_code: string;
  value_type: ReportValueType;
  unit_label: string | null;
  /** JSON {"op":"share","part":code,"total":code} for a computed field (percent = part / total × 100). */
  formula: string | null;
  /** Code of the total this value may not exceed (on time ≤ received). */
  part_of: string | null;
  max_value: number | null;
  aggregate: 'sum' | 'avg' | 'none';
  higher_is_better: number;
  citation: string | null;
  /** JSON {"kind":"outreach","channels":[…]|"all","measure":"activities"|"participants"|"reach"}: value taken from the outreach log (migration 0012). */
  source: string | null;
  builtin: number;
  active: number;
  sort_order: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A report form a plan defines: sections of indicators (JSON) and a schedule. */
export type ReportFormTable = {
  id: string;
  plan_id: string;
  unit_id: string;
  province_code: string;
  title: string;
  schedule: ReportSchedule;
  due_days: number;
  sections: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ReportFormUnitTable = { form_id: string; unit_id: string; province_code: string };

export type ReportPeriodTable = {
  id: string;
  form_id: string;
  province_code: string;
  kind: string;
  label: string;
  period_from: string;
  period_to: string;
  opens_on: string;
  due_date: string;
  created_at: string;
};

export type ReportSubmissionTable = {
  id: string;
  form_id: string;
  period_id: string;
  unit_id: string;
  province_code: string;
  state: ReportSubmissionState;
  late: number;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  return_reason: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** One figure of a submission: numeric (number, percent, yes/no as 0/1) or text. */
export type ReportValueTable = {
  id: string;
  submission_id: string;
  form_id: string;
  period_id: string;
  unit_id: string;
  province_code: string;
  indicator_code: string;
  value_num: number | null;
  value_text: string | null;
  /** For an indicator fed by the outreach log: the log's figure when the value was stored (migration 0012). */
  source_num: ColumnType<number | null, number | null | undefined, number | null>;
  /** Why the unit corrected the log's figure (null: not corrected). */
  note: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
};

export type ReportEvidenceTable = {
  id: string;
  submission_id: string;
  indicator_code: string | null;
  attachment_id: string;
  province_code: string;
  created_by: string | null;
  created_at: string;
};

export type ReportReminderTable = {
  id: string;
  period_id: string;
  unit_id: string;
  province_code: string;
  kind: 'due_soon' | 'overdue' | 'manual';
  dedupe_key: string | null;
  recipients: number;
  emails: number;
  sent_by: string | null;
  sent_at: string;
};

export type ReportSummaryTable = {
  id: string;
  form_id: string;
  period_id: string;
  unit_id: string;
  province_code: string;
  kind: 'so_ket' | 'tong_ket';
  state: 'draft' | 'issued';
  body: string;
  document_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
