// Pure rules of an assessment: the criteria tree, the allowed range of a score, score bands,
// the mean of reviewers' scores, totals and ranking with tie rules. No I/O.

export type TCriterion = {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  name: string;
  maxPoints: number;
  bonusPoints: number;
  penaltyPoints: number;
  guidance: string | null;
  evidenceRequired: boolean;
  evidenceTypes: string[] | null;
  deadline: string | null;
  indicatorCode: string | null;
  sortOrder: number;
};

export type TBand = { code: string; label: string; min: number | null; minInclusive: boolean; max: number | null; maxInclusive: boolean };
export type TTier = { label: string; role: 'officer' | 'head' | 'council' };
export type TTieRule = { criterionCode: string };
export type TNominationRule = { titleCode: string; top: number; label?: string };

export const DEFAULT_BANDS: TBand[] = [
  { code: 'xuat_sac', label: 'Xuất sắc', min: 90, minInclusive: true, max: null, maxInclusive: true },
  { code: 'tot', label: 'Tốt', min: 80, minInclusive: true, max: 90, maxInclusive: false },
  { code: 'kha', label: 'Khá', min: 65, minInclusive: true, max: 80, maxInclusive: false },
  { code: 'trung_binh', label: 'Trung bình', min: 50, minInclusive: true, max: 65, maxInclusive: false },
  { code: 'yeu', label: 'Yếu', min: null, minInclusive: true, max: 50, maxInclusive: false },
];

export const DEFAULT_TIERS: TTier[] = [
  { label: 'Chuyên viên tổng hợp', role: 'officer' },
  { label: 'Trưởng phòng', role: 'head' },
  { label: 'Hội đồng thi đua – khen thưởng', role: 'council' },
  { label: 'Giám đốc', role: 'head' },
];

export const EVIDENCE_TYPES = ['pdf', 'png', 'jpg', 'docx', 'xlsx', 'doc'] as const;
const EVIDENCE_LABELS: Record<string, string> = { pdf: 'PDF', png: 'ảnh PNG', jpg: 'ảnh JPEG', docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', doc: 'Word (.doc)' };
export const evidenceTypesLabel = (types: string[]) => types.map((t) => EVIDENCE_LABELS[t] ?? t).join(', ');

/** Rounds to two decimals, as scores are shown (87,25). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** A code's level is its number of dot-separated parts: "1" group, "1.2" criterion, "1.2.a" sub-criterion. */
export function levelOfCode(code: string): number {
  return code.split('.').length;
}
export function parentCode(code: string): string | null {
  const parts = code.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : null;
}

/** Criteria that take a score: those without children. */
export function leavesOf(criteria: TCriterion[]): TCriterion[] {
  const parents = new Set(criteria.map((c) => c.parentId).filter(Boolean));
  return criteria.filter((c) => !parents.has(c.id));
}

/** The group (level-1 ancestor) of each criterion. */
export function groupOf(criteria: TCriterion[]): Map<string, string> {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of criteria) {
    let cur = c;
    while (cur.parentId && byId.get(cur.parentId)) cur = byId.get(cur.parentId)!;
    out.set(c.id, cur.id);
  }
  return out;
}

/** Why a score is not allowed for the criterion, in Vietnamese, or null. */
export function scoreProblem(c: Pick<TCriterion, 'code' | 'maxPoints' | 'bonusPoints' | 'penaltyPoints'>, score: number): string | null {
  if (!Number.isFinite(score)) return `Điểm của tiêu chí ${c.code} không hợp lệ`;
  const top = c.maxPoints + c.bonusPoints;
  if (score > top + 1e-9) {
    return c.bonusPoints > 0
      ? `Điểm của tiêu chí ${c.code} vượt quá điểm tối đa cộng điểm thưởng (${fmt(top)})`
      : `Điểm của tiêu chí ${c.code} vượt quá điểm tối đa (${fmt(c.maxPoints)})`;
  }
  if (score < 0) {
    if (c.penaltyPoints <= 0) return `Tiêu chí ${c.code} không có quy định điểm trừ nên không nhận điểm âm`;
    if (score < -c.penaltyPoints - 1e-9) return `Điểm trừ của tiêu chí ${c.code} không được quá ${fmt(c.penaltyPoints)}`;
  }
  return null;
}

export const fmt = (n: number) => String(round2(n)).replace('.', ',');

