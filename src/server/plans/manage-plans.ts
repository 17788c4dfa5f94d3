// Use-cases that write plans: create (from scratch, from the catalogue, from the parent's issued
// plan), update a draft, move through the state machine, amend an issued plan. Each starts with
// requireAccess and writes its audit row in the same transaction.
import { foldVietnamese, formatDateVi, schoolYearOf } from '../../shared/vn';
import { PLAN_STATE_LABELS } from '../../shared/labels';
import { ZPlanData } from '../../documents/templates/ke-hoach';
import { requireAccess, type TContext } from '../auth/access';
import { diffFields, writeAudit } from '../audit/audit';
import type { Tx } from '../db/database';
import type { PlanKind, UnitTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound, type TFieldError } from '../errors';
import { newId, nowIso } from '../ids';
import { checkPlanDates, ZPlanBody, type TPlanBody, type TPlanBodyInput } from './plan-body';
import { findCatalogueEntry, planTitle, unitDefaults } from './plan-catalogue';
import { checkTransition, isEditableState, isIssuedState, PLAN_TRANSITIONS, type PlanAction } from './plan-states';
import { applyCascade } from './cascade';
import { planDocumentData } from './plan-document';
import { findTaskFor, findUnitRow, insertPlan, updatePlanGuarded, type TPlanRow } from './plans.repository';
import type { TCreatePlanRequest, TTransitionRequest, TUpdatePlanRequest } from './plans.schemas';
import { catalogueUnitOf, numberTextOf } from './plan-units';
import { loadReadablePlan } from './plan-access';
import { allocateNumber, numberSymbol, resolveIssuerCode } from '../documents/register';

export { loadReadablePlan };

/** Parses and checks a body with the plan's period; throws VALIDATION with every field problem. */
export function validateBody(input: TPlanBodyInput | undefined, period: { from: string; to: string }): TPlanBody {
  const parsed = ZPlanBody.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    throw new AppError('VALIDATION', `Dữ liệu không hợp lệ: ${fields[0].field} — ${fields[0].message}`, { fields });
  }
  const fields: TFieldError[] = [];
  checkPlanDates(parsed.data, period, (field, message) => fields.push({ field, message }));
  if (fields.length) throw new AppError('VALIDATION', fields[0].message, { fields });
  return parsed.data;
}

async function loadUnit(ctx: TContext | { db: Tx }, id: string): Promise<UnitTable> {
  const unit = await findUnitRow(ctx.db, id);
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  if (unit.status !== 'active') throw new AppError('INVALID_STATE', `${unit.name} đã ngừng hoạt động, không lập kế hoạch được`);
  return unit;
}

function newPlanRow(ctx: TContext, unit: UnitTable, p: { kind: PlanKind; title: string; movementName: string | null; schoolYear: number | null; periodFrom: string; periodTo: string; body: TPlanBody; catalogueCode?: string | null; parentPlanId?: string | null; cascadeTaskId?: string | null; amendsPlanId?: string | null; rootPlanId?: string; version?: number }): TPlanRow {
  const now = nowIso();
  const id = newId();
  return {
    id, unit_id: unit.id, province_code: unit.province_code, kind: p.kind, title: p.title, title_search: foldVietnamese(p.title),
    movement_name: p.movementName, school_year: p.schoolYear, period_from: p.periodFrom, period_to: p.periodTo, state: 'draft',
    catalogue_code: p.catalogueCode ?? null, parent_plan_id: p.parentPlanId ?? null, cascade_task_id: p.cascadeTaskId ?? null,
    amends_plan_id: p.amendsPlanId ?? null, root_plan_id: p.rootPlanId ?? id, version: p.version ?? 1, superseded_by_id: null,
    doc_number: null, doc_symbol: null, doc_number_key: null, issued_date: null, signer_name: null, signer_title: null, signer_authority: null,
    return_reason: null, body: JSON.stringify(p.body), created_by: ctx.actor.userId, created_at: now, updated_at: now, state_changed_at: now,
  };
}

