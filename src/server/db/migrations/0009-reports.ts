// Periodic reports (issue 7 A): the editable CCHC indicator catalogue (per province), report forms a
// plan defines (sections of indicators, schedule), their periods, each unit's submission per period
// with its values and evidence, reminders sent, and the sơ kết / tổng kết drafts made from the data.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('report_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull()) // number | percent | text | yes_no | file
    .addColumn('unit_label', 'text')
    .addColumn('formula', 'text') // JSON {op:'share', part, total} for computed fields
    .addColumn('part_of', 'text') // code of the total this value may not exceed
    .addColumn('max_value', 'double precision')
    .addColumn('aggregate', 'text', (c) => c.notNull()) // sum | avg | none
    .addColumn('higher_is_better', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('citation', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_indicators_province_code_uq', ['province_code', 'code'])
    .execute();

  await db.schema
    .createTable('report_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull()) // quarterly | half_year | annual
    .addColumn('due_days', 'integer', (c) => c.notNull()) // days after a period ends
    .addColumn('sections', 'text', (c) => c.notNull()) // JSON
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_forms_plan_idx').on('report_forms').columns(['plan_id', 'created_at']).execute();
  await db.schema.createIndex('report_forms_unit_idx').on('report_forms').columns(['unit_id', 'created_at']).execute();

  await db.schema
    .createTable('report_form_units')
    .addColumn('form_id', 'text', (c) => c.notNull().references('report_forms.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_form_units_pk', ['form_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('report_form_units_unit_idx').on('report_form_units').columns(['unit_id', 'form_id']).execute();

  await db.schema
    .createTable('report_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('report_forms.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // q1..q4 | h1 | h2 | year
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_periods_form_from_uq', ['form_id', 'kind', 'period_from'])
    .execute();
  await db.schema.createIndex('report_periods_due_idx').on('report_periods').columns(['province_code', 'due_date']).execute();

  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('report_forms.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // draft | submitted | accepted | returned
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_submissions_period_unit_uq', ['period_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('report_submissions_unit_idx').on('report_submissions').columns(['unit_id', 'updated_at']).execute();
  await db.schema.createIndex('report_submissions_form_idx').on('report_submissions').columns(['form_id', 'period_id', 'state']).execute();

  await db.schema
    .createTable('report_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('report_submissions.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('value_num', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_values_submission_code_uq', ['submission_id', 'indicator_code'])
    .execute();
  await db.schema.createIndex('report_values_period_idx').on('report_values').columns(['period_id', 'indicator_code']).execute();
  await db.schema.createIndex('report_values_unit_idx').on('report_values').columns(['unit_id', 'indicator_code']).execute();

  await db.schema
    .createTable('report_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('report_submissions.id'))
    .addColumn('indicator_code', 'text')
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_evidence_submission_idx').on('report_evidence').columns(['submission_id', 'created_at']).execute();

  await db.schema
    .createTable('report_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // due_soon | overdue | manual
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('emails', 'integer', (c) => c.notNull())
    .addColumn('sent_by', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_reminders_period_idx').on('report_reminders').columns(['period_id', 'unit_id', 'sent_at']).execute();

  await db.schema
    .createTable('report_summaries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull().references('report_forms.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // so_ket | tong_ket
    .addColumn('state', 'text', (c) => c.notNull()) // draft | issued
    .addColumn('body', 'text', (c) => c.notNull()) // JSON, editable before issuing
    .addColumn('document_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_summaries_form_idx').on('report_summaries').columns(['form_id', 'period_id', 'created_at']).execute();
}
