// Statistics of valid (not voided) awards in a unit's subtree, grouped by title, school year, kind of
// the receiving unit, or gender of the person (collectives form their own group).
import { AWARD_CODE_LABELS, GENDER_LABELS, UNIT_KIND_LABELS } from '../../shared/labels';
import { compareVi, schoolYearLabel } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { AppError } from '../errors';

export type TAwardStatsQuery = { unitId: string; fromYear?: number; toYear?: number; groupBy: 'title' | 'year' | 'unitKind' | 'gender' };

export async function awardStats(ctx: TContext, q: TAwardStatsQuery) {
  await requireAccess(ctx, 'commendation.read', [q.unitId]);
  if (q.fromYear !== undefined && q.toYear !== undefined && q.fromYear > q.toYear) {
    throw new AppError('VALIDATION', 'Năm bắt đầu phải trước năm kết thúc', { fields: [{ field: 'fromYear', message: 'Lớn hơn toYear' }] });
  }
  const keyExpr = {
    title: 'awards.code',
    year: 'awards.school_year',
    unitKind: 'units.kind',
    gender: 'people.gender',
  } as const;
  let query = ctx.db
    .selectFrom('awards')
    .innerJoin('units', 'units.id', 'awards.unit_id')
    .leftJoin('people', 'people.id', 'awards.person_id')
    .select((eb) => [eb.ref(keyExpr[q.groupBy]).as('key'), 'awards.recipient_kind as recipient_kind', eb.fn.countAll<number>().as('n')])
    .where('awards.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.unitId))
    .where('awards.voided_at', 'is', null)
    .groupBy([keyExpr[q.groupBy], 'awards.recipient_kind']);
  if (q.fromYear !== undefined) query = query.where('awards.school_year', '>=', q.fromYear);
  if (q.toYear !== undefined) query = query.where('awards.school_year', '<=', q.toYear);
  const rows = await query.execute();
  const groups = new Map<string, { key: string; label: string; individual: number; collective: number; total: number }>();
  const label = (key: string, recipient: string): string => {
    if (q.groupBy === 'title') return (AWARD_CODE_LABELS as Record<string, string>)[key] ?? key;
    if (q.groupBy === 'year') return schoolYearLabel(Number(key));
    if (q.groupBy === 'unitKind') return (UNIT_KIND_LABELS as Record<string, string>)[key] ?? key;
    if (recipient === 'collective') return 'Tập thể';
    return (GENDER_LABELS as Record<string, string>)[key] ?? 'Không rõ';
  };
  for (const r of rows) {
    const raw = q.groupBy === 'gender' && r.recipient_kind === 'collective' ? 'tap_the' : String(r.key ?? 'khong_ro');
    const g = groups.get(raw) ?? { key: raw, label: label(raw, r.recipient_kind), individual: 0, collective: 0, total: 0 };
    const n = Number(r.n);
    if (r.recipient_kind === 'collective') g.collective += n;
    else g.individual += n;
    g.total += n;
    groups.set(raw, g);
  }
  const items = [...groups.values()].sort((a, b) => (q.groupBy === 'year' ? Number(a.key) - Number(b.key) : b.total - a.total || compareVi(a.label, b.label)));
  return { groupBy: q.groupBy, fromYear: q.fromYear ?? null, toYear: q.toYear ?? null, items, total: items.reduce((s, i) => s + i.total, 0) };
}
