// People search inside a province (the officers' everyday search) answered from the index alone.
// The province + name index of 0001 made PostgreSQL fetch every heap row of the province to test the
// name (an Index Scan filters after the heap fetch): 85 ms for a count in a province of 33.000 people,
// national data. With id and unit_id in the index the count and the page's ids come from an index-only
// scan (19–60 ms), and only the page's 20 rows are read from the table. PostgreSQL keeps unit_id as an
// INCLUDE column; SQLite has no INCLUDE, so it is a trailing key column there (same effect).
// Building it locks writes on `people` for a few seconds on national data (no CONCURRENTLY inside a
// migration's transaction).
import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  if (kind === 'postgres') {
    await sql`create index people_province_name_cover_idx on people (province_code, name_search, id) include (unit_id)`.execute(db);
  } else {
    await db.schema.createIndex('people_province_name_cover_idx').on('people').columns(['province_code', 'name_search', 'id', 'unit_id']).execute();
  }
  await db.schema.dropIndex('people_province_name_idx').execute();
}
