// Clean the raw text of a document before parsing: Unicode NFC, two-column headers and footers split into
// lines, stray page markers removed, hard line wraps joined, glued words split, spaces collapsed.
// All spans in the parse result point into the text this returns.

import { isVietnameseSyllable, splitGluedSyllables } from './syllable';

export type TNormalized = { text: string; warnings: string[] };

const QUOC_HIEU = /C[ỘO]NG\s*H(?:ÒA|OÀ|OA|ÓA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM/iu;
const TIEU_NGU = /Đ[ộo]c\s+l[ậa]p\s*[-–—]+\s*T[ựu]\s+do\s*[-–—]+\s*H[ạa]nh\s+ph[úu]c/iu;
const TYPE_WORDS =
  'KẾ HOẠCH|QUYẾT ĐỊNH|TỜ TRÌNH|BÁO CÁO|BIÊN BẢN|THÔNG BÁO|CÔNG VĂN|HƯỚNG DẪN|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|GIẤY MỜI|NGHỊ QUYẾT|CHỈ THỊ';
const TYPE_WORD_INSIDE = new RegExp(`(\\S)\\s+(${TYPE_WORDS})(?=\\s|$)`, 'u');
const TYPE_WORD_THEN_SUBJECT = new RegExp(`^(${TYPE_WORDS})\\s+(?=\\p{Lu}\\p{Ll}|V\\/v|Về\\s)`, 'u');
const PLACE_DATE = /(?:^|\s)((?:TP\.\s*|Tp\.\s*|Thành phố\s+)?\p{Lu}[\p{L}.]*(?:\s+(?:\p{Lu}[\p{L}.]*|\d{1,2})){0,4})\s*,\s*ngày(?=\s|$)/u;
const BODY_START = /^\s*(?:Căn cứ|Thực hiện\s+(?:Kế hoạch|Quyết định|Công văn|Nghị quyết|Chỉ thị|Thông tư|Hướng dẫn|Chương trình|Văn bản)|Kính gửi|Xét\s|Hôm nay|Vào hồi|Vào lúc|I\.\s|Điều\s+1\b)/u;
const PAGE_MARKER = /^\s*(?:[-–]\s*)?(?:(?:Trang|Page)\s+)?\d{1,3}(?:\s*(?:\/|of|trên)\s*\d{1,3})?(?:\s*[-–])?\s*$/iu;
const LIST_START = /^\s*(?:[-+•–*]\s|[IVXLC]+[.)]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|Điều\s+\d+\s*[.:])/u;

/** Split a header line into its parts: at "|", tabs, the national motto, "Số:", "<place>, ngày", type words. */
function splitHeaderLine(line: string): string[] {
  // split on "|" and tabs without a regex that backtracks over long runs of spaces
  const parts = line.split(/[|\t]/).map((p) => p.trim());
  const out: string[] = [];
  for (let part of parts) {
    if (!part) continue;
    // wide gaps separate the two columns, except inside "Số:      /QĐ-…" or "ngày    tháng"
    const pieces: string[] = [];
    const re = / {3,}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part))) {
      const left = part.slice(last, m.index);
      const right = part.slice(m.index + m[0].length);
      if (/(?:Số\s*:?|ngày|tháng|năm)\s*$/iu.test(left) || /^(?:[/\d]|tháng|năm)/u.test(right)) continue;
      pieces.push(left);
      last = m.index + m[0].length;
    }
    pieces.push(part.slice(last));
    for (part of pieces) {
      let s = part;
      s = s.replace(QUOC_HIEU, (x) => `\n${x}\n`);
      s = s.replace(TIEU_NGU, (x) => `\n${x}\n`);
      s = s.replace(/(\S)\s+(Số\s*:)/u, '$1\n$2');
      s = s.replace(/(\S)\s+(V\/v\s)/u, '$1\n$2');
      const pd = PLACE_DATE.exec(s);
      if (pd && pd.index > 0) {
        const at = pd.index + pd[0].indexOf(pd[1]);
        if (/\S/.test(s.slice(0, at))) s = `${s.slice(0, at)}\n${s.slice(at)}`;
      }
      s = s.replace(TYPE_WORD_INSIDE, '$1\n$2');
      s = s.replace(TYPE_WORD_THEN_SUBJECT, '$1\n');
      out.push(...s.split('\n'));
    }
  }
  return out.map((p) => p.trim()).filter((p, i, arr) => p || (i > 0 && arr[i - 1]));
}

