// Choices offered by forms and filters, as { value, label } lists built from the shared Vietnamese labels
// (src/shared/labels.ts), so that a title reads the same in every screen; the school-year choices; the
// units the user acts for.
import { useMe } from '../auth';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel, schoolYearOf } from '../../shared/vn';

export type TOption = { value: string; label: string };

/** { value, label } for each code of a label map, in the map's order or in the order of `only`. */
export function optionsOf<K extends string>(labels: Record<K, string>, only?: readonly K[]): TOption[] {
  return (only ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
}

export type TAwardCode = keyof typeof AWARD_CODE_LABELS;
/** Every title and form of commendation (not "Hình thức khác"). */
export const AWARD_TITLE_OPTIONS = optionsOf(AWARD_CODE_LABELS).filter((o) => o.value !== 'other');

/** Today in the browser's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The current school year (its first calendar year). */
export const currentSchoolYear = () => schoolYearOf(todayIso());

/** "Năm học 2026-2027" choices: from `ahead` years after the current one back to `back` years before it. */
export function schoolYearOptions(ahead = 0, back = 2): TOption[] {
  const y = currentSchoolYear();
  const years: number[] = [];
  for (let v = y + ahead; v >= y - back; v--) years.push(v);
  return years.map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
}

/** The units where the user is an officer or administrator (each once), for "which unit acts" choices. */
export function useOfficerUnits(): { id: string; name: string }[] {
  const me = useMe();
  return [...new Map(me.roles.filter((r) => r.role === 'officer' || r.role === 'admin').map((r) => [r.unitId, r.unitName])).entries()].map(([id, name]) => ({ id, name }));
}
