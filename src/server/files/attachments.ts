// Attachment use-cases: upload (type-checked, size-limited, deduplicated by content) and authorised download.
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { findUnit } from '../units/units.repository';
import type { FileStorage } from './storage';

const safeName = (name: string) => name.replace(/[\\/\u0000-\u001f"<>|:*?]/g, '_').slice(-150) || 'tep';

export async function uploadAttachment(ctx: TContext, storage: FileStorage, input: { bytes: Uint8Array; fileName: string; unitId: string; entityType: string; entityId: string | null }) {
  if (!input.unitId) throw new AppError('VALIDATION', 'Thiếu đơn vị của tệp', { fields: [{ field: 'unitId', message: 'Bắt buộc' }] });
  const own = input.entityType === 'person' && input.entityId === ctx.actor.personId;
  if (!own) await requireAccess(ctx, 'file.write', [input.unitId]);
  const unit = await findUnit(ctx.db, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const stored = await storage.put(input.bytes);
  const id = newId();
  const row = { id, sha256: stored.sha256, file_name: safeName(input.fileName), mime: stored.type.mime, size: stored.size, entity_type: input.entityType, entity_id: input.entityId, unit_id: unit.id, uploaded_by: ctx.actor.userId, province_code: unit.province_code, created_at: nowIso() };
  await withTransaction(ctx, async (trx) => {
    const known = await trx.selectFrom('files').select('sha256').where('sha256', '=', stored.sha256).executeTakeFirst();
    if (!known) await trx.insertInto('files').values({ sha256: stored.sha256, size: stored.size, mime: stored.type.mime, created_at: row.created_at }).execute();
    await trx.insertInto('attachments').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'file.upload', entityType: 'attachment', entityId: id, unitId: unit.id, after: { fileName: row.file_name, sha256: row.sha256, size: row.size, entityType: row.entity_type, entityId: row.entity_id } });
  });
  return { id, fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256, entityType: row.entity_type, entityId: row.entity_id, unitId: row.unit_id, createdAt: row.created_at };
}

export async function downloadAttachment(ctx: TContext, storage: FileStorage, id: string) {
  const att = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!att) throw notFound('Không tìm thấy tệp');
  const own = att.entity_type === 'person' && att.entity_id === ctx.actor.personId || att.uploaded_by === ctx.actor.userId;
  if (!own) await requireAccess(ctx, 'unit.read', [att.unit_id]);
  return { att, bytes: await storage.get(att.sha256) };
}
