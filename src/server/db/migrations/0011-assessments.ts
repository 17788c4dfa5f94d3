// Unit assessment (đánh giá, xếp hạng chỉ số CCHC): an assessment with its criteria tree, the units
// assessed, their self-assessment and evidence, reviewers per group of criteria, recusals, reviewer
// scores, approval history and the frozen results written at publication.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period_label', 'text')
    .addColumn('self_deadline', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('current_tier', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tiers_json', 'text', (c) => c.notNull())
    .addColumn('bands_json', 'text', (c) => c.notNull())
    .addColumn('tie_rules_json', 'text', (c) => c.notNull())
    .addColumn('nomination_rules_json', 'text', (c) => c.notNull())
    .addColumn('report_period_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('nominated_at', 'text')
    .execute();
  await db.schema.createIndex('assessments_owner_idx').on('assessments').columns(['owner_unit_id', 'year']).execute();
  await db.schema.createIndex('assessments_province_idx').on('assessments').columns(['province_code', 'year']).execute();
  await db.schema.createIndex('assessments_series_idx').on('assessments').columns(['owner_unit_id', 'series', 'year']).execute();

  await db.schema
    .createTable('assessment_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('parent_id', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_points', 'double precision', (c) => c.notNull())
    .addColumn('bonus_points', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('penalty_points', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('guidance', 'text')
    .addColumn('evidence_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence_types', 'text')
    .addColumn('deadline', 'text')
    .addColumn('indicator_code', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_criteria_idx').on('assessment_criteria').columns(['assessment_id', 'sort_order']).execute();
  await db.schema.createIndex('assessment_criteria_code_idx').on('assessment_criteria').columns(['assessment_id', 'code']).unique().execute();

  await db.schema
    .createTable('assessment_units')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('cluster_id', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('self_state', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('self_total', 'double precision')
    .addColumn('final_total', 'double precision')
    .addColumn('band_code', 'text')
    .addColumn('rank', 'integer')
    .addPrimaryKeyConstraint('assessment_units_pk', ['assessment_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('assessment_units_unit_idx').on('assessment_units').columns(['unit_id', 'assessment_id']).execute();

  await db.schema
    .createTable('assessment_self_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('indicator_value', 'double precision')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_self_scores_key').on('assessment_self_scores').columns(['assessment_id', 'unit_id', 'criterion_id']).unique().execute();

  await db.schema
    .createTable('assessment_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_evidence_idx').on('assessment_evidence').columns(['assessment_id', 'unit_id', 'criterion_id']).execute();

  await db.schema
    .createTable('assessment_reviewers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_reviewers_key').on('assessment_reviewers').columns(['assessment_id', 'group_id', 'user_id']).unique().execute();
  await db.schema.createIndex('assessment_reviewers_user_idx').on('assessment_reviewers').columns(['user_id', 'assessment_id']).execute();

  await db.schema
    .createTable('assessment_recusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_recusals_key').on('assessment_recusals').columns(['assessment_id', 'group_id', 'unit_id', 'user_id']).unique().execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_scores_key').on('assessment_scores').columns(['assessment_id', 'unit_id', 'criterion_id', 'reviewer_id']).unique().execute();

  await db.schema
    .createTable('assessment_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('tier_index', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_approvals_idx').on('assessment_approvals').columns(['assessment_id', 'created_at']).execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('self_score', 'double precision')
    .addColumn('final_score', 'double precision', (c) => c.notNull())
    .addColumn('reviewer_count', 'integer', (c) => c.notNull())
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', ['assessment_id', 'unit_id', 'criterion_id'])
    .execute();
}
