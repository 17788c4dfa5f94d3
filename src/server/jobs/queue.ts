// Jobs as data: enqueue inside the transaction of the change that needs the work.
import type { Db, Tx } from '../db/database';
import { nowIso } from '../ids';

export async function enqueueJob(db: Db | Tx, job: { type: string; payload: unknown; createdBy?: string | null; unitId?: string | null; maxAttempts?: number; runAfter?: string }): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('jobs')
    .values({
      type: job.type, payload: JSON.stringify(job.payload ?? {}), status: 'queued', progress: 0, progress_message: null, result: null, error: null,
      attempts: 0, max_attempts: job.maxAttempts ?? 3, run_after: job.runAfter ?? now, locked_by: null, heartbeat_at: null,
      created_by: job.createdBy ?? null, unit_id: job.unitId ?? null, created_at: now, finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function getJob(db: Db | Tx, id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
