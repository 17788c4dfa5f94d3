// Rule sets stored in the database (table rule_sets, one row per version). Evaluation everywhere uses
// `loadActiveRuleSets(db)`: the newest version of every set, cached per process and per database, and
// re-read when the table changes (a cheap stamp query, so several app servers stay in step).
// An administrator's edit inserts a new version (validated with parseRuleSet), closes the old one and
// writes an audit row in the same transaction; stored verdicts keep (code, version) and
// `loadRuleSetVersion` returns exactly the version they used.
import { sql } from 'kysely';
import { ZodError } from 'zod';
import { parseRuleSet, SHIPPED_RULE_SETS, type RuleSet } from '../../rules';
import { grantRoots, hasPermissionSomewhere, requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { RuleSetTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { nowIso } from '../ids';

type Cache = { stamp: string; sets: RuleSet[] };
const caches = new WeakMap<object, Cache>();

function rowToSet(row: Pick<RuleSetTable, 'data' | 'version' | 'code'>): RuleSet {
  const set = JSON.parse(row.data) as RuleSet;
  return { ...set, id: row.code, version: row.version };
}

async function stampOf(db: Db | Tx): Promise<string> {
  const r = await db
    .selectFrom('rule_sets')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('last'), eb.fn.max('superseded_at').as('closed')])
    .executeTakeFirstOrThrow();
  return `${r.n}|${r.last ?? ''}|${r.closed ?? ''}`;
}

/** Inserts the shipped sets whose code is not in the table yet (a new release's sets); never touches edited ones. */
export async function ensureShippedRuleSets(db: Db | Tx): Promise<number> {
  const have = new Set((await db.selectFrom('rule_sets').select('code').distinct().execute()).map((r) => r.code));
  let added = 0;
  for (const set of SHIPPED_RULE_SETS) {
    if (have.has(set.id)) continue;
    await db
      .insertInto('rule_sets')
      .values({
        id: `${set.id}@${set.version}`, code: set.id, version: set.version, name: set.name, effective_from: set.effectiveFrom,
        effective_to: set.effectiveTo, citation: set.citation, unverified: set.verified ? 0 : 1, data: JSON.stringify(set),
        source: 'shipped', reason: null, created_by: null, created_at: nowIso(), superseded_at: null,
      })
      .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
      .execute();
    added += 1;
  }
  return added;
}

/** The newest version of every rule set (what evaluation uses now). */
export async function loadActiveRuleSets(db: Db | Tx): Promise<RuleSet[]> {
  const key = (db as { isTransaction?: boolean }).isTransaction ? null : db;
  const stamp = await stampOf(db);
  const cached = key ? caches.get(key) : undefined;
  if (cached && cached.stamp === stamp) return cached.sets;
  const rows = await db.selectFrom('rule_sets').select(['code', 'version', 'data']).where('superseded_at', 'is', null).orderBy('effective_from').execute();
  const sets = rows.map(rowToSet);
  if (key) caches.set(key, { stamp, sets });
  return sets;
}

/** Forget the cached sets of this database (after an edit in this process). */
export function invalidateRuleSets(db: Db | Tx): void {
  caches.delete(db);
}

/** One exact version (for a stored verdict or decision). */
export async function loadRuleSetVersion(db: Db | Tx, code: string, version: number): Promise<RuleSet | null> {
  const row = await db.selectFrom('rule_sets').select(['code', 'version', 'data']).where('code', '=', code).where('version', '=', version).executeTakeFirst();
  return row ? rowToSet(row) : null;
}

function canReadRules(ctx: TContext): boolean {
  return hasPermissionSomewhere(ctx.actor, 'commendation.read') || hasPermissionSomewhere(ctx.actor, 'rules.manage');
}

function summary(row: Omit<RuleSetTable, 'data'> & { data?: string }) {
  return {
    code: row.code,
    version: row.version,
    name: row.name,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    citation: row.citation,
    unverified: row.unverified === 1,
    source: row.source,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    supersededAt: row.superseded_at,
  };
}
export type TRuleSetSummary = ReturnType<typeof summary>;

function countUnverified(set: RuleSet): number {
  let n = 0;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.verified === false) n += 1;
      Object.values(o).forEach(walk);
    }
  };
  walk(set.titles);
  return n;
}

export async function listRuleSets(ctx: TContext) {
  if (!canReadRules(ctx)) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem bộ quy tắc');
  const rows = await ctx.db.selectFrom('rule_sets').selectAll().where('superseded_at', 'is', null).orderBy('effective_from').execute();
  const versions = await ctx.db.selectFrom('rule_sets').select((eb) => ['code', eb.fn.countAll<number>().as('n')]).groupBy('code').execute();
  const count = new Map(versions.map((v) => [v.code, Number(v.n)]));
  return {
    items: rows.map((r) => ({ ...summary(r), versionCount: count.get(r.code) ?? 1, unverifiedValues: countUnverified(rowToSet(r)) })),
  };
}

