// Roll-up of a period over a subtree: per-unit figures of the reports sent (submitted or accepted),
// totals (sums, averages, shares recomputed from the summed parts), a ranking by one indicator or a
// weighted composite (ties share a rank; units without figures are listed, unranked), the trend over
// the periods, and the board of who has not reported.
import { grantRoots, requireAccess, type TContext } from '../auth/access';
import { AppError, notFound } from '../errors';
import { todayIso } from '../ids';
import { formSections, loadReadableForm, presentPeriod, presentSections } from './forms';
import { computeShare, round2, type TIndicatorDef } from './report-values';
import { findPeriod, periodsOf, reachesAny, type TFormRow } from './reports.repository';
import { SUBMISSION_STATE_LABELS } from './submissions';
import type { Db, Tx } from '../db/database';
import { compareVi } from '../../shared/vn';

const SENT_STATES: ('submitted' | 'accepted')[] = ['submitted', 'accepted'];
const SENT: string[] = SENT_STATES;

async function scopeOf(ctx: TContext, form: TFormRow, unitId?: string) {
  let root = unitId;
  if (!root) {
    if (await reachesAny(ctx.db, ctx.actor, 'report.read', [form.unit_id])) root = form.unit_id;
    else root = grantRoots(ctx.actor, 'report.read')[0];
  }
  if (!root) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem tổng hợp báo cáo');
  await requireAccess(ctx, 'report.read', [root]);
  // One query: the form's reporting units inside the subtree of `root`.
  const units = (await ctx.db.selectFrom('report_form_units').innerJoin('units', 'units.id', 'report_form_units.unit_id')
    .select(['units.id', 'units.code', 'units.name', 'units.kind', 'units.province_code', 'units.parent_id', 'units.email', 'units.status'])
    .where('report_form_units.form_id', '=', form.id)
    .where('report_form_units.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', root!))
    .execute()).sort((a, b) => compareVi(a.name, b.name));
  const rootUnit = (await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', root).executeTakeFirst())!;
  return { root: rootUnit, units };
}

async function resolvePeriod(ctx: TContext, form: TFormRow, periodId: string | undefined, today: string) {
  if (periodId) {
    const p = await findPeriod(ctx.db, periodId);
    if (!p || p.form_id !== form.id) throw notFound('Không tìm thấy kỳ báo cáo');
    return p;
  }
  const periods = await periodsOf(ctx.db, form.id);
  return [...periods].reverse().find((p) => p.opens_on <= today) ?? periods[0];
}

/** Figures of the sent reports of a period for the given units: unit → code → value. */
async function sentValues(db: Db | Tx, formId: string, periodId: string, unitIds: Set<string>) {
  const subs = await db.selectFrom('report_submissions').select(['id', 'unit_id', 'state', 'late', 'submitted_at', 'return_reason']).where('form_id', '=', formId).where('period_id', '=', periodId).execute();
  const subByUnit = new Map(subs.filter((s) => unitIds.has(s.unit_id)).map((s) => [s.unit_id, s]));
  const sentIds = new Set([...subByUnit.values()].filter((s) => SENT.includes(s.state)).map((s) => s.id));
  const rows = await db.selectFrom('report_values').innerJoin('report_submissions', 'report_submissions.id', 'report_values.submission_id')
    .select(['report_values.submission_id', 'report_values.unit_id', 'report_values.indicator_code', 'report_values.value_num', 'report_values.value_text'])
    .where('report_values.period_id', '=', periodId).where('report_submissions.state', 'in', SENT_STATES).execute();
  const values = new Map<string, Record<string, number | string | null>>();
  for (const r of rows) {
    if (!sentIds.has(r.submission_id)) continue;
    const m = values.get(r.unit_id) ?? {};
    m[r.indicator_code] = r.value_num !== null ? Number(r.value_num) : r.value_text;
    values.set(r.unit_id, m);
  }
  return { subByUnit, values };
}

