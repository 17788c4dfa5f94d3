import { GENDER_LABELS } from '../../shared/labels';
import type { TPersonRow } from './people.repository';
import type { TPerson } from './people.schemas';

export function presentPerson(r: TPersonRow & { unit_name?: string | null }): TPerson {
  return {
    id: r.id, fullName: r.full_name, birthDate: r.birth_date, gender: r.gender, genderLabel: r.gender ? GENDER_LABELS[r.gender] : null,
    ethnicity: r.ethnicity, cccd: r.cccd, phone: r.phone, email: r.email, unitId: r.unit_id, unitName: r.unit_name ?? null,
    position: r.position, staffCategory: r.staff_category, sectorStartDate: r.sector_start_date, provinceCode: r.province_code,
  };
}
