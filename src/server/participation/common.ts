// Helpers shared by the participation use-cases: the actor's own person record, subtree checks,
// unique-violation detection and paging.
import { schoolYearOf } from '../../shared/vn';
import type { TContext } from '../auth/access';
import type { Db, Tx } from '../db/database';
import { AppError, notFound } from '../errors';
import { isDescendant } from '../units/units.repository';

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key/.test(err?.message ?? '');
}

/** The person record behind an individual account (403 for an account without one). */
export async function ownPerson(ctx: TContext) {
  if (!ctx.actor.personId) throw new AppError('FORBIDDEN', 'Tài khoản này không gắn với hồ sơ cán bộ nào, không tự đăng ký được');
  const p = await ctx.db.selectFrom('people').select(['id', 'full_name', 'unit_id', 'province_code']).where('id', '=', ctx.actor.personId).executeTakeFirst();
  if (!p) throw notFound('Không tìm thấy hồ sơ cán bộ của tài khoản');
  return p;
}

/** Whether `unitId` is `ancestorId` or lies below it. */
export async function withinUnit(db: Db | Tx, ancestorId: string, unitId: string): Promise<boolean> {
  return ancestorId === unitId || isDescendant(db, ancestorId, unitId);
}

export const pageArgs = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** School-year quarter (1–4) of an ISO date: I = 8–11, II = 12–2, III = 3–5, IV = 6–7 (the school year starts in August). */
export function quarterOf(isoDate: string): { schoolYear: number; quarter: number } {
  const m = Number(isoDate.slice(5, 7));
  const schoolYear = schoolYearOf(isoDate);
  const quarter = m >= 8 && m <= 11 ? 1 : m === 12 || m <= 2 ? 2 : m <= 5 ? 3 : 4;
  return { schoolYear, quarter };
}
