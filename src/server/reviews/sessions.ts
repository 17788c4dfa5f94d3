// Review sessions (phiên bình xét): set-up (council, candidates, quotas, conflicts), the secret
// e-ballot, written votes of absent members, and the close with the tally against ALL members
// (evaluateVote, with the rule set version recorded when the session was created).
//
// States: draft (set-up) → open (meeting opened; council and candidates fixed; conflicts may still be
// declared; ballots accepted) → voting (after the first ballot) → closed (tally + Biên bản).
// Secrecy: a ballot row has no voter and no time; the participation row (who, how, when) is written
// in the same transaction, and the session row is updated first so a ballot and the close serialise.
import { evaluateVote, type VoteOverride } from '../../rules';
import { foldVietnamese, schoolYearLabel, schoolYearOf } from '../../shared/vn';
import { grantRoots, hasPermissionSomewhere, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { ReviewCandidateTable, ReviewMemberTable, ReviewSessionStatus, ReviewSessionTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso, todayIso } from '../ids';
import { RulesError } from '../../rules/errors';
import { candidateVerdicts, ruleSetOfSession, ruleSetOn, type TVerdictSnapshot } from './eligibility';
import { buildMinutes } from './minutes';
import { addNominations, nominationKey } from './nominations';
import { checkQuotas, parseQuotas, quotaLimit, quotasFromPlanAwards, type TReviewQuota } from './quotas';
import { titleFits, titleName, titleRule } from './titles';

export type TSessionRow = ReviewSessionTable;
export type TMemberRow = ReviewMemberTable;
export type TCandidateRow = ReviewCandidateTable;
export type TChoice = 'for' | 'against' | 'abstain';

export const SESSION_STATUS_LABELS: Record<ReviewSessionStatus, string> = { draft: 'Đang chuẩn bị', open: 'Đã khai mạc', voting: 'Đang bỏ phiếu', closed: 'Đã kết thúc' };
export const MEMBER_ROLE_LABELS: Record<TMemberRow['role'], string> = { chair: 'Chủ tịch Hội đồng', secretary: 'Thư ký Hội đồng', member: 'Ủy viên' };
export const RESULT_LABELS: Record<TCandidateRow['result'], string> = { pending: 'Chưa bỏ phiếu', passed: 'Đạt', failed: 'Không đạt', withdrawn: 'Đã rút' };

// ---------------------------------------------------------------------------------------------------
// Loading and access.

async function findSession(db: Db | Tx, id: string) {
  return db.selectFrom('review_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The session if the actor may read it (commendation.read over its unit): outside reach 404, else 403. */
export async function loadReadableSession(ctx: TContext, id: string): Promise<TSessionRow> {
  const s = await findSession(ctx.db, id);
  if (!s) throw notFound('Không tìm thấy phiên bình xét');
  await requireAccess(ctx, 'commendation.read', [s.unit_id]);
  return s;
}

async function loadWritableSession(ctx: TContext, id: string): Promise<TSessionRow> {
  const s = await findSession(ctx.db, id);
  if (!s) throw notFound('Không tìm thấy phiên bình xét');
  await requireAccess(ctx, 'commendation.write', [s.unit_id]);
  return s;
}

function requireStatus(s: TSessionRow, allowed: ReviewSessionStatus[], what: string): void {
  if (allowed.includes(s.status)) return;
  const why = s.status === 'closed' ? 'phiên bình xét đã kết thúc' : s.status === 'draft' ? 'phiên bình xét chưa khai mạc' : `phiên bình xét đang ở trạng thái "${SESSION_STATUS_LABELS[s.status]}"`;
  throw new AppError('INVALID_STATE', `Không ${what} được: ${why}`);
}

async function membersOf(db: Db | Tx, sessionId: string) {
  return db.selectFrom('review_members').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}

async function candidatesOf(db: Db | Tx, sessionId: string) {
  return db.selectFrom('review_candidates').selectAll().where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
}

function liveCounts(cands: Pick<TCandidateRow, 'title_code' | 'result'>[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of cands) if (c.result !== 'withdrawn') m.set(c.title_code, (m.get(c.title_code) ?? 0) + 1);
  return m;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

async function inSubtree(db: Db | Tx, ancestorId: string, unitIds: string[]): Promise<Set<string>> {
  if (!unitIds.length) return new Set();
  const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestorId).where('descendant_id', 'in', [...new Set(unitIds)]).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

// ---------------------------------------------------------------------------------------------------
// Create, list, update.

export type TCreateSession = {
  unitId: string;
  schoolYear?: number;
  name?: string;
  period?: string;
  reviewDate?: string;
  location?: string | null;
  planId?: string | null;
  quotas?: TReviewQuota[];
  voteOverride?: VoteOverride | null;
};

export async function createSession(ctx: TContext, input: TCreateSession) {
  await requireAccess(ctx, 'commendation.write', [input.unitId]);
  const unit = await ctx.db.selectFrom('units').select(['id', 'name', 'province_code']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const reviewDate = input.reviewDate ?? todayIso();
  const schoolYear = input.schoolYear ?? schoolYearOf(reviewDate);
  let quotas = input.quotas ?? [];
  if (input.planId) {
    const plan = await ctx.db.selectFrom('plans').select(['id', 'unit_id', 'title', 'body', 'doc_number', 'doc_symbol']).where('id', '=', input.planId).executeTakeFirst();
    if (!plan) throw notFound('Không tìm thấy kế hoạch');
    await requireAccess(ctx, 'plan.read', [plan.unit_id]);
    if (!input.quotas) {
      const body = JSON.parse(plan.body) as { awards?: { name: string; quota: string; recipient: 'collective' | 'individual' }[] };
      const label = plan.doc_number && plan.doc_symbol ? `Kế hoạch số ${String(plan.doc_number).padStart(2, '0')}/${plan.doc_symbol}` : `Kế hoạch "${plan.title}"`;
      quotas = quotasFromPlanAwards(body.awards ?? [], label);
    }
  }
  validateQuotaCodes(quotas);
  let rule;
  try {
    rule = await ruleSetOn(ctx.db, reviewDate);
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
  const now = nowIso();
  const name = input.name?.trim() || `Bình xét thi đua năm học ${schoolYearLabel(schoolYear)}`;
  const row: TSessionRow = {
    id: newId(), province_code: unit.province_code, unit_id: unit.id, school_year: schoolYear, name, name_search: foldVietnamese(name),
    period: input.period?.trim() || `Năm học ${schoolYearLabel(schoolYear)}`, review_date: reviewDate, location: input.location?.trim() || null,
    plan_id: input.planId ?? null, status: 'draft', quotas: JSON.stringify(quotas), rule_set_id: rule.code, rule_set_version: rule.version,
    vote_override: input.voteOverride ? JSON.stringify(input.voteOverride) : null, opened_at: null, voting_at: null, closed_at: null,
    minutes_document_id: null, created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('review_sessions').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.create', entityType: 'review_session', entityId: row.id, unitId: unit.id, after: row });
  });
  return getSession(ctx, row.id);
}

function validateQuotaCodes(quotas: TReviewQuota[]): void {
  const seen = new Set<string>();
  for (const q of quotas) {
    if (!titleRule(q.titleCode)) throw new AppError('VALIDATION', `Chỉ tiêu: không có danh hiệu mã "${q.titleCode}"`, { fields: [{ field: 'quotas', message: 'Mã không hợp lệ' }] });
    if (q.ofTitleCode && !titleRule(q.ofTitleCode)) throw new AppError('VALIDATION', `Chỉ tiêu: không có danh hiệu mã "${q.ofTitleCode}"`, { fields: [{ field: 'quotas', message: 'Mã không hợp lệ' }] });
    if (seen.has(q.titleCode)) throw new AppError('VALIDATION', `Chỉ tiêu "${titleName(q.titleCode)}" được ghi hai lần`, { fields: [{ field: 'quotas', message: 'Trùng' }] });
    seen.add(q.titleCode);
  }
}

export type TUpdateSession = { name?: string; period?: string; reviewDate?: string; location?: string | null; quotas?: TReviewQuota[]; voteOverride?: VoteOverride | null };

/** Edits the session before voting starts; new quotas are checked against the candidates already added. */
export async function updateSession(ctx: TContext, id: string, input: TUpdateSession) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, input.quotas || input.name || input.location !== undefined ? ['draft', 'open'] : ['draft'], 'sửa phiên bình xét');
  if ((input.reviewDate || input.voteOverride !== undefined || input.period) && s.status !== 'draft') requireStatus(s, ['draft'], 'sửa ngày, kỳ hoặc ngưỡng biểu quyết');
  const values: Partial<TSessionRow> = { updated_at: nowIso() };
  if (input.name?.trim()) { values.name = input.name.trim(); values.name_search = foldVietnamese(values.name); }
  if (input.period?.trim()) values.period = input.period.trim();
  if (input.location !== undefined) values.location = input.location?.trim() || null;
  if (input.voteOverride !== undefined) values.vote_override = input.voteOverride ? JSON.stringify(input.voteOverride) : null;
  if (input.reviewDate && input.reviewDate !== s.review_date) {
    values.review_date = input.reviewDate;
    const rule = await ruleSetOn(ctx.db, input.reviewDate);
    values.rule_set_id = rule.code;
    values.rule_set_version = rule.version;
  }
  if (input.quotas) {
    validateQuotaCodes(input.quotas);
    checkQuotas(input.quotas, liveCounts(await candidatesOf(ctx.db, id)));
    values.quotas = JSON.stringify(input.quotas);
  }
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('review_sessions').set(values).where('id', '=', id).where('status', '=', s.status).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Phiên bình xét vừa thay đổi trạng thái; hãy tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.update', entityType: 'review_session', entityId: id, unitId: s.unit_id, before: s, after: values });
  });
  return getSession(ctx, id);
}

export type TListSessionsQuery = { unitId?: string; schoolYear?: number; status?: string; q?: string; page: number; pageSize: number };

export async function listSessions(ctx: TContext, q: TListSessionsQuery) {
  await requireAccess(ctx, 'commendation.read', q.unitId ? [q.unitId] : []);
  const roots = grantRoots(ctx.actor, 'commendation.read');
  let base = ctx.db.selectFrom('review_sessions').where('review_sessions.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots));
  if (q.unitId) base = base.where('review_sessions.unit_id', '=', q.unitId);
  if (q.schoolYear) base = base.where('review_sessions.school_year', '=', q.schoolYear);
  if (q.status) base = base.where('review_sessions.status', 'in', q.status.split(',') as ReviewSessionStatus[]);
  if (q.q) base = base.where('review_sessions.name_search', 'like', `%${foldVietnamese(q.q)}%`);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('units', 'units.id', 'review_sessions.unit_id')
    .selectAll('review_sessions')
    .select(['units.name as unit_name'])
    .select((eb) => [
      eb.selectFrom('review_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('review_members.session_id', '=', 'review_sessions.id').as('member_count'),
      eb.selectFrom('review_candidates').select((e) => e.fn.countAll<number>().as('n')).whereRef('review_candidates.session_id', '=', 'review_sessions.id').where('review_candidates.result', '!=', 'withdrawn').as('candidate_count'),
      eb.selectFrom('review_candidates').select((e) => e.fn.countAll<number>().as('n')).whereRef('review_candidates.session_id', '=', 'review_sessions.id').where('review_candidates.result', '=', 'passed').as('passed_count'),
    ])
    .orderBy('review_sessions.created_at', 'desc')
    .orderBy('review_sessions.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      ...presentSessionHead(r, r.unit_name),
      memberCount: Number(r.member_count ?? 0),
      candidateCount: Number(r.candidate_count ?? 0),
      passedCount: r.status === 'closed' ? Number(r.passed_count ?? 0) : null,
    })),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

function presentSessionHead(s: TSessionRow, unitName: string | null) {
  return {
    id: s.id,
    unitId: s.unit_id,
    unitName,
    schoolYear: s.school_year,
    schoolYearLabel: schoolYearLabel(s.school_year),
    name: s.name,
    period: s.period,
    reviewDate: s.review_date,
    location: s.location,
    planId: s.plan_id,
    status: s.status,
    statusLabel: SESSION_STATUS_LABELS[s.status],
    ruleSetCode: s.rule_set_id,
    ruleSetVersion: s.rule_set_version,
    openedAt: s.opened_at,
    closedAt: s.closed_at,
    minutesDocumentId: s.minutes_document_id,
    createdAt: s.created_at,
  };
}

// ---------------------------------------------------------------------------------------------------
// Detail.

export async function getSession(ctx: TContext, id: string) {
  const s = await loadReadableSession(ctx, id);
  const unit = await ctx.db.selectFrom('units').select(['name']).where('id', '=', s.unit_id).executeTakeFirst();
  const members = await membersOf(ctx.db, id);
  const cands = await candidatesOf(ctx.db, id);
  const conflicts = await ctx.db.selectFrom('review_conflicts').selectAll().where('session_id', '=', id).orderBy('created_at').execute();
  const participation = await ctx.db.selectFrom('review_participation').selectAll().where('session_id', '=', id).execute();
  const closed = s.status === 'closed';
  const memberById = new Map(members.map((m) => [m.id, m]));
  const candById = new Map(cands.map((c) => [c.id, c]));
  const me = members.find((m) => m.user_id === ctx.actor.userId) ?? null;
  const myParticipation = me ? participation.find((p) => p.member_id === me.id) : undefined;
  const counts = liveCounts(cands);
  const quotas = parseQuotas(s.quotas);
  const override = s.vote_override ? (JSON.parse(s.vote_override) as VoteOverride) : null;
  let thresholds: Record<string, string> = {};
  try {
    const set = await ruleSetOfSession(ctx.db, s.rule_set_id, s.rule_set_version);
    thresholds = Object.fromEntries([...new Set(cands.map((c) => c.title_code))].map((code) => {
      const t = set.titles[code]?.voteThreshold?.value ?? set.defaultVoteThreshold.value;
      return [code, override ? (override.label ?? `≥ ${Math.round(override.share * 1000) / 10}% tổng số thành viên Hội đồng`) : t.label];
    }));
  } catch {
    thresholds = {};
  }
  const canManage = hasPermissionSomewhere(ctx.actor, 'commendation.write') && (await canWrite(ctx, s.unit_id));
  return {
    ...presentSessionHead(s, unit?.name ?? null),
    voteOverride: override,
    quotas: quotas.map((q) => ({ ...q, titleName: titleName(q.titleCode), limit: quotaLimit(q, counts), count: counts.get(q.titleCode) ?? 0 })),
    members: members.map((m) => ({
      id: m.id,
      personId: m.person_id,
      userId: m.user_id,
      name: m.name,
      position: m.position,
      role: m.role,
      roleLabel: MEMBER_ROLE_LABELS[m.role],
      hasAccount: !!m.user_id,
      // Who voted how is never shown; who took part (and whether in writing) only after the close.
      participation: closed ? (participation.find((p) => p.member_id === m.id)?.mode ?? 'absent') : null,
    })),
    candidates: cands.map((c) => ({
      id: c.id,
      nominationId: c.nomination_id,
      candidateKind: c.candidate_kind,
      personId: c.person_id,
      candidateUnitId: c.candidate_unit_id,
      name: c.name,
      titleCode: c.title_code,
      titleName: titleName(c.title_code),
      threshold: thresholds[c.title_code] ?? null,
      eligibility: c.eligibility ? (JSON.parse(c.eligibility) as TVerdictSnapshot) : null,
      result: c.result,
      resultLabel: RESULT_LABELS[c.result],
      votes: closed
        ? { for: c.votes_for, against: c.votes_against, abstain: c.votes_abstain, writtenFor: c.written_for, writtenAgainst: c.written_against, writtenAbstain: c.written_abstain, message: c.result_message }
        : null,
    })),
    conflicts: conflicts.map((x) => ({ id: x.id, memberId: x.member_id, memberName: memberById.get(x.member_id)?.name ?? '', candidateId: x.candidate_id, candidateName: candById.get(x.candidate_id)?.name ?? '', titleName: titleName(candById.get(x.candidate_id)?.title_code ?? ''), reason: x.reason })),
    participation: {
      members: members.length,
      electronic: participation.filter((p) => p.mode === 'electronic').length,
      written: participation.filter((p) => p.mode === 'written').length,
      absent: participation.filter((p) => p.mode === 'absent').length,
    },
    me: me
      ? { memberId: me.id, role: me.role, hasVoted: !!myParticipation && myParticipation.mode !== 'absent', conflictCandidateIds: conflicts.filter((x) => x.member_id === me.id).map((x) => x.candidate_id), canVote: (s.status === 'open' || s.status === 'voting') && !myParticipation && hasPermissionSomewhere(ctx.actor, 'review.vote') }
      : null,
    canManage,
    canRecordWritten: canManage || (me?.role === 'secretary' && !!me.user_id),
  };
}

async function canWrite(ctx: TContext, unitId: string): Promise<boolean> {
  try {
    await requireAccess(ctx, 'commendation.write', [unitId]);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Council members.

export type TAddMembers = { members: { personId: string; role: TMemberRow['role']; userId?: string | null }[] };

export async function addMembers(ctx: TContext, id: string, input: TAddMembers) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['draft'], 'thay đổi thành phần Hội đồng');
  const personIds = input.members.map((m) => m.personId);
  if (new Set(personIds).size !== personIds.length) throw new AppError('VALIDATION', 'Một người được chọn hai lần vào Hội đồng', { fields: [{ field: 'members', message: 'Trùng' }] });
  const people = personIds.length ? await ctx.db.selectFrom('people').select(['id', 'full_name', 'unit_id', 'position']).where('id', 'in', personIds).execute() : [];
  const personById = new Map(people.map((p) => [p.id, p]));
  const inside = await inSubtree(ctx.db, s.unit_id, people.map((p) => p.unit_id));
  const existing = await membersOf(ctx.db, id);
  const rows: TMemberRow[] = [];
  const now = nowIso();
  for (const m of input.members) {
    const p = personById.get(m.personId);
    if (!p) throw notFound('Không tìm thấy cán bộ được chọn vào Hội đồng');
    if (!inside.has(p.unit_id)) throw new AppError('VALIDATION', `${p.full_name} không thuộc đơn vị của phiên bình xét, không là thành viên Hội đồng được`, { fields: [{ field: 'members', message: 'Ngoài đơn vị' }] });
    if (existing.some((e) => e.person_id === p.id)) throw new AppError('CONFLICT', `${p.full_name} đã là thành viên Hội đồng của phiên này`);
    let userId: string | null = null;
    if (m.userId) {
      const u = await ctx.db.selectFrom('users').select(['id', 'person_id']).where('id', '=', m.userId).executeTakeFirst();
      if (!u || u.person_id !== p.id) throw new AppError('VALIDATION', `Tài khoản được chọn không gắn với hồ sơ của ${p.full_name}`, { fields: [{ field: 'members', message: 'Tài khoản không khớp' }] });
      userId = u.id;
    } else {
      const u = await ctx.db.selectFrom('users').select('id').where('person_id', '=', p.id).where('is_active', '=', 1).orderBy('created_at').executeTakeFirst();
      userId = u?.id ?? null;
    }
    rows.push({ id: newId(), session_id: id, person_id: p.id, user_id: userId, role: m.role, name: p.full_name, position: p.position, province_code: s.province_code, created_at: now });
  }
  const all = [...existing, ...rows];
  if (all.filter((m) => m.role === 'chair').length > 1) throw new AppError('VALIDATION', 'Hội đồng chỉ có một Chủ tịch', { fields: [{ field: 'members', message: 'Hai Chủ tịch' }] });
  if (all.filter((m) => m.role === 'secretary').length > 1) throw new AppError('VALIDATION', 'Hội đồng chỉ có một Thư ký', { fields: [{ field: 'members', message: 'Hai Thư ký' }] });
  try {
    await withTransaction(ctx, async (trx) => {
      await lockDraft(trx, s);
      if (rows.length) await trx.insertInto('review_members').values(rows).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.members_add', entityType: 'review_session', entityId: id, unitId: s.unit_id, after: rows.map((r) => ({ id: r.id, personId: r.person_id, name: r.name, role: r.role })) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Người này đã là thành viên Hội đồng của phiên');
    throw e;
  }
  return getSession(ctx, id);
}

/** Re-checks inside the transaction that the session is still in one of `statuses` (and serialises writers on it). */
async function lockDraft(trx: Tx, s: TSessionRow, statuses: ReviewSessionStatus[] = ['draft']): Promise<void> {
  const res = await trx.updateTable('review_sessions').set({ updated_at: nowIso() }).where('id', '=', s.id).where('status', 'in', statuses).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Phiên bình xét vừa thay đổi trạng thái; hãy tải lại trang');
}

export async function removeMember(ctx: TContext, id: string, memberId: string) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['draft'], 'thay đổi thành phần Hội đồng');
  const m = await ctx.db.selectFrom('review_members').selectAll().where('id', '=', memberId).where('session_id', '=', id).executeTakeFirst();
  if (!m) throw notFound('Không tìm thấy thành viên Hội đồng');
  await withTransaction(ctx, async (trx) => {
    await lockDraft(trx, s);
    await trx.deleteFrom('review_conflicts').where('member_id', '=', memberId).execute();
    await trx.deleteFrom('review_members').where('id', '=', memberId).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.member_remove', entityType: 'review_session', entityId: id, unitId: s.unit_id, before: m });
  });
  return getSession(ctx, id);
}

// ---------------------------------------------------------------------------------------------------
// Candidates.

export type TAddCandidates = {
  nominationIds?: string[];
  people?: { personId: string; titleCode: string; note?: string | null }[];
  units?: { unitId: string; titleCode: string; note?: string | null }[];
  /** Every person of the unit whose verdict for this title is "eligible" (and not yet a candidate). */
  eligibleFor?: string | null;
};

const ELIGIBLE_SCAN_LIMIT = 3000;

/** Adds candidates from open nominations, by hand (a nomination is recorded for them) or from the eligible people; checks the quotas first. */
export async function addCandidates(ctx: TContext, id: string, input: TAddCandidates) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['draft'], 'thêm ứng viên');
  const nominationIds = [...new Set(input.nominationIds ?? [])];
  const noms = nominationIds.length ? await ctx.db.selectFrom('nominations').selectAll().where('id', 'in', nominationIds).execute() : [];
  if (noms.length < nominationIds.length) throw notFound('Không tìm thấy đề nghị');
  for (const n of noms) {
    if (n.unit_id !== s.unit_id) throw new AppError('VALIDATION', 'Đề nghị thuộc Hội đồng của đơn vị khác, không đưa vào phiên này được', { fields: [{ field: 'nominationIds', message: 'Khác đơn vị' }] });
    if (n.school_year !== s.school_year) throw new AppError('VALIDATION', `Đề nghị của năm học ${schoolYearLabel(n.school_year)}, phiên bình xét năm học ${schoolYearLabel(s.school_year)}`, { fields: [{ field: 'nominationIds', message: 'Khác năm học' }] });
    if (n.status !== 'open') throw new AppError('INVALID_STATE', 'Đề nghị đã được đưa vào phiên bình xét khác hoặc đã rút', { fields: [{ field: 'nominationIds', message: 'Không còn chờ xét' }] });
  }
  type TNew = { kind: 'ca_nhan' | 'tap_the'; id: string; titleCode: string; note?: string | null };
  const byHand: TNew[] = [
    ...(input.people ?? []).map((p) => ({ kind: 'ca_nhan' as const, id: p.personId, titleCode: p.titleCode, note: p.note })),
    ...(input.units ?? []).map((u) => ({ kind: 'tap_the' as const, id: u.unitId, titleCode: u.titleCode, note: u.note })),
  ];
  const existing = await candidatesOf(ctx.db, id);
  const liveKeys = new Set(existing.filter((c) => c.result !== 'withdrawn').map((c) => c.candidate_key));
  if (input.eligibleFor) {
    if (!titleFits(input.eligibleFor, 'ca_nhan')) throw new AppError('VALIDATION', `${titleName(input.eligibleFor)} không xét cho cá nhân`, { fields: [{ field: 'eligibleFor', message: 'Không hợp lệ' }] });
    const people = await ctx.db
      .selectFrom('people')
      .select('people.id')
      .where('people.unit_id', 'in', ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', s.unit_id))
      .orderBy('people.name_search')
      .limit(ELIGIBLE_SCAN_LIMIT)
      .execute();
    const verdicts = await candidateVerdicts(ctx, s.school_year, s.review_date, people.map((p) => ({ key: p.id, kind: 'ca_nhan', id: p.id, titleCode: input.eligibleFor! })));
    for (const p of people) {
      if (verdicts.get(p.id)?.status !== 'eligible') continue;
      if (liveKeys.has(`${input.eligibleFor}|p:${p.id}`)) continue;
      if (noms.some((n) => n.person_id === p.id && n.title_code === input.eligibleFor) || byHand.some((b) => b.id === p.id && b.titleCode === input.eligibleFor)) continue;
      byHand.push({ kind: 'ca_nhan', id: p.id, titleCode: input.eligibleFor, note: 'Đủ điều kiện theo bộ quy tắc' });
    }
  }
  if (!noms.length && !byHand.length) throw new AppError('VALIDATION', input.eligibleFor ? `Không có ai mới đủ điều kiện "${titleName(input.eligibleFor)}" để thêm` : 'Chọn ít nhất một ứng viên', { fields: [{ field: 'nominationIds', message: 'Trống' }] });

  // Candidates outside the unit and wrong titles are refused by addNominations; check the rest first.
  const planned = [
    ...noms.map((n) => ({ kind: n.candidate_kind, id: (n.person_id ?? n.candidate_unit_id)!, titleCode: n.title_code })),
    ...byHand,
  ];
  const keyOf = (p: { kind: string; id: string; titleCode: string }) => `${p.titleCode}|${p.kind === 'ca_nhan' ? 'p' : 'u'}:${p.id}`;
  const seen = new Set<string>();
  for (const p of planned) {
    const k = keyOf(p);
    if (liveKeys.has(k) || seen.has(k)) throw new AppError('CONFLICT', `Ứng viên đã có trong phiên bình xét với danh hiệu "${titleName(p.titleCode)}"`);
    seen.add(k);
  }
  const counts = liveCounts(existing);
  for (const p of planned) counts.set(p.titleCode, (counts.get(p.titleCode) ?? 0) + 1);
  checkQuotas(parseQuotas(s.quotas), counts);

  const now = nowIso();
  return withTransaction(ctx, async (trx) => {
    await lockDraft(trx, s);
    const created = byHand.length
      ? await addNominations(trx, ctx.kind, ctx.actor, byHand.map((b) => ({ unitId: s.unit_id, schoolYear: s.school_year, candidateKind: b.kind, personId: b.kind === 'ca_nhan' ? b.id : null, candidateUnitId: b.kind === 'tap_the' ? b.id : null, titleCode: b.titleCode, source: 'officer' as const, sourceRef: `review:${s.id}`, note: b.note ?? null })), { skipDuplicates: true })
      : [];
    for (const c of created) if (c.status !== 'open') throw new AppError('INVALID_STATE', 'Ứng viên đã có đề nghị đang được bình xét ở phiên khác');
    const all = [...noms, ...created];
    const personIds = all.map((n) => n.person_id).filter((x): x is string => !!x);
    const unitIds = all.map((n) => n.candidate_unit_id).filter((x): x is string => !!x);
    const names = new Map<string, string>();
    if (personIds.length) for (const p of await trx.selectFrom('people').leftJoin('units', 'units.id', 'people.unit_id').select(['people.id', 'people.full_name', 'people.position', 'units.name as unit_name']).where('people.id', 'in', personIds).execute()) names.set(p.id, p.full_name);
    if (unitIds.length) for (const u of await trx.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()) names.set(u.id, u.name);
    const verdicts = await candidateVerdicts({ ...ctx, db: trx }, s.school_year, s.review_date, all.map((n) => ({ key: n.id, kind: n.candidate_kind, id: (n.person_id ?? n.candidate_unit_id)!, titleCode: n.title_code })));
    const rows: TCandidateRow[] = all.map((n) => ({
      id: newId(), session_id: s.id, nomination_id: n.id, candidate_kind: n.candidate_kind, person_id: n.person_id, candidate_unit_id: n.candidate_unit_id,
      title_code: n.title_code, name: names.get((n.person_id ?? n.candidate_unit_id)!) ?? '', eligibility: verdicts.get(n.id) ? JSON.stringify(verdicts.get(n.id)) : null,
      votes_for: 0, votes_against: 0, votes_abstain: 0, written_for: 0, written_against: 0, written_abstain: 0, result: 'pending', result_message: null,
      candidate_key: `${n.title_code}|${n.person_id ? `p:${n.person_id}` : `u:${n.candidate_unit_id}`}`, province_code: s.province_code, created_at: now,
    }));
    try {
      await trx.insertInto('review_candidates').values(rows).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Ứng viên đã có trong phiên bình xét');
      throw e;
    }
    const res = await trx.updateTable('nominations').set({ status: 'in_review', updated_at: now }).where('id', 'in', all.map((n) => n.id)).where('status', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== all.length) throw new AppError('INVALID_STATE', 'Một đề nghị vừa được đưa vào phiên khác hoặc bị rút; hãy tải lại trang');
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.candidates_add', entityType: 'review_session', entityId: s.id, unitId: s.unit_id, after: rows.map((r) => ({ id: r.id, nominationId: r.nomination_id, name: r.name, titleCode: r.title_code })) });
    return { added: rows.length, session: await getSession({ ...ctx, db: trx }, s.id) };
  });
}

