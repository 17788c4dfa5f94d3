// A unit's report for one period: get-or-create the draft, save figures (checked all together, stored
// all or nothing), attach evidence, submit (late after the due date), and the receiver accepts or
// returns it with a reason. An accepted report changes only after it is returned.
import { formatDateVi } from '../../shared/vn';
import { grantRoots, reachByPermission, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Tx } from '../db/database';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { sniffType, type FileStorage } from '../files/storage';
import { uploadAttachment } from '../files/attachments';
import { newId, nowIso, todayIso } from '../ids';
import { notifyUser } from '../notifications/notifications';
import { formSections, loadReadableForm, presentPeriod, presentSections, type TResolvedSection } from './forms';
import { OUTREACH_CHANNEL_LABELS } from '../participation/outreach';
import { OUTREACH_MEASURE_LABELS } from './indicator-catalogue';
import { applyOutreachInput, checkAndCompute, missingForSubmit, parseRawValues, withOutreach, type TIndicatorDef, type TRawValue, type TValues } from './report-values';
import { findForm, findPeriod, findSubmission, officersWithEmail, outreachFigures, periodsOf, respondentIds, valuesOf, type TFormRow, type TPeriodRow, type TSubmissionRow } from './reports.repository';
import type { ReportSubmissionState } from './reports.tables';

export const SUBMISSION_STATE_LABELS: Record<ReportSubmissionState | 'missing', string> = { missing: 'Chưa báo cáo', draft: 'Đang soạn', submitted: 'Đã gửi', accepted: 'Đã tiếp nhận', returned: 'Bị trả lại' };
export const EVIDENCE_TYPES = ['pdf', 'png', 'jpg', 'docx', 'xlsx'];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

async function planOf(ctx: TContext, form: TFormRow) {
  return ctx.db.selectFrom('plans').select(['id', 'state', 'title', 'period_to']).where('id', '=', form.plan_id).executeTakeFirstOrThrow();
}

function assertPlanOpen(plan: { state: string }) {
  if (plan.state === 'closed') throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc; không nhận thêm báo cáo');
}
function assertPeriodOpen(period: TPeriodRow, today: string) {
  if (period.opens_on > today) throw new AppError('INVALID_STATE', `Kỳ báo cáo ${period.label} chưa mở (mở từ ngày ${formatDateVi(period.opens_on)})`);
}
function assertEditable(s: TSubmissionRow) {
  if (s.state === 'accepted') throw new AppError('INVALID_STATE', 'Báo cáo đã được tiếp nhận; chỉ sửa được khi đơn vị nhận trả lại');
  if (s.state === 'submitted') throw new AppError('INVALID_STATE', 'Báo cáo đã gửi, đang chờ tiếp nhận; không sửa được');
}

