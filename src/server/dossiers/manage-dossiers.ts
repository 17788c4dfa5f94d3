// Dossiers (hồ sơ đề nghị khen thưởng): built from a closed review session's passed candidates or by
// hand from people/units in the sender's subtree, sent up to the parent unit, which accepts, assigns,
// checks, returns with a reason or passes it on. Every step is a row of the timeline and an audit row.
import type { Kysely } from 'kysely';
import { schoolYearLabel } from '../../shared/vn';
import { inUnitScope, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { DossierItemTable, DossierStatus, DossierTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { findPerson } from '../people/people.repository';
import { findUnit, type TUnitRow } from '../units/units.repository';
import { titleCatalogue, verdictsFor, type TItemVerdict } from './verdicts';
import { loadWorkflow, type TStepCode } from './workflow';

export type TDossierRow = DossierTable;
export type TItemRow = DossierItemTable;

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  decided: 'Đã có quyết định',
};

export const ACTION_LABELS: Record<string, string> = {
  create: 'Lập hồ sơ',
  submit: 'Gửi hồ sơ',
  recall: 'Thu hồi hồ sơ',
  accept: 'Tiếp nhận hồ sơ',
  assign: 'Phân công cán bộ thụ lý',
  check: 'Thẩm định hồ sơ',
  return: 'Trả lại hồ sơ',
  forward: 'Chuyển lên cấp trên',
  decide: 'Ban hành quyết định khen thưởng',
};

export const COMMENDATION_TYPES = ['công trạng', 'đột xuất', 'theo chuyên đề', 'quá trình cống hiến', 'niên hạn', 'đối ngoại'] as const;

// ---------------------------------------------------------------------------------------------
// Repository helpers

export async function findDossier(db: Db | Tx, id: string) {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listItems(db: Db | Tx, dossierId: string) {
  return db
    .selectFrom('dossier_items')
    .leftJoin('people', 'people.id', 'dossier_items.person_id')
    .innerJoin('units', 'units.id', 'dossier_items.unit_id')
    .selectAll('dossier_items')
    .select(['people.full_name as person_name', 'people.position as person_position', 'units.name as unit_name'])
    .where('dossier_items.dossier_id', '=', dossierId)
    .orderBy('dossier_items.sort_order')
    .execute();
}
export type TItemWithNames = Awaited<ReturnType<typeof listItems>>[number];

async function listEvents(db: Db | Tx, dossierId: string) {
  return db
    .selectFrom('dossier_events')
    .leftJoin('units as u', 'u.id', 'dossier_events.unit_id')
    .leftJoin('units as t', 't.id', 'dossier_events.to_unit_id')
    .selectAll('dossier_events')
    .select(['u.name as unit_name', 't.name as to_unit_name'])
    .where('dossier_events.dossier_id', '=', dossierId)
    .orderBy('dossier_events.seq')
    .execute();
}

async function addEvent(trx: Tx, ctx: TContext, d: TDossierRow, e: { action: string; unitId?: string | null; toUnitId?: string | null; reason?: string | null; note?: string | null }) {
  const last = await trx.selectFrom('dossier_events').select(({ fn }) => fn.max('seq').as('m')).where('dossier_id', '=', d.id).executeTakeFirst();
  await trx.insertInto('dossier_events').values({
    id: newId(), dossier_id: d.id, province_code: d.province_code, seq: Number(last?.m ?? 0) + 1, action: e.action,
    unit_id: e.unitId ?? null, to_unit_id: e.toUnitId ?? null, actor_user_id: ctx.actor.userId, actor_name: ctx.actor.fullName,
    reason: e.reason ?? null, note: e.note ?? null, created_at: nowIso(),
  }).execute();
}

async function updateDossier(trx: Tx, id: string, values: Partial<Omit<TDossierRow, 'id'>>) {
  await trx.updateTable('dossiers').set({ ...values, updated_at: nowIso() }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------
// Presentation

function parseJson<T>(s: string | null): T | null {
  return s ? (JSON.parse(s) as T) : null;
}

export function presentItem(i: TItemWithNames) {
  return {
    id: i.id, recipientKind: i.recipient_kind, personId: i.person_id, unitId: i.unit_id,
    name: i.recipient_kind === 'individual' ? (i.person_name ?? '') : i.unit_name, position: i.person_position ?? null, unitName: i.unit_name,
    titleCode: i.title_code, titleName: i.title_name, achievements: i.achievements, hasReport: !!i.report,
    verdict: parseJson<TItemVerdict>(i.verdict), reviewCandidateId: i.review_candidate_id,
  };
}

export function presentDossier(d: TDossierRow & { sender_name?: string | null; receiver_name?: string | null; item_count?: number | string | null }) {
  return {
    id: d.id, title: d.title, schoolYear: d.school_year, schoolYearLabel: schoolYearLabel(d.school_year), commendationType: d.commendation_type,
    senderUnitId: d.sender_unit_id, senderName: d.sender_name ?? null, receiverUnitId: d.receiver_unit_id, receiverName: d.receiver_name ?? null,
    status: d.status, statusLabel: DOSSIER_STATUS_LABELS[d.status], stepsDone: JSON.parse(d.steps_done) as string[],
    assignedUserId: d.assigned_user_id, returnReason: d.return_reason, decisionId: d.decision_id, reviewSessionId: d.review_session_id,
    itemCount: d.item_count == null ? null : Number(d.item_count), submittedAt: d.submitted_at, acceptedAt: d.accepted_at, createdAt: d.created_at, updatedAt: d.updated_at,
  };
}

// ---------------------------------------------------------------------------------------------
// Access

/** Units whose officers may see a dossier: the sender and the current receiver. */
async function loadReadable(ctx: TContext, id: string): Promise<TDossierRow> {
  const d = await findDossier(ctx.db, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ khen thưởng');
  try {
    await requireAccess(ctx, 'commendation.read', [d.sender_unit_id]);
  } catch (e) {
    await requireAccess(ctx, 'commendation.read', [d.receiver_unit_id]).catch(() => { throw e; });
  }
  return d;
}

async function loadForSender(ctx: TContext, id: string): Promise<TDossierRow> {
  const d = await loadReadable(ctx, id);
  await requireAccess(ctx, 'commendation.write', [d.sender_unit_id]);
  return d;
}

async function loadForReceiver(ctx: TContext, id: string, permission: 'commendation.write' | 'commendation.decide' = 'commendation.write'): Promise<TDossierRow> {
  const d = await loadReadable(ctx, id);
  await requireAccess(ctx, permission, [d.receiver_unit_id]);
  return d;
}

function requireStatus(d: TDossierRow, allowed: DossierStatus[], message: string) {
  if (!allowed.includes(d.status)) throw new AppError('INVALID_STATE', `${message} (hồ sơ đang ở trạng thái "${DOSSIER_STATUS_LABELS[d.status]}").`);
}

/** Re-reads the row inside the transaction and checks the state again (a concurrent step loses). */
async function lockedRow(trx: Tx, d: TDossierRow, allowed: DossierStatus[], message: string): Promise<TDossierRow> {
  const now = await findDossier(trx, d.id);
  if (!now) throw notFound('Không tìm thấy hồ sơ khen thưởng');
  requireStatus(now, allowed, message);
  return now;
}

// ---------------------------------------------------------------------------------------------
// Lists and detail

export async function listDossiers(ctx: TContext, f: { box?: 'sent' | 'received' | 'all'; status?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'commendation.read', []);
  const sent = inUnitScope(ctx.actor, 'commendation.read', 'dossiers.sender_unit_id');
  const received = inUnitScope(ctx.actor, 'commendation.read', 'dossiers.receiver_unit_id');
  let q = ctx.db
    .selectFrom('dossiers')
    .innerJoin('units as s', 's.id', 'dossiers.sender_unit_id')
    .innerJoin('units as r', 'r.id', 'dossiers.receiver_unit_id');
  const box = f.box ?? 'all';
  q = q.where((eb) =>
    box === 'sent' ? sent
      : box === 'received' ? eb.and([received, eb('dossiers.status', '!=', 'draft')])
        : eb.or([sent, eb.and([received, eb('dossiers.status', '!=', 'draft')])]),
  );
  if (f.status) q = q.where('dossiers.status', '=', f.status as DossierStatus);
  const total = await q.select(({ fn }) => fn.countAll().as('n')).executeTakeFirst();
  const rows = await q
    .selectAll('dossiers')
    .select(['s.name as sender_name', 'r.name as receiver_name'])
    .select((eb) => eb.selectFrom('dossier_items').select(({ fn }) => fn.countAll().as('c')).whereRef('dossier_items.dossier_id', '=', 'dossiers.id').as('item_count'))
    .orderBy('dossiers.updated_at', 'desc')
    .orderBy('dossiers.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items: rows.map((r) => presentDossier(r as never)), total: Number(total?.n ?? 0), page: f.page, pageSize: f.pageSize };
}

async function can(ctx: TContext, permission: 'commendation.write' | 'commendation.decide', unitId: string): Promise<boolean> {
  try {
    await requireAccess(ctx, permission, [unitId]);
    return true;
  } catch {
    return false;
  }
}

export async function getDossier(ctx: TContext, id: string) {
  const d = await loadReadable(ctx, id);
  const [sender, receiver, items, events, files, workflow] = await Promise.all([
    findUnit(ctx.db, d.sender_unit_id), findUnit(ctx.db, d.receiver_unit_id), listItems(ctx.db, id), listEvents(ctx.db, id),
    ctx.db.selectFrom('dossier_files').select(['id', 'item_id', 'file_name', 'mime', 'size', 'created_at']).where('dossier_id', '=', id).orderBy('created_at').execute(),
    loadWorkflow(ctx.db),
  ]);
  const senderWrite = await can(ctx, 'commendation.write', d.sender_unit_id);
  const receiverWrite = await can(ctx, 'commendation.write', d.receiver_unit_id);
  const receiverDecide = await can(ctx, 'commendation.decide', d.receiver_unit_id);
  const done = JSON.parse(d.steps_done) as string[];
  const allStepsDone = workflow.steps.every((s) => done.includes(s.code));
  const nextStep = workflow.steps.find((s) => !done.includes(s.code))?.code ?? null;
  const editable = d.status === 'draft' || d.status === 'returned';
  return {
    ...presentDossier({ ...d, sender_name: sender?.name, receiver_name: receiver?.name, item_count: items.length }),
    items: items.map(presentItem),
    files: files.map((f) => ({ id: f.id, itemId: f.item_id, fileName: f.file_name, mime: f.mime, size: Number(f.size), createdAt: f.created_at })),
    timeline: events.map((e) => ({
      seq: e.seq, action: e.action, actionLabel: ACTION_LABELS[e.action] ?? e.action, unitName: e.unit_name, toUnitName: e.to_unit_name,
      actorName: e.actor_name, reason: e.reason, note: e.note, at: e.created_at,
    })),
    workflow: workflow.steps.map((s) => ({ ...s, done: done.includes(s.code) })),
    actions: {
      edit: editable && senderWrite,
      submit: editable && senderWrite && items.length > 0,
      recall: d.status === 'submitted' && senderWrite && d.receiver_unit_id === sender?.parent_id,
      accept: d.status === 'submitted' && receiverWrite,
      assign: d.status === 'accepted' && receiverWrite && nextStep === 'assign',
      check: d.status === 'accepted' && receiverWrite && nextStep === 'check',
      return: (d.status === 'accepted' || d.status === 'submitted') && receiverWrite,
      forward: d.status === 'accepted' && receiverWrite && allStepsDone,
      decide: d.status === 'accepted' && receiverDecide && allStepsDone,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Create

export type TItemInput = { personId?: string | null; unitId?: string | null; titleCode: string; achievements?: string };
export type TCreateDossier = {
  senderUnitId?: string;
  reviewSessionId?: string;
  title?: string;
  schoolYear?: number;
  commendationType?: (typeof COMMENDATION_TYPES)[number];
  items?: TItemInput[];
};

async function receiverOf(db: Db | Tx, sender: TUnitRow): Promise<TUnitRow> {
  const parent = sender.parent_id ? await findUnit(db, sender.parent_id) : undefined;
  if (!parent) throw new AppError('VALIDATION', `Đơn vị "${sender.name}" không có đơn vị cấp trên để gửi hồ sơ.`);
  return parent;
}

type TResolvedItem = { recipientKind: 'individual' | 'collective'; personId: string | null; unitId: string; titleCode: string; titleName: string; achievements: string; name: string; reviewCandidateId: string | null };

/** Checks each item: the person or unit exists, lies in the sender's subtree, and the title exists. */
async function resolveItems(db: Db | Tx, sender: TUnitRow, items: (TItemInput & { reviewCandidateId?: string | null })[], date: string): Promise<TResolvedItem[]> {
  const set = await titleCatalogue(db, date);
  if (!set) throw new AppError('VALIDATION', 'Không có bộ quy tắc khen thưởng nào đang có hiệu lực');
  const out: TResolvedItem[] = [];
  for (const [n, it] of items.entries()) {
    const title = set.titles[it.titleCode];
    if (!title) throw new AppError('VALIDATION', `Dòng ${n + 1}: không có danh hiệu, hình thức khen thưởng mã "${it.titleCode}" trong bộ quy tắc "${set.name}".`, { fields: [{ field: `items.${n}.titleCode`, message: 'Không có mã này' }] });
    let unitId: string;
    let name: string;
    let personId: string | null = null;
    if (it.personId) {
      const p = await findPerson(db, it.personId);
      if (!p) throw new AppError('VALIDATION', `Dòng ${n + 1}: không tìm thấy cán bộ được đề nghị.`, { fields: [{ field: `items.${n}.personId`, message: 'Không tìm thấy' }] });
      if (title.kind === 'collective') throw new AppError('VALIDATION', `Dòng ${n + 1}: "${title.name}" chỉ tặng cho tập thể, không tặng cho cá nhân ${p.full_name}.`);
      unitId = p.unit_id;
      name = p.full_name;
      personId = p.id;
    } else if (it.unitId) {
      const u = await findUnit(db, it.unitId);
      if (!u) throw new AppError('VALIDATION', `Dòng ${n + 1}: không tìm thấy tập thể được đề nghị.`, { fields: [{ field: `items.${n}.unitId`, message: 'Không tìm thấy' }] });
      if (title.kind === 'individual') throw new AppError('VALIDATION', `Dòng ${n + 1}: "${title.name}" chỉ tặng cho cá nhân, không tặng cho tập thể ${u.name}.`);
      unitId = u.id;
      name = u.name;
    } else {
      throw new AppError('VALIDATION', `Dòng ${n + 1}: cần chọn cá nhân hoặc tập thể được đề nghị.`, { fields: [{ field: `items.${n}.personId`, message: 'Bắt buộc' }] });
    }
    const inside = await db.selectFrom('unit_closure').select('depth').where('ancestor_id', '=', sender.id).where('descendant_id', '=', unitId).executeTakeFirst();
    if (!inside) {
      throw new AppError('VALIDATION', `${personId ? 'Cá nhân' : 'Tập thể'} "${name}" không thuộc ${sender.name}; hồ sơ chỉ đề nghị khen thưởng cho cá nhân, tập thể của đơn vị gửi và các đơn vị trực thuộc.`, { fields: [{ field: `items.${n}`, message: 'Ngoài phạm vi đơn vị gửi' }] });
    }
    out.push({ recipientKind: personId ? 'individual' : 'collective', personId, unitId, titleCode: it.titleCode, titleName: title.name, achievements: it.achievements?.trim() ?? '', name, reviewCandidateId: it.reviewCandidateId ?? null });
  }
  const keys = out.map((i) => `${i.personId ?? ''}|${i.unitId}|${i.titleCode}`);
  const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (dup >= 0) throw new AppError('VALIDATION', `"${out[dup].name}" được đề nghị "${out[dup].titleName}" hai lần trong cùng hồ sơ.`);
  return out;
}

/** Passed candidates of a closed review session (tables of migration 0007). */
async function sessionCandidates(db: Db | Tx, sessionId: string) {
  const any = db as unknown as Kysely<any>;
  const session = await any.selectFrom('review_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst() as
    | { id: string; unit_id: string; school_year: number; status: string; name: string; review_date: string; minutes_document_id: string | null } | undefined;
  if (!session) throw notFound('Không tìm thấy phiên bình xét');
  if (session.status !== 'closed') throw new AppError('INVALID_STATE', `Phiên bình xét "${session.name}" chưa kết thúc; chỉ lập hồ sơ từ phiên đã đóng.`);
  const candidates = await any.selectFrom('review_candidates').select(['id', 'person_id', 'candidate_unit_id', 'title_code', 'candidate_kind'])
    .where('session_id', '=', sessionId).where('result', '=', 'passed').orderBy('name').execute() as { id: string; person_id: string | null; candidate_unit_id: string | null; title_code: string }[];
  if (!candidates.length) throw new AppError('VALIDATION', `Phiên bình xét "${session.name}" không có ai đạt; không có gì để đề nghị.`);
  return { session, candidates };
}

/** Computed before the transaction: a failed read inside it would abort a PostgreSQL transaction. */
async function itemVerdicts(ctx: TContext, items: TResolvedItem[], schoolYear: number) {
  return verdictsFor(ctx, items.filter((i) => i.personId).map((i) => ({ personId: i.personId!, titleCode: i.titleCode })), schoolYear, todayIso());
}

async function insertItems(trx: Tx, verdicts: Map<string, TItemVerdict>, d: TDossierRow, items: TResolvedItem[], start: number) {
  const now = nowIso();
  for (const [n, it] of items.entries()) {
    await trx.insertInto('dossier_items').values({
      id: newId(), dossier_id: d.id, province_code: d.province_code, recipient_kind: it.recipientKind, person_id: it.personId, unit_id: it.unitId,
      title_code: it.titleCode, title_name: it.titleName, achievements: it.achievements, report: null,
      verdict: it.personId ? JSON.stringify(verdicts.get(`${it.personId}|${it.titleCode}`) ?? null) : null,
      review_candidate_id: it.reviewCandidateId, sort_order: start + n, created_at: now, updated_at: now,
    }).execute();
  }
}

export async function createDossier(ctx: TContext, input: TCreateDossier) {
  let senderId = input.senderUnitId;
  let schoolYear = input.schoolYear;
  let items: (TItemInput & { reviewCandidateId?: string | null })[] = input.items ?? [];
  let title = input.title?.trim();
  if (input.reviewSessionId) {
    const { session, candidates } = await sessionCandidates(ctx.db, input.reviewSessionId);
    if (senderId && senderId !== session.unit_id) throw new AppError('VALIDATION', 'Đơn vị gửi phải là đơn vị tổ chức phiên bình xét.');
    senderId = session.unit_id;
    schoolYear ??= Number(session.school_year);
    title ||= `Đề nghị khen thưởng theo ${session.name}`;
    items = candidates.map((c) => ({ personId: c.person_id, unitId: c.person_id ? null : c.candidate_unit_id, titleCode: c.title_code, reviewCandidateId: c.id }));
  }
  if (!senderId) throw new AppError('VALIDATION', 'Cần chọn đơn vị gửi hồ sơ (senderUnitId) hoặc phiên bình xét.', { fields: [{ field: 'senderUnitId', message: 'Bắt buộc' }] });
  await requireAccess(ctx, 'commendation.write', [senderId]);
  if (!schoolYear) throw new AppError('VALIDATION', 'Cần chọn năm học.', { fields: [{ field: 'schoolYear', message: 'Bắt buộc' }] });
  const sender = await findUnit(ctx.db, senderId);
  if (!sender) throw notFound('Không tìm thấy đơn vị');
  const receiver = await receiverOf(ctx.db, sender);
  const resolved = await resolveItems(ctx.db, sender, items, todayIso());
  const now = nowIso();
  const row: TDossierRow = {
    id: newId(), province_code: sender.province_code, sender_unit_id: sender.id, receiver_unit_id: receiver.id,
    title: title || `Đề nghị khen thưởng năm học ${schoolYearLabel(schoolYear)}`, school_year: schoolYear,
    commendation_type: input.commendationType ?? 'công trạng', review_session_id: input.reviewSessionId ?? null, status: 'draft', steps_done: '[]',
    assigned_user_id: null, return_reason: null, decision_id: null, submitted_at: null, accepted_at: null, created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  const verdicts = await itemVerdicts(ctx, resolved, schoolYear);
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('dossiers').values(row).execute();
    await insertItems(trx, verdicts, row, resolved, 1);
    await addEvent(trx, ctx, row, { action: 'create', unitId: sender.id, note: input.reviewSessionId ? 'Lập từ kết quả phiên bình xét' : null });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.create', entityType: 'dossier', entityId: row.id, unitId: sender.id, after: { title: row.title, schoolYear, receiver: receiver.id, items: resolved.map((i) => ({ name: i.name, titleCode: i.titleCode })) } });
  });
  return getDossier(ctx, row.id);
}

// ---------------------------------------------------------------------------------------------
// Items

export async function addItems(ctx: TContext, id: string, items: TItemInput[]) {
  const d = await loadForSender(ctx, id);
  requireStatus(d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
  const sender = (await findUnit(ctx.db, d.sender_unit_id))!;
  const resolved = await resolveItems(ctx.db, sender, items, todayIso());
  const existing = await listItems(ctx.db, id);
  for (const r of resolved) {
    if (existing.some((e) => e.person_id === r.personId && e.unit_id === r.unitId && e.title_code === r.titleCode)) {
      throw new AppError('CONFLICT', `"${r.name}" đã có trong hồ sơ với "${r.titleName}".`);
    }
  }
  const verdicts = await itemVerdicts(ctx, resolved, d.school_year);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
    await insertItems(trx, verdicts, row, resolved, existing.length + 1);
    await updateDossier(trx, id, {});
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.items_add', entityType: 'dossier', entityId: id, unitId: d.sender_unit_id, after: resolved.map((i) => ({ name: i.name, titleCode: i.titleCode })) });
  });
  return getDossier(ctx, id);
}

export async function updateItem(ctx: TContext, id: string, itemId: string, input: { titleCode?: string; achievements?: string }) {
  const d = await loadForSender(ctx, id);
  requireStatus(d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
  const item = await ctx.db.selectFrom('dossier_items').selectAll().where('id', '=', itemId).where('dossier_id', '=', id).executeTakeFirst();
  if (!item) throw notFound('Không tìm thấy dòng đề nghị');
  const sender = (await findUnit(ctx.db, d.sender_unit_id))!;
  const [r] = await resolveItems(ctx.db, sender, [{ personId: item.person_id, unitId: item.person_id ? null : item.unit_id, titleCode: input.titleCode ?? item.title_code, achievements: input.achievements ?? item.achievements }], todayIso());
  let verdict = item.verdict;
  if (r.titleCode !== item.title_code && r.personId) verdict = JSON.stringify((await itemVerdicts(ctx, [r], d.school_year)).get(`${r.personId}|${r.titleCode}`) ?? null);
  await withTransaction(ctx, async (trx) => {
    await lockedRow(trx, d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
    await trx.updateTable('dossier_items').set({ title_code: r.titleCode, title_name: r.titleName, achievements: r.achievements, verdict, updated_at: nowIso() }).where('id', '=', itemId).execute();
    await updateDossier(trx, id, {});
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.item_update', entityType: 'dossier', entityId: id, unitId: d.sender_unit_id, before: { titleCode: item.title_code, achievements: item.achievements }, after: { titleCode: r.titleCode, achievements: r.achievements } });
  });
  return getDossier(ctx, id);
}

export async function removeItem(ctx: TContext, id: string, itemId: string) {
  const d = await loadForSender(ctx, id);
  requireStatus(d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
  const item = await ctx.db.selectFrom('dossier_items').selectAll().where('id', '=', itemId).where('dossier_id', '=', id).executeTakeFirst();
  if (!item) throw notFound('Không tìm thấy dòng đề nghị');
  await withTransaction(ctx, async (trx) => {
    await lockedRow(trx, d, ['draft', 'returned'], 'Chỉ sửa danh sách khi hồ sơ đang soạn hoặc bị trả lại');
    await trx.deleteFrom('dossier_files').where('item_id', '=', itemId).execute();
    await trx.deleteFrom('dossier_items').where('id', '=', itemId).execute();
    await updateDossier(trx, id, {});
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.item_remove', entityType: 'dossier', entityId: id, unitId: d.sender_unit_id, before: { personId: item.person_id, unitId: item.unit_id, titleCode: item.title_code } });
  });
  return getDossier(ctx, id);
}

// ---------------------------------------------------------------------------------------------
// Workflow

export async function submitDossier(ctx: TContext, id: string, input: { note?: string }) {
  const d = await loadForSender(ctx, id);
  const msg = 'Chỉ gửi được hồ sơ đang soạn hoặc bị trả lại';
  requireStatus(d, ['draft', 'returned'], msg);
  const sender = (await findUnit(ctx.db, d.sender_unit_id))!;
  const receiver = await receiverOf(ctx.db, sender);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['draft', 'returned'], msg);
    const n = await trx.selectFrom('dossier_items').select(({ fn }) => fn.countAll().as('n')).where('dossier_id', '=', id).executeTakeFirst();
    if (!Number(n?.n ?? 0)) throw new AppError('VALIDATION', 'Hồ sơ chưa có ai được đề nghị; thêm ít nhất một cá nhân hoặc tập thể trước khi gửi.');
    await updateDossier(trx, id, { status: 'submitted', receiver_unit_id: receiver.id, steps_done: '[]', assigned_user_id: null, submitted_at: nowIso() });
    await addEvent(trx, ctx, row, { action: 'submit', unitId: sender.id, toUnitId: receiver.id, note: input.note ?? (row.status === 'returned' ? 'Gửi lại sau khi bổ sung' : null) });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.submit', entityType: 'dossier', entityId: id, unitId: sender.id, before: { status: row.status }, after: { status: 'submitted', receiver: receiver.id } });
  });
  return getDossier(ctx, id);
}

export async function recallDossier(ctx: TContext, id: string, input: { reason?: string }) {
  const d = await loadForSender(ctx, id);
  const msg = 'Chỉ thu hồi được hồ sơ đã gửi mà cấp trên chưa tiếp nhận';
  requireStatus(d, ['submitted'], msg);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['submitted'], msg);
    const first = await receiverOf(trx, (await findUnit(trx, row.sender_unit_id))!);
    if (row.receiver_unit_id !== first.id) throw new AppError('INVALID_STATE', `${msg}: hồ sơ đã được ${first.name} tiếp nhận và chuyển lên cấp trên.`);
    await updateDossier(trx, id, { status: 'draft', receiver_unit_id: first.id });
    await addEvent(trx, ctx, row, { action: 'recall', unitId: row.sender_unit_id, reason: input.reason ?? null });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.recall', entityType: 'dossier', entityId: id, unitId: row.sender_unit_id, before: { status: 'submitted' }, after: { status: 'draft' }, reason: input.reason ?? null });
  });
  return getDossier(ctx, id);
}

async function markStep(trx: Tx, row: TDossierRow, step: TStepCode, extra: Partial<TDossierRow> = {}) {
  const workflow = await loadWorkflow(trx);
  const done = JSON.parse(row.steps_done) as string[];
  const next = workflow.steps.find((s) => !done.includes(s.code));
  if (!workflow.steps.some((s) => s.code === step)) throw new AppError('INVALID_STATE', `Quy trình hiện hành không có bước "${ACTION_LABELS[step]}".`);
  if (done.includes(step)) throw new AppError('INVALID_STATE', `Bước "${ACTION_LABELS[step]}" đã làm xong.`);
  if (next && next.code !== step) throw new AppError('INVALID_STATE', `Cần làm bước "${next.label}" trước bước "${ACTION_LABELS[step]}".`);
  await updateDossier(trx, row.id, { steps_done: JSON.stringify([...done, step]), ...extra });
}

export async function acceptDossier(ctx: TContext, id: string, input: { note?: string }) {
  const d = await loadForReceiver(ctx, id);
  const msg = 'Chỉ tiếp nhận được hồ sơ đã gửi đến';
  requireStatus(d, ['submitted'], msg);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['submitted'], msg);
    await markStep(trx, { ...row, steps_done: '[]' }, 'accept', { status: 'accepted', accepted_at: nowIso(), return_reason: null });
    await addEvent(trx, ctx, row, { action: 'accept', unitId: row.receiver_unit_id, note: input.note ?? null });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.accept', entityType: 'dossier', entityId: id, unitId: row.receiver_unit_id, before: { status: 'submitted' }, after: { status: 'accepted' } });
  });
  return getDossier(ctx, id);
}

export async function assignDossier(ctx: TContext, id: string, input: { userId: string; note?: string }) {
  const d = await loadForReceiver(ctx, id);
  const msg = 'Chỉ phân công khi hồ sơ đã được tiếp nhận';
  requireStatus(d, ['accepted'], msg);
  const user = await ctx.db.selectFrom('users').select(['id', 'full_name', 'is_active']).where('id', '=', input.userId).executeTakeFirst();
  const roles = user ? await ctx.db.selectFrom('user_roles').innerJoin('unit_closure', 'unit_closure.ancestor_id', 'user_roles.unit_id')
    .select('user_roles.role').where('user_roles.user_id', '=', input.userId).where('unit_closure.descendant_id', '=', d.receiver_unit_id).where('user_roles.role', 'in', ['officer', 'admin']).execute() : [];
  if (!user || user.is_active !== 1 || !roles.length) throw new AppError('VALIDATION', 'Người được phân công phải là cán bộ thi đua – khen thưởng đang hoạt động của đơn vị nhận hồ sơ.', { fields: [{ field: 'userId', message: 'Không hợp lệ' }] });
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['accepted'], msg);
    await markStep(trx, row, 'assign', { assigned_user_id: user.id });
    await addEvent(trx, ctx, row, { action: 'assign', unitId: row.receiver_unit_id, note: `Cán bộ thụ lý: ${user.full_name}${input.note ? `. ${input.note}` : ''}` });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.assign', entityType: 'dossier', entityId: id, unitId: row.receiver_unit_id, before: { assignedUserId: row.assigned_user_id }, after: { assignedUserId: user.id } });
  });
  return getDossier(ctx, id);
}

