// Who may award what, on a date: read from the rule set in force (authorities are data per title).
import { formatDateVi } from '../shared/vn';
import { SHIPPED_RULE_SETS } from './data/rule-sets';
import { ruleSetInForce } from './select-rule-set';
import type { AuthorityKind, RuleSet } from './types';

export const AUTHORITY_LABEL: Record<AuthorityKind, string> = {
  school_head: 'Hiệu trưởng (thủ trưởng đơn vị có tư cách pháp nhân)',
  commune_chairman: 'Chủ tịch UBND xã, phường, đặc khu',
  district_chairman: 'Chủ tịch UBND huyện',
  department_director: 'Giám đốc Sở Giáo dục và Đào tạo',
  province_chairman: 'Chủ tịch UBND tỉnh',
  minister: 'Bộ trưởng Bộ Giáo dục và Đào tạo',
  prime_minister: 'Thủ tướng Chính phủ',
};

export type AuthorityAnswer = {
  allowed: boolean;
  /** Vietnamese explanation. */
  reason: string;
  citation: string | null;
  unverified: boolean;
  /** Who may award it on that date. */
  allowedAuthorities: AuthorityKind[];
  ruleSetId: string | null;
};

export function canAward(authority: AuthorityKind, titleCode: string, date: string, ruleSets: readonly RuleSet[] = SHIPPED_RULE_SETS): AuthorityAnswer {
  const set = ruleSetInForce(ruleSets, date);
  if (!set) {
    return { allowed: false, reason: `Không có bộ quy tắc nào có hiệu lực ngày ${formatDateVi(date)}`, citation: null, unverified: false, allowedAuthorities: [], ruleSetId: null };
  }
  const title = set.titles[titleCode];
  if (!title) {
    return { allowed: false, reason: `Bộ quy tắc "${set.name}" không có danh hiệu, hình thức mã ${titleCode}`, citation: null, unverified: false, allowedAuthorities: [], ruleSetId: set.id };
  }
  const list = title.authorities.value;
  const who = AUTHORITY_LABEL[authority];
  const day = formatDateVi(date);
  const base = { citation: title.authorities.citation, unverified: !title.authorities.verified, allowedAuthorities: list, ruleSetId: set.id };
  if (list.includes(authority)) {
    return { ...base, allowed: true, reason: `${who} có thẩm quyền tặng ${title.name} (ngày ${day})` };
  }
  const hint =
    authority === 'district_chairman' && date >= '2025-07-01'
      ? ' Cấp huyện không còn từ 01/07/2025; thẩm quyền chuyển cho Chủ tịch UBND xã.'
      : '';
  const holders = list.map((a) => AUTHORITY_LABEL[a]).join('; ');
  return { ...base, allowed: false, reason: `${who} không có thẩm quyền tặng ${title.name} (ngày ${day}). Có thẩm quyền: ${holders}.${hint}` };
}
