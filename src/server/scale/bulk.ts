// Bulk writers for the synthetic-data generator: rows are buffered per table and written as
// multi-row statements inside large transactions, straight through the drivers (better-sqlite3 /
// pg) rather than Kysely, because building millions of query objects would dominate the run time.
// SQLite: one connection in a worker thread with bulk-load pragmas (synchronous=OFF, big cache, no FK
// checks) that are set back when the load ends. PostgreSQL: COPY … FROM STDIN in text format on two
// connections, with synchronous_commit off for the session.
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbKind } from '../db/database';

export type TColumnType = 'text' | 'int' | 'float';
export type TTableSpec = { table: string; columns: [string, TColumnType][] };

/** Column order used by the generator for every table it writes (later steps add their own specs). */
export const TABLES = {
  units: { table: 'units', columns: [['id', 'text'], ['code', 'text'], ['name', 'text'], ['short_name', 'text'], ['abbreviation', 'text'], ['kind', 'text'], ['province_code', 'text'], ['commune_code', 'text'], ['parent_id', 'text'], ['prof_parent_id', 'text'], ['address', 'text'], ['phone', 'text'], ['email', 'text'], ['status', 'text'], ['valid_from', 'text'], ['valid_to', 'text'], ['name_search', 'text'], ['created_at', 'text'], ['updated_at', 'text']] },
  unit_closure: { table: 'unit_closure', columns: [['ancestor_id', 'text'], ['descendant_id', 'text'], ['depth', 'int'], ['province_code', 'text']] },
  unit_events: { table: 'unit_events', columns: [['id', 'text'], ['unit_id', 'text'], ['event', 'text'], ['effective_date', 'text'], ['related_unit_id', 'text'], ['details', 'text'], ['actor_user_id', 'text'], ['province_code', 'text'], ['created_at', 'text']] },
  people: { table: 'people', columns: [['id', 'text'], ['full_name', 'text'], ['name_search', 'text'], ['birth_date', 'text'], ['gender', 'text'], ['ethnicity', 'text'], ['cccd', 'text'], ['phone', 'text'], ['email', 'text'], ['unit_id', 'text'], ['position', 'text'], ['staff_category', 'text'], ['sector_start_date', 'text'], ['province_code', 'text'], ['created_at', 'text'], ['updated_at', 'text']] },
  employments: { table: 'employments', columns: [['id', 'text'], ['person_id', 'text'], ['province_code', 'text'], ['unit_id', 'text'], ['position', 'text'], ['from_date', 'text'], ['to_date', 'text']] },
  performance_ratings: { table: 'performance_ratings', columns: [['id', 'text'], ['person_id', 'text'], ['province_code', 'text'], ['school_year', 'int'], ['rating', 'text'], ['unit_id', 'text']] },
  qualifications: { table: 'qualifications', columns: [['id', 'text'], ['person_id', 'text'], ['province_code', 'text'], ['kind', 'text'], ['name', 'text'], ['year', 'int']] },
  disciplines: { table: 'disciplines', columns: [['id', 'text'], ['person_id', 'text'], ['province_code', 'text'], ['form', 'text'], ['decision_number', 'text'], ['from_date', 'text'], ['to_date', 'text'], ['reason', 'text']] },
  clusters: { table: 'clusters', columns: [['id', 'text'], ['name', 'text'], ['kind', 'text'], ['school_year', 'int'], ['owner_unit_id', 'text'], ['province_code', 'text'], ['note', 'text'], ['created_at', 'text']] },
  cluster_members: { table: 'cluster_members', columns: [['cluster_id', 'text'], ['unit_id', 'text'], ['role', 'text']] },
  users: { table: 'users', columns: [['id', 'text'], ['username', 'text'], ['full_name', 'text'], ['email', 'text'], ['password_hash', 'text'], ['person_id', 'text'], ['is_active', 'int'], ['must_change_password', 'int'], ['failed_logins', 'int'], ['locked_until', 'text'], ['last_login_at', 'text'], ['created_at', 'text'], ['updated_at', 'text']] },
  user_roles: { table: 'user_roles', columns: [['id', 'text'], ['user_id', 'text'], ['role', 'text'], ['unit_id', 'text'], ['created_at', 'text']] },
} satisfies Record<string, TTableSpec>;

export type TCell = string | number | null;

