// Official documents: the outgoing-document register (sổ văn bản đi) and its numbers, generated
// documents (input JSON + rendered DOCX/PDF + signed scan), per-unit document settings (numbering
// mode, certificate blank layout) and certificate print batches.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  // One register per issuing unit, calendar year and series ('' = one sequence for every type,
  // or a type code when the unit numbers each type separately).
  await db.schema
    .createTable('document_registers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_registers_unit_year_series_uq', ['unit_id', 'year', 'series'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_search', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text')
    .addColumn('signed_scan_sha256', 'text')
    .addColumn('number_id', 'text')
    .addColumn('number_text', 'text')
    .addColumn('issued_date', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_unit_created_idx').on('documents').columns(['unit_id', 'created_at']).execute();
  await db.schema.createIndex('documents_unit_kind_idx').on('documents').columns(['unit_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('documents_unit_title_idx').on('documents').columns(['unit_id', 'title_search']).execute();
  await db.schema.createIndex('documents_province_created_idx').on('documents').columns(['province_code', 'created_at']).execute();

  // The lines of the register: every number ever taken, reserved, issued or cancelled (never reused).
  await db.schema
    .createTable('document_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('register_id', 'text', (c) => c.notNull().references('document_registers.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('type_code', 'text')
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('summary', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('issued_date', 'text')
    .addColumn('note', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('reserved_by', 'text', (c) => c.notNull())
    .addColumn('reserved_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_numbers_register_number_uq', ['register_id', 'number'])
    .execute();
  await db.schema.createIndex('document_numbers_unit_year_idx').on('document_numbers').columns(['unit_id', 'year', 'number']).execute();
  await db.schema.createIndex('document_numbers_document_idx').on('document_numbers').column('document_id').execute();
  await db.schema.createIndex('document_numbers_province_idx').on('document_numbers').columns(['province_code', 'year']).execute();

  await db.schema
    .createTable('document_unit_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('numbering', 'text', (c) => c.notNull())
    .addColumn('certificate_layout', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('certificate_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('job_id', 'integer')
    .addColumn('docx_sha256', 'text')
    .addColumn('pdf_sha256', 'text')
    .addColumn('message', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('certificate_batches_unit_idx').on('certificate_batches').columns(['unit_id', 'created_at']).execute();
}
