// The in-process worker: claims jobs from the table, runs their handler, records progress and the
// result. A job whose worker died (no heartbeat for staleMs) is put back in the queue, so work
// resumes after a crash; handlers are written to be safe to run again.
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { loadConfig, type TConfig } from '../config';
import type { Database } from '../db/database';
import { claimNextJobRow } from '../db/dialect';
import { nowIso } from '../ids';
import type { FileStorage } from '../files/storage';

export type TJobHelpers = {
  database: Database;
  storage: FileStorage;
  log: Logger;
  /** The configuration parsed at boot (SMTP for e-mails, limits, …): handlers never read process.env. */
  config: TConfig;
  jobId: number;
  /** Reports progress 0–100 with a short Vietnamese message; also the heartbeat. */
  progress: (percent: number, message?: string) => Promise<void>;
};
export type TJobHandler = (payload: any, helpers: TJobHelpers) => Promise<unknown>;


export class JobWorker {
  private handlers = new Map<string, TJobHandler>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private active: Promise<void> | null = null;
  readonly workerId = `${hostname()}:${process.pid}`;

  /** `config` is the server's (bootstrap passes it); a worker built without one, as in tests, runs with the defaults. */
  private readonly config: TConfig;

  constructor(private deps: { database: Database; storage: FileStorage; log: Logger; config?: TConfig }, private pollMs = 500, private staleMs = 60_000) {
    this.config = deps.config ?? loadConfig({});
  }

  register(type: string, handler: TJobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const loop = async () => {
      if (!this.running) return;
      try {
        await this.requeueStale();
        while (this.running && (await this.runOne())) { /* drain */ }
      } catch (err) {
        this.deps.log.error({ err }, 'job worker loop failed');
      }
      if (this.running) this.timer = setTimeout(loop, this.pollMs);
    };
    this.timer = setTimeout(loop, 10);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.active) await this.active.catch(() => undefined);
  }

  /** Puts back jobs whose worker stopped sending heartbeats (crash, kill -9). */
  async requeueStale(): Promise<number> {
    const cutoff = new Date(Date.now() - this.staleMs).toISOString();
    const res = await this.deps.database.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, progress_message: 'Tiếp tục sau khi máy chủ khởi động lại' })
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('heartbeat_at', '<', cutoff), eb('heartbeat_at', 'is', null)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows ?? 0);
  }

  /** Claims and runs one job; false when there was none. */
  async runOne(): Promise<boolean> {
    const { db, kind } = this.deps.database;
    if (this.handlers.size === 0) return false;
    const job = await claimNextJobRow(db, kind, this.workerId, nowIso(), [...this.handlers.keys()]);
    if (!job) return false;
    const handler = this.handlers.get(job.type)!;
    const id = Number(job.id);
    const helpers: TJobHelpers = {
      ...this.deps,
      config: this.config,
      jobId: id,
      progress: async (percent, message) => {
        await db.updateTable('jobs').set({ progress: Math.max(0, Math.min(100, Math.round(percent))), progress_message: message ?? null, heartbeat_at: nowIso() }).where('id', '=', id).execute();
      },
    };
    // Heartbeats independent of the handler's own progress calls, so a long step is not taken for a crash.
    const beat = setInterval(() => {
      db.updateTable('jobs').set({ heartbeat_at: nowIso() }).where('id', '=', id).where('status', '=', 'running').execute().catch(() => undefined);
    }, Math.max(1000, Math.floor(this.staleMs / 3)));
    const run = (async () => {
      try {
        const result = await handler(JSON.parse(job.payload), helpers);
        await db.updateTable('jobs').set({ status: 'done', progress: 100, result: JSON.stringify(result ?? null), error: null, finished_at: nowIso(), heartbeat_at: nowIso() }).where('id', '=', id).execute();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const retry = job.attempts < job.max_attempts && !(err as { permanent?: boolean }).permanent;
        this.deps.log.warn({ err, jobId: id, type: job.type, retry }, 'job failed');
        await db
          .updateTable('jobs')
          .set(retry
            ? { status: 'queued', error: message, locked_by: null, run_after: new Date(Date.now() + 2000 * job.attempts).toISOString() }
            : { status: 'failed', error: message, finished_at: nowIso() })
          .where('id', '=', id)
          .execute();
      }
    })();
    this.active = run;
    await run.finally(() => clearInterval(beat));
    this.active = null;
    return true;
  }
}

/** An error that retrying cannot fix (bad input): the job fails at once. */
export class PermanentJobError extends Error {
  readonly permanent = true;
}