/** Where one province's rows go: buffered per table, written in batches, committed at the province's end. */
export interface TBulkSink {
  /** Buffers one row (values in the spec's column order); written when the table's batch is full. */
  add(spec: TTableSpec, row: TCell[]): void | Promise<void>;
  /** Writes every buffered row and commits; the next rows go into a new transaction (PostgreSQL: the
   * commit runs in the background while the generator goes on). */
  commit(): Promise<void>;
}

export interface TBulkWriter extends TBulkSink {
  readonly kind: DbKind;
  /** How many provinces may be generated at the same time, each into its own sink (SQLite: 1). */
  readonly parallel: number;
  /** Sink number i (0 ≤ i < parallel); the writer's own add/commit use sink 0. */
  sink(i: number): TBulkSink;
  /** Like commit(), and waits until every row so far (every sink) is committed. */
  sync(): Promise<void>;
  /** Rows written so far (all tables). */
  readonly written: number;
  /** Commits, restores normal settings, refreshes planner statistics and closes the connection. */
  finish(): Promise<void>;
  /** After finish(): its phases in seconds (SQLite: commit, analyze, checkpoint; PostgreSQL: commit, vacuum). */
  readonly finishSeconds: Record<string, number>;
  /** Rolls back the open transaction and closes. */
  abort(): Promise<void>;
}

/**
 * SQLite: prepared multi-row INSERTs (up to 32,766 bound variables) in one transaction per commit(), run
 * by a worker thread (sqlite-bulk-worker.mjs) so that drawing the rows (this thread) and inserting them
 * (the worker) use both cores. Batches are acknowledged; at most `maxQueued` are waiting at a time.
 */
export class SqliteBulkWriter implements TBulkWriter {
  readonly kind = 'sqlite' as const;
  /** One writer thread: provinces are generated one after the other. */
  readonly parallel = 1;
  written = 0;
  private worker: Worker;
  private buffers = new Map<TTableSpec, TCell[]>();
  private queued = 0;
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  private syncs = new Map<number, () => void>();
  private nextSync = 1;
  private ended: Promise<void>;
  private endedResolve!: () => void;
  private closing = false;
  /** The end of the load, phase by phase (seconds): commit, analyze, checkpoint. */
  finishSeconds: Record<string, number> = {};

  constructor(file: string, private batchRows = 4000, private maxQueued = 12) {
    this.ended = new Promise((r) => { this.endedResolve = r; });
    this.worker = new Worker(new URL('./sqlite-bulk-worker.mjs', import.meta.url), { workerData: { file } });
    this.worker.on('message', (msg: { type: string; rows?: number; id?: number; message?: string; seconds?: Record<string, number> }) => {
      if (msg.type === 'ack') { this.queued--; this.written += msg.rows!; this.wake(); }
      else if (msg.type === 'synced') { this.syncs.get(msg.id!)?.(); this.syncs.delete(msg.id!); }
      else if (msg.type === 'finished' || msg.type === 'aborted') { this.finishSeconds = msg.seconds ?? {}; this.endedResolve(); }
      else if (msg.type === 'error') this.fail(new Error(`SQLite: ${msg.message}`));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => { if (!this.closing) this.fail(new Error('SQLite: luồng ghi đã dừng')); this.endedResolve(); });
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.wake();
    for (const r of this.syncs.values()) r();
    this.syncs.clear();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  private check() {
    if (this.failure) throw this.failure;
  }

  sink(): TBulkSink {
    return this;
  }

  async add(spec: TTableSpec, row: TCell[]): Promise<void> {
    let buf = this.buffers.get(spec);
    if (!buf) { buf = []; this.buffers.set(spec, buf); }
    for (const v of row) buf.push(v);
    if (buf.length >= this.batchRows * spec.columns.length) await this.flushTable(spec);
  }

  private async flushTable(spec: TTableSpec) {
    const buf = this.buffers.get(spec);
    if (!buf || !buf.length) return;
    this.check();
    this.buffers.set(spec, []);
    this.queued++;
    this.worker.postMessage({ type: 'rows', table: spec.table, columns: spec.columns.map((c) => c[0]), values: buf, rows: buf.length / spec.columns.length });
    while (this.queued >= this.maxQueued && !this.failure) await new Promise<void>((r) => this.waiters.push(r));
    this.check();
  }

  async commit(): Promise<void> {
    for (const spec of this.buffers.keys()) await this.flushTable(spec);
    this.check();
    this.worker.postMessage({ type: 'commit' });
  }

  async sync(): Promise<void> {
    for (const spec of this.buffers.keys()) await this.flushTable(spec);
    this.check();
    const id = this.nextSync++;
    await new Promise<void>((r) => { this.syncs.set(id, r); this.worker.postMessage({ type: 'sync', id }); });
    this.check();
  }

  async finish(): Promise<void> {
    await this.sync();
    this.closing = true;
    this.worker.postMessage({ type: 'finish' });
    await this.ended;
    await this.worker.terminate();
    this.check();
  }

  async abort(): Promise<void> {
    this.closing = true;
    this.worker.postMessage({ type: 'abort' });
    await Promise.race([this.ended, new Promise((r) => setTimeout(r, 10_000))]);
    await this.worker.terminate();
  }
}

const BACKSLASH = 0x5c;
const TAB = 0x09;
const NEWLINE = 0x0a;

/** A string as PostgreSQL's COPY text format needs it: backslash, tab, newline and CR escaped. */
function copyEscaped(v: string): string {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === BACKSLASH || c === TAB || c === NEWLINE || c === 0x0d) {
      return v.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));
    }
  }
  return v;
}

