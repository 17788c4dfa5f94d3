// Pure rules of a report's figures: computed fields (share = parts / total × 100), bounds (percent
// 0–100, a part never above its total, the indicator's maximum), what a submission still lacks.
import { formatDecimalVi } from '../../shared/vn';
import type { TFieldError } from '../errors';
import type { TFormula, TIndicatorSource } from './indicator-catalogue';
import type { ReportValueType } from './reports.tables';

export type TIndicatorDef = {
  code: string;
  name: string;
  type: ReportValueType;
  formula: TFormula | null;
  /** Taken from the outreach log (pre-filled; the unit may correct it with a note). */
  source?: TIndicatorSource | null;
  partOf: string | null;
  max: number | null;
  aggregate: 'sum' | 'avg' | 'none';
  higherIsBetter: boolean;
  unitLabel: string | null;
};
/** A stored figure; for an indicator fed by the outreach log also the log's figure and the reason of a correction. */
export type TValue = { num: number | null; text: string | null; sourceNum?: number | null; note?: string | null };
export type TValues = Record<string, TValue>;
export type TRawValue = number | string | boolean | null;

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** parts / total × 100, rounded to 2 decimals; null without a positive total or with a missing part. */
export function computeShare(f: TFormula, get: (code: string) => number | null): number | null {
  const total = get(f.total);
  if (total === null || total <= 0) return null;
  let sum = 0;
  for (const p of f.parts) {
    const v = get(p);
    if (v === null) return null;
    sum += v;
  }
  return round2((sum / total) * 100);
}

/** Turns raw input (from the form or an Excel cell) into stored values; collects every error. */
export function parseRawValues(defs: Map<string, TIndicatorDef>, raw: Record<string, TRawValue>, fieldPrefix = 'values'): { values: TValues; errors: TFieldError[] } {
  const values: TValues = {};
  const errors: TFieldError[] = [];
  for (const [code, v] of Object.entries(raw)) {
    const def = defs.get(code);
    if (!def) { errors.push({ field: `${fieldPrefix}.${code}`, message: `Chỉ tiêu "${code}" không có trong mẫu báo cáo` }); continue; }
    if (def.formula) continue; // computed: never taken from input
    if (v === null || v === '' || v === undefined) { values[code] = { num: null, text: null }; continue; }
    if (def.type === 'text') { values[code] = { num: null, text: String(v).trim().slice(0, 4000) || null }; continue; }
    if (def.type === 'file') continue;
    if (def.type === 'yes_no') {
      const s = typeof v === 'string' ? v.trim().toLowerCase() : v;
      const yes = s === true || s === 1 || s === '1' || s === 'có' || s === 'co' || s === 'x';
      const no = s === false || s === 0 || s === '0' || s === 'không' || s === 'khong';
      if (!yes && !no) { errors.push({ field: `${fieldPrefix}.${code}`, message: `${def.name}: chỉ nhận "Có" hoặc "Không"` }); continue; }
      values[code] = { num: yes ? 1 : 0, text: null };
      continue;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/\./g, '').replace(',', '.')) : NaN;
    if (!Number.isFinite(n)) { errors.push({ field: `${fieldPrefix}.${code}`, message: `${def.name}: phải là một số` }); continue; }
    values[code] = { num: n, text: null };
  }
  return { values, errors };
}