/** The unit's report for the period, created as a draft on first open (POST). */
export async function openSubmission(ctx: TContext, input: { formId: string; periodId: string; unitId?: string }, today = todayIso()) {
  const form = await loadReadableForm(ctx, input.formId);
  const period = await findPeriod(ctx.db, input.periodId);
  if (!period || period.form_id !== form.id) throw notFound('Không tìm thấy kỳ báo cáo');
  const respondents = await respondentIds(ctx.db, form.id);
  let unitId = input.unitId;
  if (!unitId) {
    const roots = grantRoots(ctx.actor, 'report.write');
    unitId = respondents.find((r) => roots.includes(r));
    if (!unitId) throw new AppError('FORBIDDEN', 'Đơn vị của bạn không thuộc diện báo cáo theo mẫu này');
  }
  if (!respondents.includes(unitId)) throw new AppError('VALIDATION', 'Đơn vị không thuộc diện báo cáo theo mẫu này', { fields: [{ field: 'unitId', message: 'Không thuộc diện' }] });
  await requireAccess(ctx, 'report.write', [unitId]);
  const existing = await ctx.db.selectFrom('report_submissions').selectAll().where('period_id', '=', period.id).where('unit_id', '=', unitId).executeTakeFirst();
  if (existing) return getSubmission(ctx, existing.id, today);
  assertPlanOpen(await planOf(ctx, form));
  assertPeriodOpen(period, today);
  const unit = await ctx.db.selectFrom('units').select(['province_code']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const now = nowIso();
  const id = newId();
  await withTransaction(ctx, async (trx) => {
    const again = await trx.selectFrom('report_submissions').select('id').where('period_id', '=', period.id).where('unit_id', '=', unitId!).executeTakeFirst();
    if (again) return;
    await trx.insertInto('report_submissions').values({ id, form_id: form.id, period_id: period.id, unit_id: unitId!, province_code: unit.province_code, state: 'draft', late: 0, submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, return_reason: null, version: 1, created_by: ctx.actor.userId, created_at: now, updated_at: now }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.submission.create', entityType: 'report_submission', entityId: id, unitId, after: { formId: form.id, period: period.label } });
  });
  const row = await ctx.db.selectFrom('report_submissions').select('id').where('period_id', '=', period.id).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  return getSubmission(ctx, row.id, today);
}

type TLoaded = { s: TSubmissionRow; form: TFormRow; period: TPeriodRow; reach: Record<'report.read' | 'report.write', Set<string>> };

/**
 * The report, its form and period, and what the actor reaches of its unit and of the receiving unit — in two
 * steps of one round trip each. Seen by whoever reaches the reporting unit (its own officers, the receiver above).
 */
async function loadSubmission(ctx: TContext, id: string): Promise<TLoaded> {
  const head = await ctx.db.selectFrom('report_submissions').innerJoin('report_forms', 'report_forms.id', 'report_submissions.form_id')
    .selectAll('report_submissions').select('report_forms.unit_id as form_unit_id').where('report_submissions.id', '=', id).executeTakeFirst();
  if (!head) throw notFound('Không tìm thấy báo cáo');
  const { form_unit_id: formUnitId, ...s } = head;
  const [form, period, reach] = await Promise.all([
    findForm(ctx.db, s.form_id), findPeriod(ctx.db, s.period_id),
    reachByPermission(ctx.db, ctx.actor, ['report.read', 'report.write'], [s.unit_id, formUnitId]),
  ]);
  if (!reach['report.read'].has(s.unit_id) && !reach['report.write'].has(s.unit_id)) throw notFound('Không tìm thấy báo cáo');
  return { s, form: form!, period: period!, reach };
}

/** Write access to the reporting unit: it sees the report (loadSubmission), so lacking it is 403. */
function requireUnitWrite(l: TLoaded) {
  if (!l.reach['report.write'].has(l.s.unit_id)) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này với đơn vị này');
}

/** The unit's own outreach figures over the period's dates, for the indicators of the form fed by the log. */
const logFigures = (ctx: TContext, s: Pick<TSubmissionRow, 'unit_id'>, period: TPeriodRow, defs: TIndicatorDef[]) =>
  outreachFigures(ctx.db, s.unit_id, { from: period.period_from, to: period.period_to }, defs);

/** Where a log-fed figure comes from, as the filling screen shows it: channels, measure, the log's number, the correction. */
function outreachOrigins(defs: TIndicatorDef[], values: TValues, period: TPeriodRow) {
  return Object.fromEntries(defs.filter((d) => d.source?.kind === 'outreach').map((d) => {
    const src = d.source!;
    const v = values[d.code];
    const channels = src.channels === 'all' ? 'mọi kênh' : src.channels.map((c) => OUTREACH_CHANNEL_LABELS[c]).join(', ');
    return [d.code, {
      source: 'outreach', label: `Sổ tuyên truyền: ${OUTREACH_MEASURE_LABELS[src.measure]} (${channels}) từ ${formatDateVi(period.period_from)} đến ${formatDateVi(period.period_to)}`,
      fromLog: v?.sourceNum ?? null, corrected: !!v?.note, note: v?.note ?? null,
    }];
  }));
}

export async function getSubmission(ctx: TContext, id: string, today = todayIso()) {
  return presentSubmission(ctx, await loadSubmission(ctx, id), today);
}

/** The report as the filling screen shows it; `known` passes what the caller has just loaded, so it is not read twice. */
async function presentSubmission(ctx: TContext, loaded: TLoaded, today: string, known: { sections?: TResolvedSection[]; plan?: Awaited<ReturnType<typeof planOf>>; fromLog?: Record<string, number> } = {}) {
  const { s, form, period, reach } = loaded;
  const id = s.id;
  const [sections, stored, evidence, unit, plan, owner, reminders] = await Promise.all([
    known.sections ?? formSections(ctx, form), valuesOf(ctx.db, id),
    ctx.db.selectFrom('report_evidence').innerJoin('attachments', 'attachments.id', 'report_evidence.attachment_id')
      .select(['report_evidence.id', 'report_evidence.indicator_code', 'report_evidence.attachment_id', 'attachments.file_name', 'attachments.mime', 'attachments.size', 'report_evidence.created_at'])
      .where('report_evidence.submission_id', '=', id).orderBy('report_evidence.created_at').execute(),
    ctx.db.selectFrom('units').select(['id', 'name', 'code']).where('id', '=', s.unit_id).executeTakeFirstOrThrow(),
    known.plan ?? planOf(ctx, form),
    ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', form.unit_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('report_reminders').select((eb) => eb.fn.countAll<number>().as('n')).where('period_id', '=', s.period_id).where('unit_id', '=', s.unit_id).executeTakeFirstOrThrow(),
  ]);
  const canWrite = reach['report.write'].has(s.unit_id);
  const canReceive = reach['report.write'].has(form.unit_id);
  const editable = (s.state === 'draft' || s.state === 'returned') && plan.state !== 'closed';
  // While the report can change, log-fed figures follow the log (read only: nothing is written on GET);
  // once sent, they are what was stored at sending.
  const defs = sections.flatMap((x) => x.items.map((i) => i.def));
  const values = editable ? withOutreach(stored, known.fromLog ?? await logFigures(ctx, s, period, defs)) : stored;
  return {
    id: s.id, formId: form.id, formTitle: form.title, plan: { id: plan.id, title: plan.title, state: plan.state },
    receiver: owner, unit, period: presentPeriod(period, today),
    state: s.state, stateLabel: SUBMISSION_STATE_LABELS[s.state], late: s.late === 1, submittedAt: s.submitted_at, decidedAt: s.decided_at, returnReason: s.return_reason, version: s.version,
    reminders: Number(reminders.n),
    sections: presentSections(sections),
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.text ?? v.num])),
    outreach: outreachOrigins(defs, values, period),
    evidence: evidence.map((e) => ({ id: e.id, indicatorCode: e.indicator_code, attachmentId: e.attachment_id, fileName: e.file_name, mime: e.mime, size: e.size, createdAt: e.created_at })),
    can: { edit: canWrite && editable, submit: canWrite && editable, accept: canReceive && s.state === 'submitted', return: canReceive && (s.state === 'submitted' || s.state === 'accepted') },
  };
}

