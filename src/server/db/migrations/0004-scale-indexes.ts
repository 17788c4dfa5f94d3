// Indexes for national-scale reads (measured with `thidua bench` on generated national data):
// unaccented substring search on people's folded names uses a trigram index on PostgreSQL.
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';
import { createTrigramIndex } from '../dialect';

export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  await createTrigramIndex(db, kind, 'people_name_trgm_idx', 'people', 'name_search');
}