/**
 * Rows of one table in COPY text format, written straight into a growing Buffer (NULL is \N): no
 * string per row or per batch, so the generator's thread spends its time on the data, not on the
 * garbage collector.
 */
class CopyChunk {
  buf = Buffer.allocUnsafe(1 << 20);
  len = 0;
  rows = 0;

  private ensure(n: number) {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  addRow(row: TCell[]) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null) {
        this.ensure(3);
        this.buf[this.len++] = BACKSLASH;
        this.buf[this.len++] = 0x4e; // N
      } else if (typeof v === 'number') {
        const t = String(v);
        this.ensure(t.length + 1);
        this.len += this.buf.write(t, this.len, 'latin1');
      } else {
        const t = copyEscaped(v);
        this.ensure(t.length * 3 + 1);
        this.len += this.buf.write(t, this.len, 'utf8');
      }
      this.buf[this.len++] = i === row.length - 1 ? NEWLINE : TAB;
    }
    this.rows++;
  }
}

/** One connection of the PostgreSQL writer: its COPY statements (up to 48 queued: the generator runs ahead while the server writes), in one transaction. */
class CopyLane {
  readonly client: pg.Client;
  private ready: Promise<void>;
  private inflight: Promise<void>[] = [];
  private failure: unknown = null;
  /** The COMMIT (and next BEGIN) of the province this lane wrote last. */
  pending: Promise<void> = Promise.resolve();
  written = 0;

  constructor(url: string) {
    const client = new pg.Client({ connectionString: url });
    this.client = client;
    this.ready = (async () => {
      await client.connect();
      await client.query('SET synchronous_commit = off');
      // Each row's foreign keys cost the server a trigger and a row lock on the parent. Where the role may
      // (superuser), skip them: the generator writes parents first, and every foreign key of its data is
      // checked by test/integration/bulk-writer.test.ts.
      await client.query('SET session_replication_role = replica').catch(() => undefined);
      await client.query('BEGIN');
    })();
  }

  private check() {
    if (this.failure) throw this.failure;
  }