export function totalsOf(defs: TIndicatorDef[], perUnit: Record<string, number | string | null>[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of defs) {
    if (d.formula || d.type === 'text' || d.type === 'file') continue;
    const nums = perUnit.map((v) => v[d.code]).filter((x): x is number => typeof x === 'number');
    if (!nums.length) { out[d.code] = null; continue; }
    const sum = nums.reduce((a, b) => a + b, 0);
    out[d.code] = d.aggregate === 'avg' || d.type === 'percent' ? round2(sum / nums.length) : round2(sum);
  }
  for (const d of defs) if (d.formula) out[d.code] = computeShare(d.formula, (c) => out[c] ?? null);
  return out;
}

export type TRankRow = { unitId: string; unitName: string; value: number | null; rank: number | null; tied: boolean; note: string | null };

/** Competition ranking (1, 1, 3): equal values share a rank and are flagged; units without a value are unranked. */
export function rankUnits(items: { unitId: string; unitName: string; value: number | null; note?: string | null }[], higherIsBetter: boolean): TRankRow[] {
  const withValue = items.filter((i) => i.value !== null).map((i) => ({ ...i, value: round2(i.value!) }));
  withValue.sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value) || compareVi(a.unitName, b.unitName));
  const counts = new Map<number, number>();
  for (const w of withValue) counts.set(w.value, (counts.get(w.value) ?? 0) + 1);
  const out: TRankRow[] = [];
  withValue.forEach((w, i) => {
    const rank = i > 0 && withValue[i - 1].value === w.value ? out[i - 1].rank! : i + 1;
    out.push({ unitId: w.unitId, unitName: w.unitName, value: w.value, rank, tied: (counts.get(w.value) ?? 0) > 1, note: null });
  });
  for (const i of items.filter((x) => x.value === null).sort((a, b) => compareVi(a.unitName, b.unitName))) out.push({ unitId: i.unitId, unitName: i.unitName, value: null, rank: null, tied: false, note: i.note ?? 'Chưa có số liệu' });
  return out;
}

/** Weighted composite: each indicator scaled 0–100 across the units (min–max, reversed when lower is better), then Σ w·score / Σ w. */
export function compositeScores(defs: TIndicatorDef[], weights: Record<string, number>, rows: { unitId: string; values: Record<string, number | string | null> | null }[]) {
  const used = defs.filter((d) => (weights[d.code] ?? 0) > 0);
  const scaled = new Map<string, Map<string, number>>();
  for (const d of used) {
    const vals = rows.map((r) => r.values?.[d.code]).filter((v): v is number => typeof v === 'number');
    const min = Math.min(...vals), max = Math.max(...vals);
    const m = new Map<string, number>();
    for (const r of rows) {
      const v = r.values?.[d.code];
      if (typeof v !== 'number') continue;
      const s = max === min ? 100 : ((v - min) / (max - min)) * 100;
      m.set(r.unitId, d.higherIsBetter ? s : 100 - s);
    }
    scaled.set(d.code, m);
  }
  const wSum = used.reduce((s, d) => s + weights[d.code], 0);
  const out = new Map<string, { value: number | null; note: string | null }>();
  for (const r of rows) {
    if (!r.values) { out.set(r.unitId, { value: null, note: 'Chưa báo cáo' }); continue; }
    const lacking = used.filter((d) => !scaled.get(d.code)!.has(r.unitId));
    if (lacking.length) { out.set(r.unitId, { value: null, note: `Thiếu số liệu: ${lacking.map((d) => d.name).join(', ')}` }); continue; }
    out.set(r.unitId, { value: round2(used.reduce((s, d) => s + weights[d.code] * scaled.get(d.code)!.get(r.unitId)!, 0) / wSum), note: null });
  }
  return out;
}

export function parseWeights(text: string | undefined, defs: TIndicatorDef[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (!text) return out;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [code, w] = part.split(':');
    const def = defs.find((d) => d.code === code);
    const n = Number(w);
    if (!def) throw new AppError('VALIDATION', `Trọng số cho chỉ tiêu không có trong mẫu: ${code}`);
    if (def.type === 'text' || def.type === 'file') throw new AppError('VALIDATION', `Chỉ tiêu "${def.name}" không phải số, không dùng để xếp hạng`);
    if (!Number.isFinite(n) || n < 0) throw new AppError('VALIDATION', `Trọng số của "${def.name}" phải là số không âm`);
    out[code] = n;
  }
  if (!Object.values(out).some((w) => w > 0)) throw new AppError('VALIDATION', 'Cần ít nhất một trọng số lớn hơn 0');
  return out;
}

