// Legacy Vietnamese font encodings (before Unicode): TCVN3 (ABC, fonts .VnTime…) and VNI-Windows (fonts VNI-Times…).
// Text typed in these fonts reaches us as Latin-1 characters ("phßng GD & ®t", "Phoøng Giaùo duïc"); these
// functions detect it and convert it to Unicode (NFC).

import { hasVietnameseMark, isVietnameseSyllable } from './syllable';

/** TCVN3 (TCVN 5712:1993, VN3) single-byte code → Unicode. Lower-case toned letters and the seven upper-case letters. */
const TCVN3_PAIRS: [number, string][] = [
  // a ă â
  [0xb8, 'á'], [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb9, 'ạ'],
  [0xa8, 'ă'], [0xbe, 'ắ'], [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xc6, 'ặ'],
  [0xa9, 'â'], [0xca, 'ấ'], [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xcb, 'ậ'],
  // e ê
  [0xd0, 'é'], [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd1, 'ẹ'],
  [0xaa, 'ê'], [0xd5, 'ế'], [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd6, 'ệ'],
  // i
  [0xdd, 'í'], [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xde, 'ị'],
  // o ô ơ
  [0xe3, 'ó'], [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe4, 'ọ'],
  [0xab, 'ô'], [0xe8, 'ố'], [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe9, 'ộ'],
  [0xac, 'ơ'], [0xed, 'ớ'], [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xee, 'ợ'],
  // u ư
  [0xf3, 'ú'], [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf4, 'ụ'],
  [0xad, 'ư'], [0xf8, 'ứ'], [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf9, 'ự'],
  // y
  [0xfd, 'ý'], [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfe, 'ỵ'],
  // đ and the upper-case letters present in the .VnTime fonts
  [0xae, 'đ'],
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
];

const TCVN3_MAP = new Map<string, string>(TCVN3_PAIRS.map(([code, ch]) => [String.fromCharCode(code), ch]));

/** Exported for tests and documentation: TCVN3 character → Unicode. */
export const TCVN3_TABLE: ReadonlyMap<string, string> = TCVN3_MAP;

// VNI-Windows: a base letter followed by one or two mark characters.
// Tone marks: ù sắc, ø huyền, û hỏi, õ ngã, ï nặng (upper case Ù Ø Û Õ Ï).
// Vowel marks: â circumflex (aâ eâ oâ), ê breve (aê); ô = ơ, ö = ư standing alone; ñ = đ.
// Combined: â+tone on a/e/o uses á à å ã ä; ă+tone uses é è ú ü ë.
const VNI_LOWER: [string, string][] = [
  ['aù', 'á'], ['aø', 'à'], ['aû', 'ả'], ['aõ', 'ã'], ['aï', 'ạ'],
  ['aê', 'ă'], ['aé', 'ắ'], ['aè', 'ằ'], ['aú', 'ẳ'], ['aü', 'ẵ'], ['aë', 'ặ'],
  ['aâ', 'â'], ['aá', 'ấ'], ['aà', 'ầ'], ['aå', 'ẩ'], ['aã', 'ẫ'], ['aä', 'ậ'],
  ['eù', 'é'], ['eø', 'è'], ['eû', 'ẻ'], ['eõ', 'ẽ'], ['eï', 'ẹ'],
  ['eâ', 'ê'], ['eá', 'ế'], ['eà', 'ề'], ['eå', 'ể'], ['eã', 'ễ'], ['eä', 'ệ'],
  ['où', 'ó'], ['oø', 'ò'], ['oû', 'ỏ'], ['oõ', 'õ'], ['oï', 'ọ'],
  ['oâ', 'ô'], ['oá', 'ố'], ['oà', 'ồ'], ['oå', 'ổ'], ['oã', 'ỗ'], ['oä', 'ộ'],
  ['ôù', 'ớ'], ['ôø', 'ờ'], ['ôû', 'ở'], ['ôõ', 'ỡ'], ['ôï', 'ợ'],
  ['uù', 'ú'], ['uø', 'ù'], ['uû', 'ủ'], ['uõ', 'ũ'], ['uï', 'ụ'],
  ['öù', 'ứ'], ['öø', 'ừ'], ['öû', 'ử'], ['öõ', 'ữ'], ['öï', 'ự'],
  ['yù', 'ý'], ['yø', 'ỳ'], ['yû', 'ỷ'], ['yõ', 'ỹ'],
];
const VNI_SINGLE_LOWER: [string, string][] = [
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['ô', 'ơ'], ['ö', 'ư'], ['î', 'ỵ'], ['ñ', 'đ'],
];
const VNI_UPPER: [string, string][] = [
  ['AÙ', 'Á'], ['AØ', 'À'], ['AÛ', 'Ả'], ['AÕ', 'Ã'], ['AÏ', 'Ạ'],
  ['AÊ', 'Ă'], ['AÉ', 'Ắ'], ['AÈ', 'Ằ'], ['AÚ', 'Ẳ'], ['AÜ', 'Ẵ'], ['AË', 'Ặ'],
  ['AÂ', 'Â'], ['AÁ', 'Ấ'], ['AÀ', 'Ầ'], ['AÅ', 'Ẩ'], ['AÃ', 'Ẫ'], ['AÄ', 'Ậ'],
  ['EÙ', 'É'], ['EØ', 'È'], ['EÛ', 'Ẻ'], ['EÕ', 'Ẽ'], ['EÏ', 'Ẹ'],
  ['EÂ', 'Ê'], ['EÁ', 'Ế'], ['EÀ', 'Ề'], ['EÅ', 'Ể'], ['EÃ', 'Ễ'], ['EÄ', 'Ệ'],
  ['OÙ', 'Ó'], ['OØ', 'Ò'], ['OÛ', 'Ỏ'], ['OÕ', 'Õ'], ['OÏ', 'Ọ'],
  ['OÂ', 'Ô'], ['OÁ', 'Ố'], ['OÀ', 'Ồ'], ['OÅ', 'Ổ'], ['OÃ', 'Ỗ'], ['OÄ', 'Ộ'],
  ['ÔÙ', 'Ớ'], ['ÔØ', 'Ờ'], ['ÔÛ', 'Ở'], ['ÔÕ', 'Ỡ'], ['ÔÏ', 'Ợ'],
  ['UÙ', 'Ú'], ['UØ', 'Ù'], ['UÛ', 'Ủ'], ['UÕ', 'Ũ'], ['UÏ', 'Ụ'],
  ['ÖÙ', 'Ứ'], ['ÖØ', 'Ừ'], ['ÖÛ', 'Ử'], ['ÖÕ', 'Ữ'], ['ÖÏ', 'Ự'],
  ['YÙ', 'Ý'], ['YØ', 'Ỳ'], ['YÛ', 'Ỷ'], ['YÕ', 'Ỹ'],
];
const VNI_SINGLE_UPPER: [string, string][] = [
  ['Í', 'Í'], ['Ì', 'Ì'], ['Æ', 'Ỉ'], ['Ó', 'Ĩ'], ['Ò', 'Ị'],
  ['Ô', 'Ơ'], ['Ö', 'Ư'], ['Î', 'Ỵ'], ['Ñ', 'Đ'],
];

