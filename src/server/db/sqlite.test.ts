// The SQLite connection's statement cache: one prepare per SQL text, bounded, and correct across a schema
// change and a stream of the same query.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { expect, it } from 'vitest';
import { openSqlite, withStatementCache } from './sqlite';

it('một câu lệnh chuẩn bị một lần, giới hạn số câu giữ lại, đúng sau khi đổi lược đồ và khi đọc dạng luồng', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-stmt-'));
  const conn = openSqlite(path.join(dir, 't.sqlite'));
  let prepares = 0;
  const prepare = conn.prepare.bind(conn);
  conn.prepare = ((text: string) => { prepares++; return prepare(text); }) as typeof conn.prepare;
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(conn, 2) }) });
  try {
    await sql`create table t (id integer primary key, name text)`.execute(db);
    await db.insertInto('t').values([{ id: 1, name: 'Lan' }, { id: 2, name: 'Hùng' }, { id: 3, name: 'Mai' }]).execute();

    const byId = (id: number) => db.selectFrom('t').selectAll().where('id', '=', id).execute();
    const before = prepares;
    for (const id of [1, 2, 3, 1, 2]) expect((await byId(id))[0].id).toBe(id);
    expect(prepares - before).toBe(1);

    // Bounded: two other queries push it out; it is prepared again.
    await db.selectFrom('t').select('name').execute();
    await db.selectFrom('t').select('id').execute();
    const again = prepares;
    await byId(1);
    expect(prepares - again).toBe(1);

    // A column added after the statement was prepared shows in its next run.
    await sql`alter table t add column note text`.execute(db);
    await db.updateTable('t').set({ note: 'tổ trưởng' }).where('id', '=', 1).execute();
    expect(await byId(1)).toEqual([{ id: 1, name: 'Lan', note: 'tổ trưởng' }]);

    // The same query run, then streamed: the stream gets its own statement.
    const all = db.selectFrom('t').select(['id', 'name']).orderBy('id');
    expect((await all.execute()).map((r) => r.id)).toEqual([1, 2, 3]);
    const streamed: number[] = [];
    for await (const r of all.stream()) streamed.push(r.id);
    expect(streamed).toEqual([1, 2, 3]);
    expect((await all.execute()).map((r) => r.name)).toEqual(['Lan', 'Hùng', 'Mai']);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
