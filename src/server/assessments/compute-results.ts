// Computes every unit's result from the current scores: per criterion the mean of the reviewers who
// scored (recused reviewers excluded), else the self score; totals, bands and ranks inside each
// cluster/bloc. Used for the provisional ranking and, frozen, at publication.
import type { Db, Tx } from '../db/database';
import { bandOf, finalScore, groupOf, leavesOf, rankRows, round2, type TCriterion } from './assessment-model';
import { loadCriteria, loadUnits, parseConfig, type TAssessmentRow } from './assessments.repository';

export type TUnitResult = {
  unitId: string; unitName: string; clusterId: string | null; clusterName: string | null;
  selfTotal: number | null; total: number; bandCode: string | null; bandLabel: string | null; rank: number; tiedOn: string | null;
  byCode: Record<string, number>;
  cells: { criterionId: string; self: number | null; final: number; count: number; reasons: { fullName: string; score: number; reason: string }[] }[];
};

export async function computeResults(db: Db | Tx, a: TAssessmentRow, withReasons = false): Promise<{ criteria: TCriterion[]; results: TUnitResult[] }> {
  const { bands, tieRules } = parseConfig(a);
  const criteria = await loadCriteria(db, a.id);
  const leaves = leavesOf(criteria);
  const groups = groupOf(criteria);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const units = await loadUnits(db, a.id);
  const self = await db.selectFrom('assessment_self_scores').select(['unit_id', 'criterion_id', 'score']).where('assessment_id', '=', a.id).execute();
  const rev = withReasons
    ? await db.selectFrom('assessment_scores').innerJoin('users', 'users.id', 'assessment_scores.reviewer_id').select(['unit_id', 'criterion_id', 'reviewer_id', 'score', 'reason', 'users.full_name']).where('assessment_id', '=', a.id).execute()
    : (await db.selectFrom('assessment_scores').select(['unit_id', 'criterion_id', 'reviewer_id', 'score']).where('assessment_id', '=', a.id).execute()).map((r) => ({ ...r, reason: '', full_name: '' }));
  const recusals = await db.selectFrom('assessment_recusals').select(['unit_id', 'group_id', 'user_id']).where('assessment_id', '=', a.id).execute();
  const recused = new Set(recusals.map((r) => `${r.user_id}|${r.unit_id}|${r.group_id}`));
  const selfMap = new Map(self.map((s) => [`${s.unit_id}|${s.criterion_id}`, Number(s.score)]));
  const revMap = new Map<string, typeof rev>();
  for (const r of rev) {
    if (recused.has(`${r.reviewer_id}|${r.unit_id}|${groups.get(r.criterion_id)}`)) continue;
    const k = `${r.unit_id}|${r.criterion_id}`;
    const list = revMap.get(k);
    if (list) list.push(r); else revMap.set(k, [r]);
  }
  const results: TUnitResult[] = units.map((u) => {
    const byCode: Record<string, number> = {};
    const cells: TUnitResult['cells'] = [];
    let total = 0;
    for (const c of leaves) {
      const k = `${u.unit_id}|${c.id}`;
      const list = revMap.get(k) ?? [];
      const s = selfMap.get(k) ?? null;
      const f = finalScore(s, list.map((x) => Number(x.score)));
      total += f;
      cells.push({ criterionId: c.id, self: s, final: f, count: list.length, reasons: list.map((x) => ({ fullName: x.full_name, score: Number(x.score), reason: x.reason })) });
      // Add the leaf's score to itself and every ancestor, so tie rules may name a group or a criterion.
      let cur: TCriterion | undefined = c;
      while (cur) { byCode[cur.code] = round2((byCode[cur.code] ?? 0) + f); cur = cur.parentId ? byId.get(cur.parentId) : undefined; }
    }
    total = round2(total);
    const band = bandOf(bands, total);
    return { unitId: u.unit_id, unitName: u.unit_name, clusterId: u.cluster_id, clusterName: u.cluster_name ?? null, selfTotal: u.self_total, total, bandCode: band?.code ?? null, bandLabel: band?.label ?? null, rank: 0, tiedOn: null, byCode, cells };
  });
  const ranks = rankRows(results.map((r) => ({ unitId: r.unitId, groupKey: r.clusterId ?? '-', total: r.total, byCode: r.byCode })), tieRules);
  for (const r of results) { const x = ranks.get(r.unitId)!; r.rank = x.rank; r.tiedOn = x.tiedOn; }
  results.sort((x, y) => (x.clusterName ?? '').localeCompare(y.clusterName ?? '') || x.rank - y.rank || x.unitName.localeCompare(y.unitName));
  return { criteria, results };
}
