// `thidua user create|reset-password`: for the operator with shell access (audited as the system).
import { hashPassword } from '../../server/auth/password';
import { writeAudit } from '../../server/audit/audit';
import { newId, nowIso, randomPassword } from '../../server/ids';
import { openForCli } from './context';
import { flag } from '../main';

const ROLES = ['admin', 'officer', 'head', 'council', 'individual'] as const;

export async function runUserCommand(args: string[]): Promise<number> {
  const [sub, username] = args;
  const deps = await openForCli();
  const { db, kind } = deps.database;
  try {
    if (sub === 'create' && username) {
      const unitCode = flag(args, '--unit');
      const role = flag(args, '--role') as (typeof ROLES)[number] | undefined;
      if (!unitCode || !role || !ROLES.includes(role)) { console.error('Cần --unit <mã đơn vị> và --role <admin|officer|head|council|individual>'); return 1; }
      const unit = await db.selectFrom('units').select(['id', 'name']).where('code', '=', unitCode.toUpperCase()).executeTakeFirst();
      if (!unit) { console.error(`Không có đơn vị mã ${unitCode}`); return 1; }
      const name = username.toLowerCase();
      if (await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst()) { console.error(`Tài khoản ${name} đã có`); return 1; }
      const personId = flag(args, '--person') ?? null;
      if (role === 'individual' && !personId) { console.error('Vai trò individual cần --person <id hồ sơ>'); return 1; }
      const password = randomPassword();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values({ id, username: name, full_name: flag(args, '--name') ?? name, email: null, password_hash: await hashPassword(password), person_id: personId, is_active: 1, must_change_password: 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: nowIso(), updated_at: nowIso() }).execute();
        await trx.insertInto('user_roles').values({ id: newId(), user_id: id, role, unit_id: unit.id, created_at: nowIso() }).execute();
        await writeAudit(trx, kind, { actorUserId: null, action: 'user.create', entityType: 'user', entityId: id, unitId: unit.id, after: { username: name, role, via: 'cli' } });
      });
      console.log(`Đã tạo ${name} (${role} tại ${unit.name}). Mật khẩu tạm: ${password}`);
      return 0;
    }
    if (sub === 'reset-password' && username) {
      const user = await db.selectFrom('users').select(['id']).where('username', '=', username.toLowerCase()).executeTakeFirst();
      if (!user) { console.error(`Không có tài khoản ${username}`); return 1; }
      const password = randomPassword();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: await hashPassword(password), must_change_password: 1, failed_logins: 0, locked_until: null, updated_at: nowIso() }).where('id', '=', user.id).execute();
        await trx.deleteFrom('login_throttle').where('key', '=', `user:${username.toLowerCase()}`).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
        await writeAudit(trx, kind, { actorUserId: null, action: 'user.reset_password', entityType: 'user', entityId: user.id, after: { via: 'cli' } });
      });
      console.log(`Mật khẩu tạm của ${username}: ${password} (phải đổi khi đăng nhập)`);
      return 0;
    }
    console.error('Cách dùng: thidua user create <tên> --unit <mã> --role <vai trò> | thidua user reset-password <tên>');
    return 1;
  } finally {
    await deps.database.close();
  }
}
