// Movements and plans: the plan (structured body as JSON text, indexed columns for lists), the
// cascade tasks a plan gives its subordinate units, and the reminders sent about them.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_search', 'text', (c) => c.notNull())
    .addColumn('movement_name', 'text')
    .addColumn('school_year', 'integer')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('catalogue_code', 'text')
    .addColumn('parent_plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('cascade_task_id', 'text')
    .addColumn('amends_plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('root_plan_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('superseded_by_id', 'text')
    .addColumn('doc_number', 'integer')
    .addColumn('doc_symbol', 'text')
    .addColumn('doc_number_key', 'text', (c) => c.unique())
    .addColumn('issued_date', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signer_title', 'text')
    .addColumn('signer_authority', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('state_changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_unit_year_idx').on('plans').columns(['unit_id', 'school_year', 'created_at']).execute();
  await db.schema.createIndex('plans_province_state_idx').on('plans').columns(['province_code', 'state', 'created_at']).execute();
  await db.schema.createIndex('plans_province_title_idx').on('plans').columns(['province_code', 'title_search']).execute();
  await db.schema.createIndex('plans_parent_idx').on('plans').columns(['parent_plan_id', 'unit_id']).execute();
  await db.schema.createIndex('plans_cascade_task_idx').on('plans').column('cascade_task_id').execute();
  await db.schema.createIndex('plans_root_idx').on('plans').columns(['root_plan_id', 'version']).execute();

  await db.schema
    .createTable('plan_cascade_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('reminder_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_cascade_tasks_plan_unit_uq', ['plan_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('plan_cascade_tasks_unit_idx').on('plan_cascade_tasks').columns(['unit_id', 'due_date']).execute();
  await db.schema.createIndex('plan_cascade_tasks_province_due_idx').on('plan_cascade_tasks').columns(['province_code', 'due_date']).execute();

  await db.schema
    .createTable('plan_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_cascade_tasks.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_reminders_plan_idx').on('plan_reminders').columns(['plan_id', 'sent_at']).execute();
  await db.schema.createIndex('plan_reminders_task_idx').on('plan_reminders').columns(['task_id', 'sent_at']).execute();
}