/** Totals of every opened period, aggregated by the database (sum, count per indicator) over the subtree's sent reports. */
async function trendOf(db: Db | Tx, formId: string, rootId: string, defs: TIndicatorDef[], periods: { id: string; label: string }[]) {
  const subtree = db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', rootId);
  const sums = await db.selectFrom('report_values as v').innerJoin('report_submissions as s', 's.id', 'v.submission_id')
    .select((eb) => ['v.period_id', 'v.indicator_code', eb.fn.sum<number>('v.value_num').as('total'), eb.fn.count<number>('v.value_num').as('n')])
    .where('s.form_id', '=', formId).where('s.state', 'in', SENT_STATES).where('v.unit_id', 'in', subtree)
    .groupBy(['v.period_id', 'v.indicator_code']).execute();
  const reported = await db.selectFrom('report_submissions').select((eb) => ['period_id', eb.fn.countAll<number>().as('n')])
    .where('form_id', '=', formId).where('state', 'in', SENT_STATES).where('unit_id', 'in', subtree).groupBy('period_id').execute();
  return periods.map((p) => {
    const totals: Record<string, number | null> = {};
    for (const d of defs) {
      if (d.formula || d.type === 'text' || d.type === 'file') continue;
      const row = sums.find((r) => r.period_id === p.id && r.indicator_code === d.code);
      const n = Number(row?.n ?? 0);
      totals[d.code] = !row || n === 0 ? null : d.aggregate === 'avg' || d.type === 'percent' ? round2(Number(row.total) / n) : round2(Number(row.total));
    }
    for (const d of defs) if (d.formula) totals[d.code] = computeShare(d.formula, (c) => totals[c] ?? null);
    return { periodId: p.id, label: p.label, reported: Number(reported.find((r) => r.period_id === p.id)?.n ?? 0), totals };
  });
}

export async function getRollup(ctx: TContext, q: { formId: string; periodId?: string; unitId?: string; rankBy?: string; weights?: string }, today = todayIso()) {
  const form = await loadReadableForm(ctx, q.formId);
  const { root, units } = await scopeOf(ctx, form, q.unitId);
  const period = await resolvePeriod(ctx, form, q.periodId, today);
  const sections = await formSections(ctx, form);
  const defs = sections.flatMap((s) => s.items.map((i) => i.def));
  const ids = new Set(units.map((u) => u.id));
  const { subByUnit, values } = await sentValues(ctx.db, form.id, period.id, ids);
  const rows = units.map((u) => {
    const s = subByUnit.get(u.id);
    const state = s?.state ?? 'missing';
    return { unitId: u.id, unitCode: u.code, unitName: u.name, submissionId: s?.id ?? null, state, stateLabel: SUBMISSION_STATE_LABELS[state as keyof typeof SUBMISSION_STATE_LABELS], late: s?.late === 1, values: values.get(u.id) ?? null };
  });
  const totals = totalsOf(defs, rows.filter((r) => r.values).map((r) => r.values!));
  const numeric = defs.filter((d) => d.type !== 'text' && d.type !== 'file');
  const rankBy = q.rankBy ?? (q.weights ? 'composite' : numeric.find((d) => d.formula)?.code ?? numeric[0]?.code);
  let ranking: TRankRow[] = [];
  let rankLabel = '';
  if (rankBy === 'composite') {
    const weights = parseWeights(q.weights, defs);
    const scores = compositeScores(defs, weights, rows);
    ranking = rankUnits(rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, value: scores.get(r.unitId)!.value, note: scores.get(r.unitId)!.note })), true);
    rankLabel = `Điểm tổng hợp (${Object.entries(weights).filter(([, w]) => w > 0).map(([c, w]) => `${defs.find((d) => d.code === c)!.name} × ${w}`).join(', ')})`;
  } else if (rankBy) {
    const def = numeric.find((d) => d.code === rankBy);
    if (!def) throw new AppError('VALIDATION', `Chỉ tiêu xếp hạng không có trong mẫu hoặc không phải số: ${rankBy}`);
    ranking = rankUnits(rows.map((r) => {
      const v = r.values?.[def.code];
      return { unitId: r.unitId, unitName: r.unitName, value: typeof v === 'number' ? v : null, note: r.values ? 'Thiếu số liệu' : 'Chưa báo cáo' };
    }), def.higherIsBetter);
    rankLabel = def.name;
  }
  const counts = { total: rows.length, sent: rows.filter((r) => SENT.includes(r.state)).length, accepted: rows.filter((r) => r.state === 'accepted').length, returned: rows.filter((r) => r.state === 'returned').length, missing: rows.filter((r) => !SENT.includes(r.state) && r.state !== 'returned').length, late: rows.filter((r) => r.late).length };
  const periods = (await periodsOf(ctx.db, form.id)).filter((p) => p.opens_on <= today);
  const trend = await trendOf(ctx.db, form.id, root.id, defs, periods);
  return {
    form: { id: form.id, title: form.title, schedule: form.schedule }, unit: root, period: presentPeriod(period, today),
    periods: (await periodsOf(ctx.db, form.id)).map((p) => presentPeriod(p, today)),
    sections: presentSections(sections), rows, totals, counts,
    ranking: { by: rankBy ?? null, label: rankLabel, items: ranking }, trend,
  };
}