/** Takes a candidate out of the session before voting; the nomination is open again. */
export async function withdrawCandidate(ctx: TContext, id: string, candidateId: string, reason: string) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['draft', 'open'], 'rút ứng viên');
  const c = await ctx.db.selectFrom('review_candidates').selectAll().where('id', '=', candidateId).where('session_id', '=', id).executeTakeFirst();
  if (!c) throw notFound('Không tìm thấy ứng viên');
  if (c.result === 'withdrawn') throw new AppError('INVALID_STATE', 'Ứng viên đã được rút trước đó');
  await withTransaction(ctx, async (trx) => {
    await lockDraft(trx, s, ['draft', 'open']);
    await trx.updateTable('review_candidates').set({ result: 'withdrawn', result_message: reason, candidate_key: `${c.candidate_key}|rut:${c.id}` }).where('id', '=', c.id).execute();
    if (c.nomination_id) await trx.updateTable('nominations').set({ status: 'open', updated_at: nowIso() }).where('id', '=', c.nomination_id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.candidate_withdraw', entityType: 'review_session', entityId: id, unitId: s.unit_id, before: { candidateId: c.id, result: c.result }, after: { result: 'withdrawn' }, reason });
  });
  return getSession(ctx, id);
}

// ---------------------------------------------------------------------------------------------------
// Conflicts of interest.