/** Split a footer line where "Nơi nhận" and the signer's title sit side by side. */
function splitFooterLine(line: string): string[] {
  // a table row (Danh sách after the signature) keeps its cells
  if ((line.match(/\s\|\s/g) ?? []).length >= 2 || (line.match(/\t/g) ?? []).length >= 2) {
    return [line.split('\t').map((c) => c.trim()).join(' | ')];
  }
  const parts = line.split(/[|\t]| {3,}/).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const m = p.length > 300 ? null : /^(.*?[;.:])\s+((?:(?:KT|TM|TL|TUQ|Q)\.\s*)?\p{Lu}{2,}(?:\s+[\p{Lu}.]{1,}){1,6})$/u.exec(p);
    if (m && /^(?:[-+•]|Nơi nhận|Noi nhận)/iu.test(m[1])) out.push(m[1], m[2]);
    else out.push(p);
  }
  return out;
}

function endsSentence(line: string): boolean {
  return /[.;:!?…”"')\]]\s*$/.test(line) || /\/\.\s*$/.test(line);
}

/** Join line-wrapped paragraphs and repair words cut by a wrap. */
function joinWraps(lines: string[], warnings: string[]): string[] {
  const nonBlank = lines.filter((l) => l.trim());
  // hard-wrapped text: many consecutive lines of similar, short width
  const lengths = nonBlank.map((l) => l.length).sort((a, b) => a - b);
  const p90 = lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 0;
  let consecutive = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i].trim() && lines[i + 1].trim()) consecutive++;
  const wrapMode =
    nonBlank.length >= 8 &&
    p90 >= 40 &&
    p90 <= 130 &&
    consecutive >= nonBlank.length * 0.5 &&
    nonBlank.filter((l) => l.length >= p90 * 0.75).length >= nonBlank.length * 0.25;
  // each output line is kept as its pieces (joined at the end), so a long paragraph is never copied
  const out: string[][] = [];
  const outLen: number[] = [];
  const withPipe = new Set<number>(); // indexes in `out` of table rows (never joined)
  let joined = 0;
  let repaired = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) {
      out.push([]);
      outLen.push(0);
      continue;
    }
    // find the previous non-blank output line (at most one blank line between)
    let j = out.length - 1;
    let blanks = 0;
    while (j >= 0 && outLen[j] === 0 && blanks < 2) {
      j--;
      blanks++;
    }
    const prevParts = j >= 0 ? out[j] : [];
    const prevLen = j >= 0 ? outLen[j] : 0;
    const tail = prevParts.length ? prevParts[prevParts.length - 1] : '';
    const canJoin = prevLen > 0 && blanks <= 1 && !endsSentence(tail) && !LIST_START.test(line) && !withPipe.has(j) && !line.includes('|');
    const startsLower = /^\p{Ll}/u.test(line);
    const byWidth =
      wrapMode && blanks === 0 && prevLen >= p90 * 0.6 && !/^(?:Căn cứ|Thực hiện|Nơi nhận|Kính gửi|Xét)/u.test(line) && !/^[^\p{Ll}]*$/u.test(line);
    const headerLike = prevLen < 80 && /^[^\p{Ll}]*$/u.test(prevParts.join(' '));
    if (canJoin && !headerLike && (startsLower || byWidth)) {
      const lastWord = /(\p{L}+)$/u.exec(tail)?.[1] ?? '';
      const firstWord = /^(\p{L}+)/u.exec(line)?.[1] ?? '';
      const glue =
        lastWord && firstWord && isVietnameseSyllable(lastWord + firstWord) && (!isVietnameseSyllable(lastWord) || !isVietnameseSyllable(firstWord));
      out.length = j + 1;
      outLen.length = j + 1;
      if (glue) prevParts[prevParts.length - 1] = tail + line;
      else prevParts.push(line);
      outLen[j] = prevLen + line.length + (glue ? 0 : 1);
      if (glue) repaired++;
      joined++;
      continue;
    }
    if (line.includes('|')) withPipe.add(out.length);
    out.push([line]);
    outLen.push(line.length);
  }
  if (joined) warnings.push(`Đã nối ${joined} dòng bị ngắt giữa câu${repaired ? ` (${repaired} từ bị cắt đôi)` : ''}.`);
  return out.map((parts) => parts.join(' '));
}