async function insertWithAudit(ctx: TContext, row: TPlanRow, action: string, extra: Record<string, unknown> = {}, reason?: string | null): Promise<TPlanRow> {
  return withTransaction(ctx, async (trx) => {
    await insertPlan(trx, row);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action, entityType: 'plan', entityId: row.id, unitId: row.unit_id, after: { title: row.title, kind: row.kind, state: row.state, schoolYear: row.school_year, ...extra }, reason });
    return row;
  });
}

export async function createPlan(ctx: TContext, input: TCreatePlanRequest): Promise<TPlanRow> {
  await requireAccess(ctx, 'plan.write', [input.unitId]);
  const unit = await loadUnit(ctx, input.unitId);
  const body = validateBody({ ...(input.body ?? {}), movementName: input.body?.movementName ?? input.movementName }, { from: input.periodFrom, to: input.periodTo });
  const schoolYear = input.schoolYear ?? (input.kind === 'regular' ? schoolYearOf(input.periodFrom) : null);
  const title = input.title ?? planTitle(input.kind, input.movementName, schoolYear);
  const row = newPlanRow(ctx, unit, { kind: input.kind, title, movementName: input.movementName, schoolYear, periodFrom: input.periodFrom, periodTo: input.periodTo, body });
  return insertWithAudit(ctx, row, 'plan.create');
}

export async function createPlanFromCatalogue(ctx: TContext, input: { unitId: string; code: string; schoolYear: number }): Promise<TPlanRow> {
  await requireAccess(ctx, 'plan.write', [input.unitId]);
  const entry = findCatalogueEntry(input.code);
  if (!entry) throw new AppError('VALIDATION', `Không có phong trào mã "${input.code}" trong danh mục`, { fields: [{ field: 'code', message: 'Không có trong danh mục' }] });
  const unit = await loadUnit(ctx, input.unitId);
  const period = entry.period(input.schoolYear);
  const body = validateBody(entry.build(await catalogueUnitOf(ctx.db, unit), input.schoolYear), period);
  const row = newPlanRow(ctx, unit, { kind: entry.kind, title: planTitle(entry.kind, entry.movementName, input.schoolYear), movementName: entry.movementName, schoolYear: input.schoolYear, periodFrom: period.from, periodTo: period.to, body, catalogueCode: entry.code });
  return insertWithAudit(ctx, row, 'plan.create', { catalogueCode: entry.code });
}

/**
 * The subordinate's own plan implementing an issued parent plan: it inherits the content and
 * deadlines, cites the parent plan as its căn cứ, and links to the cascade task if there is one.
 */