export async function getBoard(ctx: TContext, q: { formId: string; periodId: string; unitId?: string }, today = todayIso()) {
  const form = await loadReadableForm(ctx, q.formId);
  const { root, units } = await scopeOf(ctx, form, q.unitId);
  const period = await resolvePeriod(ctx, form, q.periodId, today);
  const subs = await ctx.db.selectFrom('report_submissions').select(['id', 'unit_id', 'state', 'late', 'submitted_at', 'return_reason']).where('form_id', '=', form.id).where('period_id', '=', period.id).execute();
  const byUnit = new Map(subs.map((s) => [s.unit_id, s]));
  const rem = await ctx.db.selectFrom('report_reminders').select(['unit_id', 'sent_at']).where('period_id', '=', period.id).execute();
  const remByUnit = new Map<string, { n: number; last: string }>();
  for (const r of rem) { const c = remByUnit.get(r.unit_id) ?? { n: 0, last: '' }; c.n++; if (r.sent_at > c.last) c.last = r.sent_at; remByUnit.set(r.unit_id, c); }
  const items = units.map((u) => {
    const s = byUnit.get(u.id);
    const state = s?.state ?? 'missing';
    const sent = SENT.includes(state);
    return { unitId: u.id, unitName: u.name, unitCode: u.code, submissionId: s?.id ?? null, state, stateLabel: SUBMISSION_STATE_LABELS[state as keyof typeof SUBMISSION_STATE_LABELS], late: s?.late === 1, submittedAt: s?.submitted_at ?? null, returnReason: s?.return_reason ?? null, overdue: !sent && period.due_date < today, reminders: remByUnit.get(u.id)?.n ?? 0, lastRemindedAt: remByUnit.get(u.id)?.last ?? null };
  });
  const order = (i: typeof items[number]) => (SENT.includes(i.state) ? 1 : 0);
  items.sort((a, b) => order(a) - order(b) || compareVi(a.unitName, b.unitName));
  return {
    form: { id: form.id, title: form.title }, unit: root, period: presentPeriod(period, today),
    counts: { total: items.length, notReported: items.filter((i) => !SENT.includes(i.state)).length, overdue: items.filter((i) => i.overdue).length, late: items.filter((i) => i.late).length },
    items, canRemind: await reachesAny(ctx.db, ctx.actor, 'report.write', [form.unit_id]),
  };
}
