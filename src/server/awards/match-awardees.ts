// Matching the awardees of a parsed Quyết định to person records inside the actor's subtree.
// Nothing is written. A candidate has the same folded name; the unit text of the row (or the
// issuing body, for a school's own decision) naming the person's unit and a birth year that agrees
// make it "exact" when it is the only such candidate; anything weaker is "probable" for the user to confirm.
import type { TParsedDocument } from '../../importer/schema';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { foldVietnamese } from '../../shared/vn';
import { hasPermissionSomewhere, requireAccess, unitScope, type TContext } from '../auth/access';
import { describeAuthority, guessAwardCode, looksThematic, schoolYearFromText } from './award-titles';
import { peopleByFoldedName } from './awards.repository';
import type { TMatchResponse } from './awards.schemas';

type TRow = TMatchResponse['rows'][number];
type TCandidate = TRow['candidates'][number];

/** Share of the unit name's words found in the text (accents ignored); 1 = the whole name appears. */
function unitSimilarity(unitName: string | null, texts: (string | null | undefined)[]): number {
  if (!unitName) return 0;
  const name = foldVietnamese(unitName);
  const words = name.split(' ').filter((w) => w.length > 1 && !['truong', 'cap', 'va'].includes(w));
  let best = 0;
  for (const t of texts) {
    if (!t) continue;
    const f = foldVietnamese(t);
    if (f.includes(name)) return 1;
    if (words.length === 0) continue;
    const tokens = new Set(f.split(/[^a-z0-9]+/));
    best = Math.max(best, words.filter((w) => tokens.has(w)).length / words.length);
  }
  return best;
}

function birthYearOf(text: string | null | undefined): number | null {
  const m = text ? /(19|20)\d{2}/.exec(text) : null;
  return m ? Number(m[0]) : null;
}

export async function matchDecision(ctx: TContext, parsed: TParsedDocument): Promise<TMatchResponse> {
  await requireAccess(ctx, 'person.write', []);
  const scope = unitScope(ctx.db, ctx.actor, 'person.write');
  const issuer = parsed.issuer?.value ?? null;
  const docForm = parsed.awards.find((a) => a.form)?.form?.value ?? null;
  const docAuthority = parsed.awards.find((a) => a.authority)?.authority?.value ?? null;
  const schoolYear = schoolYearFromText([parsed.title?.value, parsed.movementName?.value, parsed.period?.label?.value], parsed.date?.value);
  const rows: TRow[] = [];
  for (const [index, a] of parsed.awardees.entries()) {
    const formText = a.title?.value ?? docForm;
    const code = guessAwardCode(formText);
    const base = {
      index, kind: a.kind, name: a.name.value, unitText: a.unit?.value ?? null, birthText: a.birth?.value ?? null, formText,
      code, codeLabel: AWARD_CODE_LABELS[code], awardName: formText ?? AWARD_CODE_LABELS[code], amount: a.amount?.value ?? null,
      thematic: looksThematic(a.title?.value, parsed.title?.value, parsed.movementName?.value),
    };
    if (a.kind !== 'ca_nhan') {
      rows.push({ ...base, confidence: 'none', candidates: [], note: 'Khen thưởng tập thể / gia đình: chưa ghi tự động vào lịch sử cá nhân' });
      continue;
    }
    const found = hasPermissionSomewhere(ctx.actor, 'person.write') ? await peopleByFoldedName(ctx.db, foldVietnamese(a.name.value), scope) : [];
    const year = birthYearOf(a.birth?.value);
    const scored = found.map((p) => {
      const reasons = ['Trùng họ tên'];
      const unitScore = Math.max(unitSimilarity(p.unit_name, [a.unit?.value]), unitSimilarity(p.unit_name, [issuer]) * 0.9);
      if (unitScore >= 0.8) reasons.push(`Đơn vị khớp: ${p.unit_name}`);
      const personYear = p.birth_date ? Number(p.birth_date.slice(0, 4)) : null;
      const birthAgrees = year !== null && personYear === year;
      const birthDisagrees = year !== null && personYear !== null && personYear !== year;
      if (birthAgrees) reasons.push(`Năm sinh khớp: ${year}`);
      if (birthDisagrees) reasons.push(`Năm sinh khác: hồ sơ ${personYear}, quyết định ${year}`);
      const strong = !birthDisagrees && (unitScore >= 0.8 || birthAgrees);
      const score = (unitScore >= 0.8 ? 2 : unitScore) + (birthAgrees ? 2 : 0) - (birthDisagrees ? 3 : 0);
      return { p, strong, score, reasons };
    });
    scored.sort((x, y) => y.score - x.score);
    const strongCount = scored.filter((s) => s.strong).length;
    const candidates: TCandidate[] = scored.map((s) => ({
      personId: s.p.id, fullName: s.p.full_name, birthDate: s.p.birth_date, unitId: s.p.unit_id, unitName: s.p.unit_name ?? null,
      confidence: s.strong && strongCount === 1 ? 'exact' : 'probable', reasons: s.reasons,
    }));
    const confidence = candidates.length === 0 ? 'none' : candidates[0].confidence;
    const note = candidates.length === 0 ? 'Không có hồ sơ cùng họ tên trong phạm vi quản lý' : confidence === 'probable' ? (candidates.length > 1 ? `${candidates.length} hồ sơ cùng họ tên: chọn đúng người` : 'Chỉ trùng họ tên: kiểm tra lại đơn vị, năm sinh') : null;
    rows.push({ ...base, confidence, candidates, note });
  }
  return {
    decision: { number: parsed.number?.value ?? null, date: parsed.date?.value ?? null, authority: describeAuthority(docAuthority ?? parsed.signer?.title?.value, issuer) },
    schoolYear,
    rows,
  };
}