  async copy(spec: TTableSpec, chunk: CopyChunk): Promise<void> {
    await this.ready;
    await this.pending; // the previous province's COMMIT first: one province per transaction
    this.check();
    const stream = this.client.query(copyFrom(`COPY ${spec.table} (${spec.columns.map((c) => c[0]).join(', ')}) FROM STDIN`));
    const rows = chunk.rows;
    const p = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    }).then(() => { this.written += rows; }, (e) => { this.failure ??= e; });
    stream.end(chunk.buf.subarray(0, chunk.len));
    this.inflight.push(p);
    if (this.inflight.length >= 48) await this.inflight.shift();
    this.check();
  }

  /** Queues COMMIT + BEGIN after what is in flight; `pending` settles when they are done. */
  commitInBackground(): void {
    const inflight = this.inflight;
    const previous = this.pending;
    this.inflight = [];
    this.pending = (async () => {
      await previous;
      await this.ready;
      await Promise.all(inflight);
      this.check();
      await this.client.query('COMMIT');
      await this.client.query('BEGIN');
    })();
    this.pending.catch((e) => { this.failure ??= e; });
  }

  async settle(): Promise<void> {
    await this.pending;
    await Promise.all(this.inflight);
    this.check();
  }

  async abort(): Promise<void> {
    await Promise.allSettled([this.pending, ...this.inflight]);
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

/** One province's rows into one connection (lane), in COPY batches. */
class CopySink implements TBulkSink {
  private buffers = new Map<TTableSpec, CopyChunk>();
  private sinceYield = 0;

  constructor(readonly lane: CopyLane, private batchRows: number) {}

  async add(spec: TTableSpec, row: TCell[]): Promise<void> {
    let chunk = this.buffers.get(spec);
    if (!chunk) { chunk = new CopyChunk(); this.buffers.set(spec, chunk); }
    chunk.addRow(row);
    if (chunk.rows >= this.batchRows) await this.flushTable(spec);
    else if (++this.sinceYield >= 250) {
      // The generator runs without real awaits: let the event loop read the server's answers now and
      // then, so the next queued COPY starts (and the other province runs) while this one builds rows.
      this.sinceYield = 0;
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Foreign keys are checked per statement: tables first used earlier (parents) are written first. */
  private async flushTable(spec: TTableSpec) {
    for (const earlier of this.buffers.keys()) {
      if (earlier === spec) break;
      await this.flushOne(earlier);
    }
    await this.flushOne(spec);
  }

  private async flushOne(spec: TTableSpec) {
    const chunk = this.buffers.get(spec);
    if (!chunk || !chunk.rows) return;
    this.buffers.set(spec, new CopyChunk());
    await this.lane.copy(spec, chunk);
  }

  /** Ends this province's transaction in the background; the lane's next COPY waits for it. */
  async commit(): Promise<void> {
    for (const spec of [...this.buffers.keys()]) await this.flushTable(spec);
    this.lane.commitInBackground();
  }
}

/**
 * PostgreSQL: `COPY … FROM STDIN` (text format) on two connections, one province per transaction. The
 * driver generates two provinces at a time, one into each connection (`parallel` = 2), so both server
 * backends and the generator share the two cores instead of waiting for each other. COPY costs the server
 * less than `INSERT … SELECT FROM unnest(…)`. Rows of one province refer only to that province and to rows
 * committed before it (the Bộ: the driver syncs after writing it), so the two open transactions never need
 * each other's rows.
 */
export class PostgresBulkWriter implements TBulkWriter {
  readonly kind = 'postgres' as const;
  readonly parallel = 2;
  finishSeconds: Record<string, number> = {};
  private lanes: CopyLane[];
  private sinks: CopySink[];

  constructor(url: string, batchRows = 5000) {
    this.lanes = [new CopyLane(url), new CopyLane(url)];
    this.sinks = this.lanes.map((l) => new CopySink(l, batchRows));
  }

  get written(): number {
    return this.lanes.reduce((s, l) => s + l.written, 0);
  }

  sink(i: number): TBulkSink {
    return this.sinks[i];
  }

  add(spec: TTableSpec, row: TCell[]): Promise<void> {
    return this.sinks[0].add(spec, row);
  }

  commit(): Promise<void> {
    return this.sinks[0].commit();
  }

  async sync(): Promise<void> {
    for (const s of this.sinks) await s.commit();
    for (const l of this.lanes) await l.settle();
  }

  async finish(): Promise<void> {
    const t0 = performance.now();
    await this.sync();
    for (const l of this.lanes) await l.client.query('COMMIT');
    const t1 = performance.now();
    // VACUUM, not only ANALYZE: a bulk load leaves the visibility map empty, so every "index-only" scan
    // (counts per unit in the tree, people per unit) fetched each heap row until autovacuum came by —
    // measured on national data: people per unit for a Sở's 2.028 children 435 ms before, a few ms after.
    await this.lanes[0].client.query('VACUUM (ANALYZE)');
    for (const l of this.lanes) await l.client.end();
    this.finishSeconds = { commit: (t1 - t0) / 1000, vacuum: (performance.now() - t1) / 1000 };
  }

  async abort(): Promise<void> {
    for (const l of this.lanes) await l.abort();
  }
}
