// Vietnamese text, date and money helpers shared by the server, the web app, documents and the importer.
// Pure functions, no I/O.

/** Lower-case, strip diacritics (đ → d) and collapse spaces: "Nguyễn Thị  Lan" → "nguyen thi lan". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** ISO date (YYYY-MM-DD or a full ISO timestamp) → dd/mm/yyyy; empty for null. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) → YYYY-MM-DD, or null when it is not a real date. */
export function parseDateVi(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1234000 → "1.234.000 đ". */
export function formatMoneyVi(amount: number, withUnit = true): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.round(Math.abs(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${digits}${withUnit ? ' đ' : ''}`;
}

/** 0.3 → "0,3" (Vietnamese decimal comma). */
export function formatDecimalVi(value: number, maxFractionDigits = 2): string {
  const fixed = Number(value.toFixed(maxFractionDigits)).toString();
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

/** School year label for a start year: 2025 → "2025-2026". */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** The school year (by its start year) that contains an ISO date: a năm học runs from 01/09 (here: August counts to the new year) to 31/08. */
export function schoolYearOf(isoDateText: string): number {
  const year = Number(isoDateText.slice(0, 4));
  const month = Number(isoDateText.slice(5, 7));
  return month >= 8 ? year : year - 1;
}

/** Vietnamese alphabetical order (one ICU collator for the process: `a.localeCompare(b, 'vi')` looks the
 * locale up on every call, ≈ 10× slower when sorting a thousand names). */
export const compareVi: (a: string, b: string) => number = new Intl.Collator('vi').compare;
