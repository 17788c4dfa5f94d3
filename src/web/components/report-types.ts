// Shapes of /api/v1/reports as the web reads them.
export type TReportItem = { code: string; name: string; type: 'number' | 'percent' | 'text' | 'yes_no' | 'file'; unitLabel: string | null; formula: { op: 'share'; parts: string[]; total: string } | null; partOf: string | null; max: number | null; higherIsBetter: boolean; target: number | null; required: boolean };
export type TReportSection = { title: string; items: TReportItem[] };
export type TReportPeriod = { id: string; kind: string; label: string; from: string; to: string; opensOn: string; dueDate: string; open: boolean; overdue: boolean };
export type TReportFormSummary = { id: string; title: string; schedule: string; scheduleLabel: string; unitId: string; unitName: string; planId: string; planTitle: string; createdAt: string };
export type TReportForm = { id: string; title: string; scheduleLabel: string; dueDays: number; plan: { id: string; title: string } | null; unit: { id: string; name: string }; sections: TReportSection[]; periods: TReportPeriod[]; units: { id: string; code: string; name: string }[]; can: { manage: boolean } };
export type TMyReport = { formId: string; formTitle: string; periodId: string; periodLabel: string; dueDate: string; unitId: string; unitName: string; submissionId: string | null; state: string; stateLabel: string; late: boolean; overdue: boolean; dueSoon: boolean };
export type TEvidence = { id: string; indicatorCode: string | null; attachmentId: string; fileName: string; mime: string; size: number; createdAt: string };
export type TSubmission = {
  id: string; formId: string; formTitle: string; plan: { id: string; title: string; state: string }; receiver: { id: string; name: string }; unit: { id: string; name: string; code: string };
  period: TReportPeriod; state: string; stateLabel: string; late: boolean; submittedAt: string | null; decidedAt: string | null; returnReason: string | null; version: number; reminders: number;
  sections: TReportSection[]; values: Record<string, number | string | null>; evidence: TEvidence[]; can: { edit: boolean; submit: boolean; accept: boolean; return: boolean };
};
export type TBoardItem = { unitId: string; unitName: string; unitCode: string; submissionId: string | null; state: string; stateLabel: string; late: boolean; submittedAt: string | null; returnReason: string | null; overdue: boolean; reminders: number; lastRemindedAt: string | null };
export type TBoard = { form: { id: string; title: string }; unit: { id: string; name: string }; period: TReportPeriod; counts: { total: number; notReported: number; overdue: number; late: number }; items: TBoardItem[]; canRemind: boolean };
export type TRankItem = { unitId: string; unitName: string; value: number | null; rank: number | null; tied: boolean; note: string | null };
export type TRollup = {
  form: { id: string; title: string }; unit: { id: string; name: string }; period: TReportPeriod; periods: TReportPeriod[]; sections: TReportSection[];
  rows: { unitId: string; unitCode: string; unitName: string; submissionId: string | null; state: string; stateLabel: string; late: boolean; values: Record<string, number | string | null> | null }[];
  totals: Record<string, number | null>; counts: { total: number; sent: number; accepted: number; returned: number; missing: number; late: number };
  ranking: { by: string | null; label: string; items: TRankItem[] }; trend: { periodId: string; label: string; reported: number; totals: Record<string, number | null> }[];
};

export const STATE_COLORS: Record<string, string> = { missing: 'gray', draft: 'yellow', submitted: 'blue', accepted: 'green', returned: 'red' };

/** parts / total × 100 (2 decimals), as the server computes it. */
export function shareOf(f: NonNullable<TReportItem['formula']>, get: (code: string) => number | null): number | null {
  const total = get(f.total);
  if (total === null || total <= 0) return null;
  let sum = 0;
  for (const p of f.parts) { const v = get(p); if (v === null) return null; sum += v; }
  return Math.round((sum / total) * 10000) / 100;
}

export function formatValue(v: number | string | null | undefined, item: Pick<TReportItem, 'type' | 'unitLabel'>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (item.type === 'yes_no') return v === 1 ? 'Có' : 'Không';
  const n = v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return item.type === 'percent' ? `${n}%` : n;
}
