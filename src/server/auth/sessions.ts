// Sessions live in the database (stateless app servers). The cookie holds a random token; the table
// keeps only its sha256, so a leaked database does not leak live sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import type { RoleCode } from '../db/schema';
import { nowIso } from '../ids';
import type { TActor } from './access';

export const SESSION_COOKIE = 'thidua_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, userId: string, hours: number, meta: { ip?: string | null; userAgent?: string | null }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expires = new Date(now.getTime() + hours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      last_seen_at: now.toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt: expires };
}

export type TSessionInfo = { sessionId: string; csrfToken: string; actor: TActor; mustChangePassword: boolean };

export async function loadSession(db: Db, token: string): Promise<TSessionInfo | null> {
  const id = sha256(token);
  // One round trip: the session, its user and the user's roles (one row per role; none without roles).
  const rows = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['sessions.id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at', 'users.id as user_id', 'users.username', 'users.full_name', 'users.person_id', 'users.is_active', 'users.must_change_password', 'user_roles.role', 'user_roles.unit_id'])
    .where('sessions.id', '=', id)
    .execute();
  const row = rows[0];
  if (!row || row.is_active !== 1) return null;
  const now = nowIso();
  if (row.expires_at <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute to keep writes off the hot path.
  if (Date.parse(now) - Date.parse(row.last_seen_at) > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password === 1,
    actor: {
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      personId: row.person_id,
      roles: rows.filter((r) => r.role !== null && r.unit_id !== null).map((r) => ({ role: r.role as RoleCode, unitId: r.unit_id as string })),
    },
  };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}