export async function checkDossier(ctx: TContext, id: string, input: { note?: string }) {
  const d = await loadForReceiver(ctx, id);
  const msg = 'Chỉ thẩm định khi hồ sơ đã được tiếp nhận';
  requireStatus(d, ['accepted'], msg);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['accepted'], msg);
    await markStep(trx, row, 'check');
    await addEvent(trx, ctx, row, { action: 'check', unitId: row.receiver_unit_id, note: input.note?.trim() || 'Hồ sơ đủ thành phần, đúng quy định' });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.check', entityType: 'dossier', entityId: id, unitId: row.receiver_unit_id, after: { note: input.note ?? null } });
  });
  return getDossier(ctx, id);
}

export async function returnDossier(ctx: TContext, id: string, input: { reason?: string }) {
  const reason = input.reason?.trim() ?? '';
  if (reason.length < 5) throw new AppError('VALIDATION', 'Trả lại hồ sơ phải ghi rõ lý do (ít nhất 5 ký tự) để đơn vị gửi biết cần bổ sung gì.', { fields: [{ field: 'reason', message: 'Bắt buộc' }] });
  const d = await loadForReceiver(ctx, id);
  const msg = 'Chỉ trả lại hồ sơ đã gửi đến hoặc đang xử lý';
  requireStatus(d, ['submitted', 'accepted'], msg);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['submitted', 'accepted'], msg);
    const sender = (await findUnit(trx, row.sender_unit_id))!;
    await updateDossier(trx, id, { status: 'returned', return_reason: reason, steps_done: '[]', assigned_user_id: null, receiver_unit_id: (await receiverOf(trx, sender)).id });
    await addEvent(trx, ctx, row, { action: 'return', unitId: row.receiver_unit_id, toUnitId: row.sender_unit_id, reason });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.return', entityType: 'dossier', entityId: id, unitId: row.receiver_unit_id, before: { status: row.status }, after: { status: 'returned' }, reason });
  });
  return getDossier(ctx, id);
}