export async function createPlanFromParent(ctx: TContext, input: { parentPlanId: string; unitId: string }): Promise<TPlanRow> {
  await requireAccess(ctx, 'plan.write', [input.unitId]);
  const parent = await loadReadablePlan(ctx, input.parentPlanId);
  if (!isIssuedState(parent.state)) throw new AppError('INVALID_STATE', 'Chỉ xây dựng kế hoạch thực hiện từ kế hoạch cấp trên đã ban hành');
  if (parent.superseded_by_id) throw new AppError('INVALID_STATE', 'Kế hoạch cấp trên đã được thay thế bằng bản điều chỉnh; hãy chọn bản mới nhất');
  const unit = await loadUnit(ctx, input.unitId);
  if (unit.id === parent.unit_id) throw new AppError('VALIDATION', 'Đơn vị thực hiện phải là đơn vị cấp dưới của đơn vị ban hành kế hoạch', { fields: [{ field: 'unitId', message: 'Không phải đơn vị cấp dưới' }] });
  const below = await ctx.db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', parent.unit_id).where('descendant_id', '=', unit.id).executeTakeFirst();
  if (!below) throw new AppError('VALIDATION', 'Đơn vị thực hiện phải là đơn vị cấp dưới của đơn vị ban hành kế hoạch', { fields: [{ field: 'unitId', message: 'Không phải đơn vị cấp dưới' }] });
  const task = await findTaskFor(ctx.db, parent.root_plan_id, unit.id);
  if (task) {
    const existing = await ctx.db.selectFrom('plans').select(['id', 'state']).where('cascade_task_id', '=', task.id).where('superseded_by_id', 'is', null).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `Đơn vị đã có kế hoạch thực hiện (trạng thái: ${PLAN_STATE_LABELS[existing.state as keyof typeof PLAN_STATE_LABELS]}); hãy mở kế hoạch đó để sửa`, { planId: existing.id });
  }
  const parentUnit = await findUnitRow(ctx.db, parent.unit_id);
  const pBody = ZPlanBody.parse(JSON.parse(parent.body));
  const cu = await catalogueUnitOf(ctx.db, unit);
  const parentCitation = `Thực hiện Kế hoạch số ${numberTextOf(parent) ?? '…'} ngày ${formatDateVi(parent.issued_date)} của ${parentUnit?.name ?? 'cấp trên'} về việc ${lowerFirst(parent.title)}`;
  const defaults = unitDefaults(cu, parent.movement_name ?? parent.title);
  const body: TPlanBody = {
    ...pBody,
    place: cu.place,
    legalBases: [
      ...pBody.legalBases.filter((b) => b.kind !== 'parent_plan'),
      { kind: 'parent_plan', text: parentCitation, planId: parent.id },
      { kind: 'other', text: 'Căn cứ tình hình thực tế của đơn vị', planId: null },
    ],
    intro: null,
    subjects: defaults.subjects,
    awards: [
      ...defaults.awards,
      ...pBody.awards.filter((a) => a.authority && a.authority !== defaults.headTitle).map((a) => ({ ...a, name: `Đề nghị ${a.authority} tặng ${a.name.replace(/ của .*$/, '')}`, quota: '01 cá nhân/tập thể', moneySource: null })),
    ].slice(0, 40),
    dossier: { ...pBody.dossier, submitTo: defaults.dossier.submitTo },
    implementation: defaults.implementation,
    funding: defaults.funding,
    recipients: defaults.recipients,
    closing: null,
  };
  const validBody = validateBody(body, { from: parent.period_from, to: parent.period_to });
  const title = parent.movement_name
    ? planTitle(parent.kind, parent.movement_name, parent.school_year)
    : `Thực hiện ${lowerFirst(parent.title)}`;
  const row = newPlanRow(ctx, unit, { kind: parent.kind, title, movementName: parent.movement_name, schoolYear: parent.school_year, periodFrom: parent.period_from, periodTo: parent.period_to, body: validBody, parentPlanId: parent.id, cascadeTaskId: task?.id ?? null, catalogueCode: parent.catalogue_code });
  return insertWithAudit(ctx, row, 'plan.create', { parentPlanId: parent.id, cascadeTaskId: task?.id ?? null });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export async function updatePlan(ctx: TContext, id: string, input: TUpdatePlanRequest): Promise<TPlanRow> {
  const current = await loadReadablePlan(ctx, id);
  await requireAccess(ctx, 'plan.write', [current.unit_id]);
  if (!isEditableState(current.state)) {
    throw new AppError('INVALID_STATE', isIssuedState(current.state)
      ? 'Kế hoạch đã ban hành không được sửa; muốn thay đổi hãy lập kế hoạch điều chỉnh'
      : `Kế hoạch đang ở trạng thái "${PLAN_STATE_LABELS[current.state]}", chỉ sửa được khi là dự thảo`);
  }
  const periodFrom = input.periodFrom ?? current.period_from;
  const periodTo = input.periodTo ?? current.period_to;
  const bodyInput = input.body ?? JSON.parse(current.body);
  const body = validateBody(input.movementName && input.body?.movementName === undefined ? { ...bodyInput, movementName: input.movementName } : bodyInput, { from: periodFrom, to: periodTo });
  const title = input.title ?? current.title;
  const next: TPlanRow = {
    ...current,
    kind: input.kind ?? current.kind,
    title, title_search: foldVietnamese(title),
    movement_name: input.movementName ?? body.movementName ?? current.movement_name,
    school_year: input.schoolYear !== undefined ? input.schoolYear : current.school_year,
    period_from: periodFrom, period_to: periodTo,
    body: JSON.stringify(body),
    updated_at: nowIso(),
  };
  return withTransaction(ctx, async (trx) => {
    const { id: _id, ...values } = next;
    const ok = await updatePlanGuarded(trx, id, 'draft', values);
    if (!ok) throw new AppError('INVALID_STATE', 'Kế hoạch vừa được chuyển trạng thái, không sửa được nữa; hãy tải lại');
    const d = diffFields({ ...current, body: JSON.parse(current.body) }, { ...next, body });
    delete (d.before as Record<string, unknown>).title_search;
    delete (d.after as Record<string, unknown>).title_search;
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'plan.update', entityType: 'plan', entityId: id, unitId: current.unit_id, before: d.before, after: d.after });
    return next;
  });
}

