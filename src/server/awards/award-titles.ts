// Reading a decision's wording into the award catalogue: the title / form code from the text of the
// form ("Giấy khen của Hiệu trưởng" → GIAY_KHEN), whether the award is chuyên đề / đột xuất, the
// school year the decision speaks of, and a readable issuing authority.
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { foldVietnamese, schoolYearOf } from '../../shared/vn';

export type TAwardCode = keyof typeof AWARD_CODE_LABELS;

/** Ordered: the first pattern that matches the folded form text decides. */
const CODE_PATTERNS: [RegExp, TAwardCode][] = [
  [/chien si thi dua toan quoc/, 'CSTD_TQ'],
  [/chien si thi dua (cap )?(bo|tinh|nganh)/, 'CSTD_TINH'],
  [/chien si thi dua/, 'CSTDCS'],
  [/tap the lao dong xuat sac/, 'TTLDXS'],
  [/tap the lao dong tien tien/, 'TTLDTT'],
  [/lao dong tien tien/, 'LDTT'],
  [/co thi dua (cua )?chinh phu/, 'CO_CP'],
  [/co thi dua/, 'CO_THI_DUA'],
  [/bang khen (cua )?thu tuong/, 'BK_TTG'],
  [/bang khen (cua )?(bo truong|bo giao duc)/, 'BK_BO'],
  [/bang khen (cua )?(chu tich )?(uy ban|ubnd)/, 'BK_TINH'],
  [/ky niem chuong/, 'KNC_GD'],
  [/giay khen/, 'GIAY_KHEN'],
];

/** The catalogue code a form text names, or `other`. */
export function guessAwardCode(formText: string | null | undefined): TAwardCode {
  if (!formText) return 'other';
  const f = foldVietnamese(formText);
  return CODE_PATTERNS.find(([re]) => re.test(f))?.[1] ?? 'other';
}

/** Chuyên đề / đột xuất / theo đợt wording: such awards never count toward higher công trạng awards. */
export function looksThematic(...texts: (string | null | undefined)[]): boolean {
  return texts.some((t) => !!t && /chuyen de|dot xuat|theo dot/.test(foldVietnamese(t)));
}

/** "năm học 2024 - 2025" in any of the texts → 2024; else the school year of `date`; else null. */
export function schoolYearFromText(texts: (string | null | undefined)[], date: string | null | undefined): number | null {
  for (const t of texts) {
    const m = t ? /nam hoc (\d{4})\s*[-–]\s*(\d{4})/.exec(foldVietnamese(t)) : null;
    if (m && Number(m[2]) === Number(m[1]) + 1) return Number(m[1]);
  }
  return date ? schoolYearOf(date) : null;
}

const ACRONYMS = new Set(['THPT', 'THCS', 'TH', 'MN', 'UBND', 'GDĐT', 'GD&ĐT', 'PTDTNT', 'PTDTBT', 'GDTX', 'GDNN-GDTX', 'TW', 'HĐND']);

/** "TRƯỜNG THPT PHAN ĐÌNH PHÙNG" → "Trường THPT Phan Đình Phùng" (acronyms kept). */
export function titleCaseVi(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((w, i) => {
      if (ACRONYMS.has(w.toUpperCase())) return w.toUpperCase();
      const lower = w.toLocaleLowerCase('vi');
      return i === 0 || text === text.toUpperCase() ? lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1) : w;
    })
    .join(' ');
}

/** Cấp khen as a reader would write it: "Hiệu trưởng Trường THPT Phan Đình Phùng". */
export function describeAuthority(signerTitle: string | null | undefined, issuer: string | null | undefined): string | null {
  const title = signerTitle?.replace(/^(KT|TM|TL|TUQ|Q)\.\s*/i, '').split(/\n/)[0].trim() || null;
  const org = issuer ? titleCaseVi(issuer) : null;
  if (!title) return org;
  const t = title.charAt(0).toLocaleUpperCase('vi') + title.slice(1).toLocaleLowerCase('vi');
  if (!org || foldVietnamese(t).includes(foldVietnamese(org))) return t;
  return `${t} ${org}`;
}
