// Login throttling: after MAX_FAILURES wrong passwords for one user name (or from one address) within
// the window, that key is locked for LOCK_MINUTES. Stored in the database so it holds across servers.
import type { Db } from '../db/database';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;
const IP_FACTOR = 4; // an address may fail for several user names before it is locked

export async function lockedUntil(db: Db, keys: string[]): Promise<Date | null> {
  const rows = await db.selectFrom('login_throttle').select(['locked_until']).where('key', 'in', keys).execute();
  const now = Date.now();
  let latest: number | null = null;
  for (const r of rows) {
    if (r.locked_until && Date.parse(r.locked_until) > now) latest = Math.max(latest ?? 0, Date.parse(r.locked_until));
  }
  return latest ? new Date(latest) : null;
}

export async function recordFailure(db: Db, key: string): Promise<void> {
  const limit = key.startsWith('ip:') ? MAX_FAILURES * IP_FACTOR : MAX_FAILURES;
  const now = new Date();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  const windowStale = !row || now.getTime() - Date.parse(row.window_start) > WINDOW_MINUTES * 60_000;
  const failures = windowStale ? 1 : row!.failures + 1;
  const locked = failures >= limit ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
  const values = { failures, window_start: windowStale ? now.toISOString() : row!.window_start, locked_until: locked };
  // Upsert: two failed attempts at the same moment must not collide on the key.
  await db.insertInto('login_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
