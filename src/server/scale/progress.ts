// A progress bar on stderr: rows written, rows per second, time left. On a terminal it redraws one
// line; otherwise (logs, CI) it prints a line every few seconds.
import type { TProgressInfo } from './generate';

const nf = new Intl.NumberFormat('vi-VN');

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} phút ${s % 60} s`;
  return `${Math.floor(m / 60)} giờ ${m % 60} phút`;
}

export function progressLine(p: TProgressInfo, width = 24): string {
  const frac = p.expected > 0 ? Math.min(1, p.written / p.expected) : 0;
  const filled = Math.round(frac * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const eta = p.done ? 'xong' : p.etaSeconds === null ? 'còn ?' : `còn ~${formatDuration(p.etaSeconds)}`;
  return `[${bar}] ${String(Math.round(frac * 100)).padStart(3)}% ${nf.format(p.written)} dòng · ${nf.format(Math.round(p.rowsPerSecond))} dòng/s · ${eta}${p.label ? ` · ${p.label}` : ''}`;
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): (p: TProgressInfo) => void {
  let lastLine = 0;
  return (p) => {
    if (stream.isTTY) {
      stream.write(`\r${progressLine(p).padEnd(Math.max(0, (stream.columns ?? 100) - 1)).slice(0, Math.max(20, (stream.columns ?? 100) - 1))}${p.done ? '\n' : ''}`);
      return;
    }
    const t = Date.now();
    if (p.done || t - lastLine >= 5000) {
      lastLine = t;
      stream.write(`${progressLine(p)}\n`);
    }
  };
}
