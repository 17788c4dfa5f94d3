// Giao ước thi đua of a cụm/khối: the cluster's leading unit (trưởng cụm; else the organising unit)
// drafts the pact text for the school year and opens it for signing; each member unit signs (who,
// when); when every member has signed the pact is complete. Writes are audited.
import { schoolYearLabel } from '../../shared/vn';
import { grantRoots, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { PactTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { isUniqueViolation, pageArgs } from './common';

export const PACT_STATUS_LABELS = { draft: 'Dự thảo', open: 'Đang ký', signed: 'Đã ký đủ' } as const;

async function clusterOf(db: Db | Tx, clusterId: string) {
  const c = await db.selectFrom('clusters').selectAll().where('id', '=', clusterId).executeTakeFirst();
  if (!c) throw notFound('Không tìm thấy cụm/khối thi đua');
  const members = await db.selectFrom('cluster_members').innerJoin('units', 'units.id', 'cluster_members.unit_id')
    .select(['cluster_members.unit_id', 'cluster_members.role', 'units.name']).where('cluster_members.cluster_id', '=', clusterId).orderBy('units.name').execute();
  const order = { truong: 0, pho: 1, thanh_vien: 2 } as const;
  members.sort((a, b) => order[a.role] - order[b.role]);
  const lead = members.find((m) => m.role === 'truong')?.unit_id ?? c.owner_unit_id;
  return { cluster: c, members, lead };
}

/** Units (of `ids`) at which the actor holds `perm`. */
async function reachable(ctx: TContext, perm: 'report.read' | 'report.write', ids: string[]): Promise<Set<string>> {
  const roots = grantRoots(ctx.actor, perm);
  if (!roots.length || !ids.length) return new Set();
  const rows = await ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots).where('descendant_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

async function loadPact(db: Db | Tx, id: string): Promise<PactTable> {
  const p = await db.selectFrom('pacts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('Không tìm thấy giao ước thi đua');
  return p;
}

export async function getPact(ctx: TContext, id: string) {
  const p = await loadPact(ctx.db, id);
  const { cluster, members, lead } = await clusterOf(ctx.db, p.cluster_id);
  const all = [cluster.owner_unit_id, lead, ...members.map((m) => m.unit_id)];
  const readable = await reachable(ctx, 'report.read', all);
  if (!readable.size) throw notFound('Không tìm thấy giao ước thi đua');
  const writable = await reachable(ctx, 'report.write', all);
  const sigs = await ctx.db.selectFrom('pact_signatures').selectAll().where('pact_id', '=', id).execute();
  const leadName = members.find((m) => m.unit_id === lead)?.name ?? (await ctx.db.selectFrom('units').select('name').where('id', '=', lead).executeTakeFirst())?.name ?? null;
  return {
    id: p.id, clusterId: cluster.id, clusterName: cluster.name, schoolYear: p.school_year, schoolYearLabel: schoolYearLabel(p.school_year),
    leadUnitId: lead, leadUnitName: leadName, title: p.title, body: p.body, status: p.status, statusLabel: PACT_STATUS_LABELS[p.status],
    signedCount: sigs.length, memberCount: members.length,
    members: members.map((m) => {
      const s = sigs.find((x) => x.unit_id === m.unit_id);
      return { unitId: m.unit_id, unitName: m.name, role: m.role, signed: !!s, signerName: s?.signer_name ?? null, signerTitle: s?.signer_title ?? null, signedAt: s?.signed_at ?? null, canSign: p.status === 'open' && !s && writable.has(m.unit_id) };
    }),
    canEdit: p.status === 'draft' && writable.has(lead),
  };
}

export async function listPacts(ctx: TContext, q: { schoolYear?: number; page: number; pageSize: number }) {
  const roots = grantRoots(ctx.actor, 'report.read');
  if (!roots.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem giao ước thi đua');
  const scope = ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots);
  let base = ctx.db.selectFrom('pacts').where((eb) => eb.or([
    eb('pacts.lead_unit_id', 'in', scope),
    eb('pacts.cluster_id', 'in', ctx.db.selectFrom('cluster_members').select('cluster_id').where('unit_id', 'in', scope)),
    eb('pacts.cluster_id', 'in', ctx.db.selectFrom('clusters').select('id').where('owner_unit_id', 'in', scope)),
  ]));
  if (q.schoolYear) base = base.where('pacts.school_year', '=', q.schoolYear);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.innerJoin('clusters', 'clusters.id', 'pacts.cluster_id').select(['pacts.id', 'pacts.title', 'pacts.status', 'pacts.school_year', 'clusters.name as cluster_name', 'pacts.cluster_id',
    (eb) => eb.selectFrom('pact_signatures').select((e) => e.fn.countAll<number>().as('n')).whereRef('pact_signatures.pact_id', '=', 'pacts.id').as('signed'),
    (eb) => eb.selectFrom('cluster_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('cluster_members.cluster_id', '=', 'pacts.cluster_id').as('members')])
    .orderBy('pacts.school_year', 'desc').orderBy('clusters.name').limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  return {
    items: rows.map((r) => ({ id: r.id, clusterId: r.cluster_id, clusterName: r.cluster_name, title: r.title, schoolYear: r.school_year, schoolYearLabel: schoolYearLabel(r.school_year), status: r.status, statusLabel: PACT_STATUS_LABELS[r.status], signedCount: Number(r.signed ?? 0), memberCount: Number(r.members ?? 0) })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** Clusters whose leading unit the actor may write for and that have no pact for their school year yet. */
export async function pactCandidates(ctx: TContext) {
  const roots = grantRoots(ctx.actor, 'report.write');
  if (!roots.length) return { items: [] };
  const scope = ctx.db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', 'in', roots);
  const rows = await ctx.db.selectFrom('clusters').select(['clusters.id', 'clusters.name', 'clusters.school_year', 'clusters.owner_unit_id'])
    .where((eb) => eb.or([
      eb('clusters.id', 'in', ctx.db.selectFrom('cluster_members').select('cluster_id').where('role', '=', 'truong').where('unit_id', 'in', scope)),
      eb.and([eb('clusters.owner_unit_id', 'in', scope), eb.not(eb.exists(eb.selectFrom('cluster_members as cm').select('cm.unit_id').whereRef('cm.cluster_id', '=', 'clusters.id').where('cm.role', '=', 'truong')))]),
    ]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('pacts').select('pacts.id').whereRef('pacts.cluster_id', '=', 'clusters.id').whereRef('pacts.school_year', '=', 'clusters.school_year'))))
    .orderBy('clusters.school_year', 'desc').orderBy('clusters.name').limit(200).execute();
  return { items: rows.map((r) => ({ clusterId: r.id, clusterName: r.name, schoolYear: r.school_year, schoolYearLabel: schoolYearLabel(r.school_year) })) };
}

export async function createPact(ctx: TContext, input: { clusterId: string; title?: string | null; body: string }) {
  const { cluster, members, lead } = await clusterOf(ctx.db, input.clusterId);
  await requireAccess(ctx, 'report.write', [lead]);
  if (!members.length) throw new AppError('INVALID_STATE', 'Cụm/khối chưa có đơn vị thành viên, chưa lập giao ước được');
  const now = nowIso();
  const row: PactTable = {
    id: newId(), province_code: cluster.province_code, cluster_id: cluster.id, school_year: cluster.school_year, lead_unit_id: lead,
    title: input.title?.trim() || `Giao ước thi đua năm học ${schoolYearLabel(cluster.school_year)} – ${cluster.name}`,
    body: input.body.trim(), status: 'draft', opened_at: null, created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  try {
    await withTransaction(ctx, async (trx) => {
      await trx.insertInto('pacts').values(row).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'pact.create', entityType: 'pact', entityId: row.id, unitId: lead, after: { clusterId: cluster.id, schoolYear: row.school_year, title: row.title } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${cluster.name} đã có giao ước thi đua năm học ${schoolYearLabel(cluster.school_year)}`);
    throw e;
  }
  return getPact(ctx, row.id);
}

export async function updatePact(ctx: TContext, id: string, input: { title?: string; body?: string }) {
  const p = await loadPact(ctx.db, id);
  await requireAccess(ctx, 'report.write', [p.lead_unit_id]);
  if (p.status !== 'draft') throw new AppError('INVALID_STATE', 'Giao ước đã mở để ký, không sửa nội dung được');
  const next = { title: input.title?.trim() || p.title, body: input.body?.trim() || p.body, updated_at: nowIso() };
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('pacts').set(next).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'pact.update', entityType: 'pact', entityId: id, unitId: p.lead_unit_id, before: { title: p.title, body: p.body }, after: { title: next.title, body: next.body } });
  });
  return getPact(ctx, id);
}

export async function openPact(ctx: TContext, id: string) {
  const p = await loadPact(ctx.db, id);
  await requireAccess(ctx, 'report.write', [p.lead_unit_id]);
  if (p.status !== 'draft') throw new AppError('INVALID_STATE', 'Giao ước đã được mở để ký');
  const now = nowIso();
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('pacts').set({ status: 'open', opened_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'draft').execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'pact.open', entityType: 'pact', entityId: id, unitId: p.lead_unit_id, before: { status: 'draft' }, after: { status: 'open' } });
  });
  return getPact(ctx, id);
}

export async function signPact(ctx: TContext, id: string, input: { unitId: string; signerName: string; signerTitle?: string | null }) {
  const p = await loadPact(ctx.db, id);
  const { members } = await clusterOf(ctx.db, p.cluster_id);
  const member = members.find((m) => m.unit_id === input.unitId);
  await requireAccess(ctx, 'report.write', [input.unitId]);
  if (!member) throw new AppError('VALIDATION', 'Đơn vị này không phải thành viên của cụm/khối thi đua', { fields: [{ field: 'unitId', message: 'Không thuộc cụm/khối' }] });
  if (p.status === 'draft') throw new AppError('INVALID_STATE', 'Giao ước còn là dự thảo, trưởng cụm chưa mở để ký');
  const now = nowIso();
  try {
    await withTransaction(ctx, async (trx) => {
      await trx.insertInto('pact_signatures').values({ id: newId(), pact_id: id, unit_id: member.unit_id, province_code: p.province_code, signer_name: input.signerName.trim(), signer_title: input.signerTitle?.trim() || null, signed_by: ctx.actor.userId, signed_at: now }).execute();
      const n = await trx.selectFrom('pact_signatures').select((eb) => eb.fn.countAll<number>().as('n')).where('pact_id', '=', id).executeTakeFirstOrThrow();
      if (Number(n.n) >= members.length) await trx.updateTable('pacts').set({ status: 'signed', updated_at: now }).where('id', '=', id).execute();
      await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'pact.sign', entityType: 'pact', entityId: id, unitId: member.unit_id, after: { unitId: member.unit_id, signerName: input.signerName.trim(), signedCount: Number(n.n), memberCount: members.length } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${member.name} đã ký giao ước này`);
    throw e;
  }
  return getPact(ctx, id);
}
