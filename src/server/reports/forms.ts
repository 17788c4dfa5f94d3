// Use-cases of the catalogue and the report forms: a plan's owner unit defines a form (sections of
// indicators, targets, schedule) and who reports; the periods follow from the plan's time span.
import { requireAccess, grantRoots, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { compareVi, formatDateVi } from '../../shared/vn';
import { ISSUED_STATES } from '../plans/plan-states';
import type { PlanState } from '../db/schema';
import { INDICATOR_GROUPS, BUILTIN_INDICATORS } from './indicator-catalogue';
import { periodsFor, SCHEDULE_LABELS } from './periods';
import { catalogueOf, findForm, periodsOf, sentFigureCodes, reachesAny, respondentIds, unitsByIds, withinSubtree, type TCatalogueEntry, type TFormRow } from './reports.repository';
import type { TCreateFormRequest, TIndicatorInput, TSection, TUpdateFormRequest } from './reports.schemas';
import { ensureRemindJob } from './reminders';

// ---------- catalogue ----------

export async function listCatalogue(ctx: TContext, provinceCode?: string) {
  const roots = [...grantRoots(ctx.actor, 'report.read'), ...grantRoots(ctx.actor, 'report.write')];
  if (!roots.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem danh mục chỉ tiêu');
  const province = provinceCode ?? (await ctx.db.selectFrom('units').select('province_code').where('id', '=', roots[0]).executeTakeFirst())?.province_code ?? '';
  return { items: await catalogueOf(ctx.db, province), groups: INDICATOR_GROUPS, provinceCode: province };
}

/** Creates or edits an indicator of the actor's province (admin/officer of the province's root unit or Sở). */
export async function saveIndicator(ctx: TContext, code: string | null, input: TIndicatorInput) {
  const roots = grantRoots(ctx.actor, 'report.write');
  if (!roots.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền sửa danh mục chỉ tiêu');
  const unit = await ctx.db.selectFrom('units').select(['id', 'province_code', 'kind']).where('id', 'in', roots).orderBy('kind').executeTakeFirst();
  const top = (await ctx.db.selectFrom('units').select(['id', 'kind', 'province_code']).where('id', 'in', roots).execute()).find((u) => ['ubnd_tinh', 'so', 'bo'].includes(u.kind));
  if (!unit || !top) throw new AppError('FORBIDDEN', 'Chỉ cán bộ cấp tỉnh (UBND tỉnh, Sở) được sửa danh mục chỉ tiêu CCHC');
  await requireAccess(ctx, 'report.write', [top.id]);
  const province = top.province_code;
  const catalogue = await catalogueOf(ctx.db, province);
  const current = code ? catalogue.find((c) => c.code === code) : undefined;
  if (code && !current) throw notFound('Không tìm thấy chỉ tiêu');
  if (!code) {
    if (!input.code || !input.name || !input.type) throw new AppError('VALIDATION', 'Chỉ tiêu mới cần mã, tên và kiểu giá trị', { fields: [{ field: 'code', message: 'Bắt buộc' }] });
    if (catalogue.some((c) => c.code === input.code)) throw new AppError('CONFLICT', `Mã chỉ tiêu "${input.code}" đã có trong danh mục`);
  }
  const next: TCatalogueEntry = {
    ...(current ?? { id: null, code: input.code!, name: input.name!, group: 'chung', type: input.type!, unitLabel: null, formula: null, source: null, partOf: null, max: null, aggregate: 'sum', higherIsBetter: true, citation: null, builtin: false, active: true, sortOrder: 1000 + catalogue.length * 10, updatedAt: null }),
  };
  if (input.name !== undefined) next.name = input.name;
  if (input.group !== undefined) next.group = input.group;
  if (input.type !== undefined && !current?.builtin) next.type = input.type;
  // A built-in keeps its computation; an own indicator may be computed (share) or fed by the outreach log.
  if (input.formula !== undefined && !current?.builtin) next.formula = input.formula;
  if (input.source !== undefined && !current?.builtin) next.source = input.source;
  if (input.unitLabel !== undefined) next.unitLabel = input.unitLabel;
  if (input.partOf !== undefined) next.partOf = input.partOf;
  if (input.max !== undefined) next.max = input.max;
  if (input.aggregate !== undefined) next.aggregate = input.aggregate;
  if (input.higherIsBetter !== undefined) next.higherIsBetter = input.higherIsBetter;
  if (input.citation !== undefined) next.citation = input.citation;
  if (input.active !== undefined) next.active = input.active;
  if (next.partOf && !catalogue.some((c) => c.code === next.partOf && (c.type === 'number'))) throw new AppError('VALIDATION', `Chỉ tiêu tổng "${next.partOf}" không có hoặc không phải kiểu số`, { fields: [{ field: 'partOf', message: 'Không hợp lệ' }] });
  if (next.formula) {
    const f = next.formula;
    if (next.type !== 'percent') throw new AppError('VALIDATION', 'Chỉ tiêu tự tính (tỷ lệ = phần / tổng) phải có kiểu Tỷ lệ (%)', { fields: [{ field: 'formula', message: 'Kiểu phải là tỷ lệ' }] });
    const bad = [...f.parts, f.total].filter((c) => c === next.code || !catalogue.some((x) => x.code === c && x.type === 'number'));
    if (bad.length) throw new AppError('VALIDATION', `Công thức chỉ dùng được các chỉ tiêu kiểu số có trong danh mục: ${bad.join(', ')}`, { fields: [{ field: 'formula', message: 'Không hợp lệ' }] });
    if (f.parts.includes(f.total)) throw new AppError('VALIDATION', 'Tử số và mẫu số của công thức phải là các chỉ tiêu khác nhau', { fields: [{ field: 'formula', message: 'Không hợp lệ' }] });
    next.aggregate = 'none';
  }
  if (next.source) {
    if (next.formula) throw new AppError('VALIDATION', 'Chỉ tiêu không thể vừa tự tính vừa lấy từ sổ tuyên truyền', { fields: [{ field: 'source', message: 'Không hợp lệ' }] });
    if (next.type !== 'number') throw new AppError('VALIDATION', 'Chỉ tiêu lấy từ sổ tuyên truyền phải có kiểu Số', { fields: [{ field: 'source', message: 'Kiểu phải là số' }] });
    next.aggregate = 'sum';
  }
  if (next.type === 'percent' && next.max !== null && next.max > 100) throw new AppError('VALIDATION', 'Tỷ lệ không thể có giá trị tối đa trên 100%', { fields: [{ field: 'max', message: 'Tối đa 100' }] });
  const now = nowIso();
  const row = {
    province_code: province, code: next.code, name: next.name, group_code: next.group, value_type: next.type, unit_label: next.unitLabel,
    formula: next.formula ? JSON.stringify(next.formula) : null, source: next.source ? JSON.stringify(next.source) : null, part_of: next.partOf, max_value: next.max, aggregate: next.aggregate,
    higher_is_better: next.higherIsBetter ? 1 : 0, citation: next.citation, builtin: BUILTIN_INDICATORS.some((b) => b.code === next.code) ? 1 : 0,
    active: next.active ? 1 : 0, sort_order: next.sortOrder, updated_by: ctx.actor.userId, updated_at: now,
  };
  await withTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('report_indicators').select('id').where('province_code', '=', province).where('code', '=', next.code).executeTakeFirst();
    if (existing) await trx.updateTable('report_indicators').set(row).where('id', '=', existing.id).execute();
    else await trx.insertInto('report_indicators').values({ id: newId(), created_at: now, ...row }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: code ? 'report.indicator.update' : 'report.indicator.create', entityType: 'report_indicator', entityId: `${province}:${next.code}`, unitId: top.id, before: current ?? null, after: next });
  });
  return (await catalogueOf(ctx.db, province)).find((c) => c.code === next.code)!;
}

