// Runs the TypeScript migrations in order, once each, recorded in thidua_migrations.
import { sql } from 'kysely';
import type { Database } from './database';
import * as m0001 from './migrations/0001-core';
import * as m0002 from './migrations/0002-documents';
import * as m0003 from './migrations/0003-plans';
import * as m0004 from './migrations/0004-scale-indexes';
import * as m0005 from './migrations/0005-awards';
import * as m0006 from './migrations/0006-rule-sets';
import * as m0007 from './migrations/0007-reviews';
import * as m0008 from './migrations/0008-dossiers';
import * as m0009 from './migrations/0009-reports';
import * as m0010 from './migrations/0010-participation';
import * as m0011 from './migrations/0011-assessments';
import * as m0012 from './migrations/0012-report-outreach';
import * as m0013 from './migrations/0013-people-search-cover';

type TMigration = { up: (db: any, kind: Database['kind']) => Promise<void> };

/** Append new migrations here; never edit one that has shipped. */
export const MIGRATIONS: [string, TMigration][] = [['0001-core', m0001], ['0002-documents', m0002], ['0003-plans', m0003], ['0004-scale-indexes', m0004], ['0005-awards', m0005],
  ['0006-rule-sets', m0006], ['0007-reviews', m0007], ['0008-dossiers', m0008], ['0009-reports', m0009], ['0010-participation', m0010], ['0011-assessments', m0011],
  ['0012-report-outreach', m0012], ['0013-people-search-cover', m0013]];

export async function migrateToLatest(database: Database): Promise<string[]> {
  const { db, kind } = database;
  await db.schema
    .createTable('thidua_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const applied: string[] = [];
  for (const [name, migration] of MIGRATIONS) {
    const done = await sql<{ name: string }>`select name from thidua_migrations where name = ${name}`.execute(db);
    if (done.rows.length > 0) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx, kind);
      await sql`insert into thidua_migrations (name, applied_at) values (${name}, ${new Date().toISOString()})`.execute(trx);
    });
    applied.push(name);
  }
  return applied;
}
