// Bulk writers for the synthetic-data generator: rows are buffered per table and written as
// multi-row statements inside large transactions, straight through the drivers (better-sqlite3 /
// pg) rather than Kysely, because building millions of query objects would dominate the run time.
// SQLite: one connection with bulk-load pragmas (synchronous=OFF, big cache, no FK checks) that
// are set back when the load ends. PostgreSQL: INSERT … SELECT FROM unnest($1::text[], …), one
// parameter per column, with synchronous_commit off for the session.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
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

export interface TBulkWriter {
  readonly kind: DbKind;
  /** Buffers one row (values in the spec's column order); written when the table's batch is full. */
  add(spec: TTableSpec, row: TCell[]): void | Promise<void>;
  /** Writes every buffered row and commits; the next rows go into a new transaction. */
  commit(): Promise<void>;
  /** Rows written so far (all tables). */
  readonly written: number;
  /** Commits, restores normal settings, refreshes planner statistics and closes the connection. */
  finish(): Promise<void>;
  /** Rolls back the open transaction and closes. */
  abort(): Promise<void>;
}

/** SQLite: prepared multi-row INSERTs (up to 32,766 bound variables) in one transaction per commit(). */
export class SqliteBulkWriter implements TBulkWriter {
  readonly kind = 'sqlite' as const;
  written = 0;
  private conn: SqliteDatabase.Database;
  private buffers = new Map<TTableSpec, TCell[]>();
  private statements = new Map<string, SqliteDatabase.Statement>();
  private inTx = false;

  constructor(file: string) {
    this.conn = new SqliteDatabase(file);
    this.conn.pragma('journal_mode = WAL');
    this.conn.pragma('busy_timeout = 30000');
    // Bulk-load settings for this connection only; finish() sets them back.
    this.conn.pragma('synchronous = OFF');
    this.conn.pragma('foreign_keys = OFF');
    this.conn.pragma('cache_size = -524288');
    this.conn.pragma('temp_store = MEMORY');
    this.conn.pragma('wal_autocheckpoint = 10000');
    this.begin();
  }

  private begin() {
    if (!this.inTx) { this.conn.exec('BEGIN'); this.inTx = true; }
  }

  private rowsPerStatement(spec: TTableSpec) {
    return Math.max(1, Math.min(400, Math.floor(32_000 / spec.columns.length)));
  }

  private statement(spec: TTableSpec, rows: number) {
    const key = `${spec.table}:${rows}`;
    let st = this.statements.get(key);
    if (!st) {
      const one = `(${spec.columns.map(() => '?').join(',')})`;
      st = this.conn.prepare(`INSERT INTO ${spec.table} (${spec.columns.map((c) => c[0]).join(',')}) VALUES ${Array(rows).fill(one).join(',')}`);
      this.statements.set(key, st);
    }
    return st;
  }

  add(spec: TTableSpec, row: TCell[]): void {
    let buf = this.buffers.get(spec);
    if (!buf) { buf = []; this.buffers.set(spec, buf); }
    for (const v of row) buf.push(v);
    const per = this.rowsPerStatement(spec);
    if (buf.length >= per * spec.columns.length) this.flushTable(spec);
  }

  private flushTable(spec: TTableSpec) {
    const buf = this.buffers.get(spec);
    if (!buf || !buf.length) return;
    const cols = spec.columns.length;
    const per = this.rowsPerStatement(spec);
    const rows = buf.length / cols;
    let i = 0;
    for (; i + per <= rows; i += per) this.statement(spec, per).run(buf.slice(i * cols, (i + per) * cols));
    if (i < rows) this.statement(spec, rows - i).run(buf.slice(i * cols));
    this.written += rows;
    this.buffers.set(spec, []);
  }

  async commit(): Promise<void> {
    for (const spec of this.buffers.keys()) this.flushTable(spec);
    if (this.inTx) { this.conn.exec('COMMIT'); this.inTx = false; }
    this.begin();
  }

  async finish(): Promise<void> {
    await this.commit();
    this.conn.exec('COMMIT');
    this.inTx = false;
    this.conn.pragma('synchronous = NORMAL');
    this.conn.pragma('foreign_keys = ON');
    this.conn.pragma('analysis_limit = 1000');
    this.conn.exec('ANALYZE');
    this.conn.pragma('wal_checkpoint(TRUNCATE)');
    this.conn.close();
  }

  async abort(): Promise<void> {
    if (this.inTx) this.conn.exec('ROLLBACK');
    this.inTx = false;
    this.conn.close();
  }
}

/** PostgreSQL: INSERT … SELECT * FROM unnest(…) batches, at most two in flight while the next is built. */
export class PostgresBulkWriter implements TBulkWriter {
  readonly kind = 'postgres' as const;
  written = 0;
  private client: pg.Client;
  private buffers = new Map<TTableSpec, TCell[][]>();
  private inflight: Promise<unknown>[] = [];
  private ready: Promise<void>;
  private failure: unknown = null;

  constructor(url: string, private batchRows = 5000) {
    const client = new pg.Client({ connectionString: url });
    this.client = client;
    this.ready = (async () => {
      await client.connect();
      await client.query('SET synchronous_commit = off');
      await client.query('BEGIN');
    })();
  }

  private sqlFor(spec: TTableSpec) {
    const params = spec.columns.map(([, t], i) => `$${i + 1}::${t === 'int' ? 'int4' : t === 'float' ? 'float8' : 'text'}[]`).join(', ');
    return `INSERT INTO ${spec.table} (${spec.columns.map((c) => c[0]).join(', ')}) SELECT * FROM unnest(${params})`;
  }

  async add(spec: TTableSpec, row: TCell[]): Promise<void> {
    let buf = this.buffers.get(spec);
    if (!buf) { buf = spec.columns.map(() => []); this.buffers.set(spec, buf); }
    for (let i = 0; i < row.length; i++) buf[i].push(row[i]);
    if (buf[0].length >= this.batchRows) await this.flushTable(spec);
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
    const buf = this.buffers.get(spec);
    if (!buf || !buf[0].length) return;
    this.buffers.set(spec, spec.columns.map(() => []));
    await this.ready;
    if (this.failure) throw this.failure;
    const rows = buf[0].length;
    const p = this.client.query(this.sqlFor(spec), buf).then(() => { this.written += rows; }, (e) => { this.failure = e; });
    this.inflight.push(p);
    if (this.inflight.length >= 2) await this.inflight.shift();
    if (this.failure) throw this.failure;
  }

  async commit(): Promise<void> {
    for (const spec of [...this.buffers.keys()]) await this.flushTable(spec);
    await Promise.all(this.inflight);
    this.inflight = [];
    if (this.failure) throw this.failure;
    await this.client.query('COMMIT');
    await this.client.query('BEGIN');
  }

  async finish(): Promise<void> {
    await this.commit();
    await this.client.query('COMMIT');
    // VACUUM, not only ANALYZE: a bulk load leaves the visibility map empty, so every "index-only" scan
    // (counts per unit in the tree, people per unit) fetched each heap row until autovacuum came by —
    // measured on national data: people per unit for a Sở's 2.028 children 435 ms before, a few ms after.
    await this.client.query('VACUUM (ANALYZE)');
    await this.client.end();
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.inflight);
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