// ---------- forms ----------

type TResolvedItem = { def: TCatalogueEntry; target: number | null; required: boolean };
export type TResolvedSection = { title: string; items: TResolvedItem[] };

/** Checks a form's sections against the catalogue: known, active codes, no duplicates, inputs of computed fields present. */
export function resolveSections(sections: TSection[], catalogue: TCatalogueEntry[]): TResolvedSection[] {
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  const out = sections.map((s, si) => ({
    title: s.title,
    items: s.items.flatMap((it, ii) => {
      const def = byCode.get(it.code);
      const field = `sections.${si}.items.${ii}.code`;
      if (!def) { errors.push({ field, message: `Chỉ tiêu "${it.code}" không có trong danh mục` }); return []; }
      if (!def.active) { errors.push({ field, message: `Chỉ tiêu "${def.name}" đã ngừng sử dụng` }); return []; }
      if (seen.has(def.code)) { errors.push({ field, message: `Chỉ tiêu "${def.name}" bị lặp` }); return []; }
      seen.add(def.code);
      if (it.target !== undefined && it.target !== null && def.type === 'percent' && (it.target < 0 || it.target > 100)) errors.push({ field: `sections.${si}.items.${ii}.target`, message: `Chỉ tiêu phấn đấu của "${def.name}" phải từ 0 đến 100%` });
      return [{ def, target: it.target ?? null, required: it.required ?? def.type !== 'text' }];
    }),
  }));
  for (const s of out) for (const it of s.items) {
    const needs = it.def.formula ? [...it.def.formula.parts, it.def.formula.total] : it.def.partOf ? [it.def.partOf] : [];
    const lacking = needs.filter((n) => !seen.has(n));
    if (lacking.length) errors.push({ field: 'sections', message: `"${it.def.name}" cần có trong mẫu: ${lacking.map((l) => byCode.get(l)?.name ?? l).join(', ')}` });
  }
  if (errors.length) throw new AppError('VALIDATION', errors[0].message, { fields: errors });
  return out;
}

