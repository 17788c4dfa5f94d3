// The generator's bulk writers (src/server/scale/bulk.ts): the SQLite worker thread and PostgreSQL's COPY on
// two connections. Values that COPY's text format must escape come back unchanged, rows of several commits
// (provinces, alternating connections on PostgreSQL) all land, and a failing batch rejects instead of hanging.
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateData } from '../../src/server/scale/generate';
import { PostgresBulkWriter, SqliteBulkWriter, type TBulkWriter, type TTableSpec } from '../../src/server/scale/bulk';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases, type TTestEnv } from './harness';

const THROTTLE: TTableSpec = { table: 'login_throttle', columns: [['key', 'text'], ['failures', 'int'], ['window_start', 'text'], ['locked_until', 'text']] };
const TRICKY = ['a\\b', 'tab\there', 'line\nbreak', 'cr\rx', 'Nguyễn Thị Hồng Nhung — Trường THPT Chu Văn An', '\\N', '', 'đ'.repeat(3000), null];

function writerFor(e: TTestEnv, batchRows: number): TBulkWriter {
  const { kind, sqliteFile } = e.deps.database;
  return kind === 'postgres' ? new PostgresBulkWriter(e.config.DATABASE_URL!, batchRows) : new SqliteBulkWriter(sqliteFile!, batchRows, 2);
}

describeOnBothDatabases('ghi hàng loạt của generate-data', (env) => {
  it('giá trị có \\, tab, xuống dòng, chữ có dấu, NULL và số về nguyên vẹn; dòng của nhiều lần commit đều được ghi', async () => {
    const e = env();
    const { db } = e.deps.database;
    await db.deleteFrom('login_throttle').execute();
    const writer = writerFor(e, 7);
    for (let i = 0; i < 60; i++) {
      await writer.add(THROTTLE, [`bulk.${String(i).padStart(2, '0')}`, i * 1000, `2026-12-04 ${String(i).padStart(2, '0')}`, TRICKY[i % TRICKY.length]]);
      if (i % 13 === 12) await writer.commit(); // a province ends: PostgreSQL moves to its other connection
    }
    await writer.finish();
    const rows = await db.selectFrom('login_throttle').select(['key', 'failures', 'window_start', 'locked_until']).where('key', 'like', 'bulk.%').orderBy('key').execute();
    expect(rows).toHaveLength(60);
    expect(writer.written).toBe(60);
    rows.forEach((r, i) => {
      expect(r.locked_until).toBe(TRICKY[i % TRICKY.length]);
      expect(Number(r.failures)).toBe(i * 1000);
      expect(r.window_start).toBe(`2026-12-04 ${String(i).padStart(2, '0')}`);
    });
  });

  it('một lô hỏng (trùng khóa) làm lỗi ngay, không treo; abort bỏ giao dịch đang mở', async () => {
    const e = env();
    const { db } = e.deps.database;
    await db.deleteFrom('login_throttle').execute();
    const writer = writerFor(e, 5);
    for (let i = 0; i < 5; i++) await writer.add(THROTTLE, [`ok.${i}`, 0, 'x', null]);
    await writer.sync(); // committed: stays
    const failing = (async () => {
      for (let i = 0; i < 40; i++) await writer.add(THROTTLE, ['dup', 0, 'x', null]);
      await writer.finish();
    })();
    await expect(failing).rejects.toThrow(/dup|UNIQUE|duplicate|unique/i);
    await writer.abort();
    const keys = (await db.selectFrom('login_throttle').select('key').orderBy('key').execute()).map((r) => r.key);
    expect(keys).toEqual(['ok.0', 'ok.1', 'ok.2', 'ok.3', 'ok.4']);
  });

  it('dữ liệu sinh ra đúng mọi khóa ngoại (PostgreSQL nạp không kiểm từng dòng khi được phép)', async () => {
    const e = env();
    const { db, kind } = e.deps.database;
    await generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed: 11, force: true, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD, today: '2026-11-23' });
    if (kind === 'sqlite') {
      const bad = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
      expect(bad.rows).toEqual([]);
      return;
    }
    // Every foreign key of the schema, checked as an anti-join (the constraint's own columns, any arity).
    const fks = await sql<{ child: string; parent: string; ccols: string[]; pcols: string[] }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as ccols,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as pcols
      from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace where c.contype = 'f' and ns.nspname = current_schema()`.execute(db);
    expect(fks.rows.length).toBeGreaterThan(50);
    const orphans: string[] = [];
    for (const fk of fks.rows) {
      const notNull = fk.ccols.map((c) => `ch."${c}" is not null`).join(' and ');
      const match = fk.ccols.map((c, i) => `pa."${fk.pcols[i]}" = ch."${c}"`).join(' and ');
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(`"${fk.child}" ch`)} where ${sql.raw(notNull)} and not exists (select 1 from ${sql.raw(`"${fk.parent}" pa`)} where ${sql.raw(match)})`.execute(db);
      if (Number(r.rows[0].n)) orphans.push(`${fk.child}(${fk.ccols}) → ${fk.parent}: ${r.rows[0].n}`);
    }
    expect(orphans).toEqual([]);
  });
});