const allItems = (sections: TResolvedSection[]) => sections.flatMap((s) => s.items);

/** Merges, checks and stores the figures; on any error nothing is stored. */
export async function saveValues(ctx: TContext, id: string, raw: Record<string, TRawValue>, notes: Record<string, string | null> = {}) {
  const loaded = await loadSubmission(ctx, id);
  const { s, form, period } = loaded;
  requireUnitWrite(loaded);
  const [plan, sections, stored] = await Promise.all([planOf(ctx, form), formSections(ctx, form), valuesOf(ctx.db, id)]);
  assertPlanOpen(plan);
  assertEditable(s);
  const defs = allItems(sections).map((i) => i.def);
  const parsed = parseRawValues(new Map(defs.map((d) => [d.code, d])), raw);
  const fromLog = await logFigures(ctx, s, period, defs);
  const current = withOutreach(stored, fromLog);
  const fed = applyOutreachInput(defs, parsed.values, notes, fromLog, current);
  const noteErrors = Object.keys(notes).filter((c) => !(c in fromLog)).map((c) => ({ field: `notes.${c}`, message: `Chỉ tiêu "${defs.find((d) => d.code === c)?.name ?? c}" không lấy số liệu từ sổ tuyên truyền; không cần lý do điều chỉnh` }));
  const merged: TValues = { ...current, ...fed.values };
  const checked = checkAndCompute(defs, merged);
  const errors = [...parsed.errors, ...noteErrors, ...fed.errors, ...checked.errors];
  if (errors.length) throw new AppError('VALIDATION', errors.length === 1 ? errors[0].message : `Có ${errors.length} lỗi: ${errors[0].message}`, { fields: errors });
  await withTransaction(ctx, async (trx) => {
    // The state check and the row lock in one statement: a report sent meanwhile is not overwritten.
    const n = await trx.updateTable('report_submissions').set({ updated_at: nowIso() }).where('id', '=', id).where('state', 'in', ['draft', 'returned']).executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) {
      assertEditable((await findSubmission(trx, id))!);
      throw new AppError('CONFLICT', 'Báo cáo vừa được thay đổi; tải lại trang');
    }
    await writeValues(trx, s, checked.values);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.values.save', entityType: 'report_submission', entityId: id, unitId: s.unit_id, after: Object.fromEntries(Object.entries(fed.values).map(([k, v]) => [k, v.note ? { value: v.num, fromLog: v.sourceNum, note: v.note } : v.text ?? v.num])) });
  });
  // Saving changes neither the state nor what the actor reaches: present what was loaded, with the stored figures read back.
  return presentSubmission(ctx, loaded, todayIso(), { sections, plan, fromLog });
}