export async function formSections(ctx: TContext, form: TFormRow): Promise<TResolvedSection[]> {
  const catalogue = await catalogueOf(ctx.db, form.province_code);
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const sections = JSON.parse(form.sections) as TSection[];
  return sections.map((s) => ({ title: s.title, items: s.items.filter((i) => byCode.has(i.code)).map((i) => ({ def: byCode.get(i.code)!, target: i.target ?? null, required: i.required ?? byCode.get(i.code)!.type !== 'text' })) }));
}

/** The form, if the actor reaches its owner unit or one of its reporting units; otherwise 404. */
export async function loadReadableForm(ctx: TContext, id: string): Promise<TFormRow> {
  const form = await findForm(ctx.db, id);
  if (!form) throw notFound('Không tìm thấy mẫu báo cáo');
  const roots = [...new Set([...grantRoots(ctx.actor, 'report.read'), ...grantRoots(ctx.actor, 'report.write')])];
  if (!roots.length) throw notFound('Không tìm thấy mẫu báo cáo');
  // One probe: the owner unit or any reporting unit inside the actor's reach (a school officer of a Sở-wide form
  // used to load the Sở's whole respondent list and check it 500 at a time).
  const hit = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots)
    .where((eb) => eb.or([eb('descendant_id', '=', form.unit_id), eb('descendant_id', 'in', eb.selectFrom('report_form_units').select('report_form_units.unit_id').where('report_form_units.form_id', '=', form.id))]))
    .limit(1).executeTakeFirst();
  if (hit) return form;
  throw notFound('Không tìm thấy mẫu báo cáo');
}

async function resolveRespondents(ctx: TContext, planUnitId: string, planId: string, unitIds: string[] | undefined, unitKinds: string[] | undefined) {
  let ids: string[];
  if (unitIds?.length) ids = [...new Set(unitIds)];
  else if (unitKinds?.length) {
    ids = (await ctx.db.selectFrom('unit_closure').innerJoin('units', 'units.id', 'unit_closure.descendant_id').select('units.id')
      .where('unit_closure.ancestor_id', '=', planUnitId).where('units.kind', 'in', unitKinds as any).where('units.status', '=', 'active').where('units.id', '!=', planUnitId).execute()).map((r) => r.id);
  } else {
    ids = (await ctx.db.selectFrom('plan_cascade_tasks').select('unit_id').where('plan_id', '=', planId).execute()).map((r) => r.unit_id);
  }
  if (!ids.length) throw new AppError('VALIDATION', 'Chọn các đơn vị phải báo cáo (hoặc giao triển khai kế hoạch trước)', { fields: [{ field: 'unitIds', message: 'Bắt buộc' }] });
  const inside = await withinSubtree(ctx.db, planUnitId, ids);
  const outside = ids.filter((i) => !inside.has(i) || i === planUnitId);
  if (outside.length) throw new AppError('VALIDATION', `Có ${outside.length} đơn vị không trực thuộc đơn vị ban hành kế hoạch`, { fields: [{ field: 'unitIds', message: 'Ngoài phạm vi' }] });
  const units = await unitsByIds(ctx.db, ids);
  const inactive = units.filter((u) => u.status !== 'active');
  if (inactive.length) throw new AppError('VALIDATION', `Đơn vị đã ngừng hoạt động: ${inactive.map((u) => u.name).join(', ')}`);
  return units;
}