export async function forwardDossier(ctx: TContext, id: string, input: { note?: string }) {
  const d = await loadForReceiver(ctx, id);
  const msg = 'Chỉ chuyển lên cấp trên hồ sơ đã tiếp nhận';
  requireStatus(d, ['accepted'], msg);
  const receiver = (await findUnit(ctx.db, d.receiver_unit_id))!;
  const next = await receiverOf(ctx.db, receiver);
  await withTransaction(ctx, async (trx) => {
    const row = await lockedRow(trx, d, ['accepted'], msg);
    const workflow = await loadWorkflow(trx);
    const done = JSON.parse(row.steps_done) as string[];
    const missing = workflow.steps.find((s) => !done.includes(s.code));
    if (missing) throw new AppError('INVALID_STATE', `Cần hoàn thành bước "${missing.label}" trước khi chuyển hồ sơ lên cấp trên.`);
    await updateDossier(trx, id, { status: 'submitted', receiver_unit_id: next.id, steps_done: '[]', assigned_user_id: null, submitted_at: nowIso() });
    await addEvent(trx, ctx, row, { action: 'forward', unitId: receiver.id, toUnitId: next.id, note: input.note ?? null });
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.forward', entityType: 'dossier', entityId: id, unitId: receiver.id, before: { receiver: receiver.id }, after: { receiver: next.id, status: 'submitted' } });
  });
  return getDossier(ctx, id);
}

