import { UNIT_KIND_LABELS, UNIT_STATUS_LABELS } from '../../shared/labels';
import type { TUnitRow } from './units.repository';
import type { TUnit } from './units.schemas';

export function presentUnit(r: TUnitRow & { parent_name?: string | null; child_count?: number; people_count?: number }): TUnit {
  return {
    id: r.id, code: r.code, name: r.name, shortName: r.short_name, abbreviation: r.abbreviation,
    kind: r.kind, kindLabel: UNIT_KIND_LABELS[r.kind] ?? r.kind, provinceCode: r.province_code, communeCode: r.commune_code,
    parentId: r.parent_id, parentName: r.parent_name ?? null, profParentId: r.prof_parent_id,
    address: r.address, phone: r.phone, email: r.email, status: r.status, statusLabel: UNIT_STATUS_LABELS[r.status] ?? r.status,
    validFrom: r.valid_from, validTo: r.valid_to, childCount: r.child_count, peopleCount: r.people_count,
  };
}
