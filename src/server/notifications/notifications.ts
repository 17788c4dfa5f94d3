// In-app notifications: written by use-cases and jobs, read by their recipient only.
import type { Db, Tx } from '../db/database';
import type { TContext } from '../auth/access';
import { newId, nowIso } from '../ids';

export async function notifyUser(db: Db | Tx, userId: string, n: { title: string; body?: string | null; link?: string | null }) {
  await db.insertInto('notifications').values({ id: newId(), user_id: userId, title: n.title, body: n.body ?? null, link: n.link ?? null, read_at: null, created_at: nowIso() }).execute();
}

export async function listNotifications(ctx: TContext, unreadOnly: boolean) {
  let q = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('created_at', 'desc').limit(50).execute();
  const unread = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', ctx.actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return { items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, readAt: r.read_at, createdAt: r.created_at })), unread: Number(unread.n) };
}

export async function markRead(ctx: TContext, id: string) {
  await ctx.db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', id).where('user_id', '=', ctx.actor.userId).execute();
}