function splitGlued(text: string, warnings: string[]): string {
  let count = 0;
  const fixed = text.replace(/\p{L}{4,}/gu, (word) => {
    const parts = splitGluedSyllables(word);
    if (!parts) return word;
    count++;
    return parts.join(' ');
  });
  if (count) warnings.push(`Đã tách ${count} từ bị dính liền.`);
  return fixed;
}

/** Normalise the raw text of a document. */
export function normalizeDocumentText(raw: string): TNormalized {
  const warnings: string[] = [];
  let text = raw
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, ' ');

  let lines = text.split('\n');

  // page markers ("2", "Trang 2", "- 3 -", "2/5")
  let markers = 0;
  lines = lines.filter((l, i) => {
    if (!PAGE_MARKER.test(l) || !l.trim()) return true;
    // keep numbers that are table cells or list labels followed by text on the same line (not the case here)
    const prevBlank = i === 0 || !lines[i - 1].trim();
    const nextBlank = i === lines.length - 1 || !lines[i + 1].trim();
    const indented = /^\s{10,}/.test(l) || /Trang|Page/i.test(l);
    if (prevBlank || nextBlank || indented) {
      markers++;
      return false;
    }
    return true;
  });
  if (markers) warnings.push(`Đã bỏ ${markers} dòng số trang.`);

  // header zone: lines before the body starts (at most the first 40 lines)
  let bodyAt = lines.findIndex((l) => BODY_START.test(l));
  if (bodyAt < 0 || bodyAt > 40) bodyAt = Math.min(lines.length, 40);
  const header: string[] = [];
  for (const l of lines.slice(0, bodyAt)) {
    if (!l.trim()) header.push('');
    else header.push(...splitHeaderLine(l));
  }
  // footer zone: from the last "Nơi nhận" on (else the last lines, when they hold two signature columns)
  const rest = lines.slice(bodyAt);
  let footerAt = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    if (/^\s*(?:[|\t ]*)N[ơo]i\s+nh[ậa]n/iu.test(rest[i]) || /\|\s*N[ơo]i\s+nh[ậa]n/iu.test(rest[i])) {
      footerAt = i;
      break;
    }
  }
  if (footerAt < 0) {
    const tail = Math.max(0, rest.length - 8);
    const twoCols = rest.slice(tail).some((l) => splitFooterLine(l).length === 2 && !/[.;:]\s*$/.test(l.split(/\s*\|\s*|\t+| {3,}/)[0] ?? ''));
    if (twoCols) {
      footerAt = tail;
      while (footerAt < rest.length && !(splitFooterLine(rest[footerAt]).length === 2)) footerAt++;
    }
  }
  let body = footerAt >= 0 ? rest.slice(0, footerAt) : rest;
  const footer: string[] = [];
  if (footerAt >= 0) {
    // two columns side by side: Nơi nhận (left) and the signer (right); read the left column, then the right
    const left: string[] = [];
    const right: string[] = [];
    let end = footerAt;
    for (; end < rest.length; end++) {
      const l = rest[end];
      if (/^\s*(?:DANH SÁCH|PHỤ LỤC|Phụ lục)(?=\s|$)/u.test(l)) break;
      const parts = splitFooterLine(l);
      if (parts.length === 1 && /\s\|\s.*\s\|\s/.test(parts[0])) break; // a table row
      if (!l.trim()) continue;
      if (parts.length >= 2) {
        left.push(parts[0]);
        right.push(...parts.slice(1));
      } else if (/^\s*(?:[-+•]|N[ơo]i\s+nh[ậa]n|Lưu\b)/iu.test(parts[0])) left.push(parts[0]);
      else right.push(parts[0]);
    }
    footer.push(...left, '', ...right, '', ...rest.slice(end));
  }

  // tab-separated rows in the body are table rows
  body = body.map((l) => {
    const cells = l.split('\t').map((c) => c.trim());
    if (cells.filter(Boolean).length >= 3) return cells.join(' | ');
    return l.replace(/\t+/g, ' ');
  });

  lines = [...header, '', ...body, '', ...footer].map((l) => l.replace(/[ \t]+/g, ' ').trim());
  lines = joinWraps(lines, warnings);
  text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  text = splitGlued(text, warnings);
  return { text, warnings };
}
