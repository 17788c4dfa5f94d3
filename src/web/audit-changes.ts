// Turns an audit row's before/after snapshots into "field: old → new" lines with Vietnamese labels
// (ids and technical fields are left out; codes and dates are shown as users read them).
import { FIELD_LABELS } from './labels';
import { CLUSTER_KIND_LABELS, DISCIPLINE_LABELS, GENDER_LABELS, RATING_LABELS, UNIT_KIND_LABELS, UNIT_STATUS_LABELS } from '../shared/labels';
import { formatDateVi } from '../shared/vn';

const CODE_LABELS: Record<string, Record<string, string>> = {
  kind: { ...UNIT_KIND_LABELS, ...CLUSTER_KIND_LABELS }, status: UNIT_STATUS_LABELS, gender: GENDER_LABELS, rating: RATING_LABELS, form: DISCIPLINE_LABELS,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function show(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'string') {
    if (UUID.test(v)) return '';
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateVi(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateVi(v);
    return CODE_LABELS[key]?.[v] ?? v;
  }
  if (typeof v === 'number') return key === 'schoolYear' ? `${v}-${v + 1}` : v.toLocaleString('vi-VN');
  if (Array.isArray(v)) return `${v.length} mục`;
  return '';
}

export type TChange = { label: string; before: string; after: string };

/** The fields that changed, with Vietnamese labels; ids and technical fields are left out. */
export function describeChanges(before: unknown, after: unknown): TChange[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: TChange[] = [];
  const seen = new Set<string>();
  for (const raw of [...Object.keys(b), ...Object.keys(a)]) {
    const key = camel(raw);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = FIELD_LABELS[key];
    if (!label) continue;
    const bv = b[raw];
    const av = a[raw];
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    const bs = raw in b ? show(key, bv) : '';
    const as = raw in a ? show(key, av) : '';
    if (!bs && !as) continue;
    out.push({ label, before: bs, after: as });
  }
  return out;
}

