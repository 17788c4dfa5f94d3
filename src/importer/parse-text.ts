// Normalised text of a plan, decision, proposal… → structured fields, each with its source span.
// Rules follow the layout of Vietnamese administrative documents (NĐ 30/2020/NĐ-CP): header (issuer, number,
// place and date), type word and subject, legal bases (Căn cứ…), numbered sections, Nơi nhận and signer.

import { isoDate, schoolYearOf } from '../shared/vn';
import type { TDocType, TParsedDocument, TSection, TSpan, TSpannedText } from './schema';

type TLine = { text: string; start: number; end: number; blankBefore: boolean };
type TAward = TParsedDocument['awards'][number];
type TAwardee = TParsedDocument['awardees'][number];
type TDeadline = TParsedDocument['deadlines'][number];
type TLegal = TParsedDocument['legalBases'][number];
type TKind = 'tap_the' | 'ca_nhan' | 'gia_dinh';

const TYPE_WORD_MAP: [RegExp, TDocType, string][] = [
  [/^KẾ HOẠCH/u, 'ke_hoach', 'Kế hoạch'],
  [/^QUYẾT ĐỊNH/u, 'quyet_dinh', 'Quyết định'],
  [/^TỜ TRÌNH/u, 'to_trinh', 'Tờ trình'],
  [/^BÁO CÁO/u, 'bao_cao', 'Báo cáo'],
  [/^BIÊN BẢN/u, 'bien_ban', 'Biên bản'],
  [/^THÔNG BÁO/u, 'thong_bao', 'Thông báo'],
  [/^CÔNG VĂN/u, 'cong_van', 'Công văn'],
  [/^HƯỚNG DẪN/u, 'huong_dan', 'Hướng dẫn'],
  [/^(?:CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|GIẤY MỜI|NGHỊ QUYẾT|CHỈ THỊ|DANH SÁCH)/u, 'other', ''],
];
const NUMBER_CODE: [RegExp, TDocType][] = [
  [/[/-](?:\d{4}\/)?KH(?![\p{L}])/u, 'ke_hoach'],
  [/[/-](?:\d{4}\/)?QĐ(?![\p{L}])/u, 'quyet_dinh'],
  [/[/-](?:\d{4}\/)?TTr(?![\p{L}])/u, 'to_trinh'],
  [/[/-](?:\d{4}\/)?BC(?![\p{L}])/u, 'bao_cao'],
  [/[/-](?:\d{4}\/)?BB(?![\p{L}])/u, 'bien_ban'],
  [/[/-](?:\d{4}\/)?TB(?![\p{L}])/u, 'thong_bao'],
  [/[/-](?:\d{4}\/)?HD(?![\p{L}])/u, 'huong_dan'],
  [/[/-](?:\d{4}\/)?CV(?![\p{L}])/u, 'cong_van'],
];
const ORG_START =
  /^(?:TRƯỜNG|PHÒNG|SỞ|BỘ|UBND|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BAN\b|TRUNG TÂM|CÔNG ĐOÀN|LIÊN ĐOÀN|ĐOÀN\b|CHI BỘ|ĐẢNG BỘ|ĐẢNG ỦY|VĂN PHÒNG|VIỆN|CỤC|TỔNG CỤC|ĐẠI HỌC|HỘI\b|THANH TRA|PHÂN HIỆU|TỔ(?=\s|$)|LIÊN ĐỘI|CHI ĐOÀN|HĐTĐKT|HỌC VIỆN|NHÀ TRƯỜNG)/iu;
const DOC_KINDS =
  'Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản|Hướng dẫn|Chương trình hành động|Chương trình|Thông báo|Quy chế|Quy định|Điều lệ|Tờ trình|Biên bản|Kết luận|Đề án|Công điện';
