// Generator step: unit assessment (migration 0011). One CCHC index assessment per cụm thi đua and year,
// owned by the cụm's organiser (the Sở for the THPT cụm, the UBND xã for a commune's cụm), with the
// criteria table of the app's demo (100 points, 4 groups, 10 scored criteria): the last two years
// published (every member self-assessed, final scores, band and rank within the cụm by the app's own
// ranking and tie rule), this year in self-assessment with about half the members started.
import type { TScaleStep } from './generate';
import { FEATURE_TABLES as T, FEATURE_TAGS as TAG, at, iso } from './feature-tables';
import { DEMO_CCHC_CRITERIA } from '../assessments/demo';
import { DEFAULT_BANDS, bandOf, levelOfCode, parentCode, rankRows, round2 } from '../assessments/assessment-model';

const TIERS = JSON.stringify([{ label: 'Chuyên viên tổng hợp', role: 'officer' }, { label: 'Thủ trưởng đơn vị', role: 'head' }]);
const BANDS = JSON.stringify(DEFAULT_BANDS);
const TIE_RULES = [{ criterionCode: '2' }];
const NOMINATION_RULES = JSON.stringify([{ titleCode: 'GIAY_KHEN', top: 2 }]);
const LEAF_CODES = new Set(DEMO_CCHC_CRITERIA.filter((c) => !DEMO_CCHC_CRITERIA.some((d) => parentCode(d.code) === c.code)).map((c) => c.code));

export const assessmentsStep: TScaleStep = {
  name: 'assessments',
  async perProvince(ctx, m) {
    const rnd = m.random('assessments');
    const P = m.code;
    const Y = ctx.currentYear;
    for (const c of m.clusters) {
      if (c.kind !== 'cum' || c.members.length < 2) continue;
      for (const year of [Y - 2, Y - 1, Y]) {
        const published = year < Y;
        const id = ctx.id(TAG.assessments, P);
        const created = at(iso(year, 10, 1), 100);
        const pubAt = published ? at(iso(year + 1, 2, rnd.int(1, 25)), 300) : null;
        await ctx.write(T.assessments, [id, P, c.owner.id, 'cchc', `Đánh giá Chỉ số CCHC ${c.name.replace(/^Cụm thi đua /, 'cụm ')} năm ${year}`, year, `Năm ${year}`, iso(year + 1, 1, 15),
          published ? 'published' : 'self_assessment', published ? 1 : 0, TIERS, BANDS, JSON.stringify(TIE_RULES), NOMINATION_RULES, null, null, created, pubAt ?? created, pubAt, null, null]);
        const ids = new Map<string, string>();
        for (const [i, cr] of DEMO_CCHC_CRITERIA.entries()) {
          const cid = ctx.id(TAG.assessment_criteria, P);
          ids.set(cr.code, cid);
          const parent = parentCode(cr.code);
          await ctx.write(T.assessment_criteria, [cid, id, parent ? ids.get(parent)! : null, levelOfCode(cr.code), cr.code, cr.name, cr.maxPoints, cr.bonusPoints ?? 0, cr.penaltyPoints ?? 0,
            cr.guidance ?? null, cr.evidenceRequired ? 1 : 0, cr.evidenceTypes ? JSON.stringify(cr.evidenceTypes) : null, null, cr.indicatorCode ?? null, i + 1]);
        }
        // Scores per member and leaf: self-assessment, then (published) the final score after appraisal.
        const leaves = DEMO_CCHC_CRITERIA.filter((cr) => LEAF_CODES.has(cr.code));
        const rows: { unitId: string; self: number[]; final: number[] | null; started: boolean }[] = [];
        for (const u of c.members) {
          const started = published || rnd.next() < 0.5;
          const strength = 0.55 + rnd.next() * 0.45;
          const self = leaves.map((cr) => Math.min(cr.maxPoints, Math.round(cr.maxPoints * Math.min(1, strength + (rnd.next() - 0.3) * 0.3) * 2) / 2));
          const final = published ? self.map((v) => (rnd.next() < 0.2 ? Math.max(0, v - 0.5 * rnd.int(1, 3)) : v)) : null;
          rows.push({ unitId: u.id, self, final, started });
        }
        const totals = rows.map((r) => (r.final ? round2(r.final.reduce((a, b) => a + b, 0)) : null));
        const ranks = published ? rankRows(rows.map((r, i) => ({
          unitId: r.unitId, groupKey: c.id, total: totals[i]!,
          byCode: { 2: round2(leaves.reduce((sum, cr, k) => sum + (cr.code.startsWith('2.') ? r.final![k] : 0), 0)) },
        })), TIE_RULES) : null;
        for (const [i, r] of rows.entries()) {
          const submitted = published || (r.started && rnd.next() < 0.4);
          const selfTotal = round2(r.self.reduce((a, b) => a + b, 0));
          const band = totals[i] !== null ? bandOf(DEFAULT_BANDS, totals[i]!)?.code ?? null : null;
          await ctx.write(T.assessment_units, [id, r.unitId, c.id, P, submitted ? 'submitted' : 'draft', submitted ? at(iso(year + 1, 1, rnd.int(5, 15)), 200) : null, null,
            submitted ? selfTotal : null, totals[i], band, ranks?.get(r.unitId)?.rank ?? null]);
          if (!r.started) continue;
          for (const [k, cr] of leaves.entries()) {
            await ctx.write(T.assessment_self_scores, [ctx.id(TAG.assessment_self_scores, P), id, r.unitId, ids.get(cr.code)!, r.self[k], 'Theo báo cáo CCHC năm của đơn vị', null, null, created]);
            if (r.final) await ctx.write(T.assessment_results, [id, r.unitId, ids.get(cr.code)!, r.self[k], r.final[k], 0, '[]']);
          }
        }
      }
      ctx.tick(m.plan.name);
    }
  },
};