const VNI_PAIR_MAP = new Map<string, string>([...VNI_LOWER, ...VNI_UPPER]);
// A lower-case base with an upper-case mark happens when a word mixes fonts; accept both cases of the mark.
for (const [code, ch] of VNI_LOWER) {
  const upperMark = code[0] + code[1].toUpperCase();
  if (!VNI_PAIR_MAP.has(upperMark)) VNI_PAIR_MAP.set(upperMark, ch);
  const upperBase = code[0].toUpperCase() + code[1];
  if (!VNI_PAIR_MAP.has(upperBase)) VNI_PAIR_MAP.set(upperBase, ch.toUpperCase());
}
const VNI_SINGLE_MAP = new Map<string, string>([...VNI_SINGLE_LOWER, ...VNI_SINGLE_UPPER]);

/** Exported for tests and documentation: VNI-Windows character sequence → Unicode. */
export const VNI_TABLE: ReadonlyMap<string, string> = new Map([...VNI_PAIR_MAP, ...VNI_SINGLE_MAP]);

/** Convert text typed in a TCVN3 (ABC) font to Unicode. */
export function tcvn3ToUnicode(text: string, upperCaseFont = false): string {
  let out = '';
  for (const ch of text) {
    const u = TCVN3_MAP.get(ch);
    out += u === undefined ? ch : upperCaseFont ? u.toUpperCase() : u;
  }
  return fixConvertedCase(out.normalize('NFC'), upperCaseFont);
}

/** Convert text typed in a VNI-Windows font to Unicode. */
export function vniToUnicode(text: string, upperCaseFont = false): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    // ơ/ư followed by a tone: "ôù" → ớ (the pair table has them); base vowel followed by a mark
    if (next !== undefined) {
      const pair = VNI_PAIR_MAP.get(ch + next);
      if (pair !== undefined) {
        out += upperCaseFont ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    const single = VNI_SINGLE_MAP.get(ch);
    out += single === undefined ? ch : upperCaseFont ? single.toUpperCase() : single;
  }
  return fixConvertedCase(out.normalize('NFC'), upperCaseFont);
}

/**
 * Legacy fonts had no toned capitals in the normal font: headings were typed in the ".VnTimeH" style font with
 * lower-case codes. After conversion a heading such as "KẾ HOẠCH" comes out as "Kế HOạCH". Upper-case such
 * lines, and acronyms made only of consonants ("GD & đt" → "GD & ĐT").
 */
