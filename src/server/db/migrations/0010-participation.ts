// Participation in a movement: registrations for titles under a plan in progress (đăng ký thi đua),
// cluster pacts (giao ước thi đua) and their signatures, initiatives (sáng kiến) with the council's
// scores, the outreach log (tuyên truyền) and quarterly exemplars (điển hình tiên tiến).
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  // One registration per recipient per plan: recipient_key = person id, or 'unit:<unit id>' for a
  // collective title of the unit itself.
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('nominated_at', 'text')
    .addColumn('nominated_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registrations_plan_recipient_uq', ['plan_id', 'recipient_key'])
    .execute();
  await db.schema.createIndex('registrations_unit_plan_idx').on('registrations').columns(['unit_id', 'plan_id', 'title_code']).execute();
  await db.schema.createIndex('registrations_person_idx').on('registrations').columns(['person_id', 'school_year']).execute();
  await db.schema.createIndex('registrations_province_plan_idx').on('registrations').columns(['province_code', 'plan_id']).execute();

  await db.schema
    .createTable('pacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('clusters.id'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pacts_cluster_year_uq', ['cluster_id', 'school_year'])
    .execute();
  await db.schema.createIndex('pacts_province_year_idx').on('pacts').columns(['province_code', 'school_year']).execute();
  await db.schema.createIndex('pacts_lead_idx').on('pacts').columns(['lead_unit_id', 'school_year']).execute();

  await db.schema
    .createTable('pact_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pact_id', 'text', (c) => c.notNull().references('pacts.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text')
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pact_signatures_pact_unit_uq', ['pact_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('pact_signatures_unit_idx').on('pact_signatures').column('unit_id').execute();

  await db.schema
    .createTable('initiatives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('score_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recognised_at', 'text')
    .addColumn('recognised_by', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('initiatives_unit_year_idx').on('initiatives').columns(['unit_id', 'school_year', 'created_at']).execute();
  await db.schema.createIndex('initiatives_person_idx').on('initiatives').columns(['person_id', 'status', 'school_year']).execute();
  await db.schema.createIndex('initiatives_province_idx').on('initiatives').columns(['province_code', 'status', 'school_year']).execute();

  await db.schema
    .createTable('initiative_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('scorer_name', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('initiative_scores_user_uq', ['initiative_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('outreach_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('activity_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reach', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_unit_date_idx').on('outreach_entries').columns(['unit_id', 'activity_date']).execute();
  await db.schema.createIndex('outreach_province_date_idx').on('outreach_entries').columns(['province_code', 'activity_date', 'channel']).execute();

  await db.schema
    .createTable('exemplars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('write_up', 'text', (c) => c.notNull())
    .addColumn('consent_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exemplars_unit_quarter_uq', ['unit_id', 'school_year', 'quarter'])
    .execute();
  await db.schema.createIndex('exemplars_province_status_idx').on('exemplars').columns(['province_code', 'status', 'consent_public', 'school_year']).execute();
}
