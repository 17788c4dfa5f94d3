// What a plan needs to know about its unit: the place on the date line, the internal groups
// (tổ chuyên môn, đoàn thể), the parent's name, and the plan's "05/KH-SGDĐT" number text.
import type { Db, Tx } from '../db/database';
import type { UnitTable } from '../db/schema';
import type { TCatalogueUnit } from './plan-catalogue';
import type { TPlanRow } from './plans.repository';

/** "Hà Tĩnh" for units of the province, the commune's name for units of a commune. */
export async function placeOf(db: Db | Tx, unit: UnitTable): Promise<string | null> {
  const ancestors = await db
    .selectFrom('unit_closure')
    .innerJoin('units', 'units.id', 'unit_closure.ancestor_id')
    .select(['units.name', 'units.kind', 'unit_closure.depth'])
    .where('unit_closure.descendant_id', '=', unit.id)
    .where('units.kind', 'in', ['ubnd_xa', 'ubnd_tinh'])
    .orderBy('unit_closure.depth')
    .execute();
  const pick = (unit.commune_code ? ancestors.find((a) => a.kind === 'ubnd_xa') : undefined) ?? ancestors.find((a) => a.kind === 'ubnd_tinh');
  if (!pick) return null;
  return pick.name.replace(/^Ủy ban nhân dân\s+(tỉnh|thành phố|xã|phường|đặc khu)\s+/iu, '').trim() || null;
}

export async function catalogueUnitOf(db: Db | Tx, unit: UnitTable): Promise<TCatalogueUnit> {
  const parent = unit.parent_id ? await db.selectFrom('units').select('name').where('id', '=', unit.parent_id).executeTakeFirst() : undefined;
  const groups = await db.selectFrom('units').select('name').where('parent_id', '=', unit.id).where('status', '=', 'active').where('kind', 'in', ['to_chuyen_mon', 'doan_the', 'phong_ban']).orderBy('kind', 'desc').orderBy('name').limit(30).execute();
  return { name: unit.name, kind: unit.kind, parentName: parent?.name ?? null, place: await placeOf(db, unit), groups: groups.map((g) => g.name) };
}

export function numberTextOf(plan: Pick<TPlanRow, 'doc_number' | 'doc_symbol'>): string | null {
  if (plan.doc_number === null || !plan.doc_symbol) return null;
  return `${String(plan.doc_number).padStart(2, '0')}/${plan.doc_symbol}`;
}
