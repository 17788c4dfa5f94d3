// Quotas (chỉ tiêu) of a review session: how many candidates a title may have. Taken from the plan's
// award list when the session names a plan (e.g. "Chiến sĩ thi đua cơ sở: không quá 15%"), editable
// per session. A fixed quota is a number of candidates; a share quota is a percentage of the number of
// candidates for another title in the same session (the old "CSTĐCS ≤ 15% of LĐTT" rule of NĐ 91/2017,
// which Luật 2022 removed — domain.md §1.1 — so no quota is set unless the plan or the officer sets one).
import { z } from '@hono/zod-openapi';
import { AppError } from '../errors';
import { parseQuota } from '../plans/plan-body';
import { titleCodeFromName, titleName } from './titles';

export const ZReviewQuota = z
  .object({
    titleCode: z.string().min(1).max(40),
    max: z.number().int().min(0).max(100000).nullish().openapi({ description: 'Số người (tập thể) tối đa được đề nghị' }),
    percent: z.number().min(0).max(100).nullish().openapi({ description: 'Hoặc: tỷ lệ % tối đa so với số được đề nghị danh hiệu ofTitleCode' }),
    ofTitleCode: z.string().max(40).nullish(),
    note: z.string().max(300).nullish().openapi({ description: 'Nguồn chỉ tiêu, ví dụ "Kế hoạch số 05/KH-THPTPĐP"' }),
  })
  .refine((q) => (q.max ?? null) !== null || ((q.percent ?? null) !== null && !!q.ofTitleCode), { message: 'Chỉ tiêu cần số tối đa, hoặc tỷ lệ % kèm danh hiệu làm căn cứ', path: ['max'] })
  .openapi('ReviewQuota');
export type TReviewQuota = z.infer<typeof ZReviewQuota>;

export function parseQuotas(json: string): TReviewQuota[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as TReviewQuota[]) : [];
  } catch {
    return [];
  }
}

/** Limit of a quota given the session's candidate counts per title. */
export function quotaLimit(q: TReviewQuota, counts: Map<string, number>): number {
  if (q.max !== null && q.max !== undefined) return q.max;
  const base = counts.get(q.ofTitleCode ?? '') ?? 0;
  return Math.floor(((q.percent ?? 0) * base) / 100 + 1e-9);
}

export function quotaLabel(q: TReviewQuota, counts: Map<string, number>): string {
  const limit = quotaLimit(q, counts);
  if (q.max !== null && q.max !== undefined) return `tối đa ${limit}`;
  return `tối đa ${q.percent}% số được đề nghị ${titleName(q.ofTitleCode ?? '')} (${counts.get(q.ofTitleCode ?? '') ?? 0}) = ${limit}`;
}

/** Refuses when any title has more candidates than its quota allows (the message names title, quota and count). */
export function checkQuotas(quotas: TReviewQuota[], counts: Map<string, number>): void {
  for (const q of quotas) {
    const n = counts.get(q.titleCode) ?? 0;
    const limit = quotaLimit(q, counts);
    if (n > limit) {
      throw new AppError(
        'QUOTA_EXCEEDED',
        `Vượt chỉ tiêu "${titleName(q.titleCode)}": ${quotaLabel(q, counts)}${q.note ? ` (${q.note})` : ''}, nhưng sẽ có ${n} trường hợp được đề nghị. Hãy bớt ứng viên hoặc sửa chỉ tiêu của phiên bình xét.`,
        { titleCode: q.titleCode, limit, count: n },
      );
    }
  }
}

/** Quotas from a plan's award list ("Giấy khen: 05", "Chiến sĩ thi đua cơ sở: không quá 15%"). */
export function quotasFromPlanAwards(awards: { name: string; quota: string; recipient: 'collective' | 'individual' }[], planLabel: string): TReviewQuota[] {
  const out: TReviewQuota[] = [];
  for (const a of awards) {
    const code = titleCodeFromName(a.name);
    const parsed = parseQuota(a.quota);
    if (!code || !parsed || out.some((q) => q.titleCode === code)) continue;
    if (parsed.percent) {
      if (code === 'CSTDCS') out.push({ titleCode: code, percent: parsed.max, ofTitleCode: 'LDTT', max: null, note: planLabel });
    } else {
      out.push({ titleCode: code, max: parsed.max, percent: null, ofTitleCode: null, note: planLabel });
    }
  }
  return out;
}
