// SQL of the periodic reports: catalogue (built-ins overlaid by the province's edited rows), forms,
// periods, submissions and values. Use-cases do the access checks.
import type { Db, Tx } from '../db/database';
import { outreachAggregate } from '../participation/outreach';
import { grantRoots, type Permission, type TActor } from '../auth/access';
import { BUILTIN_INDICATORS, type TFormula, type TIndicatorSource } from './indicator-catalogue';
import type { ReportFormTable, ReportIndicatorTable, ReportPeriodTable, ReportSubmissionTable } from './reports.tables';
import type { TIndicatorDef, TValues } from './report-values';

export type TFormRow = ReportFormTable;
export type TPeriodRow = ReportPeriodTable;
export type TSubmissionRow = ReportSubmissionTable;
export type TCatalogueEntry = TIndicatorDef & { id: string | null; group: string; citation: string | null; builtin: boolean; active: boolean; sortOrder: number; updatedAt: string | null };

export function defOfRow(r: ReportIndicatorTable): TCatalogueEntry {
  return {
    id: r.id, code: r.code, name: r.name, group: r.group_code, type: r.value_type, unitLabel: r.unit_label,
    formula: r.formula ? (JSON.parse(r.formula) as TFormula) : null, source: r.source ? (JSON.parse(r.source) as TIndicatorSource) : null, partOf: r.part_of, max: r.max_value, aggregate: r.aggregate,
    higherIsBetter: r.higher_is_better === 1, citation: r.citation, builtin: r.builtin === 1, active: r.active === 1, sortOrder: r.sort_order, updatedAt: r.updated_at,
  };
}

/** The province's catalogue: built-ins (unless the province edited them) plus its own indicators. */
export async function catalogueOf(db: Db | Tx, provinceCode: string): Promise<TCatalogueEntry[]> {
  const rows = await db.selectFrom('report_indicators').selectAll().where('province_code', '=', provinceCode).execute();
  const own = new Map(rows.map((r) => [r.code, defOfRow(r)]));
  const out: TCatalogueEntry[] = BUILTIN_INDICATORS.map((b, i) => own.get(b.code) ?? {
    id: null, code: b.code, name: b.name, group: b.group, type: b.type, unitLabel: b.unitLabel ?? null, formula: b.formula ?? null, source: b.source ?? null, partOf: b.partOf ?? null,
    max: b.max ?? null, aggregate: b.aggregate, higherIsBetter: b.higherIsBetter !== false, citation: b.citation, builtin: true, active: true, sortOrder: i * 10, updatedAt: null,
  });
  for (const r of own.values()) if (!BUILTIN_INDICATORS.some((b) => b.code === r.code)) out.push(r);
  return out.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

export async function findForm(db: Db | Tx, id: string) {
  return db.selectFrom('report_forms').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function findPeriod(db: Db | Tx, id: string) {
  return db.selectFrom('report_periods').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function periodsOf(db: Db | Tx, formId: string) {
  return db.selectFrom('report_periods').selectAll().where('form_id', '=', formId).orderBy('period_from').execute();
}
export async function respondentIds(db: Db | Tx, formId: string): Promise<string[]> {
  return (await db.selectFrom('report_form_units').select('unit_id').where('form_id', '=', formId).execute()).map((r) => r.unit_id);
}
export async function findSubmission(db: Db | Tx, id: string) {
  return db.selectFrom('report_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function valuesOf(db: Db | Tx, submissionId: string): Promise<TValues> {
  const rows = await db.selectFrom('report_values').select(['indicator_code', 'value_num', 'value_text', 'source_num', 'note']).where('submission_id', '=', submissionId).execute();
  const out: TValues = {};
  for (const r of rows) out[r.indicator_code] = { num: r.value_num === null ? null : Number(r.value_num), text: r.value_text, sourceNum: r.source_num === null || r.source_num === undefined ? null : Number(r.source_num), note: r.note ?? null };
  return out;
}

/** Of `codes`, those with figures in reports of the form already sent (any state but draft), with how many reports. */
export async function sentFigureCodes(db: Db | Tx, formId: string, codes: string[]): Promise<{ code: string; reports: number }[]> {
  if (!codes.length) return [];
  const rows = await db.selectFrom('report_values').innerJoin('report_submissions', 'report_submissions.id', 'report_values.submission_id')
    .select((eb) => ['report_values.indicator_code', eb.fn.count<number>('report_values.submission_id').distinct().as('n')])
    .where('report_values.form_id', '=', formId).where('report_values.indicator_code', 'in', codes).where('report_submissions.state', '!=', 'draft')
    .groupBy('report_values.indicator_code').execute();
  return rows.map((r) => ({ code: r.indicator_code, reports: Number(r.n) }));
}

/** The unit's own outreach figures over [from, to] for the indicators fed by the log: code → number. */
export async function outreachFigures(db: Db | Tx, unitId: string, period: { from: string; to: string }, defs: TIndicatorDef[]): Promise<Record<string, number>> {
  const fed = defs.filter((d) => d.source?.kind === 'outreach');
  if (!fed.length) return {};
  const agg = await outreachAggregate(db, unitId, period, 'unit');
  const out: Record<string, number> = {};
  for (const d of fed) {
    const src = d.source!;
    const channels = agg.channels.filter((c) => src.channels === 'all' || src.channels.includes(c.channel));
    out[d.code] = channels.reduce((s, c) => s + c[src.measure], 0);
  }
  return out;
}

export { withinSubtree } from '../units/units.repository';

/** Whether the actor holds `permission` over any of `unitIds`. */
export async function reachesAny(db: Db | Tx, actor: TActor, permission: Permission, unitIds: string[]): Promise<boolean> {
  const roots = grantRoots(actor, permission);
  if (!roots.length || !unitIds.length) return false;
  for (let i = 0; i < unitIds.length; i += 500) {
    const row = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).where('descendant_id', 'in', unitIds.slice(i, i + 500)).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

export async function unitsByIds(db: Db | Tx, ids: string[]) {
  const out: { id: string; code: string; name: string; kind: string; province_code: string; parent_id: string | null; email: string | null; status: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(...(await db.selectFrom('units').select(['id', 'code', 'name', 'kind', 'province_code', 'parent_id', 'email', 'status']).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function officersWithEmail(db: Db | Tx, unitIds: string[]) {
  if (!unitIds.length) return [];
  return db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as user_id', 'users.email', 'users.full_name', 'user_roles.unit_id'])
    .where('user_roles.unit_id', 'in', unitIds).where('user_roles.role', 'in', ['officer', 'head']).where('users.is_active', '=', 1)
    .distinct().execute();
}