/** Sections the Kế hoạch must have before it goes to the head (the document template's rules). */
function completenessProblems(plan: TPlanRow, body: TPlanBody): TFieldError[] {
  const data = planDocumentData(plan, { name: 'x', abbreviation: 'X', code: 'X', kind: 'so' } as UnitTable, null, body, null);
  const parsed = ZPlanData.safeParse(data);
  if (parsed.success) return [];
  const names: Record<string, string> = { legalBasis: 'căn cứ', purposes: 'mục đích', requirements: 'yêu cầu', contents: 'nội dung thi đua', awards: 'hình thức khen thưởng', implementation: 'tổ chức thực hiện' };
  return parsed.error.issues.map((i) => ({ field: `body.${String(i.path[0])}`, message: `Chưa có ${names[String(i.path[0])] ?? String(i.path[0])}` }));
}

export async function transitionPlan(ctx: TContext, id: string, input: TTransitionRequest): Promise<TPlanRow> {
  const action = input.action as PlanAction;
  const current = await loadReadablePlan(ctx, id);
  const t = PLAN_TRANSITIONS[action];
  await requireAccess(ctx, t.permission, [current.unit_id]);
  const check = checkTransition(current.state, action, input.reason);
  if (!check.ok) throw new AppError(check.missingReason ? 'VALIDATION' : current.state === t.to ? 'CONFLICT' : 'INVALID_STATE', check.message, check.missingReason ? { fields: [{ field: 'reason', message: 'Bắt buộc' }] } : undefined);
  if (current.superseded_by_id) throw new AppError('INVALID_STATE', 'Kế hoạch đã được thay thế bằng bản điều chỉnh; thao tác trên bản mới');
  const body = ZPlanBody.parse(JSON.parse(current.body));
  if (action === 'submit' || action === 'issue') {
    const problems = completenessProblems(current, body);
    if (problems.length) throw new AppError('VALIDATION', `Kế hoạch chưa đủ nội dung để ${action === 'submit' ? 'trình' : 'ban hành'}: ${problems.map((p) => p.message.toLowerCase()).join(', ')}`, { fields: problems });
  }
  const now = nowIso();
  const values: Partial<TPlanRow> = { state: check.to, state_changed_at: now, updated_at: now };
  if (action === 'return') values.return_reason = input.reason!.trim();
  if (action === 'submit') values.return_reason = null;
  let unit: UnitTable | undefined;
  let issuerCode = '';
  if (t.needsIssueData) {
    const issue = input.issue;
    if (!issue) throw new AppError('VALIDATION', 'Cần ngày ban hành và người ký để ban hành kế hoạch', { fields: [{ field: 'issue', message: 'Bắt buộc khi ban hành' }] });
    if (issue.date < `${current.period_from.slice(0, 4)}-01-01`) {
      throw new AppError('VALIDATION', 'Ngày ban hành không hợp lệ (trước năm bắt đầu kế hoạch)', { fields: [{ field: 'issue.date', message: 'Không hợp lệ' }] });
    }
    if (issue.date > current.period_to) throw new AppError('VALIDATION', 'Ngày ban hành phải trước khi kế hoạch kết thúc', { fields: [{ field: 'issue.date', message: 'Sau ngày kết thúc' }] });
    unit = await findUnitRow(ctx.db, current.unit_id);
    if (!unit) throw notFound('Không tìm thấy đơn vị');
    issuerCode = resolveIssuerCode(unit, null);
    Object.assign(values, { issued_date: issue.date, signer_name: issue.signerName, signer_title: issue.signerTitle ?? null, signer_authority: issue.signerAuthority ?? null });
  }
  return withTransaction(ctx, async (trx) => {
    if (t.needsIssueData && unit) {
      const n = await takeRegisterNumber(trx, ctx, unit, issuerCode, current, input.issue!);
      Object.assign(values, { doc_number: n.number, doc_symbol: n.symbol.replace(/^\d+\//, ''), doc_number_key: `${current.unit_id}|${n.year}|${n.symbol}` });
    }
    let ok: boolean;
    try {
      ok = await updatePlanGuarded(trx, id, current.state, values);
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error).message))) throw new AppError('CONFLICT', 'Số văn bản này vừa được dùng cho kế hoạch khác; hãy lấy số mới');
      throw e;
    }
    if (!ok) throw new AppError('CONFLICT', 'Kế hoạch vừa được người khác chuyển trạng thái; hãy tải lại');
    const next = { ...current, ...values } as TPlanRow;
    await writeAudit(trx, ctx.kind, {
      actorUserId: ctx.actor.userId, action: `plan.${action}`, entityType: 'plan', entityId: id, unitId: current.unit_id,
      before: { state: current.state }, after: { state: check.to, ...(t.needsIssueData ? { number: values.doc_number, symbol: values.doc_symbol, issuedDate: values.issued_date, signer: values.signer_name } : {}) },
      reason: input.reason?.trim() || null,
    });
    if (action === 'issue' && current.amends_plan_id) {
      await trx.updateTable('plans').set({ superseded_by_id: id, updated_at: now }).where('id', '=', current.amends_plan_id).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'plan.supersede', entityType: 'plan', entityId: current.amends_plan_id, unitId: current.unit_id, before: { supersededById: null }, after: { supersededById: id, version: current.version } });
    }
    if (action === 'issue' && input.cascade) await applyCascade(trx, ctx, next, input.cascade);
    return next;
  });
}