/** Checks the merged figures and fills the computed ones. Returns every error (nothing is stored on any). */
export function checkAndCompute(defs: TIndicatorDef[], values: TValues, fieldPrefix = 'values'): { values: TValues; errors: TFieldError[] } {
  const out: TValues = { ...values };
  const errors: TFieldError[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const num = (code: string) => out[code]?.num ?? null;
  for (const d of defs) {
    if (d.formula) continue;
    const v = num(d.code);
    if (v === null) continue;
    const field = `${fieldPrefix}.${d.code}`;
    if (d.type === 'number' || d.type === 'percent') {
      if (v < 0) errors.push({ field, message: `${d.name}: không được âm` });
      if (d.type === 'number' && d.unitLabel && ['hồ sơ', 'văn bản'].includes(d.unitLabel) && !Number.isInteger(v)) errors.push({ field, message: `${d.name}: phải là số nguyên` });
      if (d.type === 'percent' && v > 100) errors.push({ field, message: `${d.name}: tỷ lệ không được vượt quá 100% (đã nhập ${formatDecimalVi(v, 2)}%)` });
      if (d.max !== null && v > d.max) errors.push({ field, message: `${d.name}: không được vượt quá ${formatDecimalVi(d.max, 2)}` });
    }
    if (d.partOf) {
      const total = num(d.partOf);
      const totalDef = byCode.get(d.partOf);
      if (total !== null && v > total) errors.push({ field, message: `${d.name} (${formatDecimalVi(v, 2)}) không được lớn hơn ${totalDef?.name.toLocaleLowerCase('vi') ?? d.partOf} (${formatDecimalVi(total, 2)})` });
    }
  }
  // Parts that together exceed their total (on time + late > received).
  const groups = new Map<string, TIndicatorDef[]>();
  for (const d of defs) if (d.partOf && (d.code.endsWith('_on_time') || d.code.endsWith('_late'))) groups.set(d.partOf, [...(groups.get(d.partOf) ?? []), d]);
  for (const [totalCode, parts] of groups) {
    const total = num(totalCode);
    if (total === null || parts.length < 2) continue;
    const sum = parts.reduce((s, p) => s + (num(p.code) ?? 0), 0);
    if (sum > total) errors.push({ field: `${fieldPrefix}.${parts[0].code}`, message: `Tổng ${parts.map((p) => p.name.toLocaleLowerCase('vi')).join(' và ')} (${formatDecimalVi(sum, 2)}) vượt quá ${byCode.get(totalCode)?.name.toLocaleLowerCase('vi') ?? totalCode} (${formatDecimalVi(total, 2)})` });
  }
  for (const d of defs) if (d.formula) out[d.code] = { num: computeShare(d.formula, num), text: null };
  return { values: out, errors };
}

/**
 * The figures with the outreach log's numbers: an indicator fed by the log follows the log unless the
 * unit corrected it (a stored value with a note); `sourceNum` always carries the log's figure.
 */
export function withOutreach(values: TValues, fromLog: Record<string, number>): TValues {
  const out: TValues = { ...values };
  for (const [code, n] of Object.entries(fromLog)) {
    const v = values[code];
    out[code] = v?.note ? { ...v, sourceNum: n } : { num: n, text: null, sourceNum: n, note: null };
  }
  return out;
}

/**
 * The unit's input for indicators fed by the outreach log: empty or the log's own number follows the
 * log; another number is a correction and needs a reason (at least 5 characters); a note alone
 * updates the reason of an existing correction.
 */
export function applyOutreachInput(defs: TIndicatorDef[], input: TValues, notes: Record<string, string | null | undefined>, fromLog: Record<string, number>, current: TValues, fieldPrefix = 'values'): { values: TValues; errors: TFieldError[] } {
  const values: TValues = { ...input };
  const errors: TFieldError[] = [];
  for (const d of defs) {
    const log = fromLog[d.code];
    if (log === undefined) continue;
    const note = notes[d.code] === undefined ? current[d.code]?.note ?? null : notes[d.code]?.trim() || null;
    const num = d.code in input ? input[d.code].num : current[d.code]?.note ? current[d.code].num : null;
    if (!(d.code in input) && notes[d.code] === undefined) { delete values[d.code]; continue; }
    if (num === null || num === log) { values[d.code] = { num: log, text: null, sourceNum: log, note: null }; continue; }
    if (!note || note.length < 5) {
      errors.push({ field: `notes.${d.code}`, message: `${d.name}: theo sổ tuyên truyền là ${formatDecimalVi(log, 2)}; muốn sửa thành ${formatDecimalVi(num, 2)} phải ghi lý do điều chỉnh (ít nhất 5 ký tự)` });
      continue;
    }
    values[d.code] = { num, text: null, sourceNum: log, note: note.slice(0, 1000) };
  }
  return { values, errors };
}

/** What a submission still lacks before it can be sent: every numeric/yes-no figure, and evidence for a file item. */
export function missingForSubmit(items: { def: TIndicatorDef; required: boolean }[], values: TValues, evidenceCodes: Set<string>): string[] {
  const missing: string[] = [];
  for (const { def, required } of items) {
    if (def.formula) continue;
    if (def.type === 'file') { if (required && !evidenceCodes.has(def.code)) missing.push(def.name); continue; }
    if (def.type === 'text') { if (required && !values[def.code]?.text) missing.push(def.name); continue; }
    if (values[def.code]?.num === null || values[def.code]?.num === undefined) missing.push(def.name);
  }
  return missing;
}
