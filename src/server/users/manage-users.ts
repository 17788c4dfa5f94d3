// Account administration: an administrator manages accounts whose roles lie in their subtree.
import type { RoleCode } from '../db/schema';
import { ROLE_LABELS, inUnitScope, requireAccess, type TContext } from '../auth/access';
import { assertPasswordPolicy, hashPassword } from '../auth/password';
import { deleteUserSessions } from '../auth/sessions';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, randomPassword } from '../ids';
import { foldVietnamese } from '../../shared/vn';

export type TRoleInput = { role: RoleCode; unitId: string };

async function presentUser(db: Db | Tx, id: string) {
  const u = await db.selectFrom('users').leftJoin('people', 'people.id', 'users.person_id').select(['users.id', 'users.username', 'users.full_name', 'users.email', 'users.person_id', 'people.full_name as person_name', 'users.is_active', 'users.must_change_password', 'users.locked_until', 'users.last_login_at', 'users.created_at']).where('users.id', '=', id).executeTakeFirst();
  if (!u) throw notFound('Không tìm thấy tài khoản');
  const roles = await db.selectFrom('user_roles').innerJoin('units', 'units.id', 'user_roles.unit_id').select(['user_roles.role', 'user_roles.unit_id', 'units.name']).where('user_id', '=', id).execute();
  return {
    id: u.id, username: u.username, fullName: u.full_name, email: u.email, personId: u.person_id, personName: u.person_name ?? null,
    isActive: u.is_active === 1, mustChangePassword: u.must_change_password === 1, lastLoginAt: u.last_login_at, createdAt: u.created_at,
    roles: roles.map((r) => ({ role: r.role as RoleCode, roleLabel: ROLE_LABELS[r.role as RoleCode], unitId: r.unit_id, unitName: r.name })),
  };
}

async function checkRoles(ctx: TContext, roles: TRoleInput[], personId?: string | null) {
  await requireAccess(ctx, 'user.manage', roles.map((r) => r.unitId));
  if (roles.some((r) => r.role === 'individual') && !personId) {
    throw new AppError('VALIDATION', 'Vai trò Cá nhân phải gắn với hồ sơ một cán bộ', { fields: [{ field: 'personId', message: 'Chọn cán bộ' }] });
  }
  if (personId) {
    const p = await ctx.db.selectFrom('people').select(['unit_id']).where('id', '=', personId).executeTakeFirst();
    if (!p) throw new AppError('VALIDATION', 'Không tìm thấy hồ sơ cán bộ', { fields: [{ field: 'personId', message: 'Không tồn tại' }] });
    await requireAccess(ctx, 'user.manage', [p.unit_id]);
  }
}

