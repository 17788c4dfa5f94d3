// Amounts in Vietnamese words for "(Bằng chữ: …)" lines: 9120000 → "Chín triệu một trăm hai mươi nghìn đồng".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ'];

function readTriple(n: number, leading: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || !leading) words.push(`${DIGITS[h]} trăm`);
  if (t === 0) {
    if (u > 0 && (h > 0 || !leading)) words.push('linh');
  } else if (t === 1) {
    words.push('mười');
  } else {
    words.push(`${DIGITS[t]} mươi`);
  }
  if (u > 0) {
    if (u === 1 && t >= 2) words.push('mốt');
    else if (u === 4 && t >= 2) words.push('tư');
    else if (u === 5 && t >= 1) words.push('lăm');
    else words.push(DIGITS[u]);
  }
  return words.join(' ');
}

/** Integer in words (lower case), up to 999 nghìn tỷ. */
export function numberInWordsVi(value: number): string {
  const n = Math.round(Math.abs(value));
  if (n === 0) return 'không';
  if (n >= 1e15) throw new RangeError('Số quá lớn để đọc thành chữ.');
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    if (groups[i] === 0) continue;
    parts.push(`${readTriple(groups[i], i === groups.length - 1)} ${SCALES[i]}`.trim());
  }
  return (value < 0 ? 'âm ' : '') + parts.join(' ');
}

/** "Chín triệu một trăm hai mươi nghìn đồng". */
export function moneyInWordsVi(amount: number): string {
  const words = `${numberInWordsVi(amount)} đồng`;
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
