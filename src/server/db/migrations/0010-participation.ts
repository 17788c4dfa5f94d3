// Filled in by its feature this session (tables are created here; keep the file order).
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(_db: Kysely<any>, _kind: DbKind): Promise<void> {}