export async function getRuleSet(ctx: TContext, code: string, version?: number) {
  if (!canReadRules(ctx)) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem bộ quy tắc');
  const history = await ctx.db.selectFrom('rule_sets').selectAll().where('code', '=', code).orderBy('version', 'desc').execute();
  if (history.length === 0) throw notFound('Không tìm thấy bộ quy tắc');
  const row = version ? history.find((h) => h.version === version) : history.find((h) => h.superseded_at === null) ?? history[0];
  if (!row) throw notFound(`Bộ quy tắc không có phiên bản ${version}`);
  return { ...summary(row), ruleSet: rowToSet(row), history: history.map((h) => summary(h)) };
}

/** Paths whose value differs between two JSON documents (for the audit row and the history view). */
export function jsonDiff(a: unknown, b: unknown, path = '', out: string[] = [], limit = 200): string[] {
  if (out.length >= limit) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, limit);
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path || '(toàn bộ)');
  return out;
}

function zodMessage(e: ZodError): { message: string; fields: { field: string; message: string }[] } {
  const fields = e.issues.map((i) => ({ field: `ruleSet.${i.path.join('.')}`, message: i.message }));
  return { message: `Bộ quy tắc không hợp lệ: ${fields[0].field} — ${fields[0].message}`, fields };
}

export type TNewRuleSetVersion = { baseVersion: number; reason: string; ruleSet: unknown };

/** Saves an edited set as a new version (the old version stays); audited; refuses invalid JSON with the first problem. */
export async function createRuleSetVersion(ctx: TContext, code: string, input: TNewRuleSetVersion) {
  await requireAccess(ctx, 'rules.manage', []);
  const reason = input.reason.trim();
  if (reason.length < 5) throw new AppError('VALIDATION', 'Cần ghi lý do thay đổi (ít nhất 5 ký tự)', { fields: [{ field: 'reason', message: 'Bắt buộc' }] });
  const current = await ctx.db.selectFrom('rule_sets').selectAll().where('code', '=', code).where('superseded_at', 'is', null).executeTakeFirst();
  if (!current) throw notFound('Không tìm thấy bộ quy tắc');
  if (current.version !== input.baseVersion) {
    throw new AppError('CONFLICT', `Bộ quy tắc đã được sửa thành phiên bản ${current.version} trong lúc bạn sửa phiên bản ${input.baseVersion}; hãy tải lại`);
  }
  const version = current.version + 1;
  const raw = input.ruleSet && typeof input.ruleSet === 'object' ? { ...(input.ruleSet as Record<string, unknown>), id: code, version } : input.ruleSet;
  let set: RuleSet;
  try {
    set = parseRuleSet(raw);
  } catch (e) {
    if (e instanceof ZodError) {
      const m = zodMessage(e);
      throw new AppError('VALIDATION', m.message, { fields: m.fields });
    }
    throw e;
  }
  const before = rowToSet(current);
  const changed = jsonDiff(before, set).filter((p) => p !== 'version');
  if (changed.length === 0) throw new AppError('VALIDATION', 'Không có thay đổi nào so với phiên bản hiện hành');
  const at = nowIso();
  const row: RuleSetTable = {
    id: `${code}@${version}`, code, version, name: set.name, effective_from: set.effectiveFrom, effective_to: set.effectiveTo,
    citation: set.citation, unverified: set.verified ? 0 : 1, data: JSON.stringify(set), source: 'admin', reason,
    created_by: ctx.actor.userId, created_at: at, superseded_at: null,
  };
  try {
    await withTransaction(ctx, async (trx) => {
      const closed = await trx.updateTable('rule_sets').set({ superseded_at: at }).where('id', '=', current.id).where('superseded_at', 'is', null).executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'Bộ quy tắc vừa được người khác sửa; hãy tải lại');
      await trx.insertInto('rule_sets').values(row).execute();
      await writeAudit(trx, ctx.kind, {
        actorUserId: ctx.actor.userId, action: 'rule_set.update', entityType: 'rule_set', entityId: code,
        // Rule sets are not a unit's data: the row is filed under the unit where the administrator holds rules.manage.
        unitId: grantRoots(ctx.actor, 'rules.manage')[0] ?? null,
        before: { version: current.version, name: current.name, effectiveFrom: current.effective_from, effectiveTo: current.effective_to, citation: current.citation, unverified: current.unverified === 1 },
        after: { version, name: row.name, effectiveFrom: row.effective_from, effectiveTo: row.effective_to, citation: row.citation, unverified: row.unverified === 1, changed },
        reason,
      });
    });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err?.code === '23505' || /UNIQUE constraint failed/.test(err?.message ?? '')) throw new AppError('CONFLICT', 'Bộ quy tắc vừa được người khác sửa; hãy tải lại');
    throw e;
  }
  invalidateRuleSets(ctx.db);
  return { ...summary(row), ruleSet: set, changed };
}

/** Table existence check, cached per database (for tables another feature creates later). */
const tableCache = new WeakMap<object, Map<string, boolean>>();
export async function tableExists(db: Db | Tx, kind: 'sqlite' | 'postgres', table: string): Promise<boolean> {
  const m = tableCache.get(db) ?? new Map<string, boolean>();
  tableCache.set(db, m);
  if (m.get(table)) return true;
  const res =
    kind === 'postgres'
      ? await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db)
      : await sql<{ t: string | null }>`select name as t from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const ok = !!res.rows[0]?.t;
  if (ok) m.set(table, true);
  return ok;
}
