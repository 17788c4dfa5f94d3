// `thidua rules check <tình-huống.json> [--json]`: answer a what-if case with the SHIPPED rule sets
// (no database; an installation's edited sets are used by POST /api/v1/rules/check). See docs/rules.md.
import fs from 'node:fs';
import { ZodError } from 'zod';
import { checkCaseJson, type RulesCheckAnswer } from '../../rules';
import { RulesError } from '../../rules/errors';
import { formatMoneyVi, schoolYearLabel } from '../../shared/vn';

const STATUS_LABEL = { eligible: 'ĐỦ ĐIỀU KIỆN', not_eligible: 'CHƯA ĐỦ ĐIỀU KIỆN', needs_review: 'CẦN XÁC NHẬN THÊM' } as const;
const OUTCOME_MARK = { pass: '✓', fail: '✗', review: '?' } as const;

export function summarizeRulesAnswer(a: RulesCheckAnswer): string {
  const lines: string[] = [];
  lines.push(`${a.title.name} — năm học ${schoolYearLabel(a.year)}: ${STATUS_LABEL[a.status]}`);
  lines.push(`Bộ quy tắc: ${a.ruleSet.name} (${a.ruleSet.id}, phiên bản ${a.ruleSet.version})${a.ruleSet.verified ? '' : ' — chưa xác minh'}`);
  for (const t of a.trail.slice(1)) lines.push(`  · ${t.reason}`);
  for (const c of a.checks) lines.push(`  ${OUTCOME_MARK[c.outcome]} ${c.message} [${c.citation}]${c.unverified ? ' (chưa xác minh)' : ''}`);
  if (a.bonus) {
    lines.push(`Tiền thưởng: ${String(a.bonus.coefficient).replace('.', ',')} × ${formatMoneyVi(a.bonus.baseSalary)}${a.bonus.multiplier !== 1 ? ` × ${String(a.bonus.multiplier).replace('.', ',')}` : ''} = ${formatMoneyVi(a.bonus.amount)} [${a.bonus.citation}]`);
  } else if (a.bonusNote) lines.push(`Tiền thưởng: ${a.bonusNote}`);
  if (a.unverifiedValuesUsed) {
    lines.push('Chưa xác minh:');
    for (const n of a.unverifiedNotes) lines.push(`  ! ${n}`);
  }
  return lines.join('\n');
}

function errorMessage(e: unknown): { code: string; message: string; fields?: { field: string; message: string }[] } {
  if (e instanceof ZodError) {
    const fields = e.issues.map((i) => ({ field: i.path.join('.') || '(gốc)', message: i.message }));
    return { code: 'VALIDATION', message: `Dữ liệu không hợp lệ: ${fields[0].field} — ${fields[0].message}`, fields };
  }
  if (e instanceof RulesError) return { code: e.code, message: e.message };
  if (e instanceof SyntaxError) return { code: 'JSON', message: `Tệp không phải JSON hợp lệ: ${e.message}` };
  return { code: 'internal', message: (e as Error).message ?? String(e) };
}

/** Exit code: 0 answered (eligible or not: see "eligible" / the first line), 1 bad input. */
export async function runRulesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes('--json');
  const files = rest.filter((a) => !a.startsWith('--'));
  if (sub !== 'check' || files.length !== 1) {
    console.error('Cách dùng: thidua rules check <tình-huống.json> [--json]   (xem docs/rules.md)');
    return 1;
  }
  let text: string;
  try {
    text = fs.readFileSync(files[0], 'utf8');
  } catch {
    console.error(`Lỗi: không đọc được tệp ${files[0]}`);
    return 1;
  }
  try {
    const answer = checkCaseJson(JSON.parse(text));
    console.log(json ? JSON.stringify(answer, null, 2) : summarizeRulesAnswer(answer));
    return 0;
  } catch (e) {
    const err = errorMessage(e);
    if (json) console.log(JSON.stringify({ error: err }, null, 2));
    console.error(`Lỗi: ${err.message}`);
    return 1;
  }
}
