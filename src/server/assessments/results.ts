// Results after (or, provisionally, before) publication: ranking inside each cluster/bloc, one
// unit's result with the reviewers' reasons, chart data, and nominations of the leaders.
import type { TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, forbidden, notFound } from '../errors';
import { nowIso } from '../ids';
import { addNominations, type TNominationItem } from '../reviews/nominations';
import { titleName } from '../reviews/titles';
import { leavesOf, rankRows, round2 } from './assessment-model';
import { requireOwner, viewerOf } from './assessment-access';
import { findAssessment, loadCriteria, loadResults, loadUnits, parseConfig, type TAssessmentRow } from './assessments.repository';
import { computeResults, type TUnitResult } from './compute-results';

/** Frozen results after publication; computed from the current scores before it. */
async function resultsOf(ctx: TContext, a: TAssessmentRow): Promise<TUnitResult[]> {
  if (a.state !== 'published') return (await computeResults(ctx.db, a)).results;
  const { bands } = parseConfig(a);
  const criteria = await loadCriteria(ctx.db, a.id);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const units = await loadUnits(ctx.db, a.id);
  const rows = await loadResults(ctx.db, a.id);
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) { const l = byUnit.get(r.unit_id); if (l) l.push(r); else byUnit.set(r.unit_id, [r]); }
  return units.map((u) => {
    const byCode: Record<string, number> = {};
    for (const r of byUnit.get(u.unit_id) ?? []) {
      let cur = byId.get(r.criterion_id);
      while (cur) { byCode[cur.code] = round2((byCode[cur.code] ?? 0) + r.final_score); cur = cur.parentId ? byId.get(cur.parentId) : undefined; }
    }
    const band = bands.find((b) => b.code === u.band_code);
    return {
      unitId: u.unit_id, unitName: u.unit_name, clusterId: u.cluster_id, clusterName: u.cluster_name ?? null, selfTotal: u.self_total, total: u.final_total ?? 0,
      bandCode: u.band_code, bandLabel: band?.label ?? null, rank: u.rank ?? 0, tiedOn: null, byCode,
      cells: (byUnit.get(u.unit_id) ?? []).map((r) => ({ criterionId: r.criterion_id, self: r.self_score, final: r.final_score, count: r.reviewer_count, reasons: JSON.parse(r.reasons_json) })),
    };
  }).sort((x, y) => (x.clusterName ?? '').localeCompare(y.clusterName ?? '') || x.rank - y.rank || x.unitName.localeCompare(y.unitName));
}

export async function getRanking(ctx: TContext, id: string) {
  const v = await viewerOf(ctx, id);
  const published = v.a.state === 'published';
  if (!v.ownerRead && !published) throw forbidden('Xếp hạng chỉ công khai cho các đơn vị sau khi công bố kết quả');
  const results = await resultsOf(ctx, v.a);
  const criteria = await loadCriteria(ctx.db, id);
  const groupsTop = criteria.filter((c) => c.level === 1);
  // Tie rules are recomputed on the frozen results too, to say which criterion decided a tie.
  const { tieRules } = parseConfig(v.a);
  const clusters = new Map<string, { clusterId: string | null; clusterName: string; rows: TUnitResult[] }>();
  for (const r of results) {
    const k = r.clusterId ?? '-';
    if (!clusters.has(k)) clusters.set(k, { clusterId: r.clusterId, clusterName: r.clusterName ?? 'Đơn vị được chọn riêng', rows: [] });
    clusters.get(k)!.rows.push(r);
  }
  const ties = rankRows(results.map((r) => ({ unitId: r.unitId, groupKey: r.clusterId ?? '-', total: r.total, byCode: r.byCode })), tieRules);
  return {
    assessmentId: id, published, tieRules: tieRules.map((t) => ({ criterionCode: t.criterionCode, name: criteria.find((c) => c.code === t.criterionCode)?.name ?? t.criterionCode })),
    groups: groupsTop.map((g) => ({ id: g.id, code: g.code, name: g.name, maxPoints: g.maxPoints })),
    clusters: [...clusters.values()].map((c) => ({
      clusterId: c.clusterId, clusterName: c.clusterName,
      rows: c.rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, selfTotal: r.selfTotal, total: r.total, bandCode: r.bandCode, bandLabel: r.bandLabel, rank: r.rank, tiedOn: ties.get(r.unitId)?.tiedOn ?? null, groupScores: groupsTop.map((g) => r.byCode[g.code] ?? 0) })),
    })),
  };
}

/** One unit's result: every criterion's self score, final score and the reviewers' reasons (after publication for the unit itself). */
export async function getUnitResult(ctx: TContext, id: string, unitId: string) {
  const v = await viewerOf(ctx, id);
  const published = v.a.state === 'published';
  if (!v.ownerRead && !(published && v.readableUnits.includes(unitId))) {
    if (v.readableUnits.includes(unitId)) throw forbidden('Kết quả thẩm định chỉ hiển thị cho đơn vị sau khi công bố');
    throw notFound('Không tìm thấy kết quả của đơn vị');
  }
  const results = await resultsOf(ctx, v.a);
  const r = results.find((x) => x.unitId === unitId);
  if (!r) throw notFound('Đơn vị không thuộc đợt đánh giá này');
  const criteria = await loadCriteria(ctx.db, id);
  const leafIds = new Set(leavesOf(criteria).map((c) => c.id));
  const cells = new Map(r.cells.map((c) => [c.criterionId, c]));
  let reasons = new Map<string, { fullName: string; score: number; reason: string }[]>();
  if (!published) {
    const withReasons = (await computeResults(ctx.db, v.a, true)).results.find((x) => x.unitId === unitId);
    reasons = new Map((withReasons?.cells ?? []).map((c) => [c.criterionId, c.reasons]));
  }
  return {
    assessmentId: id, unitId, unitName: r.unitName, published, total: r.total, selfTotal: r.selfTotal, bandLabel: r.bandLabel, rank: r.rank, clusterName: r.clusterName,
    items: criteria.map((c) => {
      const cell = cells.get(c.id);
      return { criterionId: c.id, code: c.code, name: c.name, level: c.level, maxPoints: c.maxPoints, scorable: leafIds.has(c.id), self: cell?.self ?? null, final: leafIds.has(c.id) ? cell?.final ?? 0 : r.byCode[c.code] ?? 0, reasons: published ? cell?.reasons ?? [] : reasons.get(c.id) ?? [] };
    }),
  };
}

