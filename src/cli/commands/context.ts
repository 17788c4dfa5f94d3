// Opens the configured database (migrated) for a CLI command and builds an actor from an account.
import { loadConfig } from '../../server/config';
import { bootstrap } from '../../server/bootstrap';
import type { TContext } from '../../server/auth/access';
import type { RoleCode } from '../../server/db/schema';

export async function openForCli() {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const { deps } = await bootstrap(config);
  return deps;
}

export async function actorContext(deps: Awaited<ReturnType<typeof openForCli>>, username: string): Promise<TContext> {
  const { db, kind } = deps.database;
  const user = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  if (!user) throw new Error(`Không có tài khoản ${username}`);
  const roles = await db.selectFrom('user_roles').select(['role', 'unit_id']).where('user_id', '=', user.id).execute();
  return { db, kind, actor: { userId: user.id, username: user.username, fullName: user.full_name, personId: user.person_id, roles: roles.map((r) => ({ role: r.role as RoleCode, unitId: r.unit_id })) } };
}