const SELF_CONFLICT = 'Thành viên Hội đồng là người được đề nghị (không biểu quyết cho chính mình)';

function selfConflicts(s: TSessionRow, members: TMemberRow[], cands: TCandidateRow[], existing: { member_id: string; candidate_id: string }[], at: string) {
  const out: { id: string; session_id: string; member_id: string; candidate_id: string; reason: string; created_by: string | null; created_at: string }[] = [];
  for (const m of members) {
    for (const c of cands) {
      if (c.result === 'withdrawn' || c.person_id !== m.person_id) continue;
      if (existing.some((x) => x.member_id === m.id && x.candidate_id === c.id)) continue;
      out.push({ id: newId(), session_id: s.id, member_id: m.id, candidate_id: c.id, reason: SELF_CONFLICT, created_by: null, created_at: at });
    }
  }
  return out;
}

/** A member declares (or the officer records) that they will not vote on a candidate. Before the first ballot only. */
export async function declareConflict(ctx: TContext, id: string, input: { candidateId: string; memberId?: string | null; reason: string }) {
  const s = await loadReadableSession(ctx, id);
  const members = await membersOf(ctx.db, id);
  const mine = members.find((m) => m.user_id === ctx.actor.userId);
  let member: TMemberRow | undefined;
  if (input.memberId && input.memberId !== mine?.id) {
    await requireAccess(ctx, 'commendation.write', [s.unit_id]);
    member = members.find((m) => m.id === input.memberId);
    if (!member) throw notFound('Không tìm thấy thành viên Hội đồng');
  } else {
    if (!mine) throw new AppError('FORBIDDEN', 'Bạn không phải thành viên Hội đồng của phiên bình xét này');
    member = mine;
  }
  requireStatus(s, ['draft', 'open'], 'khai báo xung đột lợi ích');
  const cand = await ctx.db.selectFrom('review_candidates').selectAll().where('id', '=', input.candidateId).where('session_id', '=', id).executeTakeFirst();
  if (!cand || cand.result === 'withdrawn') throw notFound('Không tìm thấy ứng viên trong phiên bình xét');
  const row = { id: newId(), session_id: id, member_id: member.id, candidate_id: cand.id, reason: input.reason.trim(), created_by: ctx.actor.userId, created_at: nowIso() };
  try {
    await withTransaction(ctx, async (trx) => {
      await lockDraft(trx, s, ['draft', 'open']);
      await trx.insertInto('review_conflicts').values(row).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.conflict_declare', entityType: 'review_session', entityId: id, unitId: s.unit_id, after: { memberId: member!.id, memberName: member!.name, candidateId: cand.id, candidateName: cand.name, reason: row.reason } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${member.name} đã khai báo không biểu quyết cho ${cand.name}`);
    throw e;
  }
  return getSession(ctx, id);
}

// ---------------------------------------------------------------------------------------------------
// Open.

const HEAD_POSITION = /^(hiệu trưởng|giám đốc|chủ tịch|thủ trưởng|trưởng phòng|trưởng ban)\b/iu;

/** The chair is the head: an account with the head role at the unit, or a head's position in the staff record. */
async function isUnitHead(ctx: TContext, unitId: string, chair: TMemberRow): Promise<boolean> {
  if (chair.position && HEAD_POSITION.test(chair.position.trim())) return true;
  const row = await ctx.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.person_id', '=', chair.person_id)
    .where('user_roles.role', '=', 'head')
    .where('user_roles.unit_id', '=', unitId)
    .executeTakeFirst();
  return !!row;
}

/** Opens the meeting: an odd-sized council with one chair, at least one candidate, quotas respected. */
export async function openSession(ctx: TContext, id: string) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['draft'], 'khai mạc phiên bình xét');
  const members = await membersOf(ctx.db, id);
  const cands = (await candidatesOf(ctx.db, id)).filter((c) => c.result !== 'withdrawn');
  if (members.length < 3) throw new AppError('VALIDATION', `Hội đồng cần ít nhất 3 thành viên (hiện có ${members.length})`);
  if (members.length % 2 === 0) throw new AppError('VALIDATION', `Hội đồng phải có số thành viên lẻ (hiện có ${members.length}); hãy thêm hoặc bớt một thành viên`);
  const chairs = members.filter((m) => m.role === 'chair');
  if (chairs.length !== 1) throw new AppError('VALIDATION', 'Hội đồng cần đúng một Chủ tịch (thủ trưởng đơn vị)');
  if (!(await isUnitHead(ctx, s.unit_id, chairs[0]))) {
    throw new AppError('VALIDATION', `Chủ tịch Hội đồng phải là thủ trưởng đơn vị; ${chairs[0].name}${chairs[0].position ? ` (${chairs[0].position})` : ''} không phải thủ trưởng`);
  }
  if (!cands.length) throw new AppError('VALIDATION', 'Phiên bình xét chưa có ứng viên nào');
  if (!members.some((m) => m.user_id)) throw new AppError('VALIDATION', 'Chưa thành viên nào có tài khoản để bỏ phiếu điện tử; các phiếu chỉ ghi được bằng văn bản');
  checkQuotas(parseQuotas(s.quotas), liveCounts(cands));
  const now = nowIso();
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('review_sessions').set({ status: 'open', opened_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Phiên bình xét vừa thay đổi trạng thái; hãy tải lại trang');
    const existing = await trx.selectFrom('review_conflicts').select(['member_id', 'candidate_id']).where('session_id', '=', id).execute();
    const auto = selfConflicts(s, members, cands, existing, now);
    if (auto.length) await trx.insertInto('review_conflicts').values(auto).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.open', entityType: 'review_session', entityId: id, unitId: s.unit_id, before: { status: 'draft' }, after: { status: 'open', members: members.length, candidates: cands.length, selfConflicts: auto.length } });
  });
  return getSession(ctx, id);
}

