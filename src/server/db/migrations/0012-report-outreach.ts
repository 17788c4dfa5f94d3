// Periodic reports fed by the outreach log (issue 7): an indicator may take its value from the log
// (`source`, JSON {kind:'outreach', channels, measure}); a figure keeps what the log said when the
// report was sent (`source_num`) and, when the unit corrected it, the reason (`note`).
import type { Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, _kind: DbKind): Promise<void> {
  await db.schema.alterTable('report_indicators').addColumn('source', 'text').execute();
  await db.schema.alterTable('report_values').addColumn('source_num', 'double precision').execute();
  await db.schema.alterTable('report_values').addColumn('note', 'text').execute();
}
