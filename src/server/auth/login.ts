// Log-in and own-password use-cases.
import type { Database, Db } from '../db/database';
import type { RoleCode } from '../db/schema';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { writeAudit } from '../audit/audit';
import { ROLE_LABELS, ROLE_PERMISSIONS, type TActor } from './access';
import { assertPasswordPolicy, getDummyHash, hashPassword, verifyPassword } from './password';
import { clearFailures, lockedUntil, recordFailure } from './throttle';
import { deleteUserSessions } from './sessions';

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng';

export async function login(database: Database, usernameRaw: string, password: string, ip: string | null) {
  const { db } = database;
  const username = usernameRaw.trim().toLowerCase();
  const keys = [`user:${username}`, ...(ip ? [`ip:${ip}`] : [])];
  const until = await lockedUntil(db, keys);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new AppError('RATE_LIMITED', `Đăng nhập sai quá nhiều lần. Tài khoản tạm khoá, thử lại sau ${minutes} phút.`);
  }
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await getDummyHash(), password), false);
  if (!user || !ok || user.is_active !== 1) {
    for (const k of keys) await recordFailure(db, k);
    if (user) await db.updateTable('users').set({ failed_logins: user.failed_logins + 1 }).where('id', '=', user.id).execute();
    throw new AppError('UNAUTHENTICATED', user && ok && user.is_active !== 1 ? 'Tài khoản đã bị khoá' : WRONG);
  }
  await clearFailures(db, `user:${username}`);
  await db.updateTable('users').set({ failed_logins: 0, last_login_at: nowIso() }).where('id', '=', user.id).execute();
  return user;
}

export async function describeActor(db: Db, userId: string) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('units', 'units.id', 'user_roles.unit_id')
    .select(['user_roles.role', 'user_roles.unit_id', 'units.name'])
    .where('user_roles.user_id', '=', userId)
    .orderBy('units.name')
    .execute();
  const permissions = new Set<string>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r.role as RoleCode]) permissions.add(p);
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    personId: user.person_id,
    mustChangePassword: user.must_change_password === 1,
    roles: roles.map((r) => ({ role: r.role as RoleCode, roleLabel: ROLE_LABELS[r.role as RoleCode], unitId: r.unit_id, unitName: r.name })),
    permissions: [...permissions].sort(),
  };
}

export async function changeOwnPassword(database: Database, actor: TActor, sessionId: string, current: string, next: string) {
  const { db, kind } = database;
  const user = await db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng', { fields: [{ field: 'currentPassword', message: 'Không đúng' }] });
  }
  assertPasswordPolicy(next, user.username);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 0, updated_at: nowIso() }).where('id', '=', user.id).execute();
    await writeAudit(trx, kind, { actorUserId: actor.userId, action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
  await deleteUserSessions(db, user.id, sessionId);
}