export async function writeValues(trx: Tx, s: Pick<TSubmissionRow, 'id' | 'form_id' | 'period_id' | 'unit_id' | 'province_code'>, values: TValues) {
  const now = nowIso();
  const codes = Object.keys(values);
  if (!codes.length) return;
  await trx.deleteFrom('report_values').where('submission_id', '=', s.id).where('indicator_code', 'in', codes).execute();
  const rows = Object.entries(values).filter(([, v]) => v.num !== null || v.text !== null).map(([code, v]) => ({ id: newId(), submission_id: s.id, form_id: s.form_id, period_id: s.period_id, unit_id: s.unit_id, province_code: s.province_code, indicator_code: code, value_num: v.num, value_text: v.text, source_num: v.sourceNum ?? null, note: v.note ?? null, updated_at: now }));
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('report_values').values(rows.slice(i, i + 100)).execute();
}

export async function attachEvidence(ctx: TContext, storage: FileStorage, id: string, file: { bytes: Uint8Array; fileName: string }, indicatorCode: string | null) {
  const loaded = await loadSubmission(ctx, id);
  const { s, form } = loaded;
  requireUnitWrite(loaded);
  assertPlanOpen(await planOf(ctx, form));
  assertEditable(s);
  if (indicatorCode && !allItems(await formSections(ctx, form)).some((i) => i.def.code === indicatorCode)) throw new AppError('VALIDATION', `Chỉ tiêu "${indicatorCode}" không có trong mẫu báo cáo`);
  const limit = Math.min(EVIDENCE_MAX_BYTES, storage.maxBytes);
  if (file.bytes.length > limit) throw new AppError('PAYLOAD_TOO_LARGE', `Tệp minh chứng quá lớn: tối đa ${Math.round((limit / 1024 / 1024) * 10) / 10} MB`.replace('.', ','));
  const type = await sniffType(file.bytes);
  if (!type || !EVIDENCE_TYPES.includes(type.ext)) throw new AppError('UNSUPPORTED_TYPE', 'Tệp minh chứng phải là PDF, ảnh (PNG, JPEG), Word (DOCX) hoặc Excel (XLSX)');
  return withTransaction(ctx, async (trx) => {
    const att = await uploadAttachment({ ...ctx, db: trx }, storage, { bytes: file.bytes, fileName: file.fileName, unitId: s.unit_id, entityType: 'report_submission', entityId: s.id });
    const evId = newId();
    await trx.insertInto('report_evidence').values({ id: evId, submission_id: s.id, indicator_code: indicatorCode, attachment_id: att.id, province_code: s.province_code, created_by: ctx.actor.userId, created_at: nowIso() }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.evidence.add', entityType: 'report_submission', entityId: s.id, unitId: s.unit_id, after: { attachmentId: att.id, fileName: att.fileName, indicatorCode } });
    return { id: evId, attachmentId: att.id, fileName: att.fileName, mime: att.mime, size: att.size, indicatorCode };
  });
}

export async function submitReport(ctx: TContext, id: string, today = todayIso()) {
  const loaded = await loadSubmission(ctx, id);
  const { s, form, period } = loaded;
  requireUnitWrite(loaded);
  assertPlanOpen(await planOf(ctx, form));
  assertEditable(s);
  const items = allItems(await formSections(ctx, form));
  // Log-fed figures are taken from the log now (unless corrected) and stored with what the log said.
  const fromLog = await logFigures(ctx, s, period, items.map((i) => i.def));
  const values = withOutreach(await valuesOf(ctx.db, id), fromLog);
  const evidence = new Set((await ctx.db.selectFrom('report_evidence').select('indicator_code').where('submission_id', '=', id).execute()).map((e) => e.indicator_code ?? 'minh_chung'));
  const missing = missingForSubmit(items, values, evidence);
  if (missing.length) throw new AppError('VALIDATION', `Chưa nhập đủ số liệu: ${missing.slice(0, 5).join('; ')}${missing.length > 5 ? `… (${missing.length} mục)` : ''}`, { fields: missing.map((m) => ({ field: 'values', message: m })) });
  const checked = checkAndCompute(items.map((i) => i.def), values);
  if (checked.errors.length) throw new AppError('VALIDATION', checked.errors[0].message, { fields: checked.errors });
  const now = nowIso();
  const late = today > period.due_date ? 1 : 0;
  await withTransaction(ctx, async (trx) => {
    const n = await trx.updateTable('report_submissions').set({ state: 'submitted', late, submitted_at: now, submitted_by: ctx.actor.userId, return_reason: null, updated_at: now, version: s.version + (s.state === 'returned' ? 1 : 0) })
      .where('id', '=', id).where('state', 'in', ['draft', 'returned']).executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Báo cáo vừa được thay đổi; tải lại trang');
    await writeValues(trx, s, checked.values);
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.submit', entityType: 'report_submission', entityId: id, unitId: s.unit_id, after: { period: period.label, late: late === 1, resubmitted: s.state === 'returned', ...(Object.keys(fromLog).length ? { outreach: fromLog } : {}) } });
    const unitName = (await trx.selectFrom('units').select('name').where('id', '=', s.unit_id).executeTakeFirstOrThrow()).name;
    for (const o of await officersWithEmail(trx, [form.unit_id])) {
      await notifyUser(trx, o.user_id, { title: `${unitName} đã gửi báo cáo ${period.label}`, body: `${form.title}${late ? ` (nộp muộn, hạn ${formatDateVi(period.due_date)})` : ''}`, link: `/bao-cao/${id}` });
    }
  });
  return getSubmission(ctx, id, today);
}

async function decide(ctx: TContext, id: string, action: 'accept' | 'return', reason: string | null) {
  const { s, form, period, reach } = await loadSubmission(ctx, id);
  if (!reach['report.write'].has(form.unit_id)) throw new AppError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này với đơn vị này');
  if (action === 'accept' && s.state !== 'submitted') throw new AppError('INVALID_STATE', 'Chỉ tiếp nhận được báo cáo đã gửi');
  if (action === 'return' && s.state !== 'submitted' && s.state !== 'accepted') throw new AppError('INVALID_STATE', 'Chỉ trả lại được báo cáo đã gửi hoặc đã tiếp nhận');
  const now = nowIso();
  const state = action === 'accept' ? 'accepted' : 'returned';
  await withTransaction(ctx, async (trx) => {
    const n = await trx.updateTable('report_submissions').set({ state, decided_at: now, decided_by: ctx.actor.userId, return_reason: reason, updated_at: now }).where('id', '=', id).where('state', '=', s.state).executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Báo cáo vừa được thay đổi; tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: `report.${action}`, entityType: 'report_submission', entityId: id, unitId: s.unit_id, before: { state: s.state }, after: { state }, reason });
    if (action === 'return') {
      for (const o of await officersWithEmail(trx, [s.unit_id])) {
        await notifyUser(trx, o.user_id, { title: `Báo cáo ${period.label} bị trả lại`, body: `${form.title}. Lý do: ${reason}`, link: `/bao-cao/${id}` });
      }
    }
  });
  return getSubmission(ctx, id);
}
export const acceptReport = (ctx: TContext, id: string) => decide(ctx, id, 'accept', null);
export const returnReport = (ctx: TContext, id: string, reason: string) => decide(ctx, id, 'return', reason);

