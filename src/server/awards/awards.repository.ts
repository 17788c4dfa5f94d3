// All SQL for the award history.
import type { Db, Tx } from '../db/database';
import type { AwardTable } from '../db/schema';
import { foldVietnamese } from '../../shared/vn';
import type { unitScope } from '../auth/access';

export type TAwardRow = AwardTable;
export type TAwardRowWithUnit = AwardTable & { unit_name: string | null };

/** The duplicate guard: same recipient, same code (or same free name for `other`), same school year, same decision number. */
export function awardDedupeKey(a: { personId: string | null; unitId: string; code: string; name: string; schoolYear: number; decisionNumber: string | null }): string {
  const recipient = a.personId ? `p:${a.personId}` : `u:${a.unitId}`;
  const code = a.code === 'other' ? `other:${foldVietnamese(a.name)}` : a.code;
  const decision = a.decisionNumber ? foldVietnamese(a.decisionNumber).replace(/\s+/g, '') : '';
  return `${recipient}|${code}|${a.schoolYear}|${decision}`;
}

function withUnit(db: Db | Tx) {
  return db.selectFrom('awards').leftJoin('units', 'units.id', 'awards.unit_id').selectAll('awards').select('units.name as unit_name');
}

export async function findAward(db: Db | Tx, id: string): Promise<TAwardRowWithUnit | undefined> {
  return withUnit(db).where('awards.id', '=', id).executeTakeFirst();
}

export async function findAwardsByKeys(db: Db | Tx, keys: string[]): Promise<TAwardRowWithUnit[]> {
  if (keys.length === 0) return [];
  const out: TAwardRowWithUnit[] = [];
  for (let i = 0; i < keys.length; i += 500) out.push(...(await withUnit(db).where('awards.dedupe_key', 'in', keys.slice(i, i + 500)).execute()));
  return out;
}

export async function listAwardsOf(db: Db | Tx, f: { personId?: string; unitId?: string; includeVoided: boolean }): Promise<TAwardRowWithUnit[]> {
  let q = withUnit(db);
  if (f.personId) q = q.where('awards.person_id', '=', f.personId);
  else if (f.unitId) q = q.where('awards.unit_id', '=', f.unitId).where('awards.recipient_kind', '=', 'collective');
  if (!f.includeVoided) q = q.where('awards.voided_at', 'is', null);
  return q.orderBy('awards.school_year', 'desc').orderBy('awards.decision_date', 'desc').orderBy('awards.created_at', 'desc').execute();
}

export async function insertAward(trx: Tx, row: TAwardRow): Promise<void> {
  await trx.insertInto('awards').values(row).execute();
}

export async function voidAwardRow(trx: Tx, id: string, by: string, reason: string, at: string): Promise<void> {
  await trx.updateTable('awards').set({ voided_at: at, voided_by: by, void_reason: reason, dedupe_key: null }).where('id', '=', id).execute();
}

/** People in `unitIds` scope whose folded name is exactly `nameSearch`, with their unit. */
export async function peopleByFoldedName(db: Db | Tx, nameSearch: string, scope: ReturnType<typeof unitScope>) {
  return db
    .selectFrom('people')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.full_name', 'people.birth_date', 'people.unit_id', 'units.name as unit_name'])
    .where('people.name_search', '=', nameSearch)
    .where('people.unit_id', 'in', scope)
    .orderBy('people.id')
    .limit(20)
    .execute();
}