/**
 * The plan's number from the unit's register (sổ văn bản đi): the next number when none is given,
 * or a number the văn thư reserved for it. Marked issued in the same transaction.
 */
async function takeRegisterNumber(trx: Tx, ctx: TContext, unit: UnitTable, issuerCode: string, plan: TPlanRow, issue: NonNullable<TTransitionRequest['issue']>) {
  const year = Number(issue.date.slice(0, 4));
  let row;
  if (issue.numberId || issue.number !== undefined) {
    let q = trx.selectFrom('document_numbers').selectAll().where('unit_id', '=', unit.id);
    q = issue.numberId ? q.where('id', '=', issue.numberId) : q.where('year', '=', year).where('number', '=', issue.number!);
    const found = await q.execute();
    const text = issue.numberId ? 'Số đã chọn' : `Số ${String(issue.number).padStart(2, '0')}`;
    if (!found.length) {
      throw new AppError('VALIDATION', `${text} chưa có trong sổ văn bản đi năm ${year} của ${unit.name}; để trống để lấy số tiếp theo, hoặc giữ chỗ số trong sổ trước`, { fields: [{ field: 'issue.number', message: 'Không có trong sổ' }] });
    }
    const reserved = found.find((r) => r.status === 'reserved');
    if (!reserved) {
      const used = found[0];
      throw new AppError('CONFLICT', `${text}/… năm ${year} đã ${used.status === 'cancelled' ? 'bị hủy' : `dùng cho văn bản ${used.symbol}${used.summary ? ` (${used.summary})` : ''}`} trong sổ văn bản đi`, { fields: [{ field: 'issue.number', message: 'Đã dùng' }] });
    }
    if (reserved.year !== year) throw new AppError('VALIDATION', `Ngày ban hành phải thuộc năm ${reserved.year} của số đã giữ`, { fields: [{ field: 'issue.date', message: `Năm ${reserved.year}` }] });
    if (reserved.type_code && reserved.type_code !== 'KH') throw new AppError('VALIDATION', `Số ${reserved.symbol} được giữ cho loại văn bản khác, không dùng cho kế hoạch`, { fields: [{ field: 'issue.number', message: 'Khác loại văn bản' }] });
    row = reserved;
  } else {
    row = await allocateNumber(trx, ctx.kind, { unit, year, typeCode: 'KH', issuerCode, actorUserId: ctx.actor.userId, note: 'Kế hoạch phát động phong trào thi đua' });
  }
  const symbol = row.type_code === 'KH' ? row.symbol : numberSymbol(row.number, 'KH', issuerCode);
  const res = await trx.updateTable('document_numbers')
    .set({ status: 'issued', issued_date: issue.date, signer_name: issue.signerName, summary: plan.title.slice(0, 500), issued_at: nowIso(), symbol })
    .where('id', '=', row.id).where('status', '=', 'reserved').executeTakeFirst();
  if (Number(res.numUpdatedRows ?? 0) !== 1) throw new AppError('CONFLICT', 'Số văn bản này vừa được dùng cho văn bản khác; hãy lấy số mới');
  await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'document_number.issue', entityType: 'document_number', entityId: row.id, unitId: unit.id, before: { status: 'reserved' }, after: { status: 'issued', symbol, planId: plan.id } });
  return { number: row.number, symbol, year };
}

