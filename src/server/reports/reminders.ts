// Reminders about reports not sent: due soon (within 3 days) once per period and unit, overdue once a
// day, or by hand from the board. Each goes to the unit's officers and head in the app and by e-mail
// (nodemailer over SMTP_URL; no SMTP_URL → in-app only). The daily job `reports.remind` re-schedules
// itself while any period is still open.
import nodemailer from 'nodemailer';
import { formatDateVi } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { TConfig } from '../config';
import type { Db, DbKind, Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { enqueueJob } from '../jobs/queue';
import type { TJobHelpers } from '../jobs/worker';
import { notifyUser } from '../notifications/notifications';
import { addDays } from './periods';
import { findForm, findPeriod, officersWithEmail, respondentIds, unitsByIds, type TPeriodRow } from './reports.repository';

export const REPORT_REMIND_JOB = 'reports.remind';
const DUE_SOON_DAYS = 3;
export type TMailSettings = { url: string; from: string };
export type TMail = { to: string; subject: string; text: string };

export function mailSettings(config?: Pick<TConfig, 'SMTP_URL' | 'SMTP_FROM'> | null): TMailSettings {
  return { url: config?.SMTP_URL ?? '', from: config?.SMTP_FROM ?? 'thidua <no-reply@thidua.local>' };
}

/** Sends after the transaction committed; a failed delivery is counted, never undoes the reminder. */
export async function deliverMails(settings: TMailSettings, mails: TMail[]): Promise<{ sent: number; failed: number }> {
  if (!settings.url || !mails.length) return { sent: 0, failed: 0 };
  const transport = nodemailer.createTransport(settings.url);
  let sent = 0, failed = 0;
  for (const m of mails) {
    try { await transport.sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text }); sent++; } catch { failed++; }
  }
  transport.close();
  return { sent, failed };
}

type TTarget = { unitId: string; unitName: string; provinceCode: string; email: string | null };

async function sendReminders(trx: Tx, kind: DbKind, actorUserId: string | null, form: { id: string; title: string; unit_id: string }, period: TPeriodRow, targets: TTarget[], reminderKind: 'due_soon' | 'overdue' | 'manual', today: string, withEmail: boolean) {
  const owner = (await trx.selectFrom('units').select('name').where('id', '=', form.unit_id).executeTakeFirst())?.name ?? '';
  const people = await officersWithEmail(trx, targets.map((t) => t.unitId));
  const mails: TMail[] = [];
  const now = nowIso();
  let notifications = 0;
  const reminded: { unitId: string; unitName: string; recipients: number }[] = [];
  for (const t of targets) {
    const dedupe = reminderKind === 'due_soon' ? `due_soon:${period.id}:${t.unitId}` : reminderKind === 'overdue' ? `overdue:${period.id}:${t.unitId}:${today}` : null;
    if (dedupe && await trx.selectFrom('report_reminders').select('id').where('dedupe_key', '=', dedupe).executeTakeFirst()) continue;
    const late = period.due_date < today;
    const days = late ? Math.round((Date.parse(today) - Date.parse(period.due_date)) / 86_400_000) : Math.round((Date.parse(period.due_date) - Date.parse(today)) / 86_400_000);
    const subject = late ? `[Quá hạn] ${t.unitName} chưa gửi báo cáo ${period.label}` : `[Sắp đến hạn] ${t.unitName}: báo cáo ${period.label} hạn ${formatDateVi(period.due_date)}`;
    const body = `${owner} đề nghị ${t.unitName} gửi báo cáo "${form.title}" kỳ ${period.label}, hạn ${formatDateVi(period.due_date)}${late ? ` (đã quá hạn ${days} ngày)` : ` (còn ${days} ngày)`}.`;
    const users = people.filter((p) => p.unit_id === t.unitId);
    for (const u of [...new Map(users.map((u) => [u.user_id, u])).values()]) {
      await notifyUser(trx, u.user_id, { title: subject, body, link: '/bao-cao' });
      notifications++;
    }
    const emails = new Set<string>(withEmail ? [...users.map((u) => u.email).filter((e): e is string => !!e), ...(t.email ? [t.email] : [])] : []);
    for (const to of emails) mails.push({ to, subject, text: `${body}\n\nVào mục "Báo cáo định kỳ" của phần mềm thi đua – khen thưởng để nhập và gửi báo cáo.` });
    await trx.insertInto('report_reminders').values({ id: newId(), period_id: period.id, unit_id: t.unitId, province_code: t.provinceCode, kind: reminderKind, dedupe_key: dedupe, recipients: users.length, emails: emails.size, sent_by: actorUserId, sent_at: now }).execute();
    reminded.push({ unitId: t.unitId, unitName: t.unitName, recipients: users.length });
  }
  if (reminded.length) await writeAudit(trx, kind, { actorUserId, action: 'report.remind', entityType: 'report_period', entityId: period.id, unitId: form.unit_id, after: { kind: reminderKind, units: reminded.map((r) => r.unitId), notifications, emails: mails.length } });
  return { reminded, notifications, mails };
}

