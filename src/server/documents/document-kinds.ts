// What the server needs to know about each document kind beyond the engine: its type code in the
// register (null for a Công văn; undefined = not numbered in the sổ văn bản đi), how to read its
// trích yếu, issuer code and signer from the input, and how to stamp a number and date into it.
import { DOCUMENT_KINDS, DOCUMENT_TYPE_CODES, type TDocumentKind } from '../../documents';

/** Register type codes by kind. Kinds absent here (báo cáo thành tích, giấy khen) take no number. */
export const KIND_TYPE_CODES: Partial<Record<TDocumentKind, string | null>> = {
  'ke-hoach': DOCUMENT_TYPE_CODES['Kế hoạch'],
  'to-trinh': DOCUMENT_TYPE_CODES['Tờ trình'],
  'bien-ban': DOCUMENT_TYPE_CODES['Biên bản'],
  'quyet-dinh': DOCUMENT_TYPE_CODES['Quyết định'],
  'bao-cao': DOCUMENT_TYPE_CODES['Báo cáo'],
  'thong-bao': DOCUMENT_TYPE_CODES['Thông báo'],
  'cong-van': null,
};

/** Type codes a number may be reserved for (Phụ lục III), plus null for a Công văn. */
export const REGISTER_TYPE_CODES = Object.values(DOCUMENT_TYPE_CODES) as [string, ...string[]];

export const isDocumentKind = (kind: string): kind is TDocumentKind => kind in DOCUMENT_KINDS;
export const isNumbered = (kind: TDocumentKind): boolean => kind in KIND_TYPE_CODES;

type TJson = Record<string, any>;
const obj = (v: unknown): TJson => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as TJson) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The trích yếu shown in lists and written in the register. */
export function documentTitle(kind: TDocumentKind, data: unknown): string {
  const d = obj(data);
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
  switch (kind) {
    case 'ke-hoach':
    case 'bien-ban':
      return str(d.title);
    case 'to-trinh':
      return `Đề nghị khen thưởng ${str(d.commendationType)} ${str(d.period)}`.trim();
    case 'quyet-dinh':
    case 'bao-cao':
    case 'thong-bao':
      return str(d.summary);
    case 'cong-van':
      return `V/v ${str(d.subject)}`;
    case 'bao-cao-thanh-tich-ca-nhan':
      return `Báo cáo thành tích: ${str(obj(d.profile).fullName)} — ${str(d.award)}`;
    case 'bao-cao-thanh-tich-tap-the':
    case 'bao-cao-thanh-tich-chuyen-de':
      return `Báo cáo thành tích: ${str(obj(d.unit).issuer)} — ${cap(str(d.award))}`;
    case 'giay-khen': {
      const n = Array.isArray(d.certificates) ? d.certificates.length : Array.isArray(d.entries) ? d.entries.length : 0;
      return `Giấy khen (${n} bản)`;
    }
  }
}

/** The ký hiệu of the issuing body written in the document ("SGDĐT", "SGDĐT-VP"), or null. */
export function documentIssuerCode(kind: TDocumentKind, data: unknown): string | null {
  const d = obj(data);
  if (isNumbered(kind)) return str(obj(d.issuing).issuerCode) || null;
  return str(obj(d.unit).issuerCode) || null;
}

export function documentSignerName(data: unknown): string | null {
  const d = obj(data);
  return str(obj(d.signer).name) || str(obj(d.chairSigner).name) || null;
}

/** The input with its number and date set (drafts: number null). */
export function withNumberAndDate(kind: TDocumentKind, data: unknown, number: number | null, date: string | null | undefined): TJson {
  const d = obj(data);
  if (!isNumbered(kind)) return d;
  const issuing: TJson = { ...obj(d.issuing), number };
  if (date !== undefined) issuing.date = date;
  return { ...d, issuing };
}

/** The date written in the document's input, if any. */
export function documentDate(kind: TDocumentKind, data: unknown): string | null {
  const d = obj(data);
  const v = isNumbered(kind) ? obj(d.issuing).date : d.date;
  return typeof v === 'string' ? v : null;
}
