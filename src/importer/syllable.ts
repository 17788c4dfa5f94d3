// Vietnamese syllable checks used to detect legacy encodings, repair words broken by a hard line wrap and
// split words glued together. Pure functions.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?';
const NUCLEUS = '(?:[aeiouy]{1,3})';
const CODA = '(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** Letters only, folded to ASCII (đ → d), keeping nothing else. */
function foldLetters(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** True when the word has the shape of one Vietnamese syllable (at most one tone mark, valid onset/vowel/coda). */
export function isVietnameseSyllable(word: string): boolean {
  if (!word || word.length > 7) return false;
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  const folded = foldLetters(word);
  if (!/^[a-z]+$/.test(folded)) return false;
  return SYLLABLE.test(folded);
}

/** True when the word holds a letter that only Vietnamese uses (ă â đ ê ô ơ ư or a tone mark on a vowel). */
export function hasVietnameseMark(word: string): boolean {
  return /[ăâđêôơưĂÂĐÊÔƠƯ]/.test(word) || /[\u0300\u0301\u0303\u0309\u0323]/.test(word.normalize('NFD'));
}

/**
 * Split a run of Vietnamese syllables written without spaces ("phongtrào" → ["phong", "trào"]).
 * Returns null when the word is a single syllable or cannot be split into valid syllables.
 */
export function splitGluedSyllables(word: string): string[] | null {
  if (word.length < 4 || word.length > 28) return null;
  if (isVietnameseSyllable(word)) return null;
  if (!hasVietnameseMark(word)) return null;
  if (!/^[\p{L}]+$/u.test(word)) return null;
  const chars = [...word.normalize('NFC')];
  const n = chars.length;
  // best[i] = fewest syllables covering chars[0..i)
  const best: (number[] | null)[] = new Array(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const prev = best[i];
    if (!prev) continue;
    // prefer the shortest syllable end that leaves consonants to the next onset: iterate longest first,
    // then keep the candidate with fewer parts; ties keep the earlier (longer) first syllable.
    for (let j = Math.min(n, i + 7); j > i; j--) {
      const piece = chars.slice(i, j).join('');
      if (!isVietnameseSyllable(piece)) continue;
      // a capital letter may only start a piece
      if (/\p{Lu}/u.test(piece.slice(1))) continue;
      const cand = [...prev, j];
      const cur = best[j];
      if (!cur || cand.length < cur.length) best[j] = cand;
    }
  }
  const cuts = best[n];
  if (!cuts || cuts.length < 2 || cuts.length > 5) return null;
  const parts: string[] = [];
  let from = 0;
  for (const to of cuts) {
    parts.push(chars.slice(from, to).join(''));
    from = to;
  }
  // every part but possibly one must be a Vietnamese-looking syllable; each part carries at most one tone
  return parts;
}
