// First-boot set-up: the first administrator (`admin`) and, when asked, the demo province.
import fs from 'node:fs';
import path from 'node:path';
import type { TConfig } from './config';
import type { Database } from './db/database';
import { hashPassword } from './auth/password';
import { writeAudit } from './audit/audit';
import { newId, nowIso, randomPassword } from './ids';
import { insertUnit } from './units/units.repository';
import { foldVietnamese } from '../shared/vn';
import { seedDemo, rootUnitCode, type TDemoResult } from './demo/seed-demo';

export type TSetupResult = { adminCreated: boolean; adminPassword: string | null; demo: TDemoResult | null };

export async function ensureInitialData(database: Database, config: TConfig): Promise<TSetupResult> {
  const { db } = database;
  const hasAdmin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const hasUnits = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  const wantDemo = (config.THIDUA_DEMO ?? (database.kind === 'sqlite' ? '1' : '0')) === '1';
  let demo: TDemoResult | null = null;
  if (!hasUnits && wantDemo) {
    const demoPassword = config.THIDUA_DEMO_PASSWORD ?? randomPassword(12);
    demo = await seedDemo(database, { demoPassword });
    if (!config.THIDUA_DEMO_PASSWORD) {
      const file = path.join(config.dataDir, 'demo-accounts.txt');
      const lines = [`Mật khẩu chung của các tài khoản mẫu: ${demoPassword}`, ...demo.accounts.map((a) => `${a.username}\t${a.description} — ${a.unitName}`)];
      fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
    }
  } else if (!hasUnits) {
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      await insertUnit(trx, { id: newId(), code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', short_name: null, abbreviation: 'BGDĐT', kind: 'bo', province_code: '00', commune_code: null, parent_id: null, prof_parent_id: null, address: null, phone: null, email: null, status: 'active', valid_from: '1945-08-28', valid_to: null, name_search: foldVietnamese('Bộ Giáo dục và Đào tạo'), created_at: now, updated_at: now });
    });
  }
  if (hasAdmin) return { adminCreated: false, adminPassword: null, demo };
  const root = (await db.selectFrom('units').select('id').where('code', '=', rootUnitCode()).executeTakeFirst())
    ?? (await db.selectFrom('units').select('id').where('parent_id', 'is', null).where('prof_parent_id', 'is', null).orderBy('created_at').executeTakeFirstOrThrow());
  const password = config.THIDUA_ADMIN_PASSWORD ?? randomPassword();
  const now = nowIso();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({ id, username: 'admin', full_name: 'Quản trị hệ thống', email: null, password_hash: await hashPassword(password), person_id: null, is_active: 1, must_change_password: config.THIDUA_ADMIN_PASSWORD ? 0 : 1, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
    await trx.insertInto('user_roles').values({ id: newId(), user_id: id, role: 'admin', unit_id: root.id, created_at: now }).execute();
    await writeAudit(trx, database.kind, { actorUserId: null, action: 'user.create', entityType: 'user', entityId: id, unitId: root.id, after: { username: 'admin', role: 'admin' } });
  });
  return { adminCreated: true, adminPassword: config.THIDUA_ADMIN_PASSWORD ? null : password, demo };
}