// ---------------------------------------------------------------------------------------------------
// Ballots.

export type TChoices = Record<string, TChoice>;

function checkChoices(cands: TCandidateRow[], conflicted: Set<string>, choices: TChoices, who: string): TChoices {
  const live = cands.filter((c) => c.result !== 'withdrawn');
  const liveIds = new Set(live.map((c) => c.id));
  for (const cid of Object.keys(choices)) {
    if (!liveIds.has(cid)) throw new AppError('VALIDATION', 'Phiếu có ứng viên không thuộc phiên bình xét này', { fields: [{ field: `choices.${cid}`, message: 'Không có trong phiên' }] });
    if (conflicted.has(cid)) {
      const c = live.find((x) => x.id === cid)!;
      throw new AppError('VALIDATION', `${who} đã khai báo không biểu quyết cho ${c.name}; bỏ ứng viên này khỏi phiếu`, { fields: [{ field: `choices.${cid}`, message: 'Xung đột lợi ích' }] });
    }
  }
  const missing = live.filter((c) => !conflicted.has(c.id) && !choices[c.id]);
  if (missing.length) {
    throw new AppError('VALIDATION', `Phiếu chưa biểu quyết cho: ${missing.map((c) => `${c.name} (${titleName(c.title_code)})`).join(', ')}. Chọn Đồng ý, Không đồng ý hoặc Không biểu quyết cho từng người`, { fields: missing.map((c) => ({ field: `choices.${c.id}`, message: 'Chưa chọn' })) });
  }
  // Canonical order (by candidate id), so the stored JSON says nothing about how the form was filled.
  return Object.fromEntries(Object.keys(choices).sort().map((k) => [k, choices[k]]));
}

