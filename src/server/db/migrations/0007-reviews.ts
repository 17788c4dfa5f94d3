// Nominations and review sessions (bình xét): who is put forward for which title, the council that
// reviews them, conflicts of interest, secret e-ballots and the tally.
// Secrecy: `review_ballots` holds the choices only — no voter, no timestamp, a random (v4) id, and on
// SQLite no rowid (WITHOUT ROWID, so rows are stored by the random id, not in the order they were cast).
// Who took part (and how) is in `review_participation`, written in the same transaction as the ballot.
import { sql, type Kysely } from 'kysely';
import type { DbKind } from '../database';

export async function up(db: Kysely<any>, kind: DbKind): Promise<void> {
  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('candidate_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('candidate_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // unit | year | title | candidate while not withdrawn; null once withdrawn (one live nomination each).
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nominations_unit_year_idx').on('nominations').columns(['unit_id', 'school_year', 'status', 'created_at']).execute();
  await db.schema.createIndex('nominations_province_year_idx').on('nominations').columns(['province_code', 'school_year', 'created_at']).execute();
  await db.schema.createIndex('nominations_person_idx').on('nominations').columns(['person_id', 'school_year']).execute();

  await db.schema
    .createTable('review_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('plan_id', 'text', (c) => c.references('plans.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON: [{ titleCode, max, basis: 'fixed' | 'share_of', share?, ofTitle?, note }]
    .addColumn('quotas', 'text', (c) => c.notNull())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    // JSON VoteOverride or null (the authority's own threshold).
    .addColumn('vote_override', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('voting_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('minutes_document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_sessions_unit_idx').on('review_sessions').columns(['unit_id', 'school_year', 'created_at']).execute();
  await db.schema.createIndex('review_sessions_province_idx').on('review_sessions').columns(['province_code', 'status', 'created_at']).execute();

  await db.schema
    .createTable('review_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_members_session_person_uq', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('review_members_user_idx').on('review_members').columns(['user_id', 'session_id']).execute();

  await db.schema
    .createTable('review_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('nomination_id', 'text', (c) => c.references('nominations.id'))
    .addColumn('candidate_kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('candidate_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('title_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text')
    .addColumn('votes_for', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_against', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('votes_abstain', 'integer', (c) => c.notNull().defaultTo(0))
    // Of the votes above, those cast in writing by absent members.
    .addColumn('written_for', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('written_against', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('written_abstain', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('result_message', 'text')
    .addColumn('candidate_key', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_candidates_session_key_uq', ['session_id', 'candidate_key'])
    .execute();
  await db.schema.createIndex('review_candidates_result_idx').on('review_candidates').columns(['province_code', 'result', 'title_code']).execute();
  await db.schema.createIndex('review_candidates_person_idx').on('review_candidates').columns(['person_id', 'result']).execute();
  await db.schema.createIndex('review_candidates_nomination_idx').on('review_candidates').column('nomination_id').execute();

  await db.schema
    .createTable('review_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('review_members.id'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('review_candidates.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_conflicts_member_candidate_uq', ['member_id', 'candidate_id'])
    .execute();
  await db.schema.createIndex('review_conflicts_session_idx').on('review_conflicts').column('session_id').execute();

  let ballots = db.schema
    .createTable('review_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    // JSON: { [candidateId]: 'for' | 'against' | 'abstain' }
    .addColumn('choices', 'text', (c) => c.notNull());
  if (kind === 'sqlite') ballots = ballots.modifyEnd(sql`without rowid`);
  await ballots.execute();
  await db.schema.createIndex('review_ballots_session_idx').on('review_ballots').column('session_id').execute();

  await db.schema
    .createTable('review_participation')
    .addColumn('session_id', 'text', (c) => c.notNull().references('review_sessions.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('review_members.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_participation_pk', ['session_id', 'member_id'])
    .execute();
}
