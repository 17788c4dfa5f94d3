// The criteria table in Excel: export (the same columns import reads) and import in two steps —
// a dry run that reports every bad row, then the apply, which replaces the tree in one transaction.
import ExcelJS from 'exceljs';
import type { TContext } from '../auth/access';
import { AppError } from '../errors';
import { EVIDENCE_TYPES, parentCode, treeProblems } from './assessment-model';
import { assertState, requireOwner } from './assessment-access';
import { findAssessment, loadCriteria } from './assessments.repository';
import { setCriteria, type TCriterionInput } from './manage-assessments';

export const CRITERIA_COLUMNS = [
  { header: 'Mã', key: 'code', width: 10 },
  { header: 'Tên nhóm / tiêu chí', key: 'name', width: 60 },
  { header: 'Điểm tối đa', key: 'max', width: 12 },
  { header: 'Điểm thưởng', key: 'bonus', width: 12 },
  { header: 'Điểm trừ tối đa', key: 'penalty', width: 14 },
  { header: 'Hướng dẫn chấm', key: 'guidance', width: 50 },
  { header: 'Bắt buộc minh chứng (Có/Không)', key: 'evidence', width: 16 },
  { header: 'Loại tệp minh chứng', key: 'types', width: 18 },
  { header: 'Hạn tự đánh giá (dd/mm/yyyy)', key: 'deadline', width: 16 },
  { header: 'Mã chỉ tiêu báo cáo', key: 'indicator', width: 18 },
] as const;

export async function exportCriteria(ctx: TContext, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.read');
  const criteria = await loadCriteria(ctx.db, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  ws.columns = CRITERIA_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const c of criteria) {
    const row = ws.addRow({
      code: c.code, name: c.name, max: c.maxPoints, bonus: c.bonusPoints || null, penalty: c.penaltyPoints || null, guidance: c.guidance ?? '',
      evidence: c.evidenceRequired ? 'Có' : 'Không', types: (c.evidenceTypes ?? []).join(', '), deadline: c.deadline ? c.deadline.split('-').reverse().join('/') : '', indicator: c.indicatorCode ?? '',
    });
    row.getCell('code').numFmt = '@';
    if (c.level === 1) row.font = { bold: true };
  }
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `Bang-tieu-chi-${a.year}.xlsx`, bytes: new Uint8Array(buf as ArrayBuffer) };
}

const text = (v: ExcelJS.CellValue): string => {
  if (v == null) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
};
const num = (s: string): number | null => {
  if (!s) return null;
  const n = Number(s.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
};

export type TImportRowError = { row: number; message: string };

/** Reads and checks the file; returns the criteria and every problem with its row number. */
export async function parseCriteriaWorkbook(bytes: Uint8Array): Promise<{ items: TCriterionInput[]; errors: TImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel (.xlsx)');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào');
  const header = CRITERIA_COLUMNS.map((_, i) => text(ws.getRow(1).getCell(i + 1).value).toLowerCase());
  if (header[0] !== 'mã' || !header[1].startsWith('tên')) throw new AppError('VALIDATION', 'Tệp không đúng mẫu bảng tiêu chí: dòng 1 phải là tiêu đề cột (Mã, Tên nhóm / tiêu chí, Điểm tối đa, …). Hãy tải mẫu bằng nút Xuất Excel');
  const items: (TCriterionInput & { row: number })[] = [];
  const errors: TImportRowError[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = CRITERIA_COLUMNS.map((_, i) => text(row.getCell(i + 1).value));
    if (cells.every((c) => !c)) continue;
    const [code, name, max, bonus, penalty, guidance, evidence, types, deadline, indicator] = cells;
    const rowErr = (message: string) => errors.push({ row: r, message });
    if (!code) rowErr('Thiếu mã tiêu chí');
    if (!name) rowErr('Thiếu tên tiêu chí');
    const maxN = num(max), bonusN = num(bonus) ?? 0, penaltyN = num(penalty) ?? 0;
    if (maxN == null || Number.isNaN(maxN) || maxN < 0) rowErr(`Điểm tối đa "${max}" không hợp lệ (số không âm)`);
    if (Number.isNaN(bonusN) || bonusN < 0) rowErr(`Điểm thưởng "${bonus}" không hợp lệ`);
    if (Number.isNaN(penaltyN) || penaltyN < 0) rowErr(`Điểm trừ tối đa "${penalty}" không hợp lệ (ghi số dương, ví dụ 2)`);
    const ev = evidence.toLowerCase();
    if (ev && !['có', 'co', 'không', 'khong', 'x', ''].includes(ev)) rowErr(`Cột minh chứng chỉ nhận "Có" hoặc "Không" (gặp "${evidence}")`);
    const typeList = types ? types.split(/[,;\s]+/).map((t) => t.toLowerCase().replace(/^\./, '')).filter(Boolean).map((t) => (t === 'jpeg' ? 'jpg' : t)) : [];
    for (const t of typeList) if (!(EVIDENCE_TYPES as readonly string[]).includes(t)) rowErr(`Loại tệp "${t}" không được hỗ trợ (pdf, png, jpg, docx, xlsx, doc)`);
    let deadlineIso: string | null = null;
    if (deadline) {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(deadline) ?? null;
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
      if (!iso || Number.isNaN(Date.parse(iso))) rowErr(`Hạn "${deadline}" không đúng dạng dd/mm/yyyy`);
      deadlineIso = iso;
    }
    items.push({ row: r, code, name, maxPoints: maxN ?? 0, bonusPoints: bonusN, penaltyPoints: penaltyN, guidance: guidance || null, evidenceRequired: ev === 'có' || ev === 'co' || ev === 'x', evidenceTypes: typeList.length ? typeList : null, deadline: deadlineIso, indicatorCode: indicator || null });
  }
  // Tree-level problems (duplicate codes, missing parents, sums), attributed to the row of the code.
  const rowOf = new Map<string, number>();
  for (const it of items) if (!rowOf.has(it.code)) rowOf.set(it.code, it.row);
  for (const p of treeProblems(items.map((i) => ({ ...i, bonusPoints: i.bonusPoints ?? 0, penaltyPoints: i.penaltyPoints ?? 0 })))) {
    const code = /(?:Mã "?|tiêu chí |của |Điểm tối đa của )([0-9A-Za-z.]+)/.exec(p)?.[1];
    errors.push({ row: (code && rowOf.get(code)) || 0, message: p });
  }
  errors.sort((x, y) => x.row - y.row);
  return { items: items.map(({ row: _row, ...rest }) => rest), errors };
}

export async function importCriteria(ctx: TContext, id: string, bytes: Uint8Array, dryRun: boolean) {
  const a = await findAssessment(ctx.db, id);
  await requireOwner(ctx, a, 'assessment.write');
  assertState(a, ['draft'], 'Chỉ nhập bảng tiêu chí khi đang xây dựng');
  const { items, errors } = await parseCriteriaWorkbook(bytes);
  const summary = { rows: items.length, groups: items.filter((i) => !i.code.includes('.')).length, maxTotal: items.filter((i) => !items.some((k) => parentCode(k.code) === i.code)).reduce((s, i) => s + i.maxPoints, 0) };
  if (dryRun || errors.length) return { dryRun, applied: false, errors, summary, items };
  await setCriteria(ctx, id, items);
  return { dryRun, applied: true, errors, summary, items };
}
