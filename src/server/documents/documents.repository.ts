// All SQL for documents, the register (sổ văn bản đi), per-unit document settings and certificate batches.
import type { Db, Tx } from '../db/database';
import type { CertificateBatchTable, DocumentNumberTable, DocumentTable, DocumentUnitSettingsTable } from '../db/schema';
import { inUnitScope, type TActor } from '../auth/access';

export type TDocumentRow = DocumentTable;
export type TNumberRow = DocumentNumberTable;
export type TBatchRow = CertificateBatchTable;

export async function findDocument(db: Db | Tx, id: string): Promise<TDocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDocument(trx: Tx, row: TDocumentRow): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

export async function updateDocument(trx: Tx, id: string, values: Partial<Omit<TDocumentRow, 'id'>>): Promise<void> {
  await trx.updateTable('documents').set(values).where('id', '=', id).execute();
}

/** Caches a PDF only if the DOCX it was made from is still the current one. */
export async function setDocumentPdf(db: Db | Tx, id: string, docxSha: string, pdfSha: string): Promise<void> {
  await db.updateTable('documents').set({ pdf_sha256: pdfSha }).where('id', '=', id).where('docx_sha256', '=', docxSha).execute();
}

export type TDocumentListFilter = { unitId?: string; kind?: string; q?: string; status?: string; page: number; pageSize: number };

export async function listDocuments(db: Db | Tx, actor: TActor, f: TDocumentListFilter) {
  let q = db
    .selectFrom('documents')
    .innerJoin('units', 'units.id', 'documents.unit_id')
    .where(inUnitScope(actor, 'document.read', 'documents.unit_id'));
  if (f.unitId) q = q.where('documents.unit_id', '=', f.unitId);
  if (f.kind) q = q.where('documents.kind', '=', f.kind);
  if (f.status) q = q.where('documents.status', '=', f.status as TDocumentRow['status']);
  if (f.q) q = q.where('documents.title_search', 'like', `%${f.q}%`);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll('documents')
    .select('units.name as unit_name')
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

// ---------------------------------------------------------------------------------------------
// Register

export async function findRegister(trx: Db | Tx, unitId: string, year: number, series: string) {
  return trx.selectFrom('document_registers').selectAll().where('unit_id', '=', unitId).where('year', '=', year).where('series', '=', series).executeTakeFirst();
}

export async function insertRegister(trx: Tx, row: { id: string; unit_id: string; year: number; series: string; province_code: string; created_at: string }) {
  await trx.insertInto('document_registers').values({ ...row, last_number: 0 }).execute();
}

export async function bumpRegister(trx: Tx, id: string, lastNumber: number): Promise<void> {
  await trx.updateTable('document_registers').set({ last_number: lastNumber }).where('id', '=', id).execute();
}

export async function insertNumber(trx: Tx, row: TNumberRow): Promise<void> {
  await trx.insertInto('document_numbers').values(row).execute();
}

export async function findNumber(db: Db | Tx, id: string): Promise<TNumberRow | undefined> {
  return db.selectFrom('document_numbers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateNumber(trx: Tx, id: string, values: Partial<Omit<TNumberRow, 'id'>>): Promise<void> {
  await trx.updateTable('document_numbers').set(values).where('id', '=', id).execute();
}

export type TRegisterFilter = { unitId: string; year: number; status?: string; page: number; pageSize: number };

export async function listNumbers(db: Db | Tx, f: TRegisterFilter) {
  let q = db.selectFrom('document_numbers').where('unit_id', '=', f.unitId).where('year', '=', f.year);
  if (f.status) q = q.where('status', '=', f.status as TNumberRow['status']);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy('number')
    .orderBy('register_id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total.n) };
}

// ---------------------------------------------------------------------------------------------
// Settings and certificate batches

export async function findUnitSettings(db: Db | Tx, unitId: string): Promise<DocumentUnitSettingsTable | undefined> {
  return db.selectFrom('document_unit_settings').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

export async function upsertUnitSettings(trx: Tx, row: DocumentUnitSettingsTable): Promise<void> {
  const existing = await findUnitSettings(trx, row.unit_id);
  if (existing) {
    const { unit_id: _u, ...values } = row;
    await trx.updateTable('document_unit_settings').set(values).where('unit_id', '=', row.unit_id).execute();
  } else {
    await trx.insertInto('document_unit_settings').values(row).execute();
  }
}

export async function insertBatch(trx: Tx, row: TBatchRow): Promise<void> {
  await trx.insertInto('certificate_batches').values(row).execute();
}

export async function findBatch(db: Db | Tx, id: string): Promise<TBatchRow | undefined> {
  return db.selectFrom('certificate_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateBatch(db: Db | Tx, id: string, values: Partial<Omit<TBatchRow, 'id'>>): Promise<void> {
  await db.updateTable('certificate_batches').set(values).where('id', '=', id).execute();
}

/** Records a stored blob in the files table (once per content). */
export async function recordFile(db: Db | Tx, file: { sha256: string; size: number; mime: string; created_at: string }): Promise<void> {
  await db.insertInto('files').values(file).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}