const DOC_KIND_START = new RegExp(`^(${DOC_KINDS})(?=\\s|$)`, 'u');
const LEGAL_LEAD = /^(?:[-+•]\s*)?(?:Căn cứ(?:\s+vào)?|Thực hiện|Theo|Triển khai|Xét|Tiếp theo)\s+/u;
const AWARD_FORM =
  /(Bằng khen|Giấy khen|Chiến sĩ thi đua(?: cơ sở| cấp cơ sở| cấp tỉnh| cấp bộ| toàn quốc| tỉnh| bộ)?|Tập thể lao động (?:xuất sắc|tiên tiến)|Lao động tiên tiến|Cờ thi đua(?: của [\p{L} ]+?(?=\s(?:cho|đối với)|[,.;]))?|Huân chương Lao động hạng (?:Nhất|Nhì|Ba)|Huân chương [\p{L}]+(?: [\p{L}]+)?|Kỷ niệm chương(?: “[^”]+”| "[^"]+")?|Giấy chứng nhận|Giấy công nhận|Chiến sỹ thi đua(?: cơ sở)?)/u;
const AUTHORITY_START =
  /^(?:Chủ tịch|Giám đốc|Phó Giám đốc|Hiệu trưởng|Trưởng phòng|Thủ tướng|Bộ trưởng|Sở|Phòng|UBND|Ủy ban|Uỷ ban|Bộ|Hội đồng|Công đoàn|Tổng Liên đoàn|Liên đoàn|Chính phủ|Nhà trường|Trưởng ban|Thủ trưởng|Ban|Chủ nhiệm|Cục trưởng)/u;
const KIND_WORDS: [RegExp, TKind][] = [
  [/^(?:hộ gia đình|gia đình)/iu, 'gia_dinh'],
  [/^(?:tập thể|đơn vị|phòng|tổ chức|tổ|trường|khoa|cơ quan|lớp|đoàn thể|cơ sở giáo dục|chi đoàn|liên đội|công đoàn)/iu, 'tap_the'],
  [/^(?:cá nhân|công chức|viên chức|giáo viên|thủ trưởng|cán bộ|nhân viên|học sinh|người lao động|đồng chí|hiệu trưởng|người|CB|GV|NV)/iu, 'ca_nhan'],
];

/** The type word at the start of a line ("KẾ HOẠCH …"), or a line that is only the type word in any case ("Kế hoạch"). */
function typeWordAt(t: string): { hit: [RegExp, TDocType, string]; len: number } | null {
  for (const h of TYPE_WORD_MAP) {
    const m = h[0].exec(t);
    if (m) return { hit: h, len: m[0].length };
  }
  const bare = t.trim().replace(/\s+/g, ' ');
  if (bare.length <= 14) {
    const up = bare.toUpperCase();
    for (const h of TYPE_WORD_MAP) {
      const m = h[0].exec(up);
      if (m && m[0].length === up.length) return { hit: h, len: t.length };
    }
  }
  return null;
}

function span(start: number, end: number): TSpan {
  return { start, end };
}
function sv(value: string, start: number, end: number): TSpannedText {
  return { value, span: span(start, end) };
}
/** A value for a sub-string of a line; trims the sub-string and keeps the span exact. */
function subValue(line: TLine, from: number, to: number, transform?: (s: string) => string): TSpannedText | null {
  let a = from;
  let b = to;
  const t = line.text;
  while (a < b && /[\s,;:.\-–]/.test(t[a])) a++;
  while (b > a && /[\s,;:–\-]/.test(t[b - 1])) b--;
  if (b > a && t[b - 1] === '.' && !/\b[A-ZĐ]\.$/.test(t.slice(a, b)) && !/\/\.$/.test(t.slice(a, b))) b--;
  if (b <= a) return null;
  const raw = t.slice(a, b);
  return sv(transform ? transform(raw) : raw, line.start + a, line.start + b);
}
function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
function stripBullet(text: string): { text: string; offset: number } {
  const m = /^(?:[-+•–*]\s*|\d+[.)]\s+|[a-zđ]\)\s*)/u.exec(text);
  return m ? { text: text.slice(m[0].length), offset: m[0].length } : { text, offset: 0 };
}
function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => (w.trim() ? w[0].toUpperCase() + w.slice(1) : w))
    .join('');
}
function isUpperLine(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

const ACRONYMS = new Set(['UBND', 'HĐND', 'GD', 'ĐT', 'GDĐT', 'GD&ĐT', 'THPT', 'THCS', 'TH', 'MN', 'MG', 'CCHC', 'CNTT', 'TP', 'TW', 'CP', 'BGDĐT', 'TTHC', 'CB', 'GV', 'NV', 'CBGVNV', 'CB-GV-NV', 'HS', 'GDTX', 'GDNN', 'LĐLĐ', 'BCH', 'CĐ', 'TDTT', 'ATGT', 'PCCC', 'XHCN', 'VN', 'CSTĐ', 'TĐKT', 'LĐTT']);
/** Sentence case for a subject line: "PHÁT ĐỘNG PHONG TRÀO" → "phát động phong trào", "Phát động" → "phát động". */
function sentenceCaseSubject(subject: string): string {
  let s = subject.replace(/^V\/v\b\.?\s*/iu, 'về việc ').replace(/\s+/g, ' ').trim();
  if (isUpperLine(s)) {
    s = s
      .split(' ')
      .map((w) => {
        const bare = w.replace(/^[“"(]+|[”",.;:)]+$/g, '');
        if (ACRONYMS.has(bare) || /\d/.test(bare) || /^[IVXLC]+$/.test(bare) || (bare.length >= 2 && !/[AEIOUYĂÂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]/u.test(bare))) return w;
        return w.toLowerCase();
      })
      .join(' ');
    // a quoted movement name keeps its capital: “Dạy tốt - học tốt”
    return s.replace(/([“"«])(\p{Ll})/gu, (_m, q: string, c: string) => q + c.toUpperCase());
  }
  if (/^\p{Lu}\p{Ll}/u.test(s)) s = s[0].toLowerCase() + s.slice(1);
  return s;
}

/** dd/mm/yyyy, d-m-yyyy, "26 tháng 9 năm 2024" → ISO (null when a part is blank or invalid). */
function parseDateText(text: string): string | null {
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** "67 / KH-TCGC" → "67/KH-TCGC"; null when the number itself is blank. */
export function normalizeDocNumber(raw: string): string | null {
  const s = raw
    .replace(/[–—−]/g, '-')
    .replace(/\s+/g, '')
    .replace(/[.,;:]+$/, '');
  if (!/^\d+[\p{L}\d]*(?:[-/][\p{L}\d.&-]*)*\/[\p{L}\d.&-]+/u.test(s) && !/^\d+-[\p{L}]+\/[\p{L}\d.&-]+/u.test(s)) return null;
  return s;
}

export class DocumentTextParser {
  private readonly lines: TLine[] = [];
  private readonly warnings: string[] = [];
  private docType: TParsedDocument['docType'] = { value: 'other', span: null };
  private titleIdx = -1;
  private bodyIdx = 0;
  private footerIdx: number;
  private sections: TSection[] = [];
  private flatSections: { node: TSection; level: number; lineIdx: number; endIdx: number }[] = [];
  private docDate: string | null = null;
  private period: TParsedDocument['period'] = null;

  constructor(private readonly text: string) {
    let pos = 0;
    let blank = true;
    for (const raw of text.split('\n')) {
      const start = pos;
      pos += raw.length + 1;
      if (!raw.trim()) {
        blank = true;
        continue;
      }
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      this.lines.push({ text: t, start: start + lead, end: start + lead + t.length, blankBefore: blank });
      blank = false;
    }
    this.footerIdx = this.lines.length;
  }

  parse(): Omit<TParsedDocument, 'format' | 'encoding' | 'text'> {
    const header = this.parseHeader();
    const title = this.parseTitle();
    this.docDate = header.date?.value ?? null;
    this.findFooter();
    this.parseSections();
    const legalBases = this.parseLegalBases();
    this.period = this.parsePeriod(title);
    const movementName = this.parseMovement(title);
    let issuer = header.issuer;
    if (!issuer) {
      issuer = this.issuerFromBody();
      if (issuer) this.warnings.push('Không thấy phần tiêu đề cơ quan ban hành; đã lấy cơ quan ban hành từ nội dung văn bản.');
    }
    const awardees = this.docType.value === 'quyet_dinh' || this.lines.some((l) => /^DANH SÁCH/u.test(l.text)) ? this.parseAwardees() : [];
    const result = {
      docType: this.docType,
      issuerParent: header.issuerParent,
      issuer,
      number: header.number,
      numberRaw: header.numberRaw,
      place: header.place,
      date: header.date,
      dateRaw: header.dateRaw,
      title,
      movementName,
      period: this.period,
      legalBases,
      targets: this.parseTargets(),
      contents: this.parseContents(),
      awards: this.parseAwards(),
      dossier: this.parseDossier(),
      deadlines: this.parseDeadlines(),
      reporting: this.parseReporting(),
      recipients: this.parseRecipients(),
      signer: this.parseSigner(),
      sections: this.sections,
      awardees,
      warnings: this.warnings,
    };
    if (!result.issuer) this.warnings.push('Không xác định được cơ quan ban hành.');
    if (!result.numberRaw) this.warnings.push('Không thấy số, ký hiệu văn bản.');
    if (!result.date && !result.dateRaw) this.warnings.push('Không thấy ngày ban hành.');
    if (!result.title) this.warnings.push('Không xác định được tên loại và trích yếu văn bản.');
    if (!result.signer) this.warnings.push('Không thấy người ký.');
    if (this.docType.value === 'quyet_dinh' && !awardees.length && /khen thưởng|tặng/iu.test(this.text)) {
      this.warnings.push('Quyết định khen thưởng nhưng không đọc được danh sách người được khen.');
    }
    return result;
  }

  // ---------------------------------------------------------------- header
  private parseHeader() {
    const lines = this.lines;
    // the type word line ("KẾ HOẠCH", "QUYẾT ĐỊNH") within the top of the document
    let titleIdx = -1;
    for (let i = 0; i < Math.min(lines.length, 40); i++) {
      const t = lines[i].text;
      if (/^(?:Căn cứ|Thực hiện|Điều\s+1)/u.test(t)) break;
      const tw = typeWordAt(t);
      if (tw && (tw.len === t.length || /^[^\p{Ll}]*(?:\s|$)/u.test(t.split(/\s+/).slice(0, 2).join(' '))) && !/^QUYẾT ĐỊNH\s*:\s*$/iu.test(t)) {
        titleIdx = i;
        break;
      }
    }
    this.titleIdx = titleIdx;
    const headerEnd = titleIdx >= 0 ? titleIdx : this.firstBodyLine();
    let issuerParent: TSpannedText | null = null;
    let issuer: TSpannedText | null = null;
    let number: TSpannedText | null = null;
    let numberRaw: TSpannedText | null = null;
    let place: TSpannedText | null = null;
    let date: TSpannedText | null = null;
    let dateRaw: TSpannedText | null = null;
    const orgLines: TLine[] = [];
    for (let i = 0; i < headerEnd; i++) {
      const line = lines[i];
      const t = line.text;
      if (/C[ỘO]NG\s*H(?:ÒA|OÀ|OA|ÓA)\s+X[ÃA]\s+H[ỘO]I/iu.test(t) || /Đ[ộo]c\s+l[ậa]p\s*[-–—]/iu.test(t) || /^[-_=*.…~\s]*(?:o0o|oOo|000)?[-_=*.…~\s]*$/iu.test(t) || /^VI[ỆE]T NAM$/u.test(t)) continue;
      const num = /^S[ốo]\s*[:.]?\s*(.*)$/u.exec(t);
      if (num && !numberRaw) {
        const restAt = t.length - num[1].length;
        numberRaw = subValue(line, restAt, t.length) ?? sv('', line.start + restAt, line.start + restAt);
        const norm = normalizeDocNumber(num[1]);
        if (norm) number = sv(norm, numberRaw.span.start, numberRaw.span.end);
        else this.warnings.push(`Số văn bản để trống hoặc không đọc được ("${t}").`);
        continue;
      }
      const pd = this.matchPlaceDate(line);
      if (pd) {
        place = place ?? pd.place;
        dateRaw = pd.dateRaw;
        date = pd.date;
        continue;
      }
      if (/^V\/v\b/iu.test(t) || /^\(/.test(t)) continue;
      if (t.length <= 120 && (isUpperLine(t) || ORG_START.test(t))) orgLines.push(line);
    }
    if (orgLines.length === 1) issuer = sv(orgLines[0].text, orgLines[0].start, orgLines[0].end);
    else if (orgLines.length >= 2) {
      let k = -1;
      for (let i = orgLines.length - 1; i >= 0; i--) if (ORG_START.test(orgLines[i].text)) { k = i; break; }
      if (k <= 0) k = orgLines.length >= 2 && ORG_START.test(orgLines[orgLines.length - 1].text) ? orgLines.length - 1 : 0;
      const join = (ls: TLine[]) => sv(ls.map((l) => l.text).join(' '), ls[0].start, ls[ls.length - 1].end);
      if (k > 0) issuerParent = join(orgLines.slice(0, k));
      issuer = join(orgLines.slice(k));
    }
    // a date line further down (documents without a header block)
    if (!dateRaw) {
      for (let i = headerEnd; i < Math.min(lines.length, headerEnd + 6); i++) {
        const pd = this.matchPlaceDate(lines[i]);
        if (pd && /^[^,]{2,40},\s*ngày/u.test(lines[i].text)) {
          place = place ?? pd.place;
          dateRaw = pd.dateRaw;
          date = pd.date;
          break;
        }
      }
    }
    // some reports put "<place>, ngày …" above the signature
    if (!dateRaw) {
      for (let i = lines.length - 1; i >= Math.max(headerEnd, lines.length - 15); i--) {
        const pd = this.matchPlaceDate(lines[i]);
        if (pd && pd.place && /^[^,]{2,40},\s*ngày/iu.test(lines[i].text) && lines[i].text.length < 70) {
          place = place ?? pd.place;
          dateRaw = pd.dateRaw;
          date = pd.date;
          break;
        }
      }
    }
    if (dateRaw && !date) this.warnings.push(`Ngày ban hành để trống hoặc không hợp lệ ("${dateRaw.value}").`);
    // document type: the type word, else the number's code, else "V/v" (official letter)
    if (titleIdx >= 0) {
      const line = lines[titleIdx];
      const tw = typeWordAt(line.text);
      if (tw) this.docType = { value: tw.hit[1], span: span(line.start, line.start + tw.len) };
    } else if (number || numberRaw) {
      const code = NUMBER_CODE.find(([re]) => re.test((number ?? numberRaw)!.value));
      if (code) this.docType = { value: code[1], span: (number ?? numberRaw)!.span };
      else if (lines.slice(0, 15).some((l) => /^V\/v\b/iu.test(l.text))) this.docType = { value: 'cong_van', span: (number ?? numberRaw)!.span };
    } else if (lines.slice(0, 15).some((l) => /^V\/v\b/iu.test(l.text) || /^Kính gửi/u.test(l.text))) {
      const l = lines.slice(0, 15).find((x) => /^V\/v\b/iu.test(x.text) || /^Kính gửi/u.test(x.text))!;
      this.docType = { value: 'cong_van', span: span(l.start, l.start + 3) };
    }
    if (titleIdx < 0 && this.docType.value === 'other') this.warnings.push('Không thấy tên loại văn bản (KẾ HOẠCH, QUYẾT ĐỊNH…).');
    return { issuerParent, issuer, number, numberRaw, place, date, dateRaw };
  }

  private firstBodyLine(): number {
    const i = this.lines.findIndex((l) => /^(?:Căn cứ|Thực hiện|Kính gửi|I\.\s|Điều\s+1)/u.test(l.text));
    return i < 0 ? Math.min(this.lines.length, 8) : i;
  }

  private matchPlaceDate(line: TLine): { place: TSpannedText | null; date: TSpannedText | null; dateRaw: TSpannedText } | null {
    const t = line.text;
    const m = /^(?:(.{2,50}?)\s*,\s*)?(ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})?\s*năm\s*(\d{4})?|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})))\b/iu.exec(t);
    if (!m) {
      const m2 = /^(.{2,50}?)\s*,\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/u.exec(t);
      if (!m2) return null;
      const at = t.indexOf(m2[2], m2[1].length);
      const raw = subValue(line, at, t.length)!;
      return { place: subValue(line, 0, m2[1].length), date: sv(isoDate(+m2[4], +m2[3], +m2[2]) ?? '', raw.span.start, raw.span.end), dateRaw: raw };
    }
    if (!m[1] && !/^ngày/iu.test(t)) return null;
    if (m[1] && (/S[ốo]\s*:/u.test(m[1]) || m[1].split(/\s+/).length > 7)) return null;
    const dateAt = m[1] ? t.indexOf(m[2], m[1].length) : t.indexOf(m[2]);
    const dateRaw = sv(m[2], line.start + dateAt, line.start + dateAt + m[2].length);
    let iso: string | null = null;
    if (m[3] && m[4] && m[5]) iso = isoDate(+m[5], +m[4], +m[3]);
    else if (m[3] && m[6] && m[7]) iso = isoDate(+m[7], +m[6], +m[3]);
    return {
      place: m[1] ? subValue(line, 0, m[1].length) : null,
      date: iso ? sv(iso, dateRaw.span.start, dateRaw.span.end) : null,
      dateRaw,
    };
  }

  // ---------------------------------------------------------------- title
  private parseTitle(): TSpannedText | null {
    const lines = this.lines;
    let idx = this.titleIdx;
    let typeWord = '';
    let subjectParts: TLine[] = [];
    let restOfTypeLine: TSpannedText | null = null;
    if (idx >= 0) {
      const line = lines[idx];
      const tw = typeWordAt(line.text)!;
      typeWord = tw.hit[2] || capitalize(line.text.slice(0, tw.len).toLowerCase());
      restOfTypeLine = subValue(line, tw.len, line.text.length);
    } else {
      // an official letter: "V/v …" under the number
      const vv = lines.slice(0, 15).findIndex((l) => /^V\/v\b/iu.test(l.text));
      if (vv < 0) {
        this.bodyIdx = this.firstBodyLine();
        return null;
      }
      idx = vv - 1;
      typeWord = this.docType.value === 'cong_van' ? 'Công văn' : '';
    }
    let i = idx + 1;
    const stop = (t: string) =>
      new RegExp(`^(?:Thực hiện|Theo|Triển khai)\\s+(?:${DOC_KINDS})`, 'u').test(t) ||
      /^(?:Căn cứ|Xét\s|Kính gửi|Nhằm|Hôm nay|Vào hồi|Vào lúc|Điều\s+\d|[IVX]+\.\s|\d+\.\s|[-+•]\s|Số\s*:|Nơi nhận)/u.test(t) ||
      /^[-_=*.…\s]+$/.test(t) ||
      (isUpperLine(t) && !/^V\/v/iu.test(t) && subjectParts.length > 0 && !(isUpperLine(subjectParts[0].text) && subjectParts.length < 3)) ||
      /^(?:(?:KT|TM|Q)\.\s*)?(?:HIỆU TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|BỘ TRƯỞNG|HỘI ĐỒNG|BAN|ỦY BAN|UBND|THỦ TRƯỞNG|TRƯỞNG BAN)(?=\s|$)/u.test(t);
    if (!restOfTypeLine) {
      while (i < lines.length && subjectParts.length < 4) {
        const t = lines[i].text;
        if (stop(t)) break;
        if (subjectParts.length > 0) {
          const cont = /^[\p{Ll}(]/u.test(t) || /^(?:năm học|năm|giai đoạn)\s/iu.test(t) || (isUpperLine(subjectParts[0].text) && isUpperLine(t));
          if (!cont || t.length > 200) break;
        }
        if (/^\p{Ll}/u.test(t) && subjectParts.length === 0 && t.length > 250) break;
        subjectParts.push(lines[i]);
        i++;
        if (subjectParts.length === 1 && /^V\/v/iu.test(t) && i < lines.length && /^\p{Ll}/u.test(lines[i].text) && !stop(lines[i].text)) continue;
      }
    } else {
      // the subject continues on following lines when they start in lower case or with "("
      while (i < lines.length && /^[\p{Ll}(]/u.test(lines[i].text) && !stop(lines[i].text) && lines[i].text.length < 200) i++;
    }
    this.bodyIdx = i;
    const start = idx >= 0 && this.titleIdx >= 0 ? lines[idx].start : (subjectParts[0]?.start ?? 0);
    let subject = '';
    let end = start;
    if (restOfTypeLine) {
      const extra = lines.slice(idx + 1, i).map((l) => l.text);
      subject = [restOfTypeLine.value, ...extra].join(' ');
      end = i > idx + 1 ? lines[i - 1].end : restOfTypeLine.span.end;
    } else if (subjectParts.length) {
      subject = subjectParts.map((l) => l.text).join(' ');
      end = subjectParts[subjectParts.length - 1].end;
    } else if (this.titleIdx >= 0) {
      end = lines[idx].end;
    }
    if (!typeWord && !subject) return null;
    subject = sentenceCaseSubject(subject);
    const value = typeWord ? (subject ? `${typeWord} ${subject}` : typeWord) : capitalize(subject);
    return sv(value.replace(/\s+/g, ' ').trim(), start, end);
  }

  // ---------------------------------------------------------------- footer, sections
  private findFooter(): void {
    for (let i = this.lines.length - 1; i > this.bodyIdx; i--) {
      if (/^N[ơo]i\s+nh[ậa]n\b/iu.test(this.lines[i].text)) {
        this.footerIdx = i;
        return;
      }
    }
    // no "Nơi nhận": the footer starts after the closing "Trên đây là…" paragraph
    for (let i = this.lines.length - 1; i > this.bodyIdx; i--) {
      if (/^(?:Trên đây|Nay báo cáo|Kính đề nghị|Kính trình)/u.test(this.lines[i].text)) {
        this.footerIdx = i + 1;
        return;
      }
    }
  }

  private headingOf(t: string, decision: boolean): { kind: TSection['kind']; label: string; level: number; labelLen: number } | null {
    let m = /^Điều\s+(\d+)\s*[.:]\s*/u.exec(t);
    if (m) return { kind: 'dieu', label: `Điều ${m[1]}`, level: 1, labelLen: m[0].length };
    m = /^(?:PHẦN|Phần)\s+([IVXLC]+|\d+)\s*[.:]?\s*/u.exec(t);
    if (m) return { kind: 'phan', label: m[1], level: 1, labelLen: m[0].length };
    m = /^([IVXL]+)\s*[.)]\s*(?=\S)/u.exec(t);
    if (m && /^(?:I{1,3}|IV|V|VI{0,3}|IX|X|XI{0,3}|XIV|XV|XVI{0,3}|XIX|XX)$/.test(m[1])) return { kind: 'phan', label: m[1], level: 1, labelLen: m[0].length };
    m = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)/u.exec(t);
    if (m) return { kind: decision ? 'khoan' : 'tieu_muc', label: m[1], level: 3, labelLen: m[0].length };
    m = /^(\d{1,2})\s*[.)]\s+(?=\S)/u.exec(t);
    if (m) return { kind: decision ? 'khoan' : 'muc', label: m[1], level: 2, labelLen: m[0].length };
    m = /^([a-zđ])\s*\)\s*(?=\S)/u.exec(t);
    if (m) return { kind: 'diem', label: m[1], level: 4, labelLen: m[0].length };
    return null;
  }

  private parseSections(): void {
    const decision = this.docType.value === 'quyet_dinh' || this.lines.some((l) => /^Điều\s+1\b/u.test(l.text));
    const flat: { node: TSection; level: number; lineIdx: number; endIdx: number }[] = [];
    const hasRoman = this.lines.slice(this.bodyIdx, this.footerIdx).some((l) => /^[IVX]+\.\s/u.test(l.text));
    for (let i = this.bodyIdx; i < this.footerIdx; i++) {
      const line = this.lines[i];
      if (line.text.includes(' | ')) continue;
      const h = this.headingOf(line.text, decision);
      if (!h) continue;
      // in decisions the khoản under Điều are level 2; in documents without Roman parts, "1." is the top
      let level = h.level;
      if (h.kind === 'dieu') level = 1;
      else if (decision && h.kind === 'khoan') level = h.label.includes('.') ? 3 : 2;
      else if (!hasRoman && h.kind !== 'phan') level -= 1;
      flat.push({
        node: { kind: h.kind, label: h.label, heading: sv(line.text, line.start, line.end), span: span(line.start, line.end), children: [] },
        level,
        lineIdx: i,
        endIdx: this.footerIdx,
      });
    }
    const bodyEnd = this.footerIdx > 0 ? this.lines[Math.min(this.footerIdx, this.lines.length) - 1]?.end ?? this.text.length : this.text.length;
    for (let k = 0; k < flat.length; k++) {
      let endIdx = this.footerIdx;
      for (let j = k + 1; j < flat.length; j++) if (flat[j].level <= flat[k].level) { endIdx = flat[j].lineIdx; break; }
      flat[k].endIdx = endIdx;
      const lastLine = this.lines[endIdx - 1];
      flat[k].node.span = span(this.lines[flat[k].lineIdx].start, lastLine ? lastLine.end : bodyEnd);
    }
    const roots: TSection[] = [];
    const stack: { node: TSection; level: number }[] = [];
    for (const f of flat) {
      while (stack.length && stack[stack.length - 1].level >= f.level) stack.pop();
      if (stack.length) stack[stack.length - 1].node.children.push(f.node);
      else roots.push(f.node);
      stack.push({ node: f.node, level: f.level });
    }
    this.sections = roots;
    this.flatSections = flat;
  }

  /** Sections whose heading text (without its label) matches, deepest first. */
  private sectionsMatching(re: RegExp, exclude?: RegExp): { node: TSection; level: number; lineIdx: number; endIdx: number }[] {
    return this.flatSections
      .filter((f) => {
        const h = f.node.heading.value;
        const text = h.replace(/^(?:Điều\s+\d+|[IVXL]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):]?\s*/u, '');
        const head = text.split(/[:.]/)[0];
        return head.length <= 100 && re.test(head) && !(exclude && exclude.test(head));
      })
      .sort((a, b) => b.level - a.level);
  }

  // ---------------------------------------------------------------- legal bases
  private parseLegalBases(): TLegal[] {
    const out: TLegal[] = [];
    let end = this.flatSections.length ? this.flatSections[0].lineIdx : this.footerIdx;
    const decide = this.lines.findIndex((l, i) => i >= this.bodyIdx && /^QUYẾT ĐỊNH\s*:?\s*$/u.test(l.text));
    if (decide >= 0 && decide < end) end = decide;
    for (let i = this.bodyIdx; i < end; i++) {
      const line = this.lines[i];
      let t = line.text;
      let offset = 0;
      const lead = LEGAL_LEAD.exec(t);
      if (lead) {
        offset = lead[0].length;
      } else if (!DOC_KIND_START.test(t)) continue;
      // split into clauses at ";" and at " và <Kind> số …"
      const body = t.slice(offset);
      const cuts: number[] = [0];
      const splitter = new RegExp(`;\\s*|\\s+(?:và|,)\\s+(?=(?:${DOC_KINDS})\\s+(?:số\\s*)?\\d)|,\\s+(?=(?:${DOC_KINDS})\\s+(?:số\\s*)?\\d)`, 'gu');
      let m: RegExpExecArray | null;
      const pieces: [number, number][] = [];
      let last = 0;
      while ((m = splitter.exec(body))) {
        pieces.push([last, m.index]);
        last = m.index + m[0].length;
      }
      pieces.push([last, body.length]);
      void cuts;
      for (const [a, b] of pieces) {
        let from = offset + a;
        const clauseText = t.slice(from, offset + b);
        const again = LEGAL_LEAD.exec(clauseText);
        if (again) from += again[0].length;
        const clause = t.slice(from, offset + b);
        const kind = DOC_KIND_START.exec(clause);
        if (!kind) continue;
        const v = subValue(line, from, offset + b);
        if (!v) continue;
        const num = /^[\p{L} ,]*?(?:số\s*)?((?:\d[\p{L}\d]*)?(?:\s*[-/]\s*[\p{L}\d.&]+)*\s*\/\s*[\p{L}\d.&-]+)/u.exec(clause.slice(kind[0].length));
        let number: string | null = null;
        const looksLikeDate = num && (/ngày\s*$/u.test(num[0].slice(0, num[0].length - num[1].length)) || /^\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}$/.test(num[1].trim()));
        if (num && !looksLikeDate && /\d/.test(num[1].split('/')[0])) number = normalizeDocNumber(num[1]);
        const dm = /ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u.exec(clause);
        out.push({ value: v.value, span: v.span, kind: kind[1], number, date: dm ? parseDateText(dm[1]) : null });
        void t;
      }
      t = line.text;
    }
    return out;
  }

  // ---------------------------------------------------------------- period, movement, issuer fallback
  private introLines(): TLine[] {
    const end = this.flatSections.length ? this.flatSections[0].lineIdx : Math.min(this.footerIdx, this.bodyIdx + 8);
    return this.lines.slice(this.bodyIdx, end).filter((l) => !LEGAL_LEAD.test(l.text) || /xây dựng|ban hành/u.test(l.text));
  }

  private parsePeriod(title: TSpannedText | null): TParsedDocument['period'] {
    const candidates: { text: string; start: number }[] = [];
    if (title) candidates.push({ text: this.text.slice(title.span.start, title.span.end), start: title.span.start });
    for (const l of this.introLines()) if (/(?:xây dựng|ban hành|triển khai|tổ chức)/u.test(l.text)) candidates.push({ text: l.text, start: l.start });
    for (const c of candidates) {
      const t = c.text;
      let m = /từ ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s+đến (?:hết )?ngày\s+(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/u.exec(t);
      if (m) return { from: parseDateText(m[1]), to: parseDateText(m[2]), label: sv(m[0], c.start + m.index, c.start + m.index + m[0].length) };
      m = /năm học\s+(\d{4})\s*[-–—]\s*(\d{4})/u.exec(t);
      if (m) {
        const y = Number(m[1]);
        return { from: isoDate(y, 9, 1), to: isoDate(Number(m[2]), 8, 31), label: sv(m[0], c.start + m.index, c.start + m.index + m[0].length) };
      }
      m = /(?:giai đoạn|từ năm)\s+(\d{4})\s*(?:[-–—]|đến(?: năm)?)\s*(\d{4})/u.exec(t);
      if (m) return { from: isoDate(Number(m[1]), 1, 1), to: isoDate(Number(m[2]), 12, 31), label: sv(m[0], c.start + m.index, c.start + m.index + m[0].length) };
      m = /năm học\s+(\d{4})(?!\s*[-–—]\s*\d)/u.exec(t);
      if (m) {
        const y = Number(m[1]);
        const start = this.docDate ? schoolYearOf(this.docDate) : y;
        const sy = start === y || start === y - 1 ? start : y;
        return { from: isoDate(sy, 9, 1), to: isoDate(sy + 1, 8, 31), label: sv(m[0], c.start + m.index, c.start + m.index + m[0].length) };
      }
      m = /(?<!tháng\s+\d{1,2}\s+)năm\s+(\d{4})(?!\s*[-–—]\s*\d)/u.exec(t);
      if (m) {
        const y = Number(m[1]);
        return { from: isoDate(y, 1, 1), to: isoDate(y, 12, 31), label: sv(m[0], c.start + m.index, c.start + m.index + m[0].length) };
      }
    }
    return null;
  }

  private parseMovement(title: TSpannedText | null): TSpannedText | null {
    const sources: { text: string; start: number }[] = [];
    if (title) sources.push({ text: this.text.slice(title.span.start, title.span.end), start: title.span.start });
    for (const l of this.introLines()) sources.push({ text: l.text, start: l.start });
    for (const s of sources) {
      const q = /(?:phong trào|chuyên đề|cuộc vận động)(?:\s+thi đua)?(?:\s+yêu nước)?\s*[:]?\s*[“"«]([^”"»]{3,200})[”"»]/iu.exec(s.text);
      if (q) {
        const at = s.start + q.index + q[0].indexOf(q[1]);
        const name = q[1].trim();
        return sv(capitalize(isUpperLine(name) ? name.toLowerCase() : name), at, at + q[1].length);
      }
    }
    for (const s of sources) {
      const m = /phong trào thi đua\s+(?!trong|của|tại|này|đã|được|theo)(.+)$/iu.exec(s.text);
      if (!m) continue;
      let name = m[1];
      const cut = /\s*\(|\s+(?:năm học|năm|giai đoạn|từ năm|trong năm|trong giai đoạn|đến năm)\s+\d|\s+(?:(?:của|tại)\s+)?(?:Sở|Phòng|Trường|Ủy ban|UBND|ngành)\s+\p{Lu}|\s+(?:của|tại)\s+\p{L}|\s+(?:tỉnh|huyện|thành phố|quận)\s+\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*\s*$|[,;:.]\s|\s+với\s|\s+như sau|\s+\(sau đây/u.exec(name);
      if (cut) name = name.slice(0, cut.index);
      name = name.replace(/[\s,.;:]+$/, '');
      if (name.split(/\s+/).length < 2 || /^(?:năm|giai đoạn|trong|từ|đến)(?:\s|$)/iu.test(name)) continue;
      let at = s.start + m.index + m[0].indexOf(m[1]);
      let value = name;
      if (/^yêu nước\s/iu.test(name)) {
        // "phong trào thi đua yêu nước …": the name includes "Thi đua yêu nước"
        const tdAt = m[0].toLowerCase().indexOf('thi đua');
        at = s.start + m.index + tdAt;
        value = s.text.slice(m.index + tdAt, m.index + m[0].indexOf(m[1]) + name.length);
      }
      return sv(capitalize(value), at, at + value.length);
    }
    return null;
  }

  private issuerFromBody(): TSpannedText | null {
    const re =
      /(?:^|[,;.]\s+)((?:Trường|trường|Phòng|phòng|Sở|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Công đoàn|Hội đồng|Trung tâm|Ban|Bộ|Liên đội|Đoàn)\s+[^,;.:]{2,90}?)\s+(?:xây dựng|ban hành|triển khai|thông báo|báo cáo|lập|đề ra|tổ chức|trân trọng|kính trình|hướng dẫn)\s/u;
    const scan = this.lines.slice(this.bodyIdx, Math.min(this.lines.length, this.bodyIdx + 25));
    for (const l of scan) {
      const m = re.exec(l.text);
      if (!m) continue;
      const at = l.text.indexOf(m[1], m.index);
      return sv(capitalize(m[1]), l.start + at, l.start + at + m[1].length);
    }
    for (let i = this.lines.length - 1; i >= Math.max(0, this.lines.length - 25); i--) {
      const l = this.lines[i];
      const m = /^Trên đây là .*?\scủa\s+((?:Trường|trường|Phòng|phòng|Sở|cơ quan|Ủy ban|UBND)\s+[^,;./]{2,80}?)\s*(?:[.;,]|\/\.|$)/u.exec(l.text);
      if (m) {
        const at = l.text.lastIndexOf(m[1]);
        return sv(capitalize(m[1].replace(/^cơ quan\s+/u, '')), l.start + at + (m[1].startsWith('cơ quan') ? 8 : 0), l.start + at + m[1].length);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- targets, contents, dossier
  private sectionLines(sec: { lineIdx: number; endIdx: number }, stopAtChild = false): TLine[] {
    let end = sec.endIdx;
    if (stopAtChild) {
      const child = this.flatSections.find((f) => f.lineIdx > sec.lineIdx && f.lineIdx < sec.endIdx);
      if (child) end = child.lineIdx;
    }
    return this.lines.slice(sec.lineIdx + 1, end);
  }

  private headingRest(sec: { lineIdx: number }): TSpannedText | null {
    const line = this.lines[sec.lineIdx];
    const c = line.text.indexOf(':');
    if (c < 0 || c > line.text.length - 3) return null;
    return subValue(line, c + 1, line.text.length);
  }

  private parseTargets(): TParsedDocument['targets'] {
    const collective: TSpannedText[] = [];
    const individual: TSpannedText[] = [];
    const secs = this.sectionsMatching(/^đối tượng/iu);
    const sec = secs[0];
    if (!sec) return { collective, individual };
    const items: TSpannedText[] = [];
    const rest = this.headingRest(sec);
    if (rest) items.push(rest);
    for (const l of this.sectionLines(sec, true)) {
      const b = stripBullet(l.text);
      const v = subValue(l, b.offset, l.text.length);
      if (v) items.push(v);
    }
    for (const it of items) {
      const lead = /^(?:Đối với\s+)?(tập thể|cá nhân)\s*:\s*/iu.exec(it.value);
      if (lead) {
        const v = sv(it.value.slice(lead[0].length), it.span.start + lead[0].length, it.span.end);
        (/tập thể/iu.test(lead[1]) ? collective : individual).push(v.value ? v : it);
        continue;
      }
      const coll = /tập thể|các đơn vị|tổ chức đoàn thể|các tổ\b|phòng, khoa|đoàn thể|các phòng|các trường|cơ quan,/iu.test(it.value);
      const indiv = /cá nhân|cán bộ|giáo viên|nhân viên|công chức|viên chức|người lao động|học sinh/iu.test(it.value);
      if (coll) collective.push(it);
      if (indiv || !coll) individual.push(it);
    }
    return { collective, individual };
  }

  private itemsOf(sec: { node: TSection; lineIdx: number; endIdx: number }): TSpannedText[] {
    // direct children (a), b) … or 1., 2. …) and loose bullets, in order; "+" lines and lines inside a child
    // section join the item above
    const childStarts = new Set(sec.node.children.map((c) => c.heading.span.start));
    const children = this.flatSections.filter((f) => f.lineIdx > sec.lineIdx && f.lineIdx < sec.endIdx && childStarts.has(this.lines[f.lineIdx].start));
    const items: TSpannedText[] = [];
    for (let idx = sec.lineIdx + 1; idx < sec.endIdx; idx++) {
      const l = this.lines[idx];
      if (l.text.includes(' | ')) continue;
      const isChild = children.some((c) => c.lineIdx === idx);
      const insideChild = children.some((c) => idx > c.lineIdx && idx < c.endIdx);
      const h = isChild ? this.headingOf(l.text, false) : null;
      const offset = isChild ? (h ? h.labelLen : 0) : stripBullet(l.text).offset;
      const v = subValue(l, offset, l.text.length);
      if (!v) continue;
      if (items.length && !isChild && (/^\+/.test(l.text) || insideChild)) {
        const prev = items[items.length - 1];
        items[items.length - 1] = sv(`${prev.value}\n${v.value}`, prev.span.start, v.span.end);
      } else items.push(v);
    }
    return items;
  }

  private parseContents(): TSpannedText[] {
    const sec = this.sectionsMatching(/^nội dung/iu, /hồ sơ/iu)[0];
    return sec ? this.itemsOf(sec) : [];
  }

  private dossierSection() {
    return this.sectionsMatching(/hồ sơ/iu, /thời gian|thời hạn/iu)[0];
  }

  private parseDossier(): TSpannedText[] {
    const sec = this.dossierSection();
    if (!sec) return [];
    const lines = this.sectionLines(sec);
    const bullets = lines.filter((l) => /^[-+•–*]\s*/u.test(l.text));
    const use = bullets.length ? bullets : lines;
    const out: TSpannedText[] = [];
    for (const l of use) {
      const b = stripBullet(l.text);
      const v = subValue(l, b.offset, l.text.length);
      if (v) out.push(v);
    }
    return out;
  }

  // ---------------------------------------------------------------- awards
  private parseAwards(): TAward[] {
    const awardSecs = this.sectionsMatching(/khen thưởng|hình thức|danh hiệu|đề xuất/iu, /hồ sơ|quy trình|thủ tục|kinh phí|thời gian|thời hạn|tiêu chuẩn|tiêu chí/iu);
    const excluded = this.sectionsMatching(/hồ sơ|quy trình|thủ tục|kinh phí|thời gian|thời hạn|tiêu chuẩn|tiêu chí/iu);
    const inExcluded = (i: number) => excluded.some((s) => i > s.lineIdx && i < s.endIdx) || excluded.some((s) => s.lineIdx === i);
    const lineIdxs = new Set<number>();
    for (const s of awardSecs) for (let i = s.lineIdx; i < s.endIdx; i++) if (!inExcluded(i)) lineIdxs.add(i);
    // decisions: the articles that award
    if (this.docType.value === 'quyet_dinh') {
      for (const s of this.flatSections) if (s.node.kind === 'dieu' && /tặng|khen thưởng|công nhận/iu.test(s.node.heading.value)) lineIdxs.add(s.lineIdx);
    }
    const out: TAward[] = [];
    for (const i of [...lineIdxs].sort((a, b) => a - b)) {
      const line = this.lines[i];
      if (line.text.includes(' | ')) continue;
      out.push(...this.awardsInLine(line));
    }
    out.push(...this.awardTables());
    // a decision awards in the name of its authority line ("HIỆU TRƯỞNG TRƯỜNG …" above the Căn cứ)
    if (this.docType.value === 'quyet_dinh') {
      const from = Math.max(0, this.titleIdx);
      const auth = this.lines
        .slice(from, Math.min(this.lines.length, this.bodyIdx + 3))
        .find((l) => /^(?:HIỆU TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|BỘ TRƯỞNG|THỦ TRƯỞNG|TRƯỞNG BAN|VIỆN TRƯỞNG|CỤC TRƯỞNG)(?=\s|$)/u.test(l.text));
      if (auth) for (const a of out) if (a.form && !a.authority) a.authority = sv(auth.text, auth.start, auth.end);
    }
    return out;
  }

  /** Award tables of plans: "STT | Danh hiệu, hình thức khen thưởng | Đối tượng | Số lượng | Mức thưởng". */
  private awardTables(): TAward[] {
    const out: TAward[] = [];
    for (let i = this.bodyIdx; i < this.footerIdx; i++) {
      const head = this.lines[i];
      if (!head.text.includes('|')) continue;
      const cols = this.cells(head).map((c) => c.value.toLowerCase());
      if (cols.some((c) => /họ (?:và )?tên/u.test(c))) continue;
      const formCol = cols.findIndex((c) => /danh hiệu|hình thức/u.test(c));
      const kindCol = cols.findIndex((c) => /đối tượng/u.test(c));
      const quotaCol = cols.findIndex((c) => /số lượng|chỉ tiêu|tỷ lệ/u.test(c));
      if (formCol < 0 || (kindCol < 0 && quotaCol < 0)) continue;
      let j = i + 1;
      for (; j < this.footerIdx && this.lines[j].text.includes('|'); j++) {
        const row = this.lines[j];
        const cells = this.cells(row);
        const f = cells[formCol];
        if (!f || !/\p{L}/u.test(f.value)) continue;
        const fm = AWARD_FORM.exec(f.value);
        const formAt = fm ? fm.index : 0;
        const formText = fm ? fm[1].replace(/ của .+$/u, '') : f.value.replace(/\s*\(.*$/u, '');
        const form = sv(formText, f.span.start + formAt, f.span.start + formAt + formText.length);
        let authority: TSpannedText | null = null;
        const am = /\(([^)]+)\)|\scủa\s+(.+)$/u.exec(f.value);
        if (am) {
          const a = am[1] ?? am[2];
          const at = f.value.indexOf(a, am.index);
          authority = sv(a, f.span.start + at, f.span.start + at + a.length);
        }
        const kindText = kindCol >= 0 ? cells[kindCol]?.value ?? '' : '';
        const kinds: TKind[] = [];
        if (/tập thể|đơn vị/iu.test(kindText)) kinds.push('tap_the');
        if (/cá nhân/iu.test(kindText)) kinds.push('ca_nhan');
        if (/gia đình/iu.test(kindText)) kinds.push('gia_dinh');
        if (!kinds.length) kinds.push(/^Tập thể|Cờ thi đua/u.test(formText) ? 'tap_the' : 'ca_nhan');
        const q = quotaCol >= 0 ? cells[quotaCol] : undefined;
        const quota = q && q.value ? q : null;
        const qm = quota && !/%/.test(quota.value) ? /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?/.exec(quota.value) : null;
        const quotaMax = qm ? Number(qm[2] ?? qm[1]) : null;
        for (const k of kinds) out.push({ form, authority, recipientKind: k, quota, quotaMax, span: span(row.start, row.end) });
      }
      i = j - 1;
    }
    return out;
  }

  private awardsInLine(line: TLine): TAward[] {
    const t = line.text;
    const out: TAward[] = [];
    const formMatch = AWARD_FORM.exec(t);
    const lineSpan = span(line.start, line.end);
    const stripped = stripBullet(t);
    if (!formMatch) {
      // "Đối với tập thể: khen thưởng 1-2 tập thể", "Đề nghị Sở khen thưởng: 1 cá nhân/ tập thể"
      if (!/^(?:Đối với|Đề nghị)/iu.test(stripped.text) || !/khen thưởng/iu.test(t)) return out;
      const after = t.indexOf(':') >= 0 ? t.indexOf(':') + 1 : stripped.offset;
      const kinds = this.recipientKinds(line, after);
      if (!kinds.length || !kinds.some((k) => k.quota)) return out;
      let authority: TSpannedText | null = null;
      const dn = /Đề nghị\s+(.+?)\s+(?:khen thưởng|tặng|xét)/iu.exec(t);
      if (dn && AUTHORITY_START.test(dn[1])) {
        const at = t.indexOf(dn[1], dn.index);
        authority = subValue(line, at, at + dn[1].length);
      }
      for (const k of kinds) out.push({ form: null, authority, recipientKind: k.kind, quota: k.quota, quotaMax: k.quotaMax, span: lineSpan });
      return out;
    }
    const formAt = formMatch.index;
    let formText = formMatch[1];
    let authority: TSpannedText | null = null;
    const cua = /^Cờ thi đua của (.+)$/u.exec(formText);
    let afterForm = formAt + formMatch[0].length;
    if (cua) {
      formText = 'Cờ thi đua';
      const at = formAt + 'Cờ thi đua của '.length;
      authority = subValue(line, at, at + cua[1].length);
    }
    const form = sv(formText, line.start + formAt, line.start + formAt + formText.length);
    if (!authority) {
      const after = t.slice(afterForm);
      const m = /^\s+(?:của|do)\s+(.+?)(?=\s+(?:cho|đối với|về|vì|đã|có|tặng|trong|khi|nếu)\s|[,;:(]|\.\s|\.$|$)/u.exec(after);
      if (m && AUTHORITY_START.test(m[1])) {
        const at = afterForm + after.indexOf(m[1]);
        authority = subValue(line, at, at + m[1].length);
        afterForm = at + m[1].length;
      } else {
        const before = t.slice(0, formAt);
        const b = /(?:đề nghị|trình)\s+(.+?)\s+(?:xem xét\s+)?(?:tặng|khen thưởng|công nhận)\s*$/iu.exec(before) ?? /(?:^|[-.,;]\s*)([^-.,;]+?)\s+(?:xem xét\s+)?tặng\s*$/u.exec(before);
        if (b && AUTHORITY_START.test(b[1].trim())) {
          const at = before.lastIndexOf(b[1].trim());
          authority = subValue(line, at, at + b[1].trim().length);
        }
      }
    }
    let kinds = this.recipientKinds(line, afterForm);
    if (!kinds.length) {
      const lead = /^(?:Đối với\s+)?(tập thể|cá nhân)/iu.exec(stripped.text);
      const kind: TKind = lead ? (/tập thể/iu.test(lead[1]) ? 'tap_the' : 'ca_nhan') : /^Tập thể|Cờ thi đua/u.test(formText) ? 'tap_the' : 'ca_nhan';
      kinds = [{ kind, quota: null, quotaMax: null }];
    }
    for (const k of kinds) out.push({ form, authority, recipientKind: k.kind, quota: k.quota, quotaMax: k.quotaMax, span: lineSpan });
    return out;
  }

  /**
   * Recipient kinds and their quotas in a line after position `from`: "cho 04 đơn vị" → tập thể 04;
   * "cho 01 tập thể và 03 cá nhân" → tập thể 01, cá nhân 03; "cho tập thể, cá nhân" → both, no quota.
   */
  private recipientKinds(line: TLine, from: number): { kind: TKind; quota: TSpannedText | null; quotaMax: number | null }[] {
    const t = line.text;
    const seg = t.slice(from);
    const positions: { at: number; len: number; kind: TKind }[] = [];
    const wordRe = /\p{L}+/gu;
    let m: RegExpExecArray | null;
    while ((m = wordRe.exec(seg))) {
      if (m.index > 0 && /\p{L}/u.test(seg[m.index - 1])) continue;
      const rest = seg.slice(m.index);
      const hit = KIND_WORDS.find(([re]) => re.test(rest));
      if (hit) {
        const len = hit[0].exec(rest)![0].length;
        if (/\p{L}/u.test(rest[len] ?? '')) continue;
        positions.push({ at: m.index, len, kind: hit[1] });
        wordRe.lastIndex = m.index + len;
      }
    }
    const QUOTA = /(?:^|[^\d/.,])((?:không quá|tối đa|từ)\s+)?(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)(%)?\s*(?:\(\p{L}+\)\s*)?$/u;
    const quotaBefore = (start: number, end: number) => {
      const q = QUOTA.exec(seg.slice(start, end).replace(/\s+$/, ''));
      if (!q) return null;
      const text = q[2] + (q[3] ?? '');
      const at = from + start + seg.slice(start, end).replace(/\s+$/, '').lastIndexOf(text);
      return { quota: sv(text, line.start + at, line.start + at + text.length), quotaMax: q[3] ? null : Math.max(...q[2].split(/[-–]/).map((x) => Number(x.trim()))) };
    };
    const out: { kind: TKind; quota: TSpannedText | null; quotaMax: number | null }[] = [];
    let prevEnd = 0;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k];
      if (k > 0) {
        const between = seg.slice(prevEnd, p.at);
        if (!/^\s*(?:,|và|\/|hoặc|hay)\s*(?:các\s+)?(?:\d{1,4}\s+)?$/u.test(between)) break;
      }
      // the number just before the kind word ("04 đơn vị"), else "Thủ trưởng 02 đơn vị" (the next number)
      const windowStart = k === 0 ? Math.max(0, p.at - 30) : prevEnd;
      let q = quotaBefore(windowStart, p.at);
      if (!q && k === 0) {
        const after = /^\s+(\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s+\p{L}/u.exec(seg.slice(p.at + p.len));
        if (after) {
          const at = from + p.at + p.len + after[0].indexOf(after[1]);
          q = { quota: sv(after[1], line.start + at, line.start + at + after[1].length), quotaMax: Math.max(...after[1].split(/[-–]/).map((x) => Number(x.trim()))) };
        }
      }
      if (!out.some((o) => o.kind === p.kind)) out.push({ kind: p.kind, quota: q?.quota ?? null, quotaMax: q?.quotaMax ?? null });
      prevEnd = p.at + p.len;
    }
    // "1 cá nhân/ tập thể": a quota before the first kind applies to all kinds joined by "/"
    if (out.length > 1 && out[0].quota && out.slice(1).every((o) => !o.quota) && /\//.test(seg)) for (const o of out) { o.quota = out[0].quota; o.quotaMax = out[0].quotaMax; }
    return out;
  }

  // ---------------------------------------------------------------- deadlines, reporting
  private referenceYear(month: number): number | null {
    if (this.docDate) return Number(this.docDate.slice(0, 4));
    if (this.period?.from && this.period?.to) {
      const y1 = Number(this.period.from.slice(0, 4));
      const y2 = Number(this.period.to.slice(0, 4));
      if (y1 === y2) return y1;
      if (y2 === y1 + 1) return month >= 8 ? y1 : y2;
    }
    return null;
  }

  private resolveDate(day: number | null, month: number, year: number | null, recurring: boolean): string | null {
    if (year) return day ? isoDate(year, month, day) : isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const ref = this.referenceYear(month);
    if (!ref) return null;
    let y = ref;
    if (this.period && this.period.from && this.period.to && !this.docDate) {
      const y1 = Number(this.period.from.slice(0, 4));
      const y2 = Number(this.period.to.slice(0, 4));
      if (y2 === y1 + 1) y = month >= 8 ? y1 : y2;
    }
    const d = day ?? new Date(Date.UTC(y, month, 0)).getUTCDate();
    let iso = isoDate(y, month, d);
    if (iso && this.docDate && iso < this.docDate) iso = isoDate(y + 1, month, d);
    if (recurring && !this.docDate) return null;
    return iso;
  }

  private parseDeadlines(): TDeadline[] {
    const out: TDeadline[] = [];
    const DATE = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?';
    const re = new RegExp(
      `(?:(trước|chậm nhất(?: là)?(?: vào)?|hạn chót(?: là)?|hạn cuối(?: là)?|muộn nhất(?: là)?|vào|đến hết|trong|hoàn thành trước)\\s+(?:\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?\\s*,?\\s*)?(?:ngày\\s+)?(?:${DATE})((?:\\s+(?:hàng|hằng) năm)?))|(?:(trước|đến|chậm nhất|trong)\\s+(?:hết\\s+)?(?:cuối\\s+)?tháng\\s+(\\d{1,2})(?:\\s*(?:\\/|năm)\\s*(\\d{4}))?((?:\\s+(?:hàng|hằng) năm)?))|(?:(đến|trước)\\s+cuối năm\\s+(\\d{4}))`,
      'giu',
    );
    const legalEnd = this.flatSections.length ? this.flatSections[0].lineIdx : this.bodyIdx;
    for (let i = Math.max(this.bodyIdx, legalEnd); i < this.footerIdx; i++) {
      const line = this.lines[i];
      const t = line.text;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let prevEnd = 0;
      while ((m = re.exec(t))) {
        let day: number | null = null;
        let month: number;
        let year: number | null = null;
        let recurring = false;
        if (m[1]) {
          // "vào" / "trong" need "ngày" to be a deadline
          if (/^(?:vào|trong)$/iu.test(m[1]) && !/ngày/u.test(m[0])) continue;
          day = Number(m[2] ?? m[5]);
          month = Number(m[3] ?? m[6]);
          year = m[4] ? Number(m[4]) : m[7] ? Number(m[7]) : null;
          recurring = !!m[8]?.trim();
        } else if (m[9]) {
          month = Number(m[10]);
          year = m[11] ? Number(m[11]) : null;
          recurring = !!m[12]?.trim();
          if (m[9] === 'trong' && !/cuối|hết/u.test(m[0])) continue;
        } else {
          month = 12;
          day = 31;
          year = Number(m[14]);
        }
        if (!(month >= 1 && month <= 12)) continue;
        // the sentence around the match
        let sentStart = Math.max(t.lastIndexOf('. ', m.index) + 1, t.lastIndexOf('; ', m.index) + 1, 0);
        if (prevEnd > sentStart) {
          const lead = /^\s*(?:,|và|;)?\s*/u.exec(t.slice(prevEnd))![0].length;
          sentStart = prevEnd + lead;
        }
        prevEnd = m.index + m[0].length;
        const nextStop = t.slice(m.index + m[0].length, m.index + m[0].length + 400).search(/[.;](?:\s|$)/);
        const sentEnd = nextStop < 0 ? t.length : m.index + m[0].length + nextStop;
        const whenText = m[0].replace(/^(?:trước|vào|đến hết|đến|trong|hoàn thành trước|chậm nhất(?: là)?(?: vào)?|hạn chót(?: là)?|hạn cuối(?: là)?|muộn nhất(?: là)?)\s+/iu, '');
        const whenAt = m.index + m[0].length - whenText.length;
        const when = sv(whenText, line.start + whenAt, line.start + m.index + m[0].length);
        const bullet = stripBullet(t.slice(sentStart));
        let what = subValue(line, sentStart + bullet.offset, m.index);
        if (!what || what.value.length < 6) what = subValue(line, m.index + m[0].length, sentEnd);
        if (!what) continue;
        out.push({ what, when, date: this.resolveDate(day, month, year, recurring), recurring });
      }
    }
    return out;
  }

  private parseReporting(): TParsedDocument['reporting'] {
    const out: TParsedDocument['reporting'] = [];
    const seen = new Set<string>();
    for (let i = this.bodyIdx; i < this.footerIdx; i++) {
      const line = this.lines[i];
      const t = line.text;
      const b = t.search(/báo cáo/iu);
      if (b < 0) continue;
      if (!/định kỳ|hàng quý|hằng quý|hàng tháng|hằng tháng|6 tháng|06 tháng|sáu tháng|hằng năm|hàng năm|tổng kết năm/iu.test(t)) continue;
      const sentStart = Math.max(0, t.lastIndexOf('. ', b) + 1);
      const stop = t.slice(b).search(/\.\s|\.$/);
      const seg = t.slice(sentStart, stop < 0 ? t.length : b + stop);
      const pats: [RegExp, TParsedDocument['reporting'][number]['value']][] = [
        [/(?:hàng|hằng)\s+tháng/iu, 'tháng'],
        [/quý/iu, 'quý'],
        [/(?:0?6|sáu)\s*tháng/iu, '6 tháng'],
        [/(?:0?9|chín)\s*tháng/iu, '9 tháng'],
        [/(?:hàng|hằng|cuối|tổng kết|báo cáo)\s+năm|,\s*năm(?=\s|[,.;)]|$)|\bvà\s+năm(?=\s|[,.;)]|$)/iu, 'năm'],
      ];
      for (const [re, value] of pats) {
        const m = re.exec(seg);
        if (!m || seen.has(value)) continue;
        if (value === 'quý' && !/(?:hàng|hằng|mỗi|từng|theo)\s+quý|quý\s*[,)]|,\s*quý/iu.test(seg)) continue;
        seen.add(value);
        const at = sentStart + m.index;
        out.push(sv(value, line.start + at, line.start + at + m[0].length) as TParsedDocument['reporting'][number]);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- recipients, signer
  private parseRecipients(): TSpannedText[] {
    const out: TSpannedText[] = [];
    // "Kính gửi: …" (proposals, letters)
    for (let i = 0; i < Math.min(this.lines.length, this.bodyIdx + 10); i++) {
      const l = this.lines[i];
      const m = /^Kính gửi\s*:?\s*/u.exec(l.text);
      if (!m) continue;
      const v = subValue(l, m[0].length, l.text.length);
      if (v) out.push(v);
      for (let j = i + 1; j < this.lines.length && /^[-+•]\s*/u.test(this.lines[j].text); j++) {
        const b = stripBullet(this.lines[j].text);
        const w = subValue(this.lines[j], b.offset, this.lines[j].text.length);
        if (w) out.push(w);
      }
      break;
    }
    if (this.footerIdx < this.lines.length && /^N[ơo]i\s+nh[ậa]n/iu.test(this.lines[this.footerIdx].text)) {
      const head = this.lines[this.footerIdx];
      const c = /^N[ơo]i\s+nh[ậa]n\s*:?\s*/iu.exec(head.text)!;
      const inline = subValue(head, c[0].length, head.text.length);
      const items: TLine[] = [];
      if (inline) items.push({ ...head, text: head.text });
      for (let j = this.footerIdx + 1; j < this.appendixIdx(); j++) {
        const l = this.lines[j];
        if (/^[-+•]\s*/u.test(l.text)) items.push(l);
      }
      for (const l of items) {
        const b = l === head ? { offset: c[0].length } : stripBullet(l.text);
        const text = l.text.slice(b.offset).replace(/^[-+•]\s*/u, '');
        if (/^Lưu\b/iu.test(text)) continue;
        const v = subValue(l, l.text.length - text.length, l.text.length);
        if (v) out.push(v);
      }
    }
    return out;
  }

  /** Index of an appendix (DANH SÁCH, PHỤ LỤC) after the signature, or the end. */
  private appendixIdx(): number {
    for (let i = this.footerIdx; i < this.lines.length; i++) if (/^(?:DANH SÁCH|PHỤ LỤC|Phụ lục)(?=\s|$)/u.test(this.lines[i].text)) return i;
    return this.lines.length;
  }

  private parseSigner(): TParsedDocument['signer'] {
    const endAt = this.appendixIdx();
    const from = Math.max(this.footerIdx > this.bodyIdx && this.footerIdx < endAt ? this.footerIdx : endAt - 12, endAt - 25, this.bodyIdx);
    const zone = this.lines.slice(from, endAt);
    const NOT_NAME = /(?:TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|HIỆU|PHÒNG|SỞ|UBND|ỦY BAN|HỘI ĐỒNG|BAN |CÔNG ĐOÀN|THƯ KÝ|Nơi nhận|Lưu|TM\.|KT\.|TL\.|Đã ký|CỘNG HÒA|Trường|Phòng|Sở|Chủ tịch|Thư ký|Hiệu trưởng|Giám đốc|Kế hoạch|Nhà trường|Người lập|NGƯỜI LẬP)/u;
    let nameIdx = -1;
    for (let i = zone.length - 1; i >= 0; i--) {
      const t = zone[i].text.replace(/^(?:Ông|Bà|ThS\.?|TS\.?|PGS\.?\s*TS\.?|CN\.|Th\.S)\s+/u, '');
      if (/^[-+•(]/u.test(t) || /[:;,.\d]$/.test(t)) continue;
      if (/^\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){1,5}$/u.test(t) && !NOT_NAME.test(t) && t.length <= 40) {
        nameIdx = i;
        break;
      }
    }
    const titleLines: TLine[] = [];
    const TITLE = /^(?:(?:KT|TM|TL|TUQ|Q)\.?\s*)?(?:PHÓ\s+)?(?:HIỆU TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG PHÒNG|TRƯỞNG BAN|BỘ TRƯỞNG|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|TỔNG GIÁM ĐỐC|TRƯỞNG KHOA|TỔ TRƯỞNG|THƯ KÝ|CHỦ TỌA|CHỦ TRÌ|NGƯỜI LẬP|ỦY BAN|UBND|HỘI ĐỒNG|BAN CHẤP HÀNH|BCH|\p{Lu}{2,}(?:\s+\p{Lu}{1,})*)/u;
    const stopAt = nameIdx >= 0 ? nameIdx : zone.length;
    for (let i = stopAt - 1; i >= 0 && titleLines.length < 3; i--) {
      const t = zone[i].text;
      if (/^\(.*\)$/u.test(t) || /^(?:Đã ký|\[.*\])$/iu.test(t)) continue;
      if (/^[-+•]/u.test(t) || /^N[ơo]i\s+nh[ậa]n/iu.test(t)) {
        if (titleLines.length) break;
        continue;
      }
      if (isUpperLine(t) && TITLE.test(t) && t.length <= 80 && !/CỘNG HÒA|Độc lập/iu.test(t) && !(nameIdx >= 0 && i === nameIdx)) titleLines.unshift(zone[i]);
      else if (titleLines.length) break;
      else if (!isUpperLine(t)) break;
    }
    const name = nameIdx >= 0 ? zone[nameIdx] : null;
    if (!name && !titleLines.length) return null;
    const nameText = name ? name.text.replace(/^(?:Ông|Bà|ThS\.?|TS\.?|PGS\.?\s*TS\.?|CN\.|Th\.S)\s+/u, '') : '';
    return {
      title: titleLines.length ? sv(titleLines.map((l) => l.text).join(' '), titleLines[0].start, titleLines[titleLines.length - 1].end) : null,
      name: name ? sv(isUpperLine(nameText) ? titleCaseName(nameText) : nameText, name.end - nameText.length, name.end) : null,
    };
  }

  // ---------------------------------------------------------------- awardees (decisions)
  private parseAwardees(): TAwardee[] {
    const out: TAwardee[] = [];
    const defaultForm = this.decisionForm();
    const defaultAmount = this.decisionAmount();
    // tables: a header row naming the columns, then data rows
    for (let i = 0; i < this.lines.length; i++) {
      const head = this.lines[i];
      if (!head.text.includes('|')) continue;
      const cols = this.cells(head).map((c) => c.value.toLowerCase());
      const nameCol = cols.findIndex((c) => /họ (?:và )?tên|^tên|tập thể|cá nhân|đơn vị được|^họ tên/u.test(c));
      if (nameCol < 0) continue;
      const unitCols = cols.map((c, k) => (k !== nameCol && /đơn vị|chức vụ|nơi công tác|công tác|chức danh|lớp|trường/u.test(c) ? k : -1)).filter((k) => k >= 0);
      const birthCol = cols.findIndex((c, k) => k !== nameCol && /năm sinh|ngày sinh|ngày, tháng, năm sinh/u.test(c));
      const titleCol = cols.findIndex((c, k) => k !== nameCol && /danh hiệu|hình thức|khen thưởng/u.test(c));
      const amountCol = cols.findIndex((c, k) => k !== nameCol && /tiền|mức thưởng/u.test(c));
      const tableKind: TKind | null = (() => {
        for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
          const t = this.lines[k].text;
          const coll = /tập thể/iu.test(t);
          const indiv = /cá nhân/iu.test(t);
          if (coll && indiv) return null;
          if (coll) return 'tap_the';
          if (indiv) return 'ca_nhan';
        }
        return null;
      })();
      let j = i + 1;
      let groupKind: TKind | null = null;
      for (; j < this.lines.length; j++) {
        const row = this.lines[j];
        if (!row.text.includes('|')) {
          // group rows inside the table: "A. TẬP THỂ (01 tập thể)", "II. CÁ NHÂN", "Cá nhân"
          const g = /^(?:(?:[A-ZĐ]|[IVX]+)\s*[.)]\s*)?(TẬP THỂ|CÁ NHÂN|GIA ĐÌNH|Tập thể|Cá nhân|Gia đình)(?=\s|$|[(:])/u.exec(row.text);
          if (g && row.text.length < 80) {
            groupKind = /t[ậa]p th[ểe]/iu.test(g[1]) ? 'tap_the' : /gia đình/iu.test(g[1]) ? 'gia_dinh' : 'ca_nhan';
            continue;
          }
          break;
        }
        const cells = this.cells(row);
        const nameCell = cells[nameCol];
        if (cells.some((c) => /^(?:cộng|tổng cộng|tổng)(?=\s|$|:)/iu.test(c.value))) continue;
        if (!nameCell || !nameCell.value || !/\p{L}/u.test(nameCell.value) || /^\(?\d+\)?$/.test(nameCell.value)) continue;
        if (/họ (?:và )?tên/iu.test(nameCell.value)) continue;
        // "Chức vụ" and "Đơn vị" in two columns: one value "Giáo viên, Tổ Toán" spanning both cells
        const unitCells = unitCols.map((k) => cells[k]).filter((c): c is TSpannedText => !!c && !!c.value);
        const unit = unitCells.length
          ? sv(unitCells.map((c) => c.value).join(', '), unitCells[0].span.start, unitCells[unitCells.length - 1].span.end)
          : null;
        const birthCell = birthCol >= 0 ? cells[birthCol] : undefined;
        const titleCell = titleCol >= 0 ? cells[titleCol] ?? null : null;
        const amountCell = amountCol >= 0 ? cells[amountCol] ?? null : null;
        const amountValue = amountCell ? parseMoney(amountCell.value) : null;
        const kind: TKind =
          groupKind ?? (/^(?:Tổ|Trường|Phòng|Lớp|Khoa|Tập thể|Đơn vị|Ban|Công đoàn|Chi đoàn|Liên đội|Chi bộ|Khối)(?=\s|$)/u.test(nameCell.value) ? 'tap_the' : tableKind ?? 'ca_nhan');
        out.push({
          kind,
          name: nameCell,
          unit,
          birth: birthCell && /\d{4}/.test(birthCell.value) ? birthCell : null,
          title: titleCell && titleCell.value ? titleCell : defaultForm,
          amount: amountCell && amountValue !== null ? { value: amountValue, span: amountCell.span } : (defaultAmount[kind] ?? null),
          source: 'table',
        });
      }
      i = j - 1;
    }
    if (out.length) return out;
    // text: "ông Nguyễn Văn A, giáo viên Trường …"; numbered lists under "Điều 1" or a DANH SÁCH heading
    const dsIdx = this.lines.findIndex((l) => /^DANH SÁCH/u.test(l.text));
    const ranges: [number, number][] = [];
    for (const s of this.flatSections) {
      if (s.node.kind !== 'dieu') continue;
      const body = this.lines.slice(s.lineIdx, s.endIdx).map((l) => l.text).join(' ');
      if (/tặng|khen thưởng|công nhận/iu.test(body) && !/chịu trách nhiệm thi hành|thi hành Quyết định/iu.test(body)) ranges.push([s.lineIdx, s.endIdx]);
    }
    if (dsIdx >= 0) ranges.push([dsIdx + 1, this.lines.length]);
    const personRe = /(?:^|[\s,;:(])(?:(ông|bà|Ông|Bà|đồng chí|Đồng chí|đ\/c|Đ\/c|em|Em|cô|thầy|Cô|Thầy)\s+)(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})\s*(?:[,–\-(:]\s*([^;()\n]+?))?(?=[;.)]\s|[;.)]$|$|,?\s+(?:đã|vì|có thành tích|được))/gu;
    const listRe = /^(?:\d+[.)]\s*|[-+•]\s*)(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})\s*(?:[,–\-:]\s*([^;\n]+?))?\s*[;.]?$/u;
    const groupRe = /(?:tập thể|Tập thể)\s+((?:Tổ|Trường|Phòng|Lớp|Khoa|Ban|Công đoàn|Chi đoàn|Liên đội|Khối)\s[^,;.()]+?)(?:\s*,\s*([^;()]+?))?(?=[;.]\s|[;.]$|$|\s+(?:đã|vì|có thành tích))/gu;
    for (const [a, b] of ranges) {
      for (let i = a; i < b && i < this.lines.length; i++) {
        const line = this.lines[i];
        const t = line.text;
        const money = /(\d{1,3}(?:[.,]\d{3})+)\s*(?:đ\b|đồng|VNĐ|VND)/u.exec(t);
        const amount = money ? { value: parseMoney(money[1])!, span: span(line.start + money.index, line.start + money.index + money[0].length) } : null;
        let found = false;
        personRe.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = personRe.exec(t))) {
          const nameAt = t.indexOf(m[2], m.index);
          const name = sv(m[2], line.start + nameAt, line.start + nameAt + m[2].length);
          let unit: TSpannedText | null = null;
          if (m[3]) {
            const uAt = t.indexOf(m[3], nameAt + m[2].length);
            unit = subValue(line, uAt, uAt + m[3].length);
          }
          out.push({ kind: 'ca_nhan', name, unit, birth: null, title: defaultForm, amount: amount ?? defaultAmount.ca_nhan ?? null, source: 'text' });
          found = true;
        }
        groupRe.lastIndex = 0;
        while ((m = groupRe.exec(t))) {
          const nameAt = t.indexOf(m[1], m.index);
          const name = sv(m[1], line.start + nameAt, line.start + nameAt + m[1].length);
          let unit: TSpannedText | null = null;
          if (m[2]) {
            const uAt = t.indexOf(m[2], nameAt + m[1].length);
            unit = subValue(line, uAt, uAt + m[2].length);
          }
          out.push({ kind: 'tap_the', name, unit, birth: null, title: defaultForm, amount: amount ?? defaultAmount.tap_the ?? null, source: 'text' });
          found = true;
        }
        // numbered or bulleted lines: "1. Nguyễn Văn A, giáo viên Tổ Toán;" (under DANH SÁCH or inside an article)
        if (!found && ((dsIdx >= 0 && i > dsIdx) || /^(?:\d+[.)]|[-+•])\s/u.test(t))) {
          const lm = listRe.exec(t);
          if (lm && !/^(?:Điều|Nơi|Lưu|Quyết|Căn|Theo|Giao|Các)(?=\s|$)/u.test(lm[1])) {
            const nameAt = t.indexOf(lm[1]);
            const name = sv(lm[1], line.start + nameAt, line.start + nameAt + lm[1].length);
            const unit = lm[2] ? subValue(line, t.indexOf(lm[2], nameAt + lm[1].length), t.indexOf(lm[2], nameAt + lm[1].length) + lm[2].length) : null;
            const kind: TKind = /^(?:Tổ|Trường|Phòng|Lớp|Khoa|Tập thể|Đơn vị|Ban|Công đoàn|Chi đoàn|Liên đội|Chi bộ|Khối)(?=\s|$)/u.test(lm[1]) ? 'tap_the' : 'ca_nhan';
            out.push({ kind, name, unit, birth: null, title: defaultForm, amount: amount ?? defaultAmount[kind] ?? null, source: 'text' });
          }
        }
      }
    }
    return out;
  }

  private cells(row: TLine): TSpannedText[] {
    const out: TSpannedText[] = [];
    let from = 0;
    const t = row.text;
    for (let k = 0; k <= t.length; k++) {
      if (k < t.length && t[k] !== '|') continue;
      let a = from;
      let b = k;
      while (a < b && /\s/.test(t[a])) a++;
      while (b > a && /\s/.test(t[b - 1])) b--;
      out.push(sv(t.slice(a, b), row.start + a, row.start + b));
      from = k + 1;
    }
    return out;
  }

  /** The form a decision awards ("Tặng Giấy khen …"), from Điều 1 or the title. */
  private decisionForm(): TSpannedText | null {
    const dieu1 = this.flatSections.find((s) => s.node.kind === 'dieu' && s.node.label === 'Điều 1');
    const cands = dieu1 ? this.lines.slice(dieu1.lineIdx, dieu1.endIdx) : [];
    if (this.titleIdx >= 0) cands.push(...this.lines.slice(this.titleIdx, this.bodyIdx));
    for (const l of cands) {
      const m = AWARD_FORM.exec(l.text);
      if (m) {
        const f = m[1].replace(/ của .+$/u, '');
        return sv(f, l.start + m.index, l.start + m.index + f.length);
      }
    }
    return null;
  }

  /** "mỗi cá nhân được thưởng 500.000 đồng", "kèm theo tiền thưởng 1.000.000 đ" in the articles. */
  private decisionAmount(): Partial<Record<TKind, { value: number; span: TSpan }>> {
    const out: Partial<Record<TKind, { value: number; span: TSpan }>> = {};
    for (let i = this.bodyIdx; i < this.footerIdx; i++) {
      const l = this.lines[i];
      if (l.text.includes(' | ')) continue;
      const re = /(?:(mỗi|mức)\s+(tập thể|cá nhân|đơn vị|người)[^.;\d]{0,60}?|(?:kèm theo )?(?:tiền thưởng|số tiền|mức thưởng)[^.;\d]{0,30}?)(\d{1,3}(?:[.,]\d{3})+)\s*(?:đ\b|đồng|VNĐ|VND)/giu;
      let m: RegExpExecArray | null;
      while ((m = re.exec(l.text))) {
        if (/tổng cộng|tổng số|tổng tiền/iu.test(m[0])) continue;
        const value = parseMoney(m[3]);
        if (value === null) continue;
        const at = l.text.indexOf(m[3], m.index);
        const entry = { value, span: span(l.start + at, l.start + m.index + m[0].length) };
        const who = (m[2] ?? '').toLowerCase();
        if (who === 'tập thể' || who === 'đơn vị') out.tap_the = out.tap_the ?? entry;
        else if (who) out.ca_nhan = out.ca_nhan ?? entry;
        else {
          out.ca_nhan = out.ca_nhan ?? entry;
          out.tap_the = out.tap_the ?? entry;
        }
      }
    }
    return out;
  }
}

/** "1.500.000 đ", "1,500,000", "500000" → 1500000; null when not a number. */
export function parseMoney(text: string): number | null {
  const m = /(\d{1,3}(?:[.,]\d{3})+|\d+)/u.exec(text);
  if (!m) return null;
  const n = Number(m[1].replace(/[.,]/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** Parse normalised text into the document fields (without format/encoding/text). */
export function parseNormalizedText(text: string): Omit<TParsedDocument, 'format' | 'encoding' | 'text'> {
  return new DocumentTextParser(text).parse();
}
