// Approximate advance widths of Times New Roman (metric-compatible with Liberation Serif), used
// only to size the short rules under header lines; a few per cent off is invisible on paper.

// Widths in 1/1000 em, from the Adobe Times AFM tables (Times New Roman shares the metrics).
const REGULAR: Record<string, number> = {
  ' ': 250, '-': 333, ',': 250, '.': 250, ':': 278, ';': 278, '/': 278, '(': 333, ')': 333, '&': 778, '"': 408, "'": 180,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
};
const BOLD: Record<string, number> = {
  ' ': 250, '-': 333, ',': 250, '.': 250, ':': 333, ';': 333, '/': 278, '(': 333, ')': 333, '&': 833, '"': 555, "'": 278,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
};

/** Base letter of a Vietnamese letter (diacritics do not change the advance width, except ư/ơ which are a bit wider). */
function baseOf(ch: string): { base: string; extra: number } {
  if (ch === 'đ') return { base: 'd', extra: 0 };
  if (ch === 'Đ') return { base: 'D', extra: 0 };
  const stripped = ch.normalize('NFD');
  const base = stripped[0] ?? ch;
  const horn = stripped.includes('\u031b');
  return { base, extra: horn ? 60 : 0 };
}

/** Width of a single line of text in points. */
export function measureTextPt(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    if (/\d/.test(ch)) {
      units += 500;
      continue;
    }
    const { base, extra } = baseOf(ch);
    units += (table[base] ?? 500) + extra;
  }
  return (units / 1000) * sizePt;
}

/** Width of a single line of text in millimetres. */
export function measureTextMm(text: string, sizePt: number, bold = false): number {
  return (measureTextPt(text, sizePt, bold) * 25.4) / 72;
}
