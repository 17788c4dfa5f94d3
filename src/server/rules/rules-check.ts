// "Rules as a service" over HTTP: a what-if case in, the verdict with every check and the bonus out.
// Uses the active rule sets from the database (an administrator's edits apply); reads nothing else and
// writes nothing. The CLI (`thidua rules check`) answers the same case with the shipped sets.
import { ZodError } from 'zod';
import { checkCaseJson, type RulesCheckAnswer } from '../../rules';
import { RulesError } from '../../rules/errors';
import type { TContext } from '../auth/access';
import { AppError } from '../errors';
import { loadActiveRuleSets } from './rule-sets';

export function explainCaseError(e: unknown): AppError | null {
  if (e instanceof ZodError) {
    const fields = e.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    return new AppError('VALIDATION', `Dữ liệu không hợp lệ: ${fields[0].field} — ${fields[0].message}`, { fields });
  }
  if (e instanceof RulesError) return new AppError('VALIDATION', e.message);
  return null;
}

export async function checkRulesCase(ctx: TContext, body: unknown): Promise<RulesCheckAnswer> {
  // Any logged-in user may ask (the context exists only for an authenticated request).
  void ctx.actor;
  const ruleSets = await loadActiveRuleSets(ctx.db);
  try {
    return checkCaseJson(body, { ruleSets });
  } catch (e) {
    throw explainCaseError(e) ?? e;
  }
}
