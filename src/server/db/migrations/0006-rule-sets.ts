// Rule sets (quy định thi đua – khen thưởng as data, src/rules): one row per version. An administrator's
// edit inserts a new version and closes the previous one (`superseded_at`); old versions stay, so a
// verdict or decision that stored (code, version) can always be explained. The shipped sets are seeded
// here; a later release's new shipped sets are added by `ensureShippedRuleSets` (src/server/rules).
import type { Kysely } from 'kysely';
import { SHIPPED_RULE_SETS } from '../../../rules/data/rule-sets';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('effective_to', 'text')
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('unverified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('rule_sets_code_version_uq', ['code', 'version'])
    .execute();
  const now = new Date().toISOString();
  for (const set of SHIPPED_RULE_SETS) {
    await db
      .insertInto('rule_sets')
      .values({
        id: `${set.id}@${set.version}`, code: set.id, version: set.version, name: set.name, effective_from: set.effectiveFrom,
        effective_to: set.effectiveTo, citation: set.citation, unverified: set.verified ? 0 : 1, data: JSON.stringify(set),
        source: 'shipped', reason: null, created_by: null, created_at: now, superseded_at: null,
      })
      .execute();
  }
  await db.schema.createIndex('rule_sets_active_idx').on('rule_sets').columns(['superseded_at', 'effective_from']).execute();
}