async function castBallot(ctx: TContext, s: TSessionRow, member: TMemberRow, mode: 'electronic' | 'written', choices: TChoices) {
  const cands = await candidatesOf(ctx.db, s.id);
  const conflicted = new Set((await ctx.db.selectFrom('review_conflicts').select('candidate_id').where('member_id', '=', member.id).execute()).map((x) => x.candidate_id));
  const clean = checkChoices(cands, conflicted, choices, mode === 'electronic' ? 'Bạn' : member.name);
  const already = await ctx.db.selectFrom('review_participation').select('mode').where('session_id', '=', s.id).where('member_id', '=', member.id).executeTakeFirst();
  if (already) throw new AppError('CONFLICT', mode === 'electronic' ? 'Bạn đã bỏ phiếu trong phiên bình xét này; mỗi thành viên chỉ bỏ một phiếu' : `${member.name} đã có phiếu trong phiên bình xét này; mỗi thành viên chỉ bỏ một phiếu`);
  try {
    await withTransaction(ctx, async (trx) => {
      // Session row first: a ballot and the close wait for each other, so no ballot slips in after the tally.
      const res = await trx.updateTable('review_sessions').set({ status: 'voting' }).where('id', '=', s.id).where('status', 'in', ['open', 'voting']).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Không bỏ phiếu được: phiên bình xét đã kết thúc');
      await trx.insertInto('review_participation').values({ session_id: s.id, member_id: member.id, mode, recorded_by: ctx.actor.userId, recorded_at: nowIso() }).execute();
      await trx.insertInto('review_ballots').values({ id: newId(), session_id: s.id, mode, choices: JSON.stringify(clean) }).execute();
      // The audit says that a ballot was cast (and by whom, as participation does) — never what it says.
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: mode === 'electronic' ? 'review.ballot' : 'review.written_vote', entityType: 'review_session', entityId: s.id, unitId: s.unit_id, after: { memberId: member.id, mode } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', mode === 'electronic' ? 'Bạn đã bỏ phiếu trong phiên bình xét này; mỗi thành viên chỉ bỏ một phiếu' : `${member.name} đã có phiếu trong phiên bình xét này`);
    throw e;
  }
}

/** The secret e-ballot of the member linked to the actor's user account. */
export async function submitBallot(ctx: TContext, id: string, choices: TChoices) {
  const s = await loadReadableSession(ctx, id);
  await requireAccess(ctx, 'review.vote', [s.unit_id]);
  const member = await ctx.db.selectFrom('review_members').selectAll().where('session_id', '=', id).where('user_id', '=', ctx.actor.userId).executeTakeFirst();
  if (!member) throw new AppError('FORBIDDEN', 'Bạn không phải thành viên Hội đồng của phiên bình xét này nên không bỏ phiếu được');
  requireStatus(s, ['open', 'voting'], 'bỏ phiếu');
  await castBallot(ctx, s, member, 'electronic', choices);
  return { ok: true as const, message: 'Đã ghi nhận phiếu bầu. Phiếu được lưu không kèm tên người bỏ phiếu.' };
}

/** The secretary (or the officer) records the written ballot an absent member sent. */
export async function recordWrittenVote(ctx: TContext, id: string, input: { memberId: string; choices: TChoices }) {
  const s = await loadReadableSession(ctx, id);
  const members = await membersOf(ctx.db, id);
  const secretary = members.find((m) => m.role === 'secretary' && m.user_id && m.user_id === ctx.actor.userId);
  if (!secretary) await requireAccess(ctx, 'commendation.write', [s.unit_id]);
  const member = members.find((m) => m.id === input.memberId);
  if (!member) throw new AppError('VALIDATION', 'Người gửi phiếu không phải thành viên Hội đồng của phiên này', { fields: [{ field: 'memberId', message: 'Không phải thành viên' }] });
  requireStatus(s, ['open', 'voting'], 'ghi phiếu bằng văn bản');
  await castBallot(ctx, s, member, 'written', input.choices);
  return getSession(ctx, id);
}

// ---------------------------------------------------------------------------------------------------
// Close and tally.

export type TTallyRow = { candidateId: string; yes: number; no: number; abstain: number; wYes: number; wNo: number; wAbstain: number };

/** Counts the ballots of a session per candidate (pure: used by the close and tested on its own). */
export function tallyBallots(cands: Pick<TCandidateRow, 'id'>[], ballots: { mode: 'electronic' | 'written'; choices: string }[]): Map<string, TTallyRow> {
  const out = new Map<string, TTallyRow>(cands.map((c) => [c.id, { candidateId: c.id, yes: 0, no: 0, abstain: 0, wYes: 0, wNo: 0, wAbstain: 0 }]));
  for (const b of ballots) {
    const choices = JSON.parse(b.choices) as TChoices;
    for (const [cid, v] of Object.entries(choices)) {
      const t = out.get(cid);
      if (!t) continue;
      if (b.mode === 'written') { if (v === 'for') t.wYes++; else if (v === 'against') t.wNo++; else t.wAbstain++; }
      else { if (v === 'for') t.yes++; else if (v === 'against') t.no++; else t.abstain++; }
    }
  }
  return out;
}

/** Closes voting, counts the ballots against ALL members (rule version of the session), records absentees and writes the Biên bản. */
export async function closeSession(ctx: TContext, storage: FileStorage, id: string) {
  const s = await loadWritableSession(ctx, id);
  requireStatus(s, ['open', 'voting'], 'kết thúc phiên bình xét');
  const set = await ruleSetOfSession(ctx.db, s.rule_set_id, s.rule_set_version);
  const override = s.vote_override ? (JSON.parse(s.vote_override) as VoteOverride) : undefined;
  const now = nowIso();
  await withTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('review_sessions').set({ status: 'closed', closed_at: now, updated_at: now }).where('id', '=', id).where('status', 'in', ['open', 'voting']).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_STATE', 'Phiên bình xét đã kết thúc');
    const members = await membersOf(trx, id);
    const cands = (await candidatesOf(trx, id)).filter((c) => c.result !== 'withdrawn');
    const ballots = await trx.selectFrom('review_ballots').select(['mode', 'choices']).where('session_id', '=', id).execute();
    const participation = await trx.selectFrom('review_participation').select('member_id').where('session_id', '=', id).execute();
    const took = new Set(participation.map((p) => p.member_id));
    const absent = members.filter((m) => !took.has(m.id));
    if (absent.length) await trx.insertInto('review_participation').values(absent.map((m) => ({ session_id: id, member_id: m.id, mode: 'absent' as const, recorded_by: ctx.actor.userId, recorded_at: now }))).execute();
    const tally = tallyBallots(cands, ballots);
    const results: { id: string; name: string; titleCode: string; passed: boolean; message: string }[] = [];
    for (const c of cands) {
      const t = tally.get(c.id)!;
      let vote;
      try {
        vote = evaluateVote({ totalMembers: members.length, yes: t.yes, no: t.no, abstain: t.abstain, absentWritten: { yes: t.wYes, no: t.wNo, abstain: t.wAbstain }, titleCode: c.title_code, ruleSet: set, override });
      } catch (e) {
        if (e instanceof RulesError) throw new AppError('INVALID_STATE', e.message);
        throw e;
      }
      const result = vote.passes ? 'passed' : 'failed';
      await trx.updateTable('review_candidates').set({
        votes_for: t.yes + t.wYes, votes_against: t.no + t.wNo, votes_abstain: t.abstain + t.wAbstain, written_for: t.wYes, written_against: t.wNo, written_abstain: t.wAbstain,
        result, result_message: `${vote.message} (${vote.citation}${vote.verified ? '' : '; chưa xác minh'})`,
      }).where('id', '=', c.id).execute();
      results.push({ id: c.id, name: c.name, titleCode: c.title_code, passed: vote.passes, message: vote.message });
    }
    const nomIds = cands.map((c) => c.nomination_id).filter((x): x is string => !!x);
    if (nomIds.length) await trx.updateTable('nominations').set({ status: 'done', updated_at: now }).where('id', 'in', nomIds).execute();
    const closed = (await findSession(trx, id))!;
    const docId = await buildMinutes({ ...ctx, db: trx }, trx, storage, closed, set, override);
    await trx.updateTable('review_sessions').set({ minutes_document_id: docId }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'review.close', entityType: 'review_session', entityId: id, unitId: s.unit_id, before: { status: s.status }, after: { status: 'closed', ballots: ballots.length, absent: absent.length, results, minutesDocumentId: docId, ruleSet: `${set.id} v${set.version}` } });
  });
  return getSession(ctx, id);
}