function fixConvertedCase(text: string, alreadyUpper: boolean): string {
  if (alreadyUpper) return text;
  return text
    .split('\n')
    .map((line) => {
      const ascii = line.replace(/[^A-Za-z]/g, '');
      const upper = ascii.replace(/[^A-Z]/g, '').length;
      const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const shoutingWords = words.filter((w) => /^[A-ZĐ][A-Z\p{L}]*$/u.test(w) && /[A-Z].*[A-Z]|^[A-Z]$/.test(w)).length;
      let fixed = line;
      if (ascii.length >= 4 && upper / ascii.length >= 0.8 && shoutingWords >= Math.max(1, words.length * 0.5)) {
        fixed = line.toUpperCase();
      }
      // consonant-only acronyms ("đt", "gd®t" after conversion) are upper case
      return fixed.replace(/(^|[^\p{L}])([bcdđghklmnpqrstvx]{2,4})(?=$|[^\p{L}])/gu, (m, pre: string, word: string) =>
        /đ/.test(word) ? pre + word.toUpperCase() : m,
      );
    })
    .join('\n');
}

/** Latin-1 characters that never occur in Unicode Vietnamese text: a sign of a legacy font. */
const FOREIGN_LATIN1 = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/g;

type TLegacyScore = { valid: number; invalid: number };

function scoreVietnamese(text: string): TLegacyScore {
  let valid = 0;
  let invalid = 0;
  const words = text.match(/[\p{L}\u00a1-\u00bf\u00d7\u00f7]+/gu) ?? [];
  for (const w of words.slice(0, 20000)) {
    if (/^[A-Za-z]+$/.test(w)) continue; // plain ASCII words say nothing about the encoding
    if (isVietnameseSyllable(w) && hasVietnameseMark(w) && !FOREIGN_LATIN1.test(w)) valid++;
    else invalid++;
    FOREIGN_LATIN1.lastIndex = 0;
  }
  return { valid, invalid };
}

/** How much a text reads as Vietnamese: valid syllables with Vietnamese letters minus words that are not. */
export function vietnameseScore(text: string): number {
  const s = scoreVietnamese(text);
  return s.valid - s.invalid;
}

export type TLegacyEncoding = 'tcvn3' | 'vni';

/**
 * Detect text typed in a TCVN3 or VNI font and convert it, line by line (a Unicode document may hold paragraphs
 * pasted from an old file). Returns the text unchanged (encoding null) when it already reads as Unicode.
 */
export function fixLegacyVietnamese(text: string): { text: string; encoding: TLegacyEncoding | null } {
  const foreignTotal = text.match(FOREIGN_LATIN1)?.length ?? 0;
  if (foreignTotal < 2) return { text, encoding: null };
  const net = (s: TLegacyScore) => s.valid - s.invalid;
  const lines = text.split('\n');
  const decided: (TLegacyEncoding | null)[] = new Array(lines.length).fill(null);
  const converted: string[] = [...lines];
  const votes = { tcvn3: 0, vni: 0 };
  const weak: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const foreign = line.match(FOREIGN_LATIN1)?.length ?? 0;
    if (foreign === 0) continue;
    if (foreign === 1) {
      weak.push(i);
      continue;
    }
    const base = net(scoreVietnamese(line));
    let best = base;
    for (const [enc, conv] of [['tcvn3', tcvn3ToUnicode], ['vni', vniToUnicode]] as const) {
      const c = conv(line);
      const n = net(scoreVietnamese(c));
      if (n > best) {
        best = n;
        converted[i] = c;
        decided[i] = enc;
      }
    }
    if (decided[i]) votes[decided[i]!]++;
  }
  const main: TLegacyEncoding | null = votes.tcvn3 + votes.vni === 0 ? null : votes.tcvn3 >= votes.vni ? 'tcvn3' : 'vni';
  if (!main) return { text, encoding: null };
  // a document typed mostly in the legacy font: every line with non-ASCII letters follows it unless that reads
  // worse ("Sè:" → "Số:"); in a mostly-Unicode document only lines with a legacy character are looked at
  const withNonAscii = lines.filter((l) => /[^\x00-\x7f]/.test(l)).length;
  const decidedCount = decided.filter(Boolean).length;
  const mostlyLegacy = withNonAscii > 0 && decidedCount / withNonAscii >= 0.5;
  const conv = main === 'tcvn3' ? tcvn3ToUnicode : vniToUnicode;
  for (let i = 0; i < lines.length; i++) {
    if (decided[i] || !/[^\x00-\x7f]/.test(lines[i])) continue;
    const isWeak = weak.includes(i);
    if (!isWeak && !mostlyLegacy) continue;
    const c = conv(lines[i]);
    const gain = net(scoreVietnamese(c)) - net(scoreVietnamese(lines[i]));
    if (gain > 0 || (mostlyLegacy && gain === 0)) converted[i] = c;
  }
  return { text: converted.join('\n'), encoding: main };
}