export async function listUsers(ctx: TContext, f: { q?: string; page: number; pageSize: number }) {
  await requireAccess(ctx, 'user.manage', []);
  let q = ctx.db.selectFrom('users').where((eb) => eb.exists(eb.selectFrom('user_roles as scope_r').select('scope_r.user_id').whereRef('scope_r.user_id', '=', 'users.id').where(inUnitScope(ctx.actor, 'user.manage', 'scope_r.unit_id'))));
  if (f.q) {
    const term = `%${foldVietnamese(f.q)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'like', term), eb('users.full_name', 'like', `%${f.q}%`)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select('users.id').orderBy('users.username').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const items = [];
  for (const r of rows) items.push(await presentUser(ctx.db, r.id));
  return { items, total: Number(total.n), page: f.page, pageSize: f.pageSize };
}

export async function createUser(ctx: TContext, input: { username: string; fullName: string; email?: string | null; personId?: string | null; password?: string | null; roles: TRoleInput[] }) {
  if (!input.roles.length) throw new AppError('VALIDATION', 'Tài khoản cần ít nhất một vai trò', { fields: [{ field: 'roles', message: 'Chọn vai trò' }] });
  await checkRoles(ctx, input.roles, input.personId);
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,50}$/.test(username)) throw new AppError('VALIDATION', 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch', { fields: [{ field: 'username', message: 'Không hợp lệ' }] });
  if (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) {
    throw new AppError('CONFLICT', `Tên đăng nhập ${username} đã được dùng`, { fields: [{ field: 'username', message: 'Đã tồn tại' }] });
  }
  const generated = !input.password;
  const password = input.password ?? randomPassword();
  assertPasswordPolicy(password, username);
  const hash = await hashPassword(password);
  const id = newId();
  await withTransaction(ctx, async (trx) => {
    const now = nowIso();
    await trx.insertInto('users').values({ id, username, full_name: input.fullName, email: input.email ?? null, password_hash: hash, person_id: input.personId ?? null, is_active: 1, must_change_password: 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
    await trx.insertInto('user_roles').values(input.roles.map((r) => ({ id: newId(), user_id: id, role: r.role, unit_id: r.unitId, created_at: now }))).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'user.create', entityType: 'user', entityId: id, unitId: input.roles[0].unitId, after: { username, fullName: input.fullName, personId: input.personId ?? null, roles: input.roles } });
  });
  return { user: await presentUser(ctx.db, id), temporaryPassword: generated ? password : null };
}

async function loadManagedUser(ctx: TContext, id: string) {
  const roles = await ctx.db.selectFrom('user_roles').select(['unit_id']).where('user_id', '=', id).execute();
  if (!(await ctx.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst())) throw notFound('Không tìm thấy tài khoản');
  await requireAccess(ctx, 'user.manage', roles.map((r) => r.unit_id));
  return presentUser(ctx.db, id);
}

export async function getUser(ctx: TContext, id: string) {
  return loadManagedUser(ctx, id);
}

export async function updateUser(ctx: TContext, id: string, input: { fullName?: string; email?: string | null; isActive?: boolean; personId?: string | null; roles?: TRoleInput[] }) {
  const before = await loadManagedUser(ctx, id);
  if (input.roles) {
    if (!input.roles.length) throw new AppError('VALIDATION', 'Tài khoản cần ít nhất một vai trò');
    await checkRoles(ctx, input.roles, input.personId !== undefined ? input.personId : before.personId);
  }
  if (id === ctx.actor.userId && input.isActive === false) throw new AppError('VALIDATION', 'Không thể tự khoá tài khoản của mình');
  await withTransaction(ctx, async (trx) => {
    const set: Record<string, unknown> = { updated_at: nowIso() };
    if (input.fullName !== undefined) set.full_name = input.fullName;
    if (input.email !== undefined) set.email = input.email;
    if (input.isActive !== undefined) set.is_active = input.isActive ? 1 : 0;
    if (input.personId !== undefined) set.person_id = input.personId;
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    if (input.roles) {
      await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
      await trx.insertInto('user_roles').values(input.roles.map((r) => ({ id: newId(), user_id: id, role: r.role, unit_id: r.unitId, created_at: nowIso() }))).execute();
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'user.update', entityType: 'user', entityId: id, unitId: before.roles[0]?.unitId, before: { fullName: before.fullName, isActive: before.isActive, roles: before.roles.map((r) => ({ role: r.role, unitId: r.unitId })) }, after: input });
  });
  if (input.isActive === false || input.roles) await deleteUserSessions(ctx.db as Db, id);
  return presentUser(ctx.db, id);
}

/** Admin reset: a new temporary password shown once; the user must change it at next log-in. */
export async function resetUserPassword(ctx: TContext, id: string) {
  const user = await loadManagedUser(ctx, id);
  const password = randomPassword();
  const hash = await hashPassword(password);
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: nowIso() }).where('id', '=', id).execute();
    await trx.deleteFrom('login_throttle').where('key', '=', `user:${user.username}`).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'user.reset_password', entityType: 'user', entityId: id, unitId: user.roles[0]?.unitId });
  });
  await deleteUserSessions(ctx.db as Db, id);
  return { temporaryPassword: password };
}
