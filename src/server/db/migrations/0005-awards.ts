// Award history (khen thưởng): one row per title / form received by a person or a unit, entered by
// hand or imported from a Quyết định. Rows are never deleted; a correction voids a row with a reason.
// `dedupe_key` (recipient | code | school year | decision number) is unique while the row is valid
// and set to null when it is voided, so the same award cannot be recorded twice.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('authority', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('thematic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('awards_person_idx').on('awards').columns(['person_id', 'school_year']).execute();
  await db.schema.createIndex('awards_unit_idx').on('awards').columns(['unit_id', 'school_year']).execute();
  await db.schema.createIndex('awards_province_year_idx').on('awards').columns(['province_code', 'school_year', 'code']).execute();
  await db.schema.createIndex('awards_decision_idx').on('awards').columns(['province_code', 'decision_number']).execute();
}