export async function createForm(ctx: TContext, input: TCreateFormRequest) {
  const plan = await ctx.db.selectFrom('plans').selectAll().where('id', '=', input.planId).executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  await requireAccess(ctx, 'report.write', [plan.unit_id]);
  if (!(ISSUED_STATES as PlanState[]).includes(plan.state) || plan.state === 'closed') throw new AppError('INVALID_STATE', 'Chỉ đặt mẫu báo cáo cho kế hoạch đã ban hành và chưa kết thúc');
  const sections = resolveSections(input.sections, await catalogueOf(ctx.db, plan.province_code));
  const units = await resolveRespondents(ctx, plan.unit_id, plan.root_plan_id, input.unitIds, input.unitKinds);
  const periods = periodsFor(input.schedule, plan.period_from, plan.period_to, input.dueDays);
  if (!periods.length) throw new AppError('VALIDATION', 'Thời gian của kế hoạch không có kỳ báo cáo nào');
  const now = nowIso();
  const form: TFormRow = {
    id: newId(), plan_id: plan.id, unit_id: plan.unit_id, province_code: plan.province_code, title: input.title, schedule: input.schedule, due_days: input.dueDays,
    sections: JSON.stringify(input.sections), created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('report_forms').values(form).execute();
    for (let i = 0; i < units.length; i += 200) await trx.insertInto('report_form_units').values(units.slice(i, i + 200).map((u) => ({ form_id: form.id, unit_id: u.id, province_code: u.province_code }))).execute();
    await trx.insertInto('report_periods').values(periods.map((p) => ({ id: newId(), form_id: form.id, province_code: form.province_code, kind: p.kind, label: p.label, period_from: p.from, period_to: p.to, opens_on: p.opensOn, due_date: p.dueDate, created_at: now }))).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.form.create', entityType: 'report_form', entityId: form.id, unitId: form.unit_id, after: { title: form.title, schedule: form.schedule, planId: plan.id, units: units.length, periods: periods.length, indicators: sections.reduce((n, s) => n + s.items.length, 0) } });
    await ensureRemindJob(trx);
  });
  return getForm(ctx, form.id);
}

