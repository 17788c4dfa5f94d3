// Nominations (đề nghị xét danh hiệu): a person or a collective put forward for a title in a school
// year, to be reviewed by the council of `unit_id`. They come from a registration, the person
// (self-nomination), the officer, or an assessment. `addNominations` validates and inserts inside the
// caller's transaction (used by the registration and assessment features); `createNomination` is the
// API use-case.
import type { TActor, TContext } from '../auth/access';
import { grantRoots, requireAccess } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { DbKind, Db, Tx } from '../db/database';
import type { NominationKind, NominationSource, NominationStatus, NominationTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { foldVietnamese, schoolYearLabel } from '../../shared/vn';
import { titleFits, titleName, titleRule } from './titles';

export type TNominationRow = NominationTable;

export type TNominationItem = {
  unitId: string;
  schoolYear: number;
  candidateKind: NominationKind;
  personId?: string | null;
  candidateUnitId?: string | null;
  titleCode: string;
  source: NominationSource;
  sourceRef?: string | null;
  note?: string | null;
};

export const NOMINATION_SOURCE_LABELS: Record<NominationSource, string> = { registration: 'Đăng ký thi đua', self: 'Tự đề nghị', officer: 'Cán bộ TĐKT đề nghị', assessment: 'Từ kết quả đánh giá' };
export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = { open: 'Chờ bình xét', in_review: 'Đang bình xét', withdrawn: 'Đã rút', done: 'Đã bình xét' };

export function nominationKey(n: { unitId: string; schoolYear: number; titleCode: string; personId?: string | null; candidateUnitId?: string | null }): string {
  return `${n.unitId}|${n.schoolYear}|${n.titleCode}|${n.personId ? `p:${n.personId}` : `u:${n.candidateUnitId}`}`;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

async function inSubtree(db: Db | Tx, ancestorId: string, unitIds: string[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestorId).where('descendant_id', 'in', [...new Set(unitIds)]).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

/**
 * Validates and inserts nominations in the caller's transaction, with one audit row each. A candidate
 * outside the reviewing unit, a title that does not fit the candidate, or a live duplicate → AppError
 * (nothing inserted). With `skipDuplicates`, a live duplicate is returned instead of refused.
 */
export async function addNominations(trx: Tx, kind: DbKind, actor: Pick<TActor, 'userId'>, items: TNominationItem[], opts: { skipDuplicates?: boolean } = {}): Promise<TNominationRow[]> {
  if (!items.length) return [];
  const unitIds = [...new Set(items.map((i) => i.unitId))];
  const units = await trx.selectFrom('units').select(['id', 'name', 'province_code']).where('id', 'in', unitIds).execute();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const personIds = [...new Set(items.map((i) => i.personId).filter((p): p is string => !!p))];
  const people = personIds.length ? await trx.selectFrom('people').select(['id', 'full_name', 'unit_id']).where('id', 'in', personIds).execute() : [];
  const personById = new Map(people.map((p) => [p.id, p]));
  const candUnitIds = [...new Set(items.map((i) => i.candidateUnitId).filter((u): u is string => !!u))];
  const candUnits = candUnitIds.length ? await trx.selectFrom('units').select(['id', 'name']).where('id', 'in', candUnitIds).execute() : [];
  const candUnitById = new Map(candUnits.map((u) => [u.id, u]));

  const rows: TNominationRow[] = [];
  const keys = new Set<string>();
  const now = nowIso();
  for (const [i, it] of items.entries()) {
    const at = items.length > 1 ? ` (dòng ${i + 1})` : '';
    const unit = unitById.get(it.unitId);
    if (!unit) throw notFound(`Không tìm thấy đơn vị xét${at}`);
    if (!titleRule(it.titleCode)) throw new AppError('VALIDATION', `Không có danh hiệu, hình thức mã "${it.titleCode}" trong bộ quy tắc${at}`, { fields: [{ field: 'titleCode', message: 'Không hợp lệ' }] });
    if (!titleFits(it.titleCode, it.candidateKind)) {
      throw new AppError('VALIDATION', `${titleName(it.titleCode)} không xét cho ${it.candidateKind === 'ca_nhan' ? 'cá nhân' : 'tập thể'}${at}`, { fields: [{ field: 'titleCode', message: 'Không hợp với đối tượng' }] });
    }
    let who: string;
    if (it.candidateKind === 'ca_nhan') {
      if (!it.personId || it.candidateUnitId) throw new AppError('VALIDATION', `Đề nghị cá nhân cần chọn đúng một cá nhân${at}`, { fields: [{ field: 'personId', message: 'Bắt buộc' }] });
      const p = personById.get(it.personId);
      if (!p) throw notFound(`Không tìm thấy cán bộ${at}`);
      if (!(await inSubtree(trx, it.unitId, [p.unit_id])).size) {
        throw new AppError('VALIDATION', `${p.full_name} không thuộc ${unit.name}, Hội đồng của đơn vị này không xét được${at}`, { fields: [{ field: 'personId', message: 'Ngoài đơn vị' }] });
      }
      who = p.full_name;
    } else {
      if (!it.candidateUnitId || it.personId) throw new AppError('VALIDATION', `Đề nghị tập thể cần chọn đúng một tập thể${at}`, { fields: [{ field: 'candidateUnitId', message: 'Bắt buộc' }] });
      const u = candUnitById.get(it.candidateUnitId);
      if (!u) throw notFound(`Không tìm thấy tập thể${at}`);
      if (!(await inSubtree(trx, it.unitId, [u.id])).size) {
        throw new AppError('VALIDATION', `${u.name} không thuộc ${unit.name}, Hội đồng của đơn vị này không xét được${at}`, { fields: [{ field: 'candidateUnitId', message: 'Ngoài đơn vị' }] });
      }
      who = u.name;
    }
    const key = nominationKey(it);
    if (keys.has(key)) continue;
    keys.add(key);
    const existing = await trx.selectFrom('nominations').selectAll().where('dedupe_key', '=', key).executeTakeFirst();
    if (existing) {
      if (opts.skipDuplicates) { rows.push(existing); continue; }
      throw new AppError('CONFLICT', `${who} đã được đề nghị "${titleName(it.titleCode)}" năm học ${schoolYearLabel(it.schoolYear)} tại ${unit.name}; không ghi trùng`, { existingId: existing.id });
    }
    const row: TNominationRow = {
      id: newId(), province_code: unit.province_code, unit_id: unit.id, school_year: it.schoolYear, candidate_kind: it.candidateKind,
      person_id: it.candidateKind === 'ca_nhan' ? it.personId! : null, candidate_unit_id: it.candidateKind === 'tap_the' ? it.candidateUnitId! : null,
      title_code: it.titleCode, source: it.source, source_ref: it.sourceRef ?? null, note: it.note?.trim() || null, status: 'open', dedupe_key: key,
      created_by: actor.userId, created_at: now, updated_at: now,
    };
    try {
      await trx.insertInto('nominations').values(row).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${who} đã được đề nghị "${titleName(it.titleCode)}" năm học ${schoolYearLabel(it.schoolYear)}; không ghi trùng`);
      throw e;
    }
    await writeAudit(trx, kind, { actorUserId: actor.userId, action: 'nomination.create', entityType: 'nomination', entityId: row.id, unitId: unit.id, after: row });
    rows.push(row);
  }
  return rows;
}

export type TNominationView = ReturnType<typeof presentNomination>;

export function presentNomination(r: TNominationRow & { person_name?: string | null; candidate_unit_name?: string | null; unit_name?: string | null }) {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name ?? null,
    schoolYear: r.school_year,
    schoolYearLabel: schoolYearLabel(r.school_year),
    candidateKind: r.candidate_kind,
    personId: r.person_id,
    candidateUnitId: r.candidate_unit_id,
    candidateName: r.person_name ?? r.candidate_unit_name ?? '',
    titleCode: r.title_code,
    titleName: titleName(r.title_code),
    source: r.source,
    sourceLabel: NOMINATION_SOURCE_LABELS[r.source],
    sourceRef: r.source_ref,
    note: r.note,
    status: r.status,
    statusLabel: NOMINATION_STATUS_LABELS[r.status],
    createdAt: r.created_at,
  };
}

function nominationQuery(db: Db | Tx) {
  return db
    .selectFrom('nominations')
    .leftJoin('people', 'people.id', 'nominations.person_id')
    .leftJoin('units as cu', 'cu.id', 'nominations.candidate_unit_id')
    .innerJoin('units as ru', 'ru.id', 'nominations.unit_id')
    .selectAll('nominations')
    .select(['people.full_name as person_name', 'cu.name as candidate_unit_name', 'ru.name as unit_name']);
}

export async function findNominationView(db: Db | Tx, id: string) {
  return nominationQuery(db).where('nominations.id', '=', id).executeTakeFirst();
}

export type TCreateNominationInput = {
  unitId?: string;
  schoolYear: number;
  candidateKind: NominationKind;
  personId?: string | null;
  candidateUnitId?: string | null;
  titleCode: string;
  sourceRef?: string | null;
  note?: string | null;
};

/**
 * Officer (commendation.write on the reviewing unit) nominates anyone of the unit; a person may
 * nominate themselves (source "self", reviewed by the council of their own unit).
 */
export async function createNomination(ctx: TContext, input: TCreateNominationInput) {
  const self = input.candidateKind === 'ca_nhan' && !!input.personId && input.personId === ctx.actor.personId;
  let unitId = input.unitId;
  let source: NominationSource = 'officer';
  if (self && grantRoots(ctx.actor, 'commendation.write').length === 0) {
    const me = await ctx.db.selectFrom('people').select('unit_id').where('id', '=', ctx.actor.personId!).executeTakeFirst();
    if (!me) throw notFound('Không tìm thấy hồ sơ cá nhân của bạn');
    unitId = unitId ?? me.unit_id;
    if (!(await inSubtree(ctx.db, unitId, [me.unit_id])).size) throw new AppError('VALIDATION', 'Bạn chỉ tự đề nghị được ở đơn vị mình công tác', { fields: [{ field: 'unitId', message: 'Ngoài đơn vị' }] });
    source = 'self';
  } else {
    if (!unitId) throw new AppError('VALIDATION', 'Chọn đơn vị có Hội đồng xét (unitId)', { fields: [{ field: 'unitId', message: 'Bắt buộc' }] });
    await requireAccess(ctx, 'commendation.write', [unitId]);
    if (self) source = 'self';
  }
  const [row] = await withTransaction(ctx, (trx) =>
    addNominations(trx, ctx.kind, ctx.actor, [{ ...input, unitId: unitId!, source }]),
  );
  const view = await findNominationView(ctx.db, row.id);
  return presentNomination(view!);
}

export type TCreateNominationsInput = {
  unitId: string;
  schoolYear: number;
  titleCode: string;
  personIds?: string[];
  candidateUnitIds?: string[];
  note?: string | null;
};

/**
 * The officer nominates several people (or collectives) of the unit for one title at once: all or
 * nothing (one transaction; a duplicate or a person outside the unit refuses the whole list).
 */
export async function createNominations(ctx: TContext, input: TCreateNominationsInput) {
  await requireAccess(ctx, 'commendation.write', [input.unitId]);
  const people = [...new Set(input.personIds ?? [])];
  const collectives = [...new Set(input.candidateUnitIds ?? [])];
  if (!people.length && !collectives.length) throw new AppError('VALIDATION', 'Chọn ít nhất một cá nhân hoặc tập thể để đề nghị', { fields: [{ field: 'personIds', message: 'Trống' }] });
  const items: TNominationItem[] = [
    ...people.map((personId): TNominationItem => ({ unitId: input.unitId, schoolYear: input.schoolYear, candidateKind: 'ca_nhan', personId, titleCode: input.titleCode, source: personId === ctx.actor.personId ? 'self' : 'officer', note: input.note })),
    ...collectives.map((candidateUnitId): TNominationItem => ({ unitId: input.unitId, schoolYear: input.schoolYear, candidateKind: 'tap_the', candidateUnitId, titleCode: input.titleCode, source: 'officer', note: input.note })),
  ];
  const rows = await withTransaction(ctx, (trx) => addNominations(trx, ctx.kind, ctx.actor, items));
  const views = rows.length ? await nominationQuery(ctx.db).where('nominations.id', 'in', rows.map((r) => r.id)).execute() : [];
  const byId = new Map(views.map((v) => [v.id, v]));
  return { created: rows.length, items: rows.map((r) => presentNomination(byId.get(r.id)!)) };
}

export type TListNominationsQuery = {
  unitId?: string; withinId?: string; schoolYear?: number; status?: string; titleCode?: string; source?: string; candidateKind?: NominationKind;
  personId?: string; mine?: 'true' | 'false'; q?: string; page: number; pageSize: number;
};

const SOURCES: NominationSource[] = ['registration', 'self', 'officer', 'assessment'];
const STATUSES: NominationStatus[] = ['open', 'in_review', 'withdrawn', 'done'];

function codeList<T extends string>(text: string, allowed: T[], field: string, what: string): T[] {
  const list = text.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.find((x) => !allowed.includes(x as T));
  if (bad) throw new AppError('VALIDATION', `${what} "${bad}" không hợp lệ (dùng: ${allowed.join(', ')})`, { fields: [{ field, message: 'Không hợp lệ' }] });
  return list as T[];
}

/**
 * Nominations the actor may read (commendation.read over the reviewing unit), plus their own. Filters:
 * the reviewing unit (`unitId`) or its subtree (`withinId`), year, status, title, source, candidate kind,
 * the candidate's name without diacritics (`q`), only the actor's own (`mine`).
 */
export async function listNominations(ctx: TContext, q: TListNominationsQuery) {
  const roots = grantRoots(ctx.actor, 'commendation.read');
  if (!roots.length && !ctx.actor.personId) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem danh sách đề nghị');
  const own = q.mine === 'true' || !roots.length;
  if (own && !ctx.actor.personId) throw new AppError('VALIDATION', 'Tài khoản chưa gắn với hồ sơ cán bộ nên không có đề nghị của riêng mình', { fields: [{ field: 'mine', message: 'Không áp dụng' }] });
  if (roots.length && !own) {
    const wanted = [q.unitId, q.withinId].filter((u): u is string => !!u);
    if (wanted.length) await requireAccess(ctx, 'commendation.read', wanted);
  }
  let base = ctx.db
    .selectFrom('nominations')
    .leftJoin('people', 'people.id', 'nominations.person_id')
    .leftJoin('units as cu', 'cu.id', 'nominations.candidate_unit_id')
    .innerJoin('units as ru', 'ru.id', 'nominations.unit_id');
  base = own
    ? base.where('nominations.person_id', '=', ctx.actor.personId!)
    : base.where((eb) => eb.or([
        eb('nominations.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots)),
        ...(ctx.actor.personId ? [eb('nominations.person_id', '=', ctx.actor.personId)] : []),
      ]));
  if (q.unitId) base = base.where('nominations.unit_id', '=', q.unitId);
  if (q.withinId) base = base.where('nominations.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', q.withinId));
  if (q.schoolYear) base = base.where('nominations.school_year', '=', q.schoolYear);
  if (q.status) base = base.where('nominations.status', 'in', codeList(q.status, STATUSES, 'status', 'Trạng thái'));
  if (q.source) base = base.where('nominations.source', 'in', codeList(q.source, SOURCES, 'source', 'Nguồn đề nghị'));
  if (q.titleCode) base = base.where('nominations.title_code', '=', q.titleCode);
  if (q.candidateKind) base = base.where('nominations.candidate_kind', '=', q.candidateKind);
  if (q.personId) base = base.where('nominations.person_id', '=', q.personId);
  const folded = q.q ? foldVietnamese(q.q).trim() : '';
  if (folded) base = base.where((eb) => eb.or([eb('people.name_search', 'like', `%${folded}%`), eb('cu.name_search', 'like', `%${folded}%`)]));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .selectAll('nominations')
    .select(['people.full_name as person_name', 'cu.name as candidate_unit_name', 'ru.name as unit_name'])
    .orderBy('nominations.created_at', 'desc')
    .orderBy('nominations.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: items.map(presentNomination), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/** Withdraws an open nomination (the officer, or the person who nominated themselves). */
export async function withdrawNomination(ctx: TContext, id: string, reason: string) {
  const n = await ctx.db.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!n) throw notFound('Không tìm thấy đề nghị');
  const own = n.source === 'self' && !!n.person_id && n.person_id === ctx.actor.personId;
  if (!own) await requireAccess(ctx, 'commendation.write', [n.unit_id]);
  if (n.status !== 'open') throw new AppError('INVALID_STATE', `Đề nghị đang ở trạng thái "${NOMINATION_STATUS_LABELS[n.status]}", không rút được; hãy rút ứng viên khỏi phiên bình xét trước`);
  await withTransaction(ctx, async (trx) => {
    const now = nowIso();
    const res = await trx.updateTable('nominations').set({ status: 'withdrawn', dedupe_key: null, updated_at: now }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Đề nghị vừa được đưa vào phiên bình xét, không rút được');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'nomination.withdraw', entityType: 'nomination', entityId: id, unitId: n.unit_id, before: { status: n.status }, after: { status: 'withdrawn' }, reason });
  });
  const view = await findNominationView(ctx.db, id);
  return presentNomination(view!);
}