/** Used by the decision use-case inside its transaction. */
export async function markDecided(trx: Tx, ctx: TContext, d: TDossierRow, decisionId: string, symbol: string) {
  await updateDossier(trx, d.id, { status: 'decided', decision_id: decisionId });
  await addEvent(trx, ctx, d, { action: 'decide', unitId: d.receiver_unit_id, note: `Quyết định số ${symbol}` });
}

export { loadReadable as loadReadableDossier, loadForReceiver as loadDossierForReceiver, requireStatus as requireDossierStatus, lockedRow as lockedDossierRow };

// ---------------------------------------------------------------------------------------------
// The person's own part of the achievement report

export async function loadItemForReport(ctx: TContext, id: string, itemId: string, write: boolean) {
  const d = await findDossier(ctx.db, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ khen thưởng');
  const item = await ctx.db.selectFrom('dossier_items').selectAll().where('id', '=', itemId).where('dossier_id', '=', id).executeTakeFirst();
  if (!item) throw notFound('Không tìm thấy dòng đề nghị');
  const own = !!ctx.actor.personId && item.person_id === ctx.actor.personId;
  if (!own) {
    if (write) await loadForSender(ctx, id);
    else await loadReadable(ctx, id);
  }
  return { d, item };
}

/** The signed-in person's own lines in dossiers (to write their part of the achievement report). */
export async function listMyItems(ctx: TContext) {
  if (!ctx.actor.personId) return { items: [] };
  const rows = await ctx.db
    .selectFrom('dossier_items')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_items.dossier_id')
    .select(['dossier_items.id as item_id', 'dossier_items.title_name', 'dossier_items.report', 'dossiers.id as dossier_id', 'dossiers.title', 'dossiers.status', 'dossiers.school_year'])
    .where('dossier_items.person_id', '=', ctx.actor.personId)
    .orderBy('dossiers.created_at', 'desc')
    .limit(100)
    .execute();
  return {
    items: rows.map((r) => ({
      itemId: r.item_id, dossierId: r.dossier_id, dossierTitle: r.title, titleName: r.title_name, schoolYearLabel: schoolYearLabel(r.school_year),
      status: r.status, statusLabel: DOSSIER_STATUS_LABELS[r.status], edited: !!r.report, editable: r.status === 'draft' || r.status === 'returned',
    })),
  };
}
