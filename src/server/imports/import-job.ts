// The background job behind every Excel import: loads the stored file, rebuilds the actor from the
// account that asked (with its roles as they are now), runs the import and reports progress.
import type { RoleCode } from '../db/schema';
import type { TContext } from '../auth/access';
import { notifyUser } from '../notifications/notifications';
import { PermanentJobError, type TJobHelpers } from '../jobs/worker';
import { runImport } from './run-import';
import { WorkbookError, type TImportKind } from './excel-format';

export type TImportJobPayload = { kind: TImportKind; sha256: string; fileName: string; dryRun: boolean; userId: string };

export async function runImportJob(payload: TImportJobPayload, h: TJobHelpers) {
  const { db, kind } = h.database;
  const user = await db.selectFrom('users').select(['id', 'username', 'full_name', 'person_id', 'is_active']).where('id', '=', payload.userId).executeTakeFirst();
  if (!user || user.is_active !== 1) throw new PermanentJobError('Tài khoản yêu cầu nhập dữ liệu không còn hoạt động');
  const roles = await db.selectFrom('user_roles').select(['role', 'unit_id']).where('user_id', '=', user.id).execute();
  const ctx: TContext = { db, kind, actor: { userId: user.id, username: user.username, fullName: user.full_name, personId: user.person_id, roles: roles.map((r) => ({ role: r.role as RoleCode, unitId: r.unit_id })) } };
  const bytes = await h.storage.get(payload.sha256);
  try {
    const report = await runImport(ctx, payload.kind, bytes, payload.dryRun, h.progress);
    if (!payload.dryRun) {
      await notifyUser(db, user.id, { title: report.applied ? `Đã nhập ${payload.fileName}` : `Nhập ${payload.fileName} không thành công`, body: report.message, link: '/nhap-du-lieu' });
    }
    return report;
  } catch (e) {
    if (e instanceof WorkbookError) throw new PermanentJobError(e.message);
    throw e;
  }
}