/** Checks a whole criteria tree (codes, parents, points). Returns every problem found. */
export function treeProblems(items: { code: string; name: string; maxPoints: number; bonusPoints: number; penaltyPoints: number; evidenceTypes?: string[] | null }[]): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  for (const it of items) {
    if (!/^[0-9A-Za-z]+(\.[0-9A-Za-z]+){0,2}$/.test(it.code)) problems.push(`Mã "${it.code}" không hợp lệ (dạng 1, 1.2 hoặc 1.2.a; tối đa ba cấp)`);
    if (codes.has(it.code)) problems.push(`Mã ${it.code} bị trùng`);
    codes.add(it.code);
    if (!it.name.trim()) problems.push(`Tiêu chí ${it.code} chưa có tên`);
    if (!(it.maxPoints >= 0)) problems.push(`Điểm tối đa của tiêu chí ${it.code} phải là số không âm`);
    if (!(it.bonusPoints >= 0)) problems.push(`Điểm thưởng của tiêu chí ${it.code} phải là số không âm`);
    if (!(it.penaltyPoints >= 0)) problems.push(`Điểm trừ tối đa của tiêu chí ${it.code} phải là số không âm`);
    for (const t of it.evidenceTypes ?? []) if (!(EVIDENCE_TYPES as readonly string[]).includes(t)) problems.push(`Loại tệp minh chứng "${t}" của tiêu chí ${it.code} không được hỗ trợ`);
  }
  for (const it of items) {
    const p = parentCode(it.code);
    if (p && !codes.has(p)) problems.push(`Tiêu chí ${it.code} thiếu nhóm/tiêu chí cha ${p}`);
  }
  // A parent's max must equal the sum of its children's (what the table shows).
  for (const it of items) {
    const kids = items.filter((k) => parentCode(k.code) === it.code);
    if (kids.length) {
      const sum = round2(kids.reduce((s, k) => s + k.maxPoints, 0));
      if (Math.abs(sum - it.maxPoints) > 1e-6) problems.push(`Điểm tối đa của ${it.code} (${fmt(it.maxPoints)}) khác tổng điểm các tiêu chí con (${fmt(sum)})`);
    }
  }
  if (!items.length) problems.push('Bảng tiêu chí chưa có tiêu chí nào');
  return problems;
}

export function bandProblems(bands: TBand[]): string[] {
  const out: string[] = [];
  const codes = new Set<string>();
  for (const b of bands) {
    if (codes.has(b.code)) out.push(`Mức xếp loại ${b.label} bị trùng`);
    codes.add(b.code);
    if (b.min != null && b.max != null && (b.min > b.max || (b.min === b.max && !(b.minInclusive && b.maxInclusive)))) out.push(`Mức ${b.label}: cận dưới phải nhỏ hơn cận trên`);
  }
  // No score may fall into two bands: probe each bound.
  const probes = [...new Set(bands.flatMap((b) => [b.min, b.max]).filter((x): x is number => x != null))];
  for (const p of probes) {
    const hits = bands.filter((b) => inBand(b, p));
    if (hits.length > 1) out.push(`Điểm ${fmt(p)} thuộc cả hai mức ${hits[0].label} và ${hits[1].label}`);
  }
  return out;
}

export function inBand(b: TBand, total: number): boolean {
  if (b.min != null && (b.minInclusive ? total < b.min : total <= b.min)) return false;
  if (b.max != null && (b.maxInclusive ? total > b.max : total >= b.max)) return false;
  return true;
}
export function bandOf(bands: TBand[], total: number): TBand | null {
  return bands.find((b) => inBand(b, total)) ?? null;
}

/**
 * The final score of one cell: the mean of the scores of reviewers who scored it and did not step
 * aside; without any, the unit's self-assessed score stands (appraisal found nothing to change).
 */
export function finalScore(selfScore: number | null, reviewerScores: number[]): number {
  if (reviewerScores.length) return round2(reviewerScores.reduce((s, x) => s + x, 0) / reviewerScores.length);
  return round2(selfScore ?? 0);
}

export type TRankRow = { unitId: string; groupKey: string; total: number; byCode: Record<string, number> };

/** Ranks rows inside each group: by total, then by each tie rule's criterion score; equal rows share a rank (1, 1, 3). */
export function rankRows(rows: TRankRow[], tieRules: TTieRule[]): Map<string, { rank: number; tiedOn: string | null }> {
  const groups = new Map<string, TRankRow[]>();
  for (const r of rows) groups.set(r.groupKey, [...(groups.get(r.groupKey) ?? []), r]);
  const out = new Map<string, { rank: number; tiedOn: string | null }>();
  const key = (r: TRankRow) => [round2(r.total), ...tieRules.map((t) => round2(r.byCode[t.criterionCode] ?? 0))];
  const cmp = (a: TRankRow, b: TRankRow) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return 0;
  };
  for (const list of groups.values()) {
    list.sort(cmp);
    list.forEach((r, i) => {
      const prev = list[i - 1];
      const rank = prev && cmp(prev, r) === 0 ? out.get(prev.unitId)!.rank : i + 1;
      // Which rule decided the order against a neighbour with the same total.
      let tiedOn: string | null = null;
      const neighbours = [list[i - 1], list[i + 1]].filter(Boolean) as TRankRow[];
      for (const n of neighbours) {
        if (round2(n.total) !== round2(r.total)) continue;
        const rule = tieRules.find((t) => round2(n.byCode[t.criterionCode] ?? 0) !== round2(r.byCode[t.criterionCode] ?? 0));
        tiedOn = rule ? rule.criterionCode : tiedOn ?? 'equal';
      }
      out.set(r.unitId, { rank, tiedOn });
    });
  }
  return out;
}
