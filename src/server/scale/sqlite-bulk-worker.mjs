// The SQLite half of the generator's bulk writer (bulk.ts, SqliteBulkWriter), in a worker thread: the
// main thread draws the rows while this thread inserts the previous batches, so a run uses both cores.
// Plain JavaScript (no TypeScript loader in worker threads). Messages in:
//   { type: 'rows', table, columns: string[], values: flat array, rows }   insert (multi-row statements)
//   { type: 'commit' }    COMMIT and BEGIN the next transaction
//   { type: 'sync', id }  answers { type: 'synced', id } once everything before it is done
//   { type: 'finish' }    commit, restore the normal settings, ANALYZE, checkpoint, close; answers
//                         { type: 'finished', seconds: { commit, analyze, checkpoint } }
//   { type: 'abort' }     roll back and close; answers 'aborted'
// Every 'rows' message is acknowledged ({ type: 'ack', rows }) so the main thread can bound its queue;
// a failure answers { type: 'error', message } and ignores what follows.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

const conn = new SqliteDatabase(workerData.file);
conn.pragma('journal_mode = WAL');
conn.pragma('busy_timeout = 30000');
// Bulk-load settings for this connection only; 'finish' sets them back.
conn.pragma('synchronous = OFF');
conn.pragma('foreign_keys = OFF');
conn.pragma('cache_size = -524288'); // 512 MiB (2 GiB measured no faster, and the end took longer)
conn.pragma('temp_store = MEMORY');
conn.pragma('wal_autocheckpoint = 10000');
conn.exec('BEGIN');
let inTx = true;
let failed = false;
const statements = new Map();

function statement(table, columns, rows) {
  const key = `${table}:${rows}`;
  let st = statements.get(key);
  if (!st) {
    const one = `(${columns.map(() => '?').join(',')})`;
    st = conn.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(one).join(',')}`);
    statements.set(key, st);
  }
  return st;
}

function insert({ table, columns, values, rows }) {
  const cols = columns.length;
  // SQLite binds at most 32,766 variables per statement.
  const per = Math.max(1, Math.min(400, Math.floor(32_000 / cols)));
  let i = 0;
  for (; i + per <= rows; i += per) statement(table, columns, per).run(values.slice(i * cols, (i + per) * cols));
  if (i < rows) statement(table, columns, rows - i).run(values.slice(i * cols));
}

function commit() {
  if (inTx) conn.exec('COMMIT');
  conn.exec('BEGIN');
  inTx = true;
}

parentPort.on('message', (msg) => {
  try {
    if (failed && msg.type !== 'abort') return;
    switch (msg.type) {
      case 'rows': insert(msg); parentPort.postMessage({ type: 'ack', rows: msg.rows }); break;
      case 'commit': commit(); break;
      case 'sync': commit(); parentPort.postMessage({ type: 'synced', id: msg.id }); break;
      case 'finish': {
        // Each phase timed (seconds), reported in generate-data's stepSeconds.
        const t0 = performance.now();
        if (inTx) conn.exec('COMMIT');
        inTx = false;
        conn.pragma('synchronous = NORMAL');
        conn.pragma('foreign_keys = ON');
        conn.pragma('analysis_limit = 1000');
        const t1 = performance.now();
        conn.exec('ANALYZE');
        const t2 = performance.now();
        conn.pragma('wal_checkpoint(TRUNCATE)');
        conn.close();
        const t3 = performance.now();
        parentPort.postMessage({ type: 'finished', seconds: { commit: (t1 - t0) / 1000, analyze: (t2 - t1) / 1000, checkpoint: (t3 - t2) / 1000 } });
        break;
      }
      case 'abort':
        if (inTx && conn.open) conn.exec('ROLLBACK');
        inTx = false;
        if (conn.open) conn.close();
        parentPort.postMessage({ type: 'aborted' });
        break;
      default: throw new Error(`unknown message ${msg.type}`);
    }
  } catch (e) {
    failed = true;
    parentPort.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
