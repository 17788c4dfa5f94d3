// The audit log: one row per change, written in the change's own transaction, hash-chained so that
// editing or deleting a past row is detectable (`thidua audit verify`).
import { createHash } from 'node:crypto';
import type { Db, DbKind, Tx } from '../db/database';
import { lockChain } from '../db/dialect';
import { nowIso } from '../ids';

const AUDIT_LOCK_KEY = 7_001;
export const GENESIS_HASH = '0'.repeat(64);

export type TAuditEntry = {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

type TChainFields = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
};

export function hashAuditRow(prevHash: string, row: TChainFields): string {
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor_user_id, row.action, row.entity_type, row.entity_id, row.unit_id,
    row.before_json, row.after_json, row.reason,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Only the fields that changed, so a row reads "old → new". */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined) {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updated_at') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

export async function writeAudit(trx: Tx, kind: DbKind, entry: TAuditEntry): Promise<void> {
  await lockChain(trx, kind, AUDIT_LOCK_KEY);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const row: TChainFields = {
    seq,
    at: nowIso(),
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    unit_id: entry.unitId ?? null,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    reason: entry.reason ?? null,
  };
  await trx.insertInto('audit_log').values({ ...row, prev_hash: prevHash, hash: hashAuditRow(prevHash, row) }).execute();
}

export type TAuditVerifyResult = { ok: boolean; rows: number; firstBadSeq: number | null; problem: string | null };

/** Walks the chain in order; reports the first row whose hash, link or sequence does not hold. */
export async function verifyAuditChain(db: Db): Promise<TAuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) break;
    for (const r of page) {
      if (r.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, problem: `Thiếu dòng nhật ký số ${expectedSeq}` };
      if (r.prev_hash !== prevHash) return { ok: false, rows, firstBadSeq: r.seq, problem: `Dòng ${r.seq} không nối với dòng trước` };
      const h = hashAuditRow(prevHash, r);
      if (h !== r.hash) return { ok: false, rows, firstBadSeq: r.seq, problem: `Dòng ${r.seq} đã bị sửa sau khi ghi` };
      prevHash = r.hash;
      expectedSeq++;
      rows++;
    }
  }
  return { ok: true, rows, firstBadSeq: null, problem: null };
}
