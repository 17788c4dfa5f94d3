// Rows for the Excel export, in the import's own columns, limited to what the actor may read.
import { foldVietnamese } from '../../shared/vn';
import { inUnitScope, requireAccess, type TContext } from '../auth/access';
import type { TImportKind } from './excel-format';

const MAX_EXPORT = 100_000;

export async function exportRows(ctx: TContext, kind: TImportKind, f: { withinId?: string; q?: string }) {
  const permission = kind === 'people' ? 'person.read' : 'unit.read';
  await requireAccess(ctx, permission, [f.withinId]);
  const within = f.withinId ? ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', f.withinId) : null;
  if (kind === 'units') {
    let q = ctx.db.selectFrom('units').leftJoin('units as p', 'p.id', 'units.parent_id').leftJoin('units as pp', 'pp.id', 'units.prof_parent_id')
      .select(['units.code', 'units.name', 'units.kind', 'p.code as parentCode', 'pp.code as profParentCode', 'units.abbreviation', 'units.commune_code', 'units.address', 'units.phone', 'units.email', 'units.valid_from'])
      .where(inUnitScope(ctx.actor, 'unit.read', 'units.id')).where('units.status', '=', 'active');
    if (within) q = q.where('units.id', 'in', within);
    if (f.q) q = q.where('units.name_search', 'like', `%${foldVietnamese(f.q)}%`);
    const rows = await q.orderBy('units.code').limit(MAX_EXPORT).execute();
    return rows.map((r) => ({ code: r.code, name: r.name, kind: r.kind, parentCode: r.parentCode ?? null, profParentCode: r.profParentCode ?? null, abbreviation: r.abbreviation, communeCode: r.commune_code, address: r.address, phone: r.phone, email: r.email, validFrom: r.valid_from }));
  }
  let q = ctx.db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.full_name', 'people.birth_date', 'people.gender', 'people.ethnicity', 'people.cccd', 'units.code as unit_code', 'people.position', 'people.staff_category', 'people.phone', 'people.email', 'people.sector_start_date']);
  // withinId passed requireAccess above: its subtree lies inside the reach, the scope check would only repeat it.
  q = within ? q.where('people.unit_id', 'in', within) : q.where(inUnitScope(ctx.actor, 'person.read', 'people.unit_id'));
  if (f.q) q = q.where('people.name_search', 'like', `%${foldVietnamese(f.q)}%`);
  const rows = await q.orderBy('units.code').orderBy('people.name_search').limit(MAX_EXPORT).execute();
  return rows.map((r) => ({ fullName: r.full_name, birthDate: r.birth_date, gender: r.gender, ethnicity: r.ethnicity, cccd: r.cccd, unitCode: r.unit_code, position: r.position, staffCategory: r.staff_category, phone: r.phone, email: r.email, sectorStartDate: r.sector_start_date }));
}