/** Chart data: a unit's score by group against its cluster's average, year on year in the series; the cluster's distribution by band. */
export async function getCharts(ctx: TContext, id: string, unitId: string | undefined) {
  const v = await viewerOf(ctx, id);
  const published = v.a.state === 'published';
  if (!v.ownerRead && !published) throw forbidden('Biểu đồ chỉ hiển thị cho các đơn vị sau khi công bố kết quả');
  const results = await resultsOf(ctx, v.a);
  const criteria = await loadCriteria(ctx.db, id);
  const groups = criteria.filter((c) => c.level === 1);
  const mine = unitId ? results.find((r) => r.unitId === unitId) : undefined;
  if (unitId && !mine) throw notFound('Đơn vị không thuộc đợt đánh giá này');
  if (unitId && !v.ownerRead && !v.readableUnits.includes(unitId)) throw notFound('Không tìm thấy kết quả của đơn vị');
  const peers = mine ? results.filter((r) => (r.clusterId ?? '-') === (mine.clusterId ?? '-')) : results;
  const avg = (xs: number[]) => (xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : 0);
  const { bands } = parseConfig(v.a);
  const byGroup = groups.map((g) => ({ code: g.code, name: g.name, maxPoints: g.maxPoints, unit: mine ? mine.byCode[g.code] ?? 0 : null, average: avg(peers.map((p) => p.byCode[g.code] ?? 0)) }));
  const distribution = bands.map((b) => ({ code: b.code, label: b.label, count: peers.filter((p) => p.bandCode === b.code).length }));
  // Year on year: the published assessments of the same owner and series in which the unit was assessed.
  const years: { year: number; unit: number | null; average: number }[] = [];
  if (mine) {
    const series = await ctx.db.selectFrom('assessments').select(['id', 'year']).where('owner_unit_id', '=', v.a.owner_unit_id).where('series', '=', v.a.series).where('state', '=', 'published').orderBy('year').execute();
    for (const s of series) {
      if (s.id === id) continue;
      const rows = await ctx.db.selectFrom('assessment_units').select(['unit_id', 'cluster_id', 'final_total']).where('assessment_id', '=', s.id).execute();
      const me = rows.find((r) => r.unit_id === unitId);
      if (!me) continue;
      const same = rows.filter((r) => r.cluster_id === me.cluster_id || !mine.clusterId);
      years.push({ year: s.year, unit: me.final_total == null ? null : Number(me.final_total), average: avg(same.map((r) => Number(r.final_total ?? 0))) });
    }
    years.push({ year: v.a.year, unit: mine.total, average: avg(peers.map((p) => p.total)) });
    years.sort((x, y) => x.year - y.year);
  }
  return { assessmentId: id, unitId: unitId ?? null, unitName: mine?.unitName ?? null, clusterName: mine?.clusterName ?? null, published, byGroup, years, distribution };
}

/** Sends the leaders of each cluster/bloc to the commendation workflow (nominations), once. */
export async function nominateLeaders(ctx: TContext, id: string) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'commendation.write');
  if (a.state !== 'published') throw new AppError('INVALID_STATE', 'Chỉ đề nghị khen thưởng sau khi công bố kết quả');
  const { nominationRules } = parseConfig(a);
  if (!nominationRules.length) throw new AppError('INVALID_STATE', 'Đợt đánh giá chưa có quy tắc đề nghị khen thưởng');
  const results = await resultsOf(ctx, a);
  const items: TNominationItem[] = [];
  for (const rule of nominationRules) {
    for (const r of results) {
      if (r.rank < 1 || r.rank > rule.top) continue;
      items.push({ unitId: a.owner_unit_id, schoolYear: a.year, candidateKind: 'tap_the', candidateUnitId: r.unitId, titleCode: rule.titleCode, source: 'assessment', sourceRef: a.id, note: `Xếp thứ ${r.rank}${r.clusterName ? ` ${r.clusterName}` : ''} – ${a.name}: ${String(r.total).replace('.', ',')} điểm` });
    }
  }
  const created = await withTransaction(ctx, async (trx) => {
    const rows = await addNominations(trx, ctx.kind, ctx.actor, items, { skipDuplicates: true });
    await trx.updateTable('assessments').set({ nominated_at: nowIso() }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'assessment.nominate', entityType: 'assessment', entityId: id, unitId: a.owner_unit_id, after: items.map((i) => ({ unitId: i.candidateUnitId, titleCode: i.titleCode })) });
    return rows;
  });
  const names = new Map(results.map((r) => [r.unitId, r.unitName]));
  return { items: created.map((n) => ({ id: n.id, candidateUnitId: n.candidate_unit_id, unitName: names.get(n.candidate_unit_id ?? '') ?? '', titleCode: n.title_code, titleName: titleName(n.title_code), status: n.status })) };
}

