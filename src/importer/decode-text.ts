// Bytes of a plain-text file → Unicode text: UTF-8, UTF-16 (BOM or heuristics), Windows-1258, and text typed
// in the legacy TCVN3 / VNI fonts.

import iconv from 'iconv-lite';
import { fixLegacyVietnamese, vietnameseScore } from './legacy-fonts';
import { ImporterError } from './errors';

export type TDecodedText = { text: string; encoding: string; warnings: string[] };

function utf16Guess(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

function decodeUtf16(buf: Uint8Array, enc: 'utf-16le' | 'utf-16be', skip: number): string {
  const body = buf.subarray(skip, skip + ((buf.length - skip) & ~1));
  if (enc === 'utf-16le') return new TextDecoder('utf-16le').decode(body);
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1];
    swapped[i + 1] = body[i];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** Share of characters that are control characters or replacement characters: high for binary data. */
export function garbageRatio(text: string): number {
  if (!text.length) return 0;
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / total;
}

/** Decode the bytes of a text file. Throws ImporterError for an empty file or binary data. */
export function decodeTextBytes(buf: Uint8Array): TDecodedText {
  const warnings: string[] = [];
  if (buf.length === 0) throw new ImporterError('empty', 'Tệp rỗng, không có nội dung để đọc.');
  let text: string;
  let encoding: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(buf.subarray(3));
    encoding = 'utf-8';
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    text = decodeUtf16(buf, 'utf-16le', 2);
    encoding = 'utf-16le';
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    text = decodeUtf16(buf, 'utf-16be', 2);
    encoding = 'utf-16be';
  } else {
    const guess = utf16Guess(buf);
    if (guess) {
      text = decodeUtf16(buf, guess, 0);
      encoding = guess;
    } else {
      let utf8: string | null = null;
      try {
        utf8 = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        // UTF-8 with a few broken bytes (a truncated copy, a stray Latin-1 byte) is still UTF-8
        const loose = new TextDecoder('utf-8').decode(buf);
        const bad = loose.match(/\uFFFD/g)?.length ?? 0;
        const multibyte = loose.match(/[^\x00-\x7f\uFFFD]/g)?.length ?? 0;
        if (bad > 0 && bad <= Math.max(2, loose.length * 0.005) && multibyte >= bad * 10) {
          utf8 = loose;
          warnings.push(`Tệp UTF-8 có ${bad} byte lỗi; các ký tự đó được thay bằng "\uFFFD".`);
        }
      }
      if (utf8 !== null) {
        text = utf8;
        encoding = 'utf-8';
      } else {
        // Not UTF-8: a legacy font typed in a 8-bit code page (TCVN3/VNI) or Windows-1258.
        const latin1 = iconv.decode(Buffer.from(buf), 'latin1');
        const legacy = fixLegacyVietnamese(latin1);
        const cp1258 = iconv.decode(Buffer.from(buf), 'windows1258').normalize('NFC');
        if (legacy.encoding && vietnameseScore(legacy.text) > vietnameseScore(cp1258)) {
          text = legacy.text;
          encoding = legacy.encoding;
        } else {
          text = iconv.decode(Buffer.from(buf), 'windows1258').normalize('NFC');
          encoding = 'windows-1258';
          warnings.push('Tệp không ở dạng UTF-8; đã đọc theo bảng mã Windows-1258 (cần kiểm tra lại dấu tiếng Việt).');
        }
      }
    }
  }
  if (garbageRatio(text) > 0.1) {
    throw new ImporterError('binary', 'Tệp không phải văn bản đọc được (có vẻ là dữ liệu nhị phân hoặc định dạng chưa hỗ trợ).');
  }
  // Unicode text that still holds text typed in a legacy font (copied from an old .doc)
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) {
    const legacy = fixLegacyVietnamese(text);
    if (legacy.encoding) {
      text = legacy.text;
      encoding = `${encoding}+${legacy.encoding}`;
    }
  }
  if (encoding.includes('tcvn3')) warnings.push('Văn bản gõ bằng phông TCVN3 (ABC); đã chuyển sang Unicode.');
  if (encoding.includes('vni')) warnings.push('Văn bản gõ bằng phông VNI; đã chuyển sang Unicode.');
  return { text, encoding, warnings };
}
