// Report periods of a schedule over a plan's time span: calendar quarters, halves or years that
// overlap it. A period opens on its first day; it is due `dueDays` after its last day.
import type { ReportSchedule } from './reports.tables';

export type TPeriodSpec = { kind: string; label: string; from: string; to: string; opensOn: string; dueDate: string };

const ROMAN = ['I', 'II', 'III', 'IV'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function periodsFor(schedule: ReportSchedule, from: string, to: string, dueDays: number): TPeriodSpec[] {
  const out: TPeriodSpec[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const spans: { kind: string; label: string; m0: number; m1: number }[] =
      schedule === 'quarterly' ? [0, 1, 2, 3].map((q) => ({ kind: `q${q + 1}`, label: `Quý ${ROMAN[q]}/${y}`, m0: q * 3 + 1, m1: q * 3 + 3 }))
      : schedule === 'half_year' ? [{ kind: 'h1', label: `6 tháng đầu năm ${y}`, m0: 1, m1: 6 }, { kind: 'h2', label: `6 tháng cuối năm ${y}`, m0: 7, m1: 12 }]
      : [{ kind: 'year', label: `Năm ${y}`, m0: 1, m1: 12 }];
    for (const s of spans) {
      const pFrom = iso(y, s.m0, 1);
      const pTo = iso(y, s.m1, lastDay(y, s.m1));
      if (pTo < from || pFrom > to) continue;
      out.push({ kind: s.kind, label: s.label, from: pFrom, to: pTo, opensOn: pFrom, dueDate: addDays(pTo, dueDays) });
    }
  }
  return out;
}

export const SCHEDULE_LABELS: Record<ReportSchedule, string> = { quarterly: 'Hằng quý', half_year: '6 tháng', annual: 'Hằng năm' };
