// Tuyên truyền (outreach log): activities by channel with participants / reach and links, and the
// aggregate by channel and month for a unit's subtree (used by the periodic reports).
import { sql } from 'kysely';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { OutreachChannel, OutreachEntryTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { pageArgs } from './common';

export const OUTREACH_CHANNELS = ['ban_tin', 'website', 'zalo', 'facebook', 'hoi_nghi', 'tap_huan'] as const satisfies readonly OutreachChannel[];
export const OUTREACH_CHANNEL_LABELS: Record<OutreachChannel, string> = {
  ban_tin: 'Bản tin', website: 'Website', zalo: 'Zalo', facebook: 'Facebook', hoi_nghi: 'Hội nghị', tap_huan: 'Tập huấn',
};

function present(r: OutreachEntryTable & { unit_name?: string | null }) {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name ?? null, planId: r.plan_id, channel: r.channel, channelLabel: OUTREACH_CHANNEL_LABELS[r.channel],
    activityDate: r.activity_date, title: r.title, participants: Number(r.participants), reach: Number(r.reach), link: r.link, note: r.note, createdAt: r.created_at,
  };
}

export async function createOutreach(ctx: TContext, input: { unitId: string; planId?: string | null; channel: OutreachChannel; activityDate: string; title: string; participants?: number; reach?: number; link?: string | null; note?: string | null }) {
  await requireAccess(ctx, 'report.write', [input.unitId]);
  const unit = await ctx.db.selectFrom('units').select(['id', 'province_code', 'name']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  if (input.planId) {
    const plan = await ctx.db.selectFrom('plans').innerJoin('unit_closure', 'unit_closure.ancestor_id', 'plans.unit_id').select('plans.id')
      .where('plans.id', '=', input.planId).where('unit_closure.descendant_id', '=', unit.id).executeTakeFirst();
    if (!plan) throw new AppError('VALIDATION', 'Kế hoạch không phải của đơn vị hoặc cấp trên', { fields: [{ field: 'planId', message: 'Không hợp lệ' }] });
  }
  const row: OutreachEntryTable = {
    id: newId(), province_code: unit.province_code, unit_id: unit.id, plan_id: input.planId ?? null, channel: input.channel, activity_date: input.activityDate,
    title: input.title.trim(), participants: input.participants ?? 0, reach: input.reach ?? 0, link: input.link?.trim() || null, note: input.note?.trim() || null,
    created_by: ctx.actor.userId, created_at: nowIso(),
  };
  await withTransaction(ctx, async (trx) => {
    await trx.insertInto('outreach_entries').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'outreach.create', entityType: 'outreach', entityId: row.id, unitId: unit.id, after: { channel: row.channel, date: row.activity_date, title: row.title, participants: row.participants, reach: row.reach } });
  });
  return present({ ...row, unit_name: unit.name });
}

export async function deleteOutreach(ctx: TContext, id: string, reason: string) {
  const row = await ctx.db.selectFrom('outreach_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy hoạt động tuyên truyền');
  await requireAccess(ctx, 'report.write', [row.unit_id]);
  await withTransaction(ctx, async (trx) => {
    await trx.deleteFrom('outreach_entries').where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'outreach.delete', entityType: 'outreach', entityId: id, unitId: row.unit_id, before: row, reason });
  });
  return { ok: true };
}

const subtree = (db: Db | Tx, unitId: string) => db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unitId);

export async function listOutreach(ctx: TContext, q: { unitId: string; from?: string; to?: string; channel?: OutreachChannel; page: number; pageSize: number }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  let base = ctx.db.selectFrom('outreach_entries').where('outreach_entries.unit_id', 'in', subtree(ctx.db, q.unitId));
  if (q.from) base = base.where('outreach_entries.activity_date', '>=', q.from);
  if (q.to) base = base.where('outreach_entries.activity_date', '<=', q.to);
  if (q.channel) base = base.where('outreach_entries.channel', '=', q.channel);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.innerJoin('units', 'units.id', 'outreach_entries.unit_id').selectAll('outreach_entries').select('units.name as unit_name')
    .orderBy('outreach_entries.activity_date', 'desc').orderBy('outreach_entries.created_at', 'desc').orderBy('outreach_entries.id')
    .limit(pageArgs(q).limit).offset(pageArgs(q).offset).execute();
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Counts by channel (activities, participants, reach) for a unit's subtree in [from, to], and by month.
 * `scope: 'unit'` counts the unit's own entries only (a periodic report: each unit reports its own, so
 * a roll-up that sums units never counts a sub-unit's activity twice).
 * No access check: callers (the summary use-case below, the periodic report) check first.
 */
export async function outreachAggregate(db: Db | Tx, unitId: string, period: { from?: string; to?: string }, scope: 'subtree' | 'unit' = 'subtree') {
  let base = scope === 'unit'
    ? db.selectFrom('outreach_entries').where('outreach_entries.unit_id', '=', unitId)
    : db.selectFrom('outreach_entries').where('outreach_entries.unit_id', 'in', subtree(db, unitId));
  if (period.from) base = base.where('outreach_entries.activity_date', '>=', period.from);
  if (period.to) base = base.where('outreach_entries.activity_date', '<=', period.to);
  const month = sql<string>`substr(outreach_entries.activity_date, 1, 7)`;
  const rows = await base
    .select(['outreach_entries.channel', month.as('month'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('outreach_entries.participants').as('participants'), (eb) => eb.fn.sum<number>('outreach_entries.reach').as('reach')])
    .groupBy(['outreach_entries.channel', month]).execute();
  const channels = OUTREACH_CHANNELS.map((c) => ({ channel: c, channelLabel: OUTREACH_CHANNEL_LABELS[c], activities: 0, participants: 0, reach: 0 }));
  const months = new Map<string, Record<OutreachChannel, number>>();
  for (const r of rows) {
    const ch = channels.find((c) => c.channel === r.channel);
    if (!ch) continue;
    ch.activities += Number(r.n);
    ch.participants += Number(r.participants ?? 0);
    ch.reach += Number(r.reach ?? 0);
    const bucket = months.get(r.month) ?? Object.fromEntries(OUTREACH_CHANNELS.map((c) => [c, 0])) as Record<OutreachChannel, number>;
    bucket[r.channel] += Number(r.n);
    months.set(r.month, bucket);
  }
  return {
    channels,
    totals: { activities: channels.reduce((s, c) => s + c.activities, 0), participants: channels.reduce((s, c) => s + c.participants, 0), reach: channels.reduce((s, c) => s + c.reach, 0) },
    byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, ...counts })),
  };
}

export async function outreachSummary(ctx: TContext, q: { unitId: string; from?: string; to?: string }) {
  await requireAccess(ctx, 'report.read', [q.unitId]);
  if (q.from && q.to && q.from > q.to) throw new AppError('VALIDATION', 'Ngày bắt đầu phải trước ngày kết thúc', { fields: [{ field: 'from', message: 'Sau ngày kết thúc' }] });
  return { unitId: q.unitId, from: q.from ?? null, to: q.to ?? null, ...(await outreachAggregate(ctx.db, q.unitId, q)) };
}