/** An amending plan: a new draft version that links to the issued plan it will replace when issued. */
export async function amendPlan(ctx: TContext, id: string, reason: string): Promise<TPlanRow> {
  const current = await loadReadablePlan(ctx, id);
  await requireAccess(ctx, 'plan.write', [current.unit_id]);
  if (!isIssuedState(current.state)) throw new AppError('INVALID_STATE', 'Chỉ lập kế hoạch điều chỉnh cho kế hoạch đã ban hành; bản dự thảo thì sửa trực tiếp');
  if (current.superseded_by_id) throw new AppError('INVALID_STATE', 'Kế hoạch này đã có bản điều chỉnh được ban hành');
  const open = await ctx.db.selectFrom('plans').select('id').where('amends_plan_id', '=', id).where('state', 'in', ['draft', 'submitted']).executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'Đã có một bản điều chỉnh đang soạn cho kế hoạch này', { planId: open.id });
  const unit = await loadUnit(ctx, current.unit_id);
  const body = ZPlanBody.parse(JSON.parse(current.body));
  const citation = `Kế hoạch số ${numberTextOf(current)} ngày ${formatDateVi(current.issued_date)} của ${unit.name} về việc ${lowerFirst(current.title)}`;
  body.legalBases = [...body.legalBases, { kind: 'other', text: `Căn cứ ${citation}`, planId: current.id }];
  body.intro = `${unit.name} điều chỉnh ${citation} (lý do: ${reason.trim().replace(/[.;]+$/, '')}) như sau:`;
  const version = current.version + 1;
  const row = newPlanRow(ctx, unit, {
    kind: current.kind, title: `${current.title} (điều chỉnh lần ${version - 1})`.slice(0, 300), movementName: current.movement_name, schoolYear: current.school_year,
    periodFrom: current.period_from, periodTo: current.period_to, body, catalogueCode: current.catalogue_code, parentPlanId: current.parent_plan_id,
    cascadeTaskId: current.cascade_task_id, amendsPlanId: current.id, rootPlanId: current.root_plan_id, version,
  });
  return insertWithAudit(ctx, row, 'plan.amend', { amendsPlanId: current.id, version }, reason);
}