/** The actor's reporting duties: for each form where one of its units reports, the open periods and their state. */
export async function myReports(ctx: TContext, q: { page: number; pageSize: number }, today = todayIso()) {
  const roots = grantRoots(ctx.actor, 'report.write');
  if (!roots.length && !grantRoots(ctx.actor, 'report.read').length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem báo cáo định kỳ');
  if (!roots.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const base = ctx.db.selectFrom('report_form_units').innerJoin('report_periods', 'report_periods.form_id', 'report_form_units.form_id')
    .where('report_form_units.unit_id', 'in', roots).where('report_periods.opens_on', '<=', today);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base.innerJoin('report_forms', 'report_forms.id', 'report_form_units.form_id').innerJoin('units', 'units.id', 'report_form_units.unit_id')
    .leftJoin('report_submissions', (j) => j.onRef('report_submissions.period_id', '=', 'report_periods.id').onRef('report_submissions.unit_id', '=', 'report_form_units.unit_id'))
    .select(['report_forms.id as form_id', 'report_forms.title', 'report_periods.id as period_id', 'report_periods.label', 'report_periods.due_date', 'report_periods.period_from', 'units.id as unit_id', 'units.name as unit_name', 'report_submissions.id as submission_id', 'report_submissions.state', 'report_submissions.late'])
    .orderBy('report_periods.due_date', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    items: rows.map((r) => {
      const state = (r.state ?? 'missing') as ReportSubmissionState | 'missing';
      const done = state === 'submitted' || state === 'accepted';
      return { formId: r.form_id, formTitle: r.title, periodId: r.period_id, periodLabel: r.label, dueDate: r.due_date, unitId: r.unit_id, unitName: r.unit_name, submissionId: r.submission_id, state, stateLabel: SUBMISSION_STATE_LABELS[state], late: r.late === 1, overdue: !done && r.due_date < today, dueSoon: !done && r.due_date >= today && r.due_date <= addDaysIso(today, 7) };
    }),
    total, page: q.page, pageSize: q.pageSize,
  };
}
const addDaysIso = (d: string, n: number) => { const x = new Date(`${d}T00:00:00Z`); x.setUTCDate(x.getUTCDate() + n); return x.toISOString().slice(0, 10); };
export { periodsOf };
