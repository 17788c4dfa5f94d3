// All SQL for people and their history records.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database';
import type { PersonTable } from '../db/schema';
import { grantRoots, inUnitScope, type TActor } from '../auth/access';

export type TPersonRow = PersonTable;

export async function findPerson(db: Db | Tx, id: string) {
  return db
    .selectFrom('people')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .selectAll('people')
    .select('units.name as unit_name')
    .where('people.id', '=', id)
    .executeTakeFirst();
}

/** The most hits a name search counts exactly (see searchPeople). */
export const SEARCH_COUNT_CAP = 1000;

export type TPeopleFilter = { q?: string; unitId?: string; withinId?: string; gender?: string; page: number; pageSize: number };

/** The one province the actor's reach lies in, if it lies in one: lets the database (and a Citus cluster) look at one province only. */
async function singleProvince(db: Db | Tx, actor: TActor): Promise<string | null> {
  const roots = grantRoots(actor, 'person.read');
  if (!roots.length) return null;
  const rows = await db.selectFrom('units').select('province_code').where('id', 'in', roots).where('kind', '!=', 'bo').execute();
  const provinces = new Set(rows.map((r) => r.province_code));
  return rows.length === roots.length && provinces.size === 1 ? [...provinces][0] : null;
}

/** The province of the unit a search is narrowed to (`withinId` / `unitId`), unless it is the Bộ (whose subtree spans them all). */
async function provinceOfUnit(db: Db | Tx, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return null;
  const u = await db.selectFrom('units').select(['province_code', 'kind']).where('id', '=', unitId).executeTakeFirst();
  return u && u.kind !== 'bo' ? u.province_code : null;
}

/**
 * `f.unitId` / `f.withinId` must already have passed `requireAccess(ctx, 'person.read', …)` (listPeople does):
 * everything under a unit inside the reach is inside the reach (the closure is transitive), so the scope
 * check is then redundant and left out — the database walks only that subtree.
 */
/** Up to this many units in the actor's reach, the people list filters on the list of units (see below). */
const SMALL_REACH = 200;

export async function searchPeople(db: Db | Tx, actor: TActor, f: TPeopleFilter) {
  let q = db.selectFrom('people');
  let small = false;
  if (!f.unitId && !f.withinId) {
    // A small reach (a school's officer or council: a few units) as an IN list of its units, read through
    // people(unit_id, name); a large one (a Sở, the Bộ: ≈ 200.000 units) as a correlated EXISTS, one index
    // probe per candidate row instead of materialising the whole reach. The EXISTS form for a school's
    // teacher counted every person of the province (70–100 ms on national SQLite data, 1.000 times a rush).
    const roots = grantRoots(actor, 'person.read');
    const reach = roots.length
      ? db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots)
      : null;
    const size = reach ? Number((await db.selectFrom(reach.limit(SMALL_REACH + 1).as('r')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
    small = !!reach && size <= SMALL_REACH;
    q = small ? q.where('people.unit_id', 'in', reach!) : q.where(inUnitScope(actor, 'person.read', 'people.unit_id'));
  }
  // (A small reach needs no province: its units say it, and the planner then reads people by unit.)
  const province = small ? null : (await singleProvince(db, actor)) ?? (await provinceOfUnit(db, f.unitId ?? f.withinId));
  if (province) q = q.where('people.province_code', '=', province);
  if (f.q) {
    const digits = /^\d{6,12}$/.test(f.q);
    // Inside one province (≤ ≈ 150.000 people) scanning its (province, name) index beats the trigram index: the
    // trigrams of common names (nguyen, thi, van …) have posting lists of the whole country, which PostgreSQL
    // intersects before it can apply the province (national data, 'nguyen thi lan' in Hà Tĩnh: 130–235 ms via
    // trigrams, 65–90 ms this way). `|| ''` keeps the planner off the trigram index; SQLite plans it the same.
    const name = province ? sql<string>`(${sql.ref('people.name_search')} || '')` : sql.ref<string>('people.name_search');
    q = digits ? q.where('people.cccd', 'like', `${f.q}%`) : q.where(name, 'like', `%${f.q}%`);
  }
  if (f.unitId) q = q.where('people.unit_id', '=', f.unitId);
  if (f.withinId) q = q.where('people.unit_id', 'in', db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', f.withinId));
  if (f.gender) q = q.where('people.gender', '=', f.gender as 'nam' | 'nu');
  // A name search counts its hits only up to SEARCH_COUNT_CAP: beyond that the web says "hơn 1.000" and asks
  // for a narrower search. An unselective name (`nguyen` in Hà Nội: 25.000 hits) otherwise made the exact
  // count the most expensive part of the officers' everyday search. A list without `q` counts exactly.
  const total = f.q
    ? await db
        .selectFrom(q.select('people.id').limit(SEARCH_COUNT_CAP + 1).as('hits'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const counted = Number(total.n);
  // The page's ids first (an index-only scan of people_province_name_cover_idx inside a province, migration
  // 0013), then only those rows from the table.
  const pageIds = q.select('people.id').orderBy('people.name_search').orderBy('people.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const items = await db
    .selectFrom('people')
    .leftJoin('units', 'units.id', 'people.unit_id')
    .selectAll('people')
    .select('units.name as unit_name')
    .where('people.id', 'in', pageIds)
    .orderBy('people.name_search')
    .orderBy('people.id')
    .execute();
  return f.q && counted > SEARCH_COUNT_CAP ? { items, total: SEARCH_COUNT_CAP, totalCapped: true } : { items, total: counted, totalCapped: false };
}

export async function personHistory(db: Db | Tx, personId: string) {
  const [employments, qualifications, ratings, disciplines] = await Promise.all([
    db.selectFrom('employments').leftJoin('units', 'units.id', 'employments.unit_id').selectAll('employments').select('units.name as unit_name').where('person_id', '=', personId).orderBy('from_date', 'desc').execute(),
    db.selectFrom('qualifications').selectAll().where('person_id', '=', personId).orderBy('year', 'desc').execute(),
    db.selectFrom('performance_ratings').leftJoin('units', 'units.id', 'performance_ratings.unit_id').selectAll('performance_ratings').select('units.name as unit_name').where('person_id', '=', personId).orderBy('school_year', 'desc').execute(),
    db.selectFrom('disciplines').selectAll().where('person_id', '=', personId).orderBy('from_date', 'desc').execute(),
  ]);
  return { employments, qualifications, ratings, disciplines };
}

/** Possible duplicates of a person: same CCCD, or same folded name and birth date. */
export async function findDuplicates(db: Db | Tx, p: { cccd?: string | null; nameSearch: string; birthDate?: string | null }, excludeId?: string) {
  if (!p.cccd && !p.birthDate) return [];
  let q = db.selectFrom('people').select(['id', 'full_name', 'birth_date', 'cccd', 'unit_id']);
  q = q.where((eb) => {
    const ors = [];
    if (p.cccd) ors.push(eb('cccd', '=', p.cccd));
    if (p.birthDate) ors.push(eb.and([eb('name_search', '=', p.nameSearch), eb('birth_date', '=', p.birthDate)]));
    return eb.or(ors);
  });
  if (excludeId) q = q.where('id', '!=', excludeId);
  return q.limit(5).execute();
}