export async function updateForm(ctx: TContext, id: string, input: TUpdateFormRequest) {
  const form = await loadReadableForm(ctx, id);
  await requireAccess(ctx, 'report.write', [form.unit_id]);
  const plan = await ctx.db.selectFrom('plans').select(['state', 'root_plan_id']).where('id', '=', form.plan_id).executeTakeFirstOrThrow();
  if (plan.state === 'closed') throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc; không sửa được mẫu báo cáo');
  if (input.sections) {
    const catalogue = await catalogueOf(ctx.db, form.province_code);
    resolveSections(input.sections, catalogue);
    await assertNoSentFiguresRemoved(ctx, form, input.sections, catalogue);
  }
  const units = input.unitIds ? await resolveRespondents(ctx, form.unit_id, plan.root_plan_id, input.unitIds, undefined) : null;
  const now = nowIso();
  const patch = { title: input.title ?? form.title, due_days: input.dueDays ?? form.due_days, sections: input.sections ? JSON.stringify(input.sections) : form.sections, updated_at: now };
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('report_forms').set(patch).where('id', '=', id).execute();
    if (units) {
      const have = new Set(await respondentIds(trx, id));
      const fresh = units.filter((u) => !have.has(u.id));
      if (fresh.length) await trx.insertInto('report_form_units').values(fresh.map((u) => ({ form_id: id, unit_id: u.id, province_code: u.province_code }))).execute();
      const keep = new Set(units.map((u) => u.id));
      const drop = [...have].filter((u) => !keep.has(u));
      if (drop.length) {
        const used = await trx.selectFrom('report_submissions').select('unit_id').where('form_id', '=', id).where('unit_id', 'in', drop).where('state', '!=', 'draft').executeTakeFirst();
        if (used) throw new AppError('CONFLICT', 'Không bỏ được đơn vị đã gửi báo cáo theo mẫu này');
        await trx.deleteFrom('report_form_units').where('form_id', '=', id).where('unit_id', 'in', drop).execute();
      }
    }
    if (input.dueDays !== undefined && input.dueDays !== form.due_days) {
      for (const p of await periodsOf(trx, id)) {
        if (p.kind === 'custom') continue; // an added period keeps the due date it was given
        const d = new Date(`${p.period_to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + input.dueDays);
        await trx.updateTable('report_periods').set({ due_date: d.toISOString().slice(0, 10) }).where('id', '=', p.id).execute();
      }
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.form.update', entityType: 'report_form', entityId: id, unitId: form.unit_id, before: { title: form.title, dueDays: form.due_days }, after: { title: patch.title, dueDays: patch.due_days, sectionsChanged: !!input.sections, units: units?.length ?? null } });
  });
  return getForm(ctx, id);
}

/**
 * The rule of a form in use: titles, order, targets, sections may change and indicators may be added
 * (reports already sent keep their figures; the new ones apply to reports not yet sent), but an
 * indicator that has figures in a report already sent (sent, accepted or returned) cannot be removed:
 * the roll-up and the Excel export of that period would lose them.
 */
async function assertNoSentFiguresRemoved(ctx: TContext, form: TFormRow, sections: TSection[], catalogue: TCatalogueEntry[]) {
  const kept = new Set(sections.flatMap((s) => s.items.map((i) => i.code)));
  const removed = (JSON.parse(form.sections) as TSection[]).flatMap((s) => s.items.map((i) => i.code)).filter((c) => !kept.has(c));
  if (!removed.length) return;
  const used = await sentFigureCodes(ctx.db, form.id, removed);
  if (!used.length) return;
  const names = used.map((u) => `${catalogue.find((c) => c.code === u.code)?.name ?? u.code} (${u.reports} báo cáo)`);
  throw new AppError('CONFLICT', `Không bỏ được chỉ tiêu đã có số liệu trong báo cáo đã gửi: ${names.join('; ')}. Có thể thêm chỉ tiêu, sửa tên phần, thứ tự và chỉ tiêu phấn đấu.`, { fields: [{ field: 'sections', message: 'Chỉ tiêu đã có số liệu' }] });
}

/** Adds a period to a form (e.g. a report asked outside the regular schedule); same dates twice is refused. */
export async function createPeriod(ctx: TContext, formId: string, input: { label: string; from: string; to: string; dueDate: string; opensOn?: string }) {
  const form = await loadReadableForm(ctx, formId);
  await requireAccess(ctx, 'report.write', [form.unit_id]);
  const plan = await ctx.db.selectFrom('plans').select(['state']).where('id', '=', form.plan_id).executeTakeFirstOrThrow();
  if (plan.state === 'closed') throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc; không thêm được kỳ báo cáo');
  const opensOn = input.opensOn ?? input.from;
  if (input.to < input.from) throw new AppError('VALIDATION', 'Ngày cuối kỳ phải sau ngày đầu kỳ', { fields: [{ field: 'to', message: 'Trước ngày đầu kỳ' }] });
  if (input.dueDate < opensOn) throw new AppError('VALIDATION', 'Hạn nộp phải sau ngày mở kỳ báo cáo', { fields: [{ field: 'dueDate', message: 'Trước ngày mở' }] });
  const periods = await periodsOf(ctx.db, formId);
  if (periods.some((p) => p.period_from === input.from && p.period_to === input.to)) throw new AppError('CONFLICT', `Mẫu báo cáo đã có kỳ từ ${formatDateVi(input.from)} đến ${formatDateVi(input.to)}`);
  if (periods.some((p) => p.label.toLocaleLowerCase('vi') === input.label.trim().toLocaleLowerCase('vi'))) throw new AppError('CONFLICT', `Mẫu báo cáo đã có kỳ "${input.label.trim()}"`);
  const row = { id: newId(), form_id: formId, province_code: form.province_code, kind: 'custom', label: input.label.trim(), period_from: input.from, period_to: input.to, opens_on: opensOn, due_date: input.dueDate, created_at: nowIso() };
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('report_periods').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.period.create', entityType: 'report_period', entityId: row.id, unitId: form.unit_id, after: { label: row.label, from: row.period_from, to: row.period_to, opensOn, dueDate: row.due_date } });
  });
  return presentPeriod(row);
}

export async function updatePeriod(ctx: TContext, periodId: string, input: { dueDate?: string; opensOn?: string }) {
  const period = await ctx.db.selectFrom('report_periods').selectAll().where('id', '=', periodId).executeTakeFirst();
  if (!period) throw notFound('Không tìm thấy kỳ báo cáo');
  const form = await loadReadableForm(ctx, period.form_id);
  await requireAccess(ctx, 'report.write', [form.unit_id]);
  const next = { due_date: input.dueDate ?? period.due_date, opens_on: input.opensOn ?? period.opens_on };
  if (next.due_date < next.opens_on) throw new AppError('VALIDATION', 'Hạn nộp phải sau ngày mở kỳ báo cáo', { fields: [{ field: 'dueDate', message: 'Trước ngày mở' }] });
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('report_periods').set(next).where('id', '=', periodId).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.period.update', entityType: 'report_period', entityId: periodId, unitId: form.unit_id, before: { dueDate: period.due_date, opensOn: period.opens_on }, after: next });
  });
  return { ...presentPeriod({ ...period, ...next }) };
}

export function presentPeriod(p: { id: string; kind: string; label: string; period_from: string; period_to: string; opens_on: string; due_date: string }, today = nowIso().slice(0, 10)) {
  return { id: p.id, kind: p.kind, label: p.label, from: p.period_from, to: p.period_to, opensOn: p.opens_on, dueDate: p.due_date, open: p.opens_on <= today, overdue: p.due_date < today };
}

export function presentSections(sections: TResolvedSection[]) {
  return sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ code: i.def.code, name: i.def.name, type: i.def.type, unitLabel: i.def.unitLabel, formula: i.def.formula, source: i.def.source ?? null, partOf: i.def.partOf, max: i.def.max, aggregate: i.def.aggregate, higherIsBetter: i.def.higherIsBetter, target: i.target, required: i.required })) }));
}

export async function getForm(ctx: TContext, id: string) {
  const form = await loadReadableForm(ctx, id);
  const [sections, periods, unitIds, plan, owner] = await Promise.all([
    formSections(ctx, form), periodsOf(ctx.db, id), respondentIds(ctx.db, id),
    ctx.db.selectFrom('plans').select(['id', 'title', 'state', 'period_from', 'period_to']).where('id', '=', form.plan_id).executeTakeFirst(),
    ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', form.unit_id).executeTakeFirst(),
  ]);
  const units = await unitsByIds(ctx.db, unitIds);
  const canManage = await reachesAny(ctx.db, ctx.actor, 'report.write', [form.unit_id]);
  return {
    id: form.id, title: form.title, schedule: form.schedule, scheduleLabel: SCHEDULE_LABELS[form.schedule], dueDays: form.due_days,
    plan: plan ? { id: plan.id, title: plan.title, state: plan.state, from: plan.period_from, to: plan.period_to } : null,
    unit: { id: form.unit_id, name: owner?.name ?? '' },
    sections: presentSections(sections), rawSections: JSON.parse(form.sections) as TSection[],
    periods: periods.map((p) => presentPeriod(p)),
    units: units.map((u) => ({ id: u.id, code: u.code, name: u.name })).sort((a, b) => compareVi(a.name, b.name)),
    can: { manage: canManage },
    createdAt: form.created_at, updatedAt: form.updated_at,
  };
}

/** Forms the actor can see: owned by a unit in reach, or asking a unit in reach to report. Paginated. */
export async function listForms(ctx: TContext, q: { page: number; pageSize: number; planId?: string }) {
  const roots = [...new Set([...grantRoots(ctx.actor, 'report.read'), ...grantRoots(ctx.actor, 'report.write')])];
  if (!roots.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem báo cáo định kỳ');
  const scope = ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots);
  let base = ctx.db.selectFrom('report_forms').where((eb) => eb.or([
    eb('report_forms.unit_id', 'in', scope),
    eb('report_forms.id', 'in', ctx.db.selectFrom('report_form_units').select('form_id').where('unit_id', 'in', scope)),
  ]));
  if (q.planId) base = base.where('report_forms.plan_id', '=', q.planId);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.innerJoin('units', 'units.id', 'report_forms.unit_id').innerJoin('plans', 'plans.id', 'report_forms.plan_id')
    .select(['report_forms.id', 'report_forms.title', 'report_forms.schedule', 'report_forms.unit_id', 'report_forms.created_at', 'units.name as unit_name', 'plans.title as plan_title', 'plans.id as plan_id'])
    .orderBy('report_forms.created_at', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: rows.map((r) => ({ id: r.id, title: r.title, schedule: r.schedule, scheduleLabel: SCHEDULE_LABELS[r.schedule], unitId: r.unit_id, unitName: r.unit_name, planId: r.plan_id, planTitle: r.plan_title, createdAt: r.created_at })), total, page: q.page, pageSize: q.pageSize };
}
