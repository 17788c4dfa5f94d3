// The receiving unit's steps before it may decide or pass a dossier on. Configurable per installation
// in settings key `dossier.workflow` (JSON list of steps); 'accept' always comes first.
import { z } from 'zod';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { nowIso } from '../ids';

export const WORKFLOW_KEY = 'dossier.workflow';
export const STEP_CODES = ['accept', 'assign', 'check'] as const;
export type TStepCode = (typeof STEP_CODES)[number];

export const ZWorkflowStep = z.object({ code: z.enum(STEP_CODES), label: z.string().trim().min(1).max(80) });
export const ZWorkflow = z.object({ steps: z.array(ZWorkflowStep).min(1).max(3) });
export type TWorkflow = z.infer<typeof ZWorkflow>;

export const DEFAULT_WORKFLOW: TWorkflow = {
  steps: [
    { code: 'accept', label: 'Tiếp nhận hồ sơ' },
    { code: 'assign', label: 'Phân công cán bộ thụ lý' },
    { code: 'check', label: 'Thẩm định hồ sơ' },
  ],
};

export async function loadWorkflow(db: Db | Tx): Promise<TWorkflow> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', WORKFLOW_KEY).executeTakeFirst();
  if (!row) return DEFAULT_WORKFLOW;
  const parsed = ZWorkflow.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_WORKFLOW;
}

function validate(input: unknown): TWorkflow {
  const parsed = ZWorkflow.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new AppError('VALIDATION', `Quy trình không hợp lệ: ${i.path.join('.')} — ${i.message}`);
  }
  const w = parsed.data;
  if (w.steps[0].code !== 'accept') throw new AppError('VALIDATION', 'Bước đầu tiên của quy trình phải là "Tiếp nhận hồ sơ" (accept)');
  const codes = w.steps.map((s) => s.code);
  if (new Set(codes).size !== codes.length) throw new AppError('VALIDATION', 'Mỗi bước chỉ được khai báo một lần trong quy trình');
  return w;
}

export async function getWorkflow(ctx: TContext) {
  await requireAccess(ctx, 'commendation.read', []);
  return loadWorkflow(ctx.db);
}

export async function putWorkflow(ctx: TContext, input: unknown) {
  await requireAccess(ctx, 'rules.manage', []);
  const w = validate(input);
  return withTransaction(ctx, async (trx) => {
    const before = await loadWorkflow(trx);
    const now = nowIso();
    const exists = await trx.selectFrom('settings').select('key').where('key', '=', WORKFLOW_KEY).executeTakeFirst();
    if (exists) await trx.updateTable('settings').set({ value: JSON.stringify(w), updated_at: now }).where('key', '=', WORKFLOW_KEY).execute();
    else await trx.insertInto('settings').values({ key: WORKFLOW_KEY, value: JSON.stringify(w), updated_at: now }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier_workflow.update', entityType: 'setting', entityId: WORKFLOW_KEY, unitId: null, before, after: w });
    return w;
  });
}
