// Dossiers (hồ sơ đề nghị khen thưởng) sent up the tree, their items and timeline, and the decisions
// (Quyết định) issued on an accepted dossier, with one line per awardee and the money paid.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('sender_unit_id', 'text', (c) => c.notNull().references('units.id'))
    // The unit the dossier is addressed to now (the parent; changes when passed on).
    .addColumn('receiver_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('commendation_type', 'text', (c) => c.notNull())
    .addColumn('review_session_id', 'text')
    // draft | submitted | accepted | returned | decided
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON list of workflow step codes already done at the current receiver.
    .addColumn('steps_done', 'text', (c) => c.notNull())
    .addColumn('assigned_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('return_reason', 'text')
    .addColumn('decision_id', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossiers_sender_idx').on('dossiers').columns(['sender_unit_id', 'created_at']).execute();
  await db.schema.createIndex('dossiers_receiver_idx').on('dossiers').columns(['receiver_unit_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('dossiers_province_idx').on('dossiers').columns(['province_code', 'created_at']).execute();

  await db.schema
    .createTable('dossier_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('achievements', 'text', (c) => c.notNull())
    // JSON: the candidate's Báo cáo thành tích (editable parts), null until drafted.
    .addColumn('report', 'text')
    // JSON: the eligibility verdict when the item was added.
    .addColumn('verdict', 'text')
    .addColumn('review_candidate_id', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dossier_items_recipient_uq', ['dossier_id', 'person_id', 'unit_id', 'title_code'])
    .execute();
  await db.schema.createIndex('dossier_items_dossier_idx').on('dossier_items').columns(['dossier_id', 'sort_order']).execute();
  await db.schema.createIndex('dossier_items_person_idx').on('dossier_items').column('person_id').execute();

  await db.schema
    .createTable('dossier_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('to_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dossier_events_seq_uq', ['dossier_id', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('item_id', 'text', (c) => c.references('dossier_items.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_files_dossier_idx').on('dossier_files').columns(['dossier_id', 'created_at']).execute();

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('dossier_id', 'text', (c) => c.notNull().unique().references('dossiers.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('authority_kind', 'text', (c) => c.notNull())
    .addColumn('authority_name', 'text', (c) => c.notNull())
    .addColumn('number_id', 'text', (c) => c.notNull())
    .addColumn('number_symbol', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('total_amount', 'bigint', (c) => c.notNull())
    .addColumn('docx_sha256', 'text')
    .addColumn('certificate_batch_id', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decisions_unit_idx').on('decisions').columns(['unit_id', 'decision_date']).execute();
  await db.schema.createIndex('decisions_published_idx').on('decisions').columns(['published', 'decision_date']).execute();

  await db.schema
    .createTable('decision_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('title_name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('coefficient', 'double precision', (c) => c.notNull())
    .addColumn('base_salary', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('award_id', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_lines_decision_idx').on('decision_lines').columns(['decision_id', 'sort_order']).execute();
  await db.schema.createIndex('decision_lines_unit_idx').on('decision_lines').columns(['decision_id', 'unit_id']).execute();
}
