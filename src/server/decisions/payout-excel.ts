// Danh sách chi tiền thưởng per unit (Excel): TT, Họ và tên, Chức vụ/đơn vị, Danh hiệu/hình thức, Hệ số,
// Mức lương cơ sở, Số tiền, and a total row. One sheet per unit of the awardees (or only the asked unit).
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../shared/vn';
import type { TContext } from '../auth/access';
import { AppError } from '../errors';
import { decisionLines, loadReadableDecision } from './manage-decisions';

export const PAYOUT_HEADERS = ['TT', 'Họ và tên', 'Chức vụ/đơn vị', 'Danh hiệu/hình thức', 'Hệ số', 'Mức lương cơ sở', 'Số tiền'] as const;
/** Row of the column headers; data starts on the next row. */
export const PAYOUT_HEADER_ROW = 5;

function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28).trim() || 'Đơn vị';
  let n = 2;
  const first = base;
  while (used.has(base)) base = `${first.slice(0, 25)} ${n++}`;
  used.add(base);
  return base;
}

export async function payoutWorkbook(ctx: TContext, id: string, unitId?: string): Promise<{ bytes: Buffer; name: string }> {
  const d = await loadReadableDecision(ctx, id);
  const lines = await decisionLines(ctx.db, id);
  const units = new Map<string, { name: string; lines: typeof lines }>();
  for (const l of lines) {
    if (unitId && l.unit_id !== unitId) continue;
    const u = units.get(l.unit_id) ?? { name: l.unit_name, lines: [] };
    u.lines.push(l);
    units.set(l.unit_id, u);
  }
  if (!units.size) throw new AppError('NOT_FOUND', 'Quyết định không có ai thuộc đơn vị này');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  const used = new Set<string>();
  for (const u of units.values()) {
    const ws = wb.addWorksheet(sheetName(u.name, used));
    ws.columns = [{ width: 6 }, { width: 28 }, { width: 36 }, { width: 30 }, { width: 8 }, { width: 16 }, { width: 16 }];
    ws.mergeCells(1, 1, 1, 7);
    ws.getCell(1, 1).value = 'DANH SÁCH CHI TIỀN THƯỞNG';
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.mergeCells(2, 1, 2, 7);
    ws.getCell(2, 1).value = `(Kèm theo Quyết định số ${d.number_symbol} ngày ${formatDateVi(d.decision_date)} của ${d.authority_name})`;
    ws.getCell(2, 1).alignment = { horizontal: 'center' };
    ws.getCell(3, 1).value = `Đơn vị: ${u.name}`;
    ws.getCell(3, 1).font = { bold: true };
    const header = ws.getRow(PAYOUT_HEADER_ROW);
    PAYOUT_HEADERS.forEach((h, i) => {
      const c = header.getCell(i + 1);
      c.value = h;
      c.font = { bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
    let r = PAYOUT_HEADER_ROW + 1;
    let total = 0;
    for (const [n, l] of u.lines.entries()) {
      const row = ws.getRow(r++);
      const amount = Number(l.amount);
      total += amount;
      row.values = [n + 1, l.name, [l.position, l.unit_name].filter(Boolean).join(', '), l.note ? `${l.title_name} (không chi: chỉ nhận mức cao nhất)` : l.title_name, Number(l.coefficient), Number(l.base_salary), amount];
      row.getCell(6).numFmt = '#,##0';
      row.getCell(7).numFmt = '#,##0';
    }
    const tr = ws.getRow(r);
    tr.getCell(2).value = 'Tổng cộng';
    tr.getCell(2).font = { bold: true };
    tr.getCell(7).value = total;
    tr.getCell(7).numFmt = '#,##0';
    tr.getCell(7).font = { bold: true };
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, name: `danh-sach-chi-tien-thuong-${d.number_symbol.replace(/[^A-Za-z0-9]+/g, '-')}.xlsx` };
}