async function unsentTargets(db: Db | Tx, formId: string, periodId: string, limitTo?: string[]): Promise<TTarget[]> {
  const all = await respondentIds(db, formId);
  const sent = new Set((await db.selectFrom('report_submissions').select('unit_id').where('period_id', '=', periodId).where('state', 'in', ['submitted', 'accepted']).execute()).map((r) => r.unit_id));
  const wanted = limitTo ? new Set(limitTo) : null;
  const ids = all.filter((u) => !sent.has(u) && (!wanted || wanted.has(u)));
  return (await unitsByIds(db, ids)).map((u) => ({ unitId: u.id, unitName: u.name, provinceCode: u.province_code, email: u.email }));
}

/** "Nhắc ngay" from the board: the listed units (or all that have not sent) of an open period. */
export async function remindNow(ctx: TContext, config: Pick<TConfig, 'SMTP_URL' | 'SMTP_FROM'>, periodId: string, input: { unitIds?: string[] }, today = todayIso()) {
  const period = await findPeriod(ctx.db, periodId);
  if (!period) throw notFound('Không tìm thấy kỳ báo cáo');
  const form = await findForm(ctx.db, period.form_id);
  if (!form) throw notFound('Không tìm thấy kỳ báo cáo');
  await requireAccess(ctx, 'report.write', [form.unit_id]);
  if (period.opens_on > today) throw new AppError('INVALID_STATE', `Kỳ báo cáo ${period.label} chưa mở`);
  if (input.unitIds?.length) {
    const all = new Set(await respondentIds(ctx.db, form.id));
    const unknown = input.unitIds.filter((u) => !all.has(u));
    if (unknown.length) throw new AppError('VALIDATION', `Có ${unknown.length} đơn vị không thuộc diện báo cáo`, { fields: [{ field: 'unitIds', message: 'Không thuộc diện' }] });
  }
  const targets = await unsentTargets(ctx.db, form.id, period.id, input.unitIds);
  if (!targets.length) throw new AppError('VALIDATION', 'Các đơn vị đã chọn đều đã gửi báo cáo');
  const res = await ctx.db.transaction().execute((trx) => sendReminders(trx, ctx.kind, ctx.actor.userId, form, period, targets, 'manual', today, true));
  const mail = await deliverMails(mailSettings(config), res.mails);
  return { remindedUnits: res.reminded.length, notifications: res.notifications, emailsSent: mail.sent, emailsFailed: mail.failed, units: res.reminded };
}

/** One queued reminder job at a time (next 01:00 UTC = 08:00 in Việt Nam). */
export async function ensureRemindJob(db: Db | Tx, runAfter?: string): Promise<void> {
  const at = runAfter ?? `${addDays(todayIso(), 1)}T01:00:00.000Z`;
  const queued = await db.selectFrom('jobs').select(['id', 'run_after']).where('type', '=', REPORT_REMIND_JOB).where('status', '=', 'queued').executeTakeFirst();
  if (queued) { if (queued.run_after > at) await db.updateTable('jobs').set({ run_after: at }).where('id', '=', queued.id).execute(); return; }
  await enqueueJob(db, { type: REPORT_REMIND_JOB, payload: {}, runAfter: at });
}

/** The scheduled job: due-soon and overdue notices for every open period of every form of a plan not closed. */
export async function runReportRemindJob(payload: { today?: string }, h: Pick<TJobHelpers, 'database' | 'progress'> & Partial<Pick<TJobHelpers, 'config'>>) {
  const { db, kind } = h.database;
  const today = payload.today ?? todayIso();
  const periods = await db.selectFrom('report_periods').innerJoin('report_forms', 'report_forms.id', 'report_periods.form_id').innerJoin('plans', 'plans.id', 'report_forms.plan_id')
    .selectAll('report_periods').where('plans.state', '!=', 'closed').where('report_periods.opens_on', '<=', today).where('report_periods.due_date', '<=', addDays(today, DUE_SOON_DAYS))
    .where('report_periods.due_date', '>=', addDays(today, -60)).execute();
  let units = 0, notifications = 0, emailsSent = 0, done = 0;
  const settings = mailSettings(h.config);
  for (const p of periods) {
    const form = (await findForm(db, p.form_id))!;
    const targets = await unsentTargets(db, form.id, p.id);
    if (!targets.length) continue;
    const res = await db.transaction().execute((trx) => sendReminders(trx, kind, null, form, p, targets, p.due_date < today ? 'overdue' : 'due_soon', today, true));
    const mail = await deliverMails(settings, res.mails);
    units += res.reminded.length; notifications += res.notifications; emailsSent += mail.sent;
    done++;
    await h.progress((done / periods.length) * 100, `Đã nhắc ${units} đơn vị`);
  }
  if (!payload.today) {
    const open = await db.selectFrom('report_periods').innerJoin('report_forms', 'report_forms.id', 'report_periods.form_id').innerJoin('plans', 'plans.id', 'report_forms.plan_id')
      .select('report_periods.id').where('plans.state', '!=', 'closed').where('report_periods.due_date', '>=', addDays(today, -60)).executeTakeFirst();
    if (open) await ensureRemindJob(db);
  }
  return { periods: periods.length, remindedUnits: units, notifications, emailsSent };
}
